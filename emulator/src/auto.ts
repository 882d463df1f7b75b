import type { Emulator } from './context';
import { step } from './jobs';

/**
 * Automatic mode (demo): on every tick, each unfinished job takes one step of its life —
 * queued → available → pending → reviewable (→ approved unless `approveReviewable` is off),
 * revising → reviewable, rejected+requeue → available — with the usual callbacks. Held jobs
 * stay held until `advance`.
 */
export class AutoMode {
  private timer?: NodeJS.Timeout;
  intervalMs = 1000;

  constructor(private emu: Emulator) {}

  get on() {
    return this.timer !== undefined;
  }

  start(intervalMs = this.intervalMs) {
    this.stop();
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref?.();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  tick() {
    const approveReviewable = this.emu.config.autoApprovesReviewable;
    for (const job of [...this.emu.store.jobs.values()]) {
      if (job.status === 'hold') continue; // held jobs wait for the control API, not the clock
      try {
        step(this.emu, job, { approveReviewable });
      } catch (err) {
        console.error(`[gengo-emulator] auto mode could not move job ${job.id}:`, err);
      }
    }
  }
}

import type { Emulator } from './context';
import { step, sweepAutoApprovals } from './jobs';

/**
 * Automatic mode (demo): on every tick, each unfinished job takes one step of its life —
 * queued → available → pending → reviewable, or approved when the job's auto_approve flag says
 * so; revising → reviewable, rejected+requeue → available — with the usual callbacks. Reviewable
 * jobs wait for the customer (or Gengo's auto-approval period) unless `approveReviewable` is on
 * (the customer approving in Gengo's dashboard). Held jobs stay held until `advance`.
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
    sweepAutoApprovals(this.emu);
    for (const job of [...this.emu.store.jobs.values()]) {
      if (job.status === 'hold') continue; // held jobs wait for the control API, not the clock
      try {
        step(this.emu, job, { approveReviewable });
      } catch (err) {
        console.error(`[gengo-emulator] auto mode could not move job ${job.id}:`, err);
      }
    }
    this.emu.stateFile?.schedule();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { Store, type StoreSnapshot } from './state';

/**
 * The emulator's state kept in a JSON file across restarts (`stateFile`): the account, its
 * orders, jobs and the next ids, so that a second run carries on where the first stopped (job
 * and order ids never start again at 1000001 beside a database that still holds them). Written
 * a moment after each change (atomically: a temporary file renamed over the old one) and on
 * close. Without `stateFile` nothing is read or written: tests start clean.
 */
export class StateFile {
  private timer?: NodeJS.Timeout;

  constructor(
    readonly file: string,
    private current: () => Store,
    private delayMs = 200
  ) {}

  /** The stored state, or undefined when the file does not exist yet. */
  load(): Store | undefined {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return Store.fromSnapshot(JSON.parse(raw) as StoreSnapshot);
  }

  /** Writes the state a moment from now (changes in a burst are written once). */
  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delayMs);
    this.timer.unref?.();
  }

  /** Writes now (close, reset). */
  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write() {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.current().snapshot()));
    fs.renameSync(tmp, this.file);
  }
}

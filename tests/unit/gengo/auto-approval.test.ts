import { autoApproveSeconds } from '../../../emulator/src';
import { autoApproveAt, autoApprovePeriodMs } from '../../../server/src/gengo';

/** overview.md: 72 hours, or 24 hours for each 1000 words, whichever is the greatest. */
describe('auto-approval deadline', () => {
  const HOUR = 3600 * 1000;
  it('72 hours for small jobs, 24 hours per 1000 words for large ones (the docs’ 5,000 words → 120 h)', () => {
    expect(autoApprovePeriodMs(12)).toBe(72 * HOUR);
    expect(autoApprovePeriodMs(3000)).toBe(72 * HOUR);
    expect(autoApprovePeriodMs(5000)).toBe(120 * HOUR);
    expect(autoApprovePeriodMs(null)).toBe(72 * HOUR);
  });
  it('the same rule as the emulator', () => {
    for (const units of [0, 1, 999, 3000, 3001, 4500, 5000, 12_345])
      expect(autoApprovePeriodMs(units)).toBe(autoApproveSeconds(units) * 1000);
  });
  it('from when the job became reviewable; null without it', () => {
    expect(autoApproveAt('2026-12-01T10:00:00.000Z', 40)).toBe('2026-12-04T10:00:00.000Z');
    expect(autoApproveAt('2026-12-01T10:00:00.000Z', 6000)).toBe('2026-12-07T10:00:00.000Z');
    expect(autoApproveAt(null, 40)).toBeNull();
    expect(autoApproveAt('not a date', 40)).toBeNull();
  });
});

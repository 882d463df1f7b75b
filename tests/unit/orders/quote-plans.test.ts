import type { GengoClient } from '../../../server/src/gengo';
import { JOBS_PER_QUOTE, quotePlans, type PlanToQuote } from '../../../server/src/ordering/quote';

/** A plan of `chunks` chunks, one segment. */
const planOf = (doc: number, chunks: number): PlanToQuote =>
  ({
    lcSrc: 'en',
    lcTgt: 'fr',
    tier: 'standard',
    plan: {
      segments: [{ key: `s${doc}`, kind: 'text', paths: ['title'] }],
      chunks: Array.from({ length: chunks }, (_, c) => ({
        key: `c${c}`,
        segmentKey: `s${doc}`,
        text: `doc ${doc} chunk ${c}`,
      })),
    },
  }) as unknown as PlanToQuote;

/** A Gengo that prices each job 0.1 credits after `delayMs`, and counts its calls in flight. */
const fakeGengo = (opts: { delayMs?: number; failCall?: number } = {}) => {
  const seen = { calls: [] as number[], open: 0, maxOpen: 0 };
  const client = {
    async getQuote({ jobs }: { jobs: Record<string, unknown> }) {
      const call = seen.calls.push(Object.keys(jobs).length);
      seen.open++;
      seen.maxOpen = Math.max(seen.maxOpen, seen.open);
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 10));
      seen.open--;
      if (call === opts.failCall) throw new Error('Gengo said no');
      return {
        jobs: Object.fromEntries(
          Object.keys(jobs).map((k) => [k, { unit_count: 2, credits: 0.1, currency: 'USD', eta: 60 }])
        ),
      };
    },
  } as unknown as GengoClient;
  return { client, seen };
};

describe('quotePlans', () => {
  it('prices each plan within one call, fills calls up to the job limit, and runs a few calls at a time', async () => {
    const plans = Array.from({ length: 10 }, (_, i) => planOf(i, 30));
    const { client, seen } = fakeGengo();
    const quoted = await quotePlans(plans, client);
    expect(seen.calls).toEqual([90, 90, 90, 30]); // three plans of 30 fit in JOBS_PER_QUOTE (100)
    expect(Math.max(...seen.calls)).toBeLessThanOrEqual(JOBS_PER_QUOTE);
    expect(seen.maxOpen).toBeGreaterThan(1);
    expect(seen.maxOpen).toBeLessThanOrEqual(4);
    expect(quoted.map((q) => [q.jobs, q.units, q.credits])).toEqual(plans.map(() => [30, 60, 3]));
  });

  it('a refused call fails the quote', async () => {
    const { client } = fakeGengo({ failCall: 2 });
    await expect(
      quotePlans(
        Array.from({ length: 10 }, (_, i) => planOf(i, 30)),
        client
      )
    ).rejects.toThrow('Gengo said no');
  });

  it('one plan is one call, its chunk keys as they are', async () => {
    const { client, seen } = fakeGengo();
    const [q] = await quotePlans([planOf(0, 2)], client);
    expect(seen.calls).toEqual([2]);
    expect(q.credits).toBe(0.2);
  });
});

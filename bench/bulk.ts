import type { BenchResult } from './lib/stats';
import type { BenchDb } from './lib/world';

export default async function bulkBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  return [{ bench: 'bulk', db, n, rows: [], notes: ['not written yet'] }];
}

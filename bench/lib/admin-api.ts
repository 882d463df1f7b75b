import { ARTICLE } from '../../tests/helpers/orders';
import type { World } from './world';

/** The plugin's admin routes, as a super admin with `token`. */
export const adminApi =
  (w: World, token: string) =>
  (path: string, init: RequestInit = {}) =>
    fetch(`${w.baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

export type AdminApi = ReturnType<typeof adminApi>;

const FINAL = new Set(['completed', 'failed', 'cancelled']);

/** How often the admin's bulk dialog asks for a running batch (admin/src/components/BulkTranslate/useBatch.ts). */
const UI_POLL_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `POST /gengo/bulk` of the articles, then `GET /gengo/bulk/:id` as the admin's dialog does, until
 * the batch is final; its last view. The moment it finishes is taken from the in-process worker
 * (`idle()`), not from the polls: polling every few ms to catch it would load the server with
 * requests no admin makes.
 */
export const bulkOrderAndWait = async (
  api: AdminApi,
  worker: { idle(): Promise<void> },
  body: { documentIds: string[]; targetLocales: string[]; autoApprove?: boolean; idempotencyKey: string }
) => {
  const t0 = performance.now();
  const res = await api('/gengo/bulk', { method: 'POST', body: JSON.stringify({ contentType: ARTICLE, ...body }) });
  const created = (await res.json()) as any;
  /** The bulk route itself: the selection read, quoted and checked, the batch recorded. */
  const acceptedMs = performance.now() - t0;
  if (res.status !== 202 && res.status !== 200)
    throw new Error(`POST /gengo/bulk: ${res.status} ${JSON.stringify(created)}`);
  let batch = created.data;
  const deadline = Date.now() + 1_800_000;
  while (!FINAL.has(batch.status)) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the batch to finish');
    // The worker idle with the batch not final: paused (Gengo unreachable), picked up on a later tick.
    const idle = await Promise.race([worker.idle().then(() => true), sleep(UI_POLL_MS).then(() => false)]);
    batch = ((await (await api(`/gengo/bulk/${batch.id}`)).json()) as any).data;
    if (idle && !FINAL.has(batch.status)) await sleep(UI_POLL_MS);
  }
  return Object.assign(batch, { acceptedMs });
};

/** The emulator's request log as "3 GET translate/jobs/{id}, 1 POST …". */
export const callKinds = (calls: Array<{ method: string; path: string }>) => {
  const byKind = new Map<string, number>();
  for (const c of calls) {
    const kind = `${c.method} ${c.path.replace(/^\/v2\//, '').replace(/\d+(,\d+)*/g, '{id}')}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return [...byKind.entries()].map(([k, v]) => `${v} ${k}`).join(', ');
};

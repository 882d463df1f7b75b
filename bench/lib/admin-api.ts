import { ARTICLE } from '../../tests/helpers/orders';
import { waitUntil } from './fixtures';
import type { World } from './world';

/** The plugin's admin routes, as a super admin with `token`. */
export const adminApi = (w: World, token: string) => (path: string, init: RequestInit = {}) =>
  fetch(`${w.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

export type AdminApi = ReturnType<typeof adminApi>;

const FINAL = new Set(['completed', 'failed', 'cancelled']);

/** `POST /gengo/bulk` of the articles, then `GET /gengo/bulk/:id` until the batch is final; its last view. */
export const bulkOrderAndWait = async (api: AdminApi, body: { documentIds: string[]; targetLocales: string[]; autoApprove?: boolean; idempotencyKey: string }) => {
  const t0 = performance.now();
  const res = await api('/gengo/bulk', { method: 'POST', body: JSON.stringify({ contentType: ARTICLE, ...body }) });
  const created = (await res.json()) as any;
  /** The bulk route itself: the selection read, quoted and checked, the batch recorded. */
  const acceptedMs = performance.now() - t0;
  if (res.status !== 202 && res.status !== 200) throw new Error(`POST /gengo/bulk: ${res.status} ${JSON.stringify(created)}`);
  let batch = created.data;
  await waitUntil(
    'the batch to finish',
    async () => {
      batch = ((await (await api(`/gengo/bulk/${batch.id}`)).json()) as any).data;
      return FINAL.has(batch.status);
    },
    1_800_000,
    50
  );
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

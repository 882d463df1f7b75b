import { sha256Hex } from '../content';

/**
 * Request keys make a repeated order request (double click, retried POST) find the order it
 * already placed: `plugin::gengo.order.requestKey` is unique in the database, one per target locale.
 */

/** Derived keys fall into windows of this length: the same request within it is the same order. */
export const REQUEST_WINDOW_MS = 5 * 60 * 1000;

export interface RequestKeyInput {
  userId: number | string | null;
  uid: string;
  documentId: string;
  sourceLocale: string;
  targetLocale: string;
  tier: string;
  segmentHashes: string[];
  /** Order options: a request with other options is another order. */
  options?: Record<string, unknown>;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
  );

/** Keys derived from the request's content, for the current window and the one before it. */
export const derivedRequestKeys = (input: RequestKeyInput, now: number): { current: string; previous: string } => {
  const bucket = Math.floor(now / REQUEST_WINDOW_MS);
  const base = stable({ ...input, segmentHashes: [...input.segmentHashes].sort() });
  return { current: `d:${sha256Hex(`${base}|${bucket}`)}`, previous: `d:${sha256Hex(`${base}|${bucket - 1}`)}` };
};

/** A key the client sent (`Idempotency-Key`): scoped to the user and the target locale. */
export const explicitRequestKey = (key: string, userId: number | string | null, targetLocale: string): string =>
  `k:${sha256Hex(stable({ key, userId, targetLocale }))}`;

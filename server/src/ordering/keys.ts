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
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v
  );

const windowKeys = (base: string, now: number): { current: string; previous: string } => {
  const bucket = Math.floor(now / REQUEST_WINDOW_MS);
  return { current: `d:${sha256Hex(`${base}|${bucket}`)}`, previous: `d:${sha256Hex(`${base}|${bucket - 1}`)}` };
};

/** Keys derived from the request's content, for the current window and the one before it. */
export const derivedRequestKeys = (input: RequestKeyInput, now: number): { current: string; previous: string } =>
  windowKeys(stable({ ...input, segmentHashes: [...input.segmentHashes].sort() }), now);

/** A bulk request without a key of its own: the same selection by the same user within the window. */
export const derivedBatchKeys = (
  input: Record<string, unknown> & { documentIds: string[] },
  userId: number | string | null,
  now: number
) => windowKeys(stable({ batch: { ...input, documentIds: [...input.documentIds].sort() }, userId }), now);

/** A bulk request's own key (`Idempotency-Key`), scoped to the user. */
export const explicitBatchKey = (key: string, userId: number | string | null): string =>
  `k:${sha256Hex(stable({ batch: key, userId }))}`;

/**
 * The key a batch item orders with: the same on every run of the item, so that a run after a
 * crash finds the orders of the run before (`explicitRequestKey` adds the user and the locale).
 */
export const batchItemKey = (batchId: number, documentId: string): string => `bulk:${batchId}:${documentId}`;

/** A key the client sent (`Idempotency-Key`): scoped to the user and the target locale. */
export const explicitRequestKey = (key: string, userId: number | string | null, targetLocale: string): string =>
  `k:${sha256Hex(stable({ key, userId, targetLocale }))}`;

export interface OrderKeysInput {
  idempotencyKey?: string | null;
  userId: number | string | null;
  uid: string;
  documentId: string;
  sourceLocale: string;
  tier: string;
  options: Record<string, unknown>;
  targets: Array<{ locale: string; segments: Array<{ hash: string; paths: string[] }> }>;
}

/** Per target locale, the key an order is recorded under and the keys that find an earlier twin. */
export const orderRequestKeys = (
  input: OrderKeysInput,
  now: number
): Map<string, { current: string; lookup: string[] }> =>
  new Map(
    input.targets.map(({ locale, segments }) => {
      if (input.idempotencyKey) {
        const key = explicitRequestKey(input.idempotencyKey, input.userId, locale);
        return [locale, { current: key, lookup: [key] }];
      }
      const { current, previous } = derivedRequestKeys(
        {
          userId: input.userId,
          uid: input.uid,
          documentId: input.documentId,
          sourceLocale: input.sourceLocale,
          targetLocale: locale,
          tier: input.tier,
          segmentHashes: segments.map((s) => `${s.hash}:${s.paths.join(',')}`),
          options: input.options,
        },
        now
      );
      return [locale, { current, lookup: [current, previous] }];
    })
  );

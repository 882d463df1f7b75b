import type { Core } from '@strapi/strapi';
import type { OrderRecord } from './records';
import {
  GENGO_EVENTS,
  type GengoEventName,
  type GengoEventPayloads,
  type OrderRef,
} from '../../../shared/contracts/events';

/**
 * The plugin's events for the site's own code: emitted on Strapi's event hub, and offered as
 * webhook events (the core webhook store refuses a webhook naming an event it does not know).
 * Payloads are typed in shared/contracts/events.ts: ids, locales, field paths, credits; never a
 * field's text, never a key.
 *
 * Each is emitted by the code that made the transition, once it is committed: inside a transaction
 * the event waits for the commit (and is dropped with a rollback, as the transition is), so a slice
 * rolled back and synced again does not emit twice, and a reader fetching the order on receipt
 * finds the new state.
 */

/** In bootstrap: the events become choosable for webhooks (as content-releases does with its own). */
export const registerWebhookEvents = (strapi: Core.Strapi): void => {
  const store = strapi.get('webhookStore') as { addAllowedEvent(key: string, value: string): void } | undefined;
  if (!store) return;
  for (const [key, value] of Object.entries(GENGO_EVENTS)) store.addAllowedEvent(key, value);
};

export const emitEvent = async <N extends GengoEventName>(
  strapi: Core.Strapi,
  name: N,
  payload: GengoEventPayloads[N]
): Promise<void> => {
  // A listener's failure is the site's, never the transition's: logged, not thrown.
  const send = () => {
    Promise.resolve()
      .then(() => strapi.eventHub.emit(name, payload as unknown as Record<string, unknown>))
      .catch((err) => strapi.log.error(`[gengo] event ${name}: ${err?.message ?? err}`));
  };
  if (!(strapi.db as any).inTransaction()) return send();
  // A nested transaction shares the outer one's commit callbacks: `send` runs after its commit.
  await strapi.db.transaction(async ({ onCommit }) => onCommit(send));
};

/** The order part of every order and job event. */
export const orderRef = (order: OrderRecord): OrderRef => ({
  orderId: order.id,
  reference: order.reference,
  gengoOrderId: order.gengoOrderId ?? null,
  contentType: order.contentType,
  documentId: order.targetDocumentId,
  sourceLocale: order.sourceLocale,
  targetLocale: order.targetLocale,
  tier: order.tier ?? null,
});

/** The field paths of an order's segment (none when the order does not know it). */
export const segmentFields = (order: OrderRecord, segmentKey: string): string[] =>
  order.segments?.find((s) => s.key === segmentKey)?.paths ?? [];

/** `gengo.order.placed`: Gengo took the POST (one job per chunk of each segment). */
export const emitOrderPlaced = (strapi: Core.Strapi, order: OrderRecord) =>
  emitEvent(strapi, 'gengo.order.placed', {
    ...orderRef(order),
    credits: order.credits == null ? null : Number(order.credits),
    currency: order.currency ?? null,
    jobCount: (order.segments ?? []).reduce((n, s) => n + (s.separators?.length ?? 0) + 1, 0),
    fields: [...new Set((order.segments ?? []).flatMap((s) => s.paths))],
    orderedById: order.orderedById ?? null,
  });

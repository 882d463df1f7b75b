import type { Core } from '@strapi/strapi';
import type { BulkOrderRequest } from '../../../shared/contracts/bulk';
import { errors } from '@strapi/utils';
import { derivedBatchKeys, explicitBatchKey, invalid, type BudgetCheck, type OrderingUser } from '../ordering';
import type { ContentAccess } from '../platform/content-permissions';
import { emitEvent } from '../platform/events';
import type { BulkInput, BulkQuotes } from './quote';
import type { BatchStore } from './store';
import { toBatchView, type BatchView } from './view';
import type { BulkWorker } from './worker';

/**
 * Bulk orders (`/gengo/bulk…`): a batch is made only once the whole selection is priced and fits the
 * balance and the caps; it then runs server-side (worker.ts) while the admin watches its counters.
 */
/** `POST /gengo/bulk` body, as validated: the same key (same user) gives the same batch. */
export type BulkOrderInput = BulkOrderRequest;

export const createBatches = ({
  strapi,
  store,
  quotes,
  worker,
}: {
  strapi: Core.Strapi;
  store: BatchStore;
  quotes: BulkQuotes;
  worker: BulkWorker;
}) => {
  const requestKeys = (input: BulkOrderInput, user: OrderingUser): string[] => {
    if (input.idempotencyKey) return [explicitBatchKey(input.idempotencyKey, user.id)];
    const { idempotencyKey: _k, ...rest } = input;
    const { current, previous } = derivedBatchKeys(
      { ...rest, targetLocales: [...rest.targetLocales].sort() },
      user.id,
      Date.now()
    );
    return [current, previous];
  };

  const view = async (id: number): Promise<BatchView> => {
    const batch = await store.findBatch(id);
    if (!batch) throw new errors.NotFoundError(`No bulk order ${id}`);
    const [failures, translated] = await Promise.all([store.failures(id), store.translated(id)]);
    return { ...toBatchView(batch, failures), translated };
  };

  return {
    /** With `access`: documents the admin may not order are skipped with the reason (all refused: 403). */
    quote: (input: BulkInput, access?: ContentAccess) => quotes.quote(input, access),

    /** The batch, made and started (`created`), or the one the same request made before. */
    async create(
      input: BulkOrderInput,
      user: OrderingUser,
      access?: ContentAccess
    ): Promise<{ batch: BatchView; created: boolean }> {
      const keys = requestKeys(input, user);
      const existing = await store.findByRequestKeys(keys);
      if (existing) return { batch: await view(existing.id), created: false };

      const { quote, items } = await quotes.quoteSelection(input, access);
      const unoffered = quote.locales.filter((l) => !l.offered).map((l) => l.locale);
      if (unoffered.length) throw invalid('targetLocales', `Gengo does not offer ${unoffered.join(', ')}`);
      if (!items.length) throw invalid('documentIds', 'Nothing to translate in the selection');
      if (!quote.budget.check.ok) {
        const { message, reason } = quote.budget.check as Extract<BudgetCheck, { ok: false }>;
        await emitEvent(strapi, 'gengo.budget.exceeded', {
          contentType: quote.contentType,
          documentId: null,
          sourceLocale: quote.sourceLocale,
          targetLocales: quote.targetLocales,
          reason,
          cost: quote.credits,
          balance: quote.balance.credits,
          userId: user.id ?? null,
          documents: items.length,
        });
        throw new errors.ApplicationError(message, { reason, cost: quote.credits, balance: quote.balance });
      }
      const batch = await store.insert(
        {
          requestKey: keys[0],
          contentType: quote.contentType,
          sourceLocale: quote.sourceLocale,
          targetLocales: quote.targetLocales,
          tier: quote.tier,
          options: { comment: input.comment?.trim() || null, autoApprove: input.autoApprove ?? null },
          total: items.length,
          currency: quote.currency || null,
          skipped: quote.skipped,
          requestedById: user.id,
          requestedByName: user.name,
        },
        items.map((i) => ({ targetDocumentId: i.documentId, title: i.title, prices: i.prices }))
      );
      if (!batch) {
        const twin = await store.findByRequestKeys(keys);
        if (!twin) throw new errors.ApplicationError('The bulk order could not be recorded, try again');
        return { batch: await view(twin.id), created: false };
      }
      worker.start(batch.id);
      return { batch: await view(batch.id), created: true };
    },

    view,

    async list(): Promise<BatchView[]> {
      return (await store.list()).map((b) => toBatchView(b));
    },

    async cancel(id: number): Promise<BatchView> {
      if (!(await store.findBatch(id))) throw new errors.NotFoundError(`No bulk order ${id}`);
      await store.cancel(id);
      return view(id);
    },
  };
};

export type Batches = ReturnType<typeof createBatches>;

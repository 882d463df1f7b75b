import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';
import { accountSummary } from './account';
import { createOrderDeadlines } from './deadlines';
import { createEntryTitles } from './entry-titles';
import { createGroupOrdering } from './group';
import { createPlacing } from './place';
import { createOrderQueries } from './queries';
import { createQuotes } from './quote';
import { createOrderSource } from './source';
import { createOrderStore } from './store';
import { createTranslationStates } from './translation-states';

/**
 * Ordering: an entry's text cut into segments (source), priced (quote), checked against the
 * balance and the caps (budget), recorded and posted to Gengo (place; a bulk page: group), and the
 * orders read back (queries, the account). The order and job rows are this capability's (store):
 * review, bulk and publishing reach them through here.
 */
const createOrderingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createOrderStore(strapi);
  const source = createOrderSource(strapi);
  const titles = createEntryTitles(strapi);
  const quotes = createQuotes(strapi, { source, store });
  const placing = createPlacing(strapi, { store, quotes, source });
  const group = createGroupOrdering(strapi, { placing, store });
  const queries = createOrderQueries({
    strapi,
    store,
    titles,
    deadlines: createOrderDeadlines(strapi),
    // Named by their field's label, as the review view names them ("Conflict on Title").
    conflictsOf: async (order) =>
      getService(strapi, 'review').labelledConflicts(order, await getService(strapi, 'receiving').conflicts(order)),
  });
  const states = createTranslationStates(strapi, store);

  return {
    /** `POST /gengo/quote` */
    quote: quotes.quote,
    /** `GET /gengo/order-options` */
    options: quotes.options,
    /** `POST /gengo/orders` (also translate on publish) */
    place: placing.place,
    /** A page of a bulk order, one Gengo order per target locale. */
    placeGroup: group.placeGroup,
    /** `GET /gengo/orders`, `/orders/:id`, `/document-status` */
    list: queries.list,
    one: queries.one,
    documentStatus: queries.documentStatus,
    /** `GET /gengo/document-statuses`: the list view's column, a page of entries at once. */
    documentStatuses: states.statesOf,
    /** `GET /gengo/account`: balance and credits spent. */
    account: async () => accountSummary(await getService(strapi, 'settings').client()),
    /** Resolves once the side effects of earlier orders are done (shutdown, tests). */
    settled: placing.settled,
    /** The order and job rows. */
    store,
    /** Loading and checking what an order starts from. */
    source,
    /** Pricing, and the balance and caps for a cost. */
    quotes,
    /** The titles of entries as the content manager shows them. */
    titles,
    /** Placing drafts (benches time its steps). */
    placing,
    group,
  };
};

export type OrderingService = ReturnType<typeof createOrderingService>;
export default createOrderingService;

export { batchItemKey, derivedBatchKeys, explicitBatchKey } from './keys';
export { checkBatchBudget, type BudgetCheck } from './budget';
export { callbackUrlOf } from './context';
export type { OrderingUser } from './draft';
export { entryKey, type EntryRef } from './entry-titles';
export {
  isTransientRefusal,
  OrderRefusedError,
  type OrderInput,
  type PlaceResult,
  type PlacementContext,
} from './outcomes';
export type { GroupEntry, GroupOutcome } from './group';
export { planSegments } from './plan';
export { withMemory } from './reuse';
export { quotePlans, type PlanToQuote, type QuoteInput } from './quote';
export {
  invalid,
  mapLocales,
  NothingToTranslateError,
  type LoadedSource,
  type SiteLocales,
  type SourceInput,
} from './source';
export { toJobView, toOrderView, type JobView, type OrderView } from './views';

/**
 * The ordering and review routes (`/gengo/quote`, `/gengo/orders`, `/gengo/document-status`,
 * `/gengo/jobs/:id…`): their shapes are the server's, from shared/contracts (types only, and the
 * list of order statuses).
 */
export { ORDER_STATUSES, TIERS } from '../../../shared/contracts/orders';
export type {
  ConflictInfo,
  DocumentStatus,
  JobStatus,
  JobView,
  LocaleQuote,
  LocaleStatus,
  RelationGap,
  OrderOptions,
  OrderRequest,
  OrderStatus,
  OrderView,
  Pagination,
  PlaceResult,
  QuoteRequest,
  QuoteResult,
  Tier,
} from '../../../shared/contracts/orders';
export type {
  ApproveFieldsRequest,
  EntryReview,
  FieldActionResult,
  JobComment,
  JobDetail,
  MachinePreview,
  ReadableRun,
  ReadableText,
  RestoredInline,
  RestoredView,
  ReviewField,
  ReviewSegment,
  ReviseFieldsRequest,
} from '../../../shared/contracts/review';
export type { AccountSummary } from '../../../shared/contracts/account';

/** A locale of the site, as the i18n plugin lists it (`GET /i18n/locales`). */
export interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}

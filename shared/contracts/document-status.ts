/**
 * `GET /gengo/document-status`: one entry's orders per target locale, as the side panel and the
 * review view read them. Split from orders.ts (whose views it uses) to keep each contract readable.
 */
import type { OrderStatus, OrderView } from './orders';

/** `GET /gengo/document-status` query. */
export interface DocumentStatusQuery {
  contentType: string;
  documentId: string;
}

/**
 * A relation the target locale links nothing through because the related entry has no version in
 * that locale ("Category: “Guides” has no French version"). Recorded by the latest write of the
 * locale; gone once a write links it (the related entry got the locale since).
 */
export interface RelationGap {
  /** The relation's source path (`category`, `sections[1].links`). */
  path: string;
  /** The field as an editor reads it: the content manager's labels (`Category`, `Sections › Hero › Link`). */
  label: string;
  /** The related content type, and its display name. */
  relatedType: string;
  relatedTypeName: string;
  relatedDocumentId: string;
  /** The related entry's main field in the source locale; null when it has none. */
  relatedTitle: string | null;
  /** The locale the related entry has no version in (the order's target locale). */
  locale: string;
}

export interface LocaleStatus {
  locale: string;
  /** The latest order's status. */
  status: OrderStatus;
  /** Jobs of the latest order by our status. */
  jobs: Record<string, number>;
  /** The latest order, with its jobs (null: none). */
  latest: OrderView | null;
  /** Every order of the locale, newest first, without jobs. */
  orders: OrderView[];
  /** Relations left empty because the related entry has no version in this locale (only what the admin may read). */
  relationGaps: RelationGap[];
}

/** `GET /gengo/document-status` answer. */
export interface DocumentStatus {
  contentType: string;
  documentId: string;
  locales: LocaleStatus[];
}

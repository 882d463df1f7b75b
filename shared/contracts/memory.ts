/**
 * Translation memory (issue 22): approved translations reused instead of ordered again.
 * `GET /gengo/memory` lists the language pairs with what they hold; `DELETE /gengo/memory`
 * clears one pair.
 */

/** Where a remembered (and reused) translation came from. */
export interface MemoryOrigin {
  memoryId: number;
  /** The order whose approved jobs it was, the entry and the field paths. */
  orderId: number | null;
  contentType: string | null;
  documentId: string | null;
  paths: string[];
  gengoJobIds: string[];
  tier: string | null;
  approvedAt: string | null;
  units: number;
}

/** What a target locale's quote reuses instead of ordering (always 0 credits). */
export interface ReusedSummary {
  segments: number;
  units: number;
  credits: 0;
}

/** `GET /gengo/memory` query and `DELETE /gengo/memory` query (both required to delete). */
export interface MemoryPairQuery {
  sourceLang?: string;
  targetLang?: string;
}

export interface MemoryPair {
  sourceLang: string;
  targetLang: string;
  segments: number;
  units: number;
}

/** `GET /gengo/memory` answer. */
export interface MemoryList {
  pairs: MemoryPair[];
}

/** `DELETE /gengo/memory` answer. */
export interface MemoryCleared {
  sourceLang: string;
  targetLang: string;
  deleted: number;
}

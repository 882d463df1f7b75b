/**
 * Types shared by the content modules. They describe only the parts of Strapi's schemas and
 * documents these modules read, so the modules stay pure (no import from `@strapi/*`) and can be
 * tested with plain objects.
 */

export interface Attribute {
  type: string;
  pluginOptions?: { i18n?: { localized?: boolean } } & Record<string, unknown>;
  /** `component` attributes. */
  component?: string;
  repeatable?: boolean;
  /** `dynamiczone` attributes. */
  components?: string[];
  /** `uid` attributes. */
  targetField?: string;
  /** `media` attributes. */
  multiple?: boolean;
  /** `relation` attributes. */
  relation?: string;
  target?: string;
  visible?: boolean;
  writable?: boolean;
  [key: string]: unknown;
}

/** A content type or a component, as `strapi.getModel(uid)` returns it (only what we read). */
export interface Schema {
  uid?: string;
  attributes: Record<string, Attribute>;
  pluginOptions?: Record<string, unknown>;
}

/** Looks a component up by uid (`strapi.getModel` / `strapi.components[uid]` in the service). */
export type GetComponent = (uid: string) => Schema | undefined;

export type Doc = Record<string, unknown>;

/** What a segment holds; decides how it is protected and restored. */
export type SegmentKind = 'string' | 'text' | 'richtext' | 'blocks';

/** A Strapi blocks inline node: a text leaf with marks, or a link around text leaves. */
export interface TextLeaf {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  [key: string]: unknown;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextLeaf[];
  [key: string]: unknown;
}
export type InlineNode = TextLeaf | LinkNode;

/** A block of a `blocks` field (paragraph, heading, list, list-item, quote, code, image…). */
export interface BlockNode {
  type: string;
  children?: Array<BlockNode | InlineNode>;
  [key: string]: unknown;
}

/**
 * One unit of translation. Identical sources of one kind within a document share one segment,
 * whose translation is written back to every one of `paths`.
 */
export interface Segment {
  kind: SegmentKind;
  /** Field paths such as `title`, `sections[2].body`, `content[4]`, `content[1].children[0]`. */
  paths: string[];
  /** The source as a human reads it; for blocks, the plain text of the inline nodes. */
  source: string;
  /** Blocks only: the inline children of the block, our copy to rebuild from. */
  nodes?: InlineNode[];
  /** sha256 hex of kind and content: later orders send only segments whose hash changed. */
  hash: string;
}

/**
 * Text inside a quoted piece of syntax (a markdown title, an HTML attribute value): on restore, the
 * translator's quote characters are escaped so that the syntax still closes where it did.
 */
export interface Quoted {
  /** The delimiter: `"`, `'` or `)` (a markdown title in parentheses). */
  char: string;
  /** HTML attribute (`&quot;`), else markdown (backslash). */
  html?: boolean;
}

/**
 * A protected part, kept on our side and addressed by its number in the text sent to Gengo.
 * `text` parts stand alone; `pair` / `marks` / `link` / `slot` parts open and close around
 * translatable text.
 */
export type Part =
  | { n: number; type: 'text'; text: string }
  | {
      n: number;
      type: 'pair';
      open: string;
      close: string;
      /** After a slot's text: a link `[text](url "title")` closes as `close` + title + `tail`. */
      tail?: string;
      /** The text inside (or, with `tail`, the slot's text) is quoted: see `Quoted`. */
      quoted?: Quoted;
    }
  | { n: number; type: 'node'; node: TextLeaf }
  | { n: number; type: 'marks'; marks: Record<string, unknown> }
  | { n: number; type: 'link'; link: Record<string, unknown> }
  /**
   * A title (of a markdown link or image, of a blocks link): prose the translator translates where
   * it stands, which the restore puts back into part `of` — between a pair's `close` and `tail`, or
   * as a blocks link's `title` — wherever the translator moved it.
   */
  | { n: number; type: 'slot'; of: number };

/** What is sent to Gengo (`text`) and what is kept to restore the translation (`parts`). JSON-safe. */
export interface ProtectedSegment {
  kind: SegmentKind;
  text: string;
  parts: Part[];
}

export type RestoreResult<T = string | InlineNode[]> = { ok: true; value: T } | { ok: false; reason: string };

/** path → translated value: a string, or the inline children of a block for blocks paths. */
export type Translations = Record<string, string | InlineNode[]>;

import { ProtectedBuilder } from './markers';
import { plainTextRanges } from './placeholders';
import type { ProtectedSegment, SegmentKind } from './types';

/** Appends `text` to the builder, wrapping each protected range as a standalone part. */
export const emitPlain = (builder: ProtectedBuilder, text: string): void => {
  let last = 0;
  for (const r of plainTextRanges(text)) {
    builder.text(text.slice(last, r.start)).standalone({ type: 'text', text: text.slice(r.start, r.end) });
    last = r.end;
  }
  builder.text(text.slice(last));
};

/** A whole value that is a link, a path or an anchor (a CTA's `href` kept in a string field). */
const WHOLE_LINK = /^(?:(?:https?|mailto|tel|ftp):\S+|\/\S*|#\S*|www\.\S+)$/i;

/** `string` and `text` fields: plain text, where HTML tags, URLs and placeholders are protected. */
export const protectPlainText = (kind: SegmentKind, source: string): ProtectedSegment => {
  const builder = new ProtectedBuilder();
  if (WHOLE_LINK.test(source.trim())) {
    const start = source.indexOf(source.trim());
    builder
      .text(source.slice(0, start))
      .standalone({ type: 'text', text: source.trim() })
      .text(source.slice(start + source.trim().length));
  } else emitPlain(builder, source);
  return builder.build(kind);
};

import { protectBlocks } from './protect-blocks';
import { protectMarkdown } from './protect-markdown';
import { protectPlainText } from './protect-text';
import { restoreSegment } from './restore';
import type { ProtectedSegment, Segment } from './types';

/**
 * The text to send to Gengo for a segment, and the parts to keep for the restore. Store the whole
 * result with the job: the restore must use our copy of what the markers stand for.
 */
export const protectSegment = (segment: Pick<Segment, 'kind' | 'source' | 'nodes'>): ProtectedSegment => {
  if (segment.kind === 'blocks') return protectBlocks(segment.nodes ?? []);
  if (segment.kind === 'richtext') {
    const result = protectMarkdown(segment.source);
    // The tiling of the source into prose and parts must give the source back; if a parser corner
    // case ever breaks that, fall back to the plain-text rules rather than ship a lossy job.
    const back = restoreSegment(result, result.text);
    if (back.ok && back.value === segment.source) return result;
    return { ...protectPlainText('richtext', segment.source) };
  }
  return protectPlainText(segment.kind, segment.source);
};

import type { JobPayload } from '../gengo';

type Attachment = NonNullable<JobPayload['attachments']>[number];

/** Gengo fetches attachments itself: only absolute http(s) URLs are worth sending. */
const absolute = (url: string, publicUrl: string | null): string | null => {
  if (/^https?:\/\//i.test(url)) return url;
  if (!publicUrl) return null;
  try {
    return new URL(url, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
  } catch {
    return null;
  }
};

const MAX_IMAGES = 10;

/**
 * The images of a populated document (media of any field, in components and dynamic zones too),
 * as Gengo attachments. Relative upload URLs need the site's public URL; without it they are left out.
 */
export const imageAttachments = (doc: unknown, publicUrl: string | null, max = MAX_IMAGES): Attachment[] => {
  const out: Attachment[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (out.length >= max || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const v = value as Record<string, unknown>;
    if (typeof v.url === 'string' && typeof v.mime === 'string') {
      if (!v.mime.startsWith('image/')) return;
      const url = absolute(v.url, publicUrl);
      if (url && !seen.has(url)) {
        seen.add(url);
        out.push({
          url,
          filename: typeof v.name === 'string' && v.name ? v.name : url.split('/').pop()!,
          mime_type: v.mime,
        });
      }
      return;
    }
    Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
};

/** A link to a preview of the entry, as an attachment (the translator opens it in a browser). */
export const previewAttachment = (url: string | null | undefined, publicUrl: string | null): Attachment | null => {
  if (!url) return null;
  const full = absolute(url, publicUrl);
  return full ? { url: full, filename: 'preview.html', mime_type: 'text/html' } : null;
};

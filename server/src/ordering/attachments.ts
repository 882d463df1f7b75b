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

/** Query parameters that carry secrets in preview URLs (Strapi's docs use `secret`; apps add tokens). */
const SECRET_PARAM = /secret|token|key|sig|password|passwd|auth|session|jwt|credential|nonce|hash/i;

/**
 * A preview URL with its secrets taken out: credentials, every query parameter named like a secret
 * or whose value holds one of `secrets` (Strapi's preview secret), and a fragment that does. Null
 * when a secret is still in it (in the path): such a link is not sent at all.
 */
export const withoutSecrets = (url: string, secrets: string[]): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const known = secrets.filter((s) => s.length >= 4);
  const holdsSecret = (v: string) => known.some((s) => v.includes(s) || v.includes(encodeURIComponent(s)));
  u.username = '';
  u.password = '';
  for (const [name, value] of [...u.searchParams])
    if (SECRET_PARAM.test(name) || holdsSecret(value)) u.searchParams.delete(name);
  if (u.hash && (SECRET_PARAM.test(u.hash) || holdsSecret(u.hash))) u.hash = '';
  const out = u.toString();
  let decoded = out;
  try {
    decoded = decodeURIComponent(out);
  } catch {
    // a stray % in the URL: the encoded form is checked
  }
  return holdsSecret(out) || holdsSecret(decoded) ? null : out;
};

/**
 * A link to a preview of the entry, as an attachment (the translator opens it in a browser), with
 * its secrets taken out (`withoutSecrets`).
 */
export const previewAttachment = (
  url: string | null | undefined,
  publicUrl: string | null,
  secrets: string[] = []
): Attachment | null => {
  if (!url) return null;
  const full = absolute(url, publicUrl);
  const safe = full && withoutSecrets(full, secrets);
  return safe ? { url: safe, filename: 'preview.html', mime_type: 'text/html' } : null;
};

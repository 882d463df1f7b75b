import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../platform/services';
import type { GengoClient } from '../gengo';
import type { PreparedSource } from './source';

/** What an order takes from around it: the callback URL, a preview link, the account's glossaries. */

/** The receiving side's callback URL, when it offers one (it needs a public URL). */
export const callbackUrlOf = async (strapi: Core.Strapi): Promise<string | null> => {
  try {
    const url = await getService(strapi, 'receiving').callbackUrl();
    return typeof url === 'string' && url ? url : null;
  } catch (err: any) {
    strapi.log.warn(`[gengo] no callback URL: ${err?.message ?? err}`);
    return null;
  }
};

/**
 * The secrets a preview URL may carry: Strapi's docs have the preview handler put PREVIEW_SECRET in
 * the URL it returns (`?secret=…`), for the front end to check. They never go to Gengo.
 */
export const previewSecrets = (strapi: Core.Strapi): string[] =>
  [process.env.PREVIEW_SECRET, strapi.config.get('admin.preview.config.secret')].filter(
    (s): s is string => typeof s === 'string' && s.length > 0
  );

/**
 * The app's preview URL for the entry (`admin.preview` config), as a link for the translator: only
 * when the `previewLinks` setting is on (off by default: the link leaves the site).
 */
export const previewUrlOf = async (
  strapi: Core.Strapi,
  prepared: PreparedSource,
  settings: { previewLinks: boolean }
): Promise<string | null> => {
  if (!settings.previewLinks) return null;
  try {
    const preview = strapi.config.get('admin.preview') as any;
    if (!preview?.enabled || typeof preview?.config?.handler !== 'function') return null;
    const url = await preview.config.handler(prepared.uid, {
      documentId: prepared.documentId,
      locale: prepared.sourceLocale,
      status: 'draft',
    });
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
};

/** A glossary id must be one of the account's. */
export const checkGlossary = async (client: GengoClient, glossaryId: number | null | undefined): Promise<void> => {
  if (glossaryId == null) return;
  const glossaries = await client.listGlossaries();
  if (!glossaries.some((g) => String(g.id) === String(glossaryId))) {
    const message = `Glossary ${glossaryId} is not one of the Gengo account's glossaries`;
    throw new errors.ValidationError(message, { errors: [{ path: ['glossaryId'], message, name: 'ValidationError' }] });
  }
};

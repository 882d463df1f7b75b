import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Ordering sends an entry's text to Gengo: the admin must be allowed to read that entry type.
 * (An unknown type is left to the service, which answers 400.)
 */
export const assertCanRead = (strapi: Core.Strapi, ctx: any, uid: string) => {
  if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) return;
  if (!canReadType(ctx)(uid)) {
    throw new errors.ForbiddenError(`You cannot read entries of ${uid}`);
  }
};

/** Whether the admin making the request may read entries of a content type. */
export const canReadType = (ctx: any) => (uid: string) => {
  const ability = ctx.state?.userAbility;
  return !ability || ability.can('plugin::content-manager.explorer.read', uid);
};

/** The admin making the request, as order rows record them. */
export const userOf = (ctx: any) => {
  const u = ctx.state?.user;
  if (!u) return { id: null, name: null };
  const name = [u.firstname, u.lastname].filter(Boolean).join(' ') || u.username || u.email || null;
  return { id: typeof u.id === 'number' ? u.id : Number(u.id) || null, name };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePath } from '../content';

/**
 * Strapi's permissions are ours: what the content manager would refuse a user, the plugin refuses
 * too, before any Gengo call. Every check goes through the content manager's own permission checker
 * (its aliases, conditions such as i18n's `locales` and `admin::is-creator`, field-level
 * `properties.fields`), on the entry version concerned: the existing version of a locale (loaded
 * with what conditions read), or `{ locale }` for a version that does not exist yet.
 *
 * Where the content manager is more lenient than its permission model (its create of a new locale
 * version checks `create` without the locale), we follow the model: `create` on `{ locale }`.
 *
 * An access without a user ability (a script, a cron, the content API's opt-in trigger) is internal
 * and allowed everything: only requests made by an admin carry an ability.
 */

export type CmAction = 'read' | 'create' | 'update' | 'publish';

export interface ContentAccess {
  /** False for internal work (no admin behind it): every check passes. */
  readonly restricted: boolean;
  /** Whether the user may read the version `locale` of the entry (`{ locale }` when it does not exist). */
  canRead(uid: string, documentId: string, locale: string): Promise<boolean>;
  /** Whether the user may read the field of a path (`sections[1].category` → `sections`) in that version. */
  canReadField(uid: string, documentId: string, locale: string, path: string): Promise<boolean>;
  /** Whether the user may read some version in `locale` of entries of `uid` (lists, no entry at hand). */
  canReadLocale(uid: string, locale: string): boolean;
  /** 403 unless the user may read some entries of `uid`. */
  assertReadsType(uid: string): void;
  assertRead(uid: string, documentId: string, locale: string): Promise<void>;
  /**
   * May write `paths` (field paths as segments name them) into the version `locale`: `update` when
   * it exists, else `create`, each field checked. 403 naming the locale (and the field).
   */
  assertWrite(uid: string, documentId: string, locale: string, paths?: string[] | null): Promise<void>;
  assertPublish(uid: string, documentId: string, locale: string): Promise<void>;
}

export interface OrderScope {
  uid: string;
  documentId: string;
  sourceLocale: string;
  targetLocales: string[];
  /** The field paths ordered (the segments' paths). */
  paths: string[];
}

/**
 * The field a permission names for a segment's path: components are walked (`seo.metaTitle`,
 * `items.label` for a repeatable one), a dynamic zone, relation, media or blocks field is one field.
 */
export const permissionField = (strapi: Core.Strapi, uid: string, path: string): string => {
  let schema: any = strapi.getModel(uid as any);
  const out: string[] = [];
  for (const token of parsePathSafe(path)) {
    if (typeof token === 'number') continue;
    const attr = schema?.attributes?.[token];
    out.push(token);
    if (!attr || attr.type !== 'component') break;
    schema = strapi.components[attr.component as keyof typeof strapi.components];
  }
  return out.join('.');
};

const parsePathSafe = (path: string) => {
  try {
    return parsePath(path);
  } catch {
    return path.split(/[.[\]]+/).filter(Boolean);
  }
};

const typeName = (strapi: Core.Strapi, uid: string) => (strapi.getModel(uid as any) as any)?.info?.displayName ?? uid;

/**
 * A 403 that says why. A PolicyError, which is a ForbiddenError: Strapi's authorize middleware
 * turns any other ForbiddenError thrown behind it into a bare "Forbidden" (compose-endpoint.ts).
 */
const forbidden = (message: string, details: Record<string, unknown>) => new errors.PolicyError(message, details);

const ALLOW_ALL: ContentAccess = {
  restricted: false,
  canRead: async () => true,
  canReadField: async () => true,
  canReadLocale: () => true,
  assertReadsType: () => undefined,
  assertRead: async () => undefined,
  assertWrite: async () => undefined,
  assertPublish: async () => undefined,
};

/** The checks for one user ability (`ctx.state.userAbility`, or one built for a stored user id). */
export const contentAccess = (strapi: Core.Strapi, userAbility: any): ContentAccess => {
  if (!userAbility) return ALLOW_ALL;
  const checkers = new Map<string, any>();
  const checker = (uid: string) => {
    if (!checkers.has(uid))
      checkers.set(
        uid,
        strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid })
      );
    return checkers.get(uid);
  };
  /** The version a condition is evaluated on: the draft (or only) version, with its creator and updater. */
  const version = async (uid: string, documentId: string, locale: string): Promise<Record<string, unknown> | null> =>
    ((await strapi.documents(uid as any).findOne({
      documentId,
      locale,
      status: 'draft',
      populate: { createdBy: { fields: ['id'] }, updatedBy: { fields: ['id'] } } as any,
    })) as Record<string, unknown> | null) ?? null;

  const canRead = async (uid: string, documentId: string, locale: string) => {
    const c = checker(uid);
    if (c.cannot.read()) return false;
    return c.can.read((await version(uid, documentId, locale)) ?? { locale });
  };

  return {
    restricted: true,
    canRead,
    async canReadField(uid, documentId, locale, path) {
      const c = checker(uid);
      if (c.cannot.read()) return false;
      return c.can.read((await version(uid, documentId, locale)) ?? { locale }, permissionField(strapi, uid, path));
    },
    canReadLocale: (uid, locale) => checker(uid).can.read({ locale }),
    assertReadsType(uid) {
      if (checker(uid).cannot.read())
        throw forbidden(`You may not read entries of ${typeName(strapi, uid)}`, { action: 'read' });
    },
    async assertRead(uid, documentId, locale) {
      if (!(await canRead(uid, documentId, locale)))
        throw forbidden(`You may not read the "${locale}" version of this ${typeName(strapi, uid)}`, {
          locale,
          action: 'read',
        });
    },
    async assertWrite(uid, documentId, locale, paths) {
      const c = checker(uid);
      const existing = await version(uid, documentId, locale);
      const action: CmAction = existing ? 'update' : 'create';
      const subject = existing ?? { locale };
      const verb = existing ? 'edit' : 'create';
      if (c.cannot[action](subject))
        throw forbidden(`You may not ${verb} the "${locale}" version of this ${typeName(strapi, uid)}`, {
          locale,
          action,
        });
      const fields = [...new Set((paths ?? []).map((p) => permissionField(strapi, uid, p)))];
      const refused = fields.filter((field) => c.cannot[action](subject, field));
      if (refused.length)
        throw forbidden(
          `You may not ${verb} ${refused.map((f) => `"${f}"`).join(', ')} in the "${locale}" version of this ${typeName(strapi, uid)}`,
          { locale, action, fields: refused }
        );
    },
    async assertPublish(uid, documentId, locale) {
      const subject = (await version(uid, documentId, locale)) ?? { locale };
      if (checker(uid).cannot.publish(subject))
        throw forbidden(`You may not publish the "${locale}" version of this ${typeName(strapi, uid)}`, {
          locale,
          action: 'publish',
        });
    },
  };
};

/** The access of the admin making the request (internal when there is none). */
export const requestAccess = (strapi: Core.Strapi, ctx: any): ContentAccess =>
  contentAccess(strapi, ctx?.state?.userAbility);

/**
 * The access of a stored admin user, as their rights stand now: null when the user no longer
 * exists, is inactive or blocked (their authority is gone).
 */
export const userAccess = async (strapi: Core.Strapi, userId: number): Promise<ContentAccess | null> => {
  const user = await strapi.db.query('admin::user').findOne({ where: { id: userId }, populate: ['roles'] });
  if (!user || user.isActive === false || user.blocked === true) return null;
  const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
  return contentAccess(strapi, ability);
};

/** Quote and order: read on the source locale (its text goes to Gengo), write on each target locale. */
export const assertMayOrder = async (access: ContentAccess, scope: OrderScope): Promise<void> => {
  if (!access.restricted) return;
  await access.assertRead(scope.uid, scope.documentId, scope.sourceLocale);
  for (const locale of scope.targetLocales) await access.assertWrite(scope.uid, scope.documentId, locale, scope.paths);
};

/** What an order names: its entry, source locale and target locale. */
export interface OrderRef {
  contentType: string;
  targetDocumentId: string;
  sourceLocale: string;
  targetLocale: string;
}

/** An order's text is its source's and its target's: both versions must be readable. */
export const mayReadOrder = async (access: ContentAccess, o: OrderRef): Promise<boolean> =>
  !access.restricted ||
  ((await access.canRead(o.contentType, o.targetDocumentId, o.sourceLocale)) &&
    (await access.canRead(o.contentType, o.targetDocumentId, o.targetLocale)));

export const assertMayReadOrder = async (access: ContentAccess, o: OrderRef): Promise<void> => {
  if (!access.restricted) return;
  await access.assertRead(o.contentType, o.targetDocumentId, o.sourceLocale);
  await access.assertRead(o.contentType, o.targetDocumentId, o.targetLocale);
};

/**
 * A reviewer's decision lands in the target locale: read on both, write on the order's fields of
 * the target, and publish there when approving publishes (`publishWhenApproved`).
 */
export const assertMayReview = async (
  access: ContentAccess,
  o: OrderRef & { segments?: Array<{ paths: string[] }> | null },
  { publish = false }: { publish?: boolean } = {}
): Promise<void> => {
  if (!access.restricted) return;
  await assertMayReadOrder(access, o);
  const paths = (o.segments ?? []).flatMap((s) => s.paths);
  await access.assertWrite(o.contentType, o.targetDocumentId, o.targetLocale, paths);
  if (publish) await access.assertPublish(o.contentType, o.targetDocumentId, o.targetLocale);
};

/**
 * The (content type, locales) an admin may read, for lists: per localized type, the site's locales
 * whose versions the user may read (conditions on other fields than the locale are not known
 * without an entry: such rules count as not readable here). Null: no restriction.
 */
export const readableScopes = async (
  strapi: Core.Strapi,
  access: ContentAccess
): Promise<Array<{ contentType: string; locales: string[] }> | null> => {
  if (!access.restricted) return null;
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
    (l) => l.code
  );
  return Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .map((uid) => ({ contentType: uid, locales: locales.filter((l) => access.canReadLocale(uid, l)) }))
    .filter((s) => s.locales.length > 0);
};

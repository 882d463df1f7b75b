import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { NothingToTranslateError, OrderRefusedError, type OrderingUser } from '../ordering';
import { requestAccess, type ContentAccess } from '../platform/content-permissions';
import { isPluginWrite } from '../platform/plugin-writes';
import { createSerialQueue } from '../platform/serial-queue';
import { getService } from '../platform/services';
import type { EffectiveRule, RuleTrigger } from './rules';
import type { RulesStore } from './rules-store';

/**
 * Translate on publish: when an entry of a ruled content type is published in its source locale,
 * its translation into the rule's locales is ordered out of band (the publish never waits for
 * Gengo, never fails because of it), sending only the segments changed since the last order of
 * each locale. One task at a time, keyed per document: a burst of publishes collapses into one
 * task, and a task after a finished one finds nothing changed. Failures are recorded as `failed`
 * order rows carrying the error, so that the admin sees them.
 */
export const PUBLISH_USER: OrderingUser = { id: null, name: 'translate on publish' };

export interface PublishEvent {
  uid: string;
  documentId: string;
  /** The locale(s) the action published: a code, '*', a list, or undefined (the default locale). */
  locale: unknown;
}

/** What a Document Service action publishes, or null when it publishes nothing. */
export const publishEventOf = (
  ctx: { uid: string; action: string; params?: any },
  result: any
): PublishEvent | null => {
  const params = ctx.params ?? {};
  const publishing =
    ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
  if (!publishing || !ctx.uid.startsWith('api::')) return null;
  const documentId = params.documentId ?? result?.documentId;
  if (typeof documentId !== 'string' || !documentId) return null;
  return { uid: ctx.uid, documentId, locale: params.locale };
};

/**
 * Who made the write, from the request it runs in: the admin (content manager, releases) or the
 * content API (an API token, users & permissions, the public role). No request at all (a scheduled
 * release, a cron, a script) is the server's own work: counted as `admin`.
 */
export const writeOrigin = (request: any): RuleTrigger => {
  if (!request) return 'admin';
  if (request.state?.auth?.strategy?.name === 'admin' || request.state?.route?.info?.type === 'admin') return 'admin';
  return 'api';
};

/** What the trigger knows of the write besides the document: its origin and the admin's rights. */
export interface WriteContext {
  origin: RuleTrigger;
  /** The publishing admin's rights (internal for the content API and requestless work). */
  access?: ContentAccess;
}

/** Whether the action published `source` (undefined: the default locale). */
export const publishesLocale = (locale: unknown, source: string, defaultLocale: string): boolean => {
  if (locale === undefined || locale === null) return source === defaultLocale;
  if (locale === '*') return true;
  if (Array.isArray(locale)) return locale.includes(source);
  return locale === source;
};

export const createPublishTrigger = (strapi: Core.Strapi, { rules }: { rules: RulesStore }) => {
  const ordering = () => getService(strapi, 'ordering');
  const queue = createSerialQueue();
  const pending = new Set<Promise<unknown>>();

  /** A refusal before any order row exists (Gengo down, caps, a bad rule) leaves a failed row per locale. */
  const recordFailure = async (
    event: PublishEvent,
    rule: EffectiveRule,
    source: string,
    locales: string[],
    message: string
  ) => {
    for (const targetLocale of locales) {
      const reference = crypto.randomUUID();
      await ordering().store.insertOrder({
        requestKey: `failed:${reference}`,
        reference,
        contentType: event.uid,
        targetDocumentId: event.documentId,
        sourceLocale: source,
        targetLocale,
        lcSrc: null,
        lcTgt: null,
        tier: rule.tier,
        status: 'failed',
        gengoOrderId: null,
        scope: null,
        credits: null,
        currency: null,
        options: { trigger: 'publish', comment: rule.comment },
        segments: null,
        orderedById: PUBLISH_USER.id,
        orderedByName: PUBLISH_USER.name,
        lastError: message,
        submittedAt: null,
        history: [{ at: new Date().toISOString(), status: 'failed', note: message }],
      });
    }
  };

  /** Orders what changed for one published document, per its rule. Never throws for Gengo's sake. */
  const orderFor = async (event: PublishEvent, write: WriteContext = { origin: 'admin' }): Promise<void> => {
    const rule = await rules.ruleFor(event.uid);
    if (!rule) return;
    // Content-API writes order only where the rule opts in: any API client could spend credits.
    if (!rule.triggers.includes(write.origin)) return;
    const defaultLocale = (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
    const source = rule.sourceLocale ?? defaultLocale;
    if (!publishesLocale(event.locale, source, defaultLocale)) return;
    const targets = rule.locales.filter((l) => l !== source);
    if (!targets.length) return;
    try {
      const result = await ordering().place(
        {
          contentType: event.uid,
          documentId: event.documentId,
          sourceLocale: source,
          targetLocales: targets,
          tier: rule.tier,
          autoApprove: rule.autoApprove,
          comment: rule.comment,
        },
        PUBLISH_USER,
        // The publishing admin's rights, as if they ordered from the panel (a refusal is a failed row).
        { onlyChanged: true, access: write.access }
      );
      const created = result.orders.filter((o) => o.created).map((o) => o.targetLocale);
      if (created.length)
        strapi.log.info(`[gengo] ${event.uid} ${event.documentId} published: ordered ${created.join(', ')}`);
      if (result.notPlaced.length)
        await recordFailure(
          event,
          rule,
          source,
          result.notPlaced,
          'Not attempted: the outcome of an earlier order of this publish is unknown'
        );
    } catch (err: any) {
      const message = err?.message ?? String(err);
      strapi.log.error(`[gengo] ordering ${event.uid} ${event.documentId} on publish failed: ${message}`);
      if (err instanceof NothingToTranslateError) return;
      // Gengo's refusal of one locale is on that locale's row already; the rest was never attempted.
      const refused = err instanceof OrderRefusedError ? String((err.details as any)?.locale ?? '') : null;
      const placed = new Set<string>(
        err instanceof OrderRefusedError ? ((err.details as any)?.placed ?? []).map((o: any) => o.targetLocale) : []
      );
      const rest = targets.filter((l) => l !== refused && !placed.has(l));
      const note = refused ? `Not attempted: Gengo refused the order for ${refused}` : message;
      await recordFailure(event, rule, source, rest, note);
    }
  };

  return {
    /** Called by the document middleware after the action succeeded; returns at once. */
    onDocumentAction(ctx: { uid: string; action: string; params?: any }, result: unknown): void {
      if (isPluginWrite()) return;
      const event = publishEventOf(ctx, result);
      if (!event) return;
      // Read now, while the request's context is at hand (the task runs after it).
      const request = strapi.requestContext.get();
      const write: WriteContext = { origin: writeOrigin(request), access: requestAccess(strapi, request) };
      const key = `publish:${write.origin}:${event.uid}:${event.documentId}:${JSON.stringify(event.locale ?? null)}`;
      const task: Promise<unknown> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => queue.run(key, () => orderFor(event, write)))
        .catch((err) =>
          strapi.log.error(`[gengo] translate on publish of ${event.uid} ${event.documentId}: ${err?.message ?? err}`)
        )
        .finally(() => pending.delete(task));
      pending.add(task);
    },

    orderFor,

    /** Resolves once every scheduled order (and its follow-ups) is done (shutdown, tests). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
      await queue.idle();
      await ordering().settled();
    },

    close: () => queue.close(),
  };
};

export type PublishTrigger = ReturnType<typeof createPublishTrigger>;

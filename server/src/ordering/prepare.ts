import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GengoClient } from '../gengo';
import type { Tier } from '../../../shared/contracts/orders';
import { emitEvent } from '../platform/events';
import { idScope, type OrderRecord } from '../platform/records';
import { getService } from '../platform/services';
import { imageAttachments, previewAttachment } from './attachments';
import type { BudgetCheck } from './budget';
import { changedSegments, lastOrderedHashes } from './changed';
import { callbackUrlOf, checkGlossary, previewSecrets, previewUrlOf } from './context';
import type { OrderDraft, OrderingUser } from './draft';
import { orderRequestKeys } from './keys';
import type { OrderInput, PlaceOptions, PlaceResult } from './outcomes';
import { pricedTargets, type Quotes } from './quote';
import { resolveLanguages, segmentsFor, type OrderSource } from './source';
import type { OrderStore } from './store';

/**
 * The first half of `POST /gengo/orders` (place.ts posts what this decides): an order prepared
 * from a request, with nothing sent to Gengo but the quote and nothing written.
 */
export const createOrderPreparation = (
  strapi: Core.Strapi,
  { store, quotes, source }: { store: OrderStore; quotes: Quotes; source: OrderSource }
) => {
  /**
   * Everything decided before anything is sent: the source, the options, the targets an earlier
   * request placed already, the others planned and priced, the budget checked. A `PlaceResult`
   * when there is nothing to place (`onlyChanged` and nothing changed).
   */
  return async (
    input: OrderInput,
    user: OrderingUser,
    placeOptions: PlaceOptions = {}
  ): Promise<{ draft: OrderDraft; client: GengoClient; unchanged: string[] } | PlaceResult> => {
    const ctx = placeOptions.context;
    const client = ctx?.client ?? (await getService(strapi, 'settings').client());
    const settings = ctx?.settings ?? (await getService(strapi, 'settings').getEffective());
    const tier = (input.tier ?? settings.defaultTier) as Tier;
    const options = {
      autoApprove: input.autoApprove ?? settings.autoApprove,
      asGroup: input.asGroup ?? true,
      allowFork: input.allowFork ?? true,
      glossaryId: input.glossaryId ?? null,
      usePreferred: input.usePreferred ?? false,
      comment: input.comment?.trim() || null,
      replaceExisting: input.replaceExisting ?? false,
      // "Order again anyway" is another order than one that reuses the memory (its own request key).
      ...(input.reuseMemory === false ? { reuseMemory: false } : {}),
    };
    // What changed is known from our own rows: nothing changed asks Gengo nothing (it may be down).
    let loaded = placeOptions.loaded ?? (await source.load(input, ctx?.site, placeOptions.access));
    const unchanged: string[] = [];
    if (placeOptions.onlyChanged) {
      const previous = await store.ordersOfDocument(loaded.uid, loaded.documentId);
      const segmentsByLocale: Record<string, typeof loaded.segments> = {};
      for (const locale of loaded.targetLocales) {
        const last = lastOrderedHashes(
          previous.filter((o) => o.targetLocale === locale && o.sourceLocale === loaded.sourceLocale)
        );
        segmentsByLocale[locale] = changedSegments(loaded.segments, last);
        if (!segmentsByLocale[locale].length) unchanged.push(locale);
      }
      loaded = {
        ...loaded,
        segmentsByLocale,
        targetLocales: loaded.targetLocales.filter((l) => !unchanged.includes(l)),
      };
      if (!loaded.targetLocales.length) return { orders: [], notPlaced: [], unchanged };
    }
    const prepared = resolveLanguages(
      loaded,
      ctx?.languages ?? (await getService(strapi, 'settings').languages(client)),
      settings.localeMap
    );
    const keys = orderRequestKeys(
      {
        idempotencyKey: input.idempotencyKey,
        userId: user.id,
        uid: prepared.uid,
        documentId: prepared.documentId,
        sourceLocale: prepared.sourceLocale,
        tier,
        options,
        targets: prepared.targets.map(({ locale }) => ({ locale, segments: segmentsFor(prepared, locale) })),
      },
      Date.now()
    );

    const lookups = [...keys.values()].flatMap((k) => k.lookup);
    const known = placeOptions.known;
    const existing =
      known && lookups.every((k) => known.keys.has(k))
        ? known.orders.filter((o) => lookups.includes(o.requestKey))
        : await store.findByRequestKeys(lookups);
    const found = new Map<string, OrderRecord>();
    for (const [locale, k] of keys) {
      const hit = existing.find((o) => k.lookup.includes(o.requestKey));
      if (hit) found.set(locale, hit);
    }
    const missing = prepared.targets.filter((t) => !found.has(t.locale));
    const draft: OrderDraft = {
      prepared,
      tier,
      options,
      user,
      requestKeys: new Map([...keys].map(([locale, k]) => [locale, k.current])),
      found,
      planned: [],
      attachments: [],
      callbackUrl: null,
      scope: idScope(client),
    };
    if (!missing.length) return { draft, client, unchanged };

    // Asked alongside the quote (one round trip to Gengo less before the POST).
    const balance = ctx?.budgetChecked ? undefined : quotes.balanceAhead(client);
    const reuse = input.reuseMemory !== false;
    draft.planned = ctx?.prices
      ? await pricedTargets(strapi, { ...prepared, targets: missing }, tier, ctx.prices, reuse)
      : await quotes.quoteTargets({ ...prepared, targets: missing }, tier, client, reuse);
    if (!ctx?.budgetChecked) {
      await checkGlossary(client, options.glossaryId);
      const cost = draft.planned.reduce((sum, p) => sum + p.quote.credits, 0);
      const budget = await quotes.budgetFor(cost, client, { balance });
      if (!budget.check.ok) {
        const { message, reason } = budget.check as Extract<BudgetCheck, { ok: false }>;
        await emitEvent(strapi, 'gengo.budget.exceeded', {
          contentType: prepared.uid,
          documentId: prepared.documentId,
          sourceLocale: prepared.sourceLocale,
          targetLocales: missing.map((t) => t.locale),
          reason,
          cost,
          balance: budget.balance.credits,
          userId: user.id ?? null,
        });
        throw new errors.ApplicationError(message, { reason, cost, balance: budget.balance });
      }
    }
    // What each target holds now (its layout, a person's text there), kept with its order.
    for (const p of draft.planned)
      p.state = await quotes.targetState({
        uid: prepared.uid,
        documentId: prepared.documentId,
        locale: p.locale,
        source: prepared.document,
        paths: p.plan.segments.flatMap((s) => s.paths),
      });
    draft.attachments = [
      ...imageAttachments(prepared.document, settings.publicUrl),
      ...[
        previewAttachment(await previewUrlOf(strapi, prepared, settings), settings.publicUrl, previewSecrets(strapi)),
      ].filter((a) => a !== null),
    ];
    draft.callbackUrl = ctx ? ctx.callbackUrl : await callbackUrlOf(strapi);
    return { draft, client, unchanged };
  };
};

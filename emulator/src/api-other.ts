import { nowS } from './clock';
import type { Emulator } from './context';
import { ErrorCode, GengoError } from './errors';
import { cancel } from './jobs';
import { LANGUAGES, PAIRS } from './languages';
import { quote } from './quotes';
import { CURRENCY, formatCredits, languagePairRows } from './pricing';
import { ApiContext, dataOf, Route } from './router';
import type { JobStatus, Order } from './state';

/** account/…, translate/glossary…, translate/order/…, translate/service/… */

const GLOSSARY = {
  status: 1,
  source_language_code: 'en-US',
  description: null,
  source_language_id: 8,
  title: '1342666627_50110_en_ja_glossary.csv',
  target_languages: [[14, 'ja']],
  is_public: false,
  unit_count: 2,
  id: 115,
  customer_user_id: 50110,
  ctime: '2012-07-19 02:57:10.526565',
};

function orderOr2750(emu: Emulator, id: string): Order {
  const order = /^\d+$/.test(id) ? emu.store.orders.get(Number(id)) : undefined;
  if (!order) throw new GengoError(ErrorCode.ORDER_ACCESS, `Unauthorized order access (order ${id})`);
  return order;
}

/** translate/order/{id}: job ids by status; queued jobs are only counted (Gengo hasn't made them yet). */
function orderGet(ctx: ApiContext) {
  const order = orderOr2750(ctx.emu, ctx.match[0]);
  const jobs = order.jobIds.map((id) => ctx.emu.store.job(id)!);
  const ids = (...s: JobStatus[]) => jobs.filter((j) => s.includes(j.status)).map((j) => String(j.id));
  return {
    order: {
      order_id: String(order.id),
      total_credits: formatCredits(order.creditsCents),
      currency: CURRENCY,
      total_units: jobs.reduce((n, j) => n + j.unitCount, 0),
      as_group: order.asGroup ? 1 : 0,
      jobs_available: ids('available'),
      jobs_pending: ids('pending'),
      jobs_reviewable: ids('reviewable'),
      jobs_approved: ids('approved'),
      jobs_revising: ids('revising'),
      jobs_rejected: ids('rejected'),
      jobs_cancelled: ids('canceled'),
      jobs_held: ids('hold'),
      jobs_queued: jobs.filter((j) => j.status === 'queued').length,
      total_jobs: String(jobs.length),
    },
  };
}

/** Order DELETE: cancels the order's jobs that are `available` (the only state a job may be cancelled in). */
function orderDelete(ctx: ApiContext) {
  const order = orderOr2750(ctx.emu, ctx.match[0]);
  for (const id of order.jobIds) {
    const job = ctx.emu.store.job(id)!;
    if (job.status === 'available') cancel(ctx.emu, job);
  }
  return {};
}

function languageMatrix(ctx: ApiContext) {
  const lcSrc = ctx.params.get('lc_src');
  const matrix: Record<string, string[]> = {};
  for (const p of PAIRS) if (!lcSrc || p.lc_src === lcSrc) (matrix[p.lc_src] ??= []).push(p.lc_tgt);
  return matrix;
}

export const otherRoutes: Route[] = [
  {
    method: 'GET',
    path: 'account/stats',
    auth: 'signed',
    handler: (ctx) => ({
      credits_spent: formatCredits(ctx.emu.store.spentCents),
      user_since: ctx.emu.store.userSince,
      currency: CURRENCY,
    }),
  },
  {
    method: 'GET',
    path: 'account/balance',
    auth: 'signed',
    handler: (ctx) => ({ credits: formatCredits(ctx.emu.store.balanceCents), currency: CURRENCY }),
  },
  {
    method: 'GET',
    path: 'account/me',
    auth: 'signed',
    handler: () => ({
      email: 'emulator@example.com',
      full_name: 'Gengo Emulator',
      display_name: 'emulator',
      language_code: 'en',
    }),
  },
  {
    method: 'GET',
    path: 'account/preferred_translators',
    auth: 'signed',
    handler: () => [
      {
        lc_src: 'en',
        lc_tgt: 'ja',
        tier: 'standard',
        translators: [{ id: 8596, number_of_jobs: 5, last_login: 1375824155 }],
      },
    ],
  },
  { method: 'GET', path: 'translate/glossary', auth: 'signed', handler: () => [GLOSSARY] },
  {
    method: 'GET',
    path: 'translate/glossary/:id',
    auth: 'signed',
    handler: (ctx) => {
      if (ctx.match[0] !== String(GLOSSARY.id)) throw new GengoError(404, `glossary ${ctx.match[0]} not found`);
      return GLOSSARY;
    },
  },
  { method: 'GET', path: 'translate/order/:id', auth: 'signed', handler: orderGet },
  { method: 'DELETE', path: 'translate/order/:id', auth: 'signed', handler: orderDelete },
  {
    method: 'GET',
    path: 'translate/order/:id/comments',
    auth: 'signed',
    handler: (ctx) => ({ thread: orderOr2750(ctx.emu, ctx.match[0]).comments }),
  },
  {
    method: 'POST',
    path: 'translate/order/:id/comment',
    auth: 'signed',
    handler: (ctx) => {
      const order = orderOr2750(ctx.emu, ctx.match[0]);
      const body = dataOf(ctx).body;
      if (typeof body !== 'string' || !body.trim())
        throw new GengoError(ErrorCode.COMMENT_BODY_REQUIRED, 'body is a required field');
      order.comments.push({ body, author: 'customer', ctime: nowS(ctx.emu) });
      return {};
    },
  },
  { method: 'GET', path: 'translate/service/languages', auth: 'key', handler: () => LANGUAGES },
  {
    method: 'GET',
    path: 'translate/service/language_pairs',
    auth: 'key',
    handler: (ctx) => languagePairRows(ctx.params.get('lc_src') || undefined),
  },
  { method: 'GET', path: 'translate/service/language_matrix', auth: 'key', handler: languageMatrix },
  { method: 'POST', path: 'translate/service/quote', auth: 'signed', handler: quote },
  { method: 'POST', path: 'translate/service/quote/file', auth: 'signed', handler: quote },
];

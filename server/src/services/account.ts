import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { GengoClient } from '../gengo';

/** `GET /gengo/account`: the Gengo account's balance and what it has spent (`account/stats`). */

export interface AccountSummary {
  balance: { credits: number; currency: string };
  spent: { credits: number; currency: string };
  userSince: number | null;
}

const createAccountService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(): Promise<AccountSummary> {
    const client = (await strapi.plugin(PLUGIN_ID).service('gengo').client()) as GengoClient;
    const [balance, stats] = await Promise.all([client.getAccountBalance(), client.getAccountStats()]);
    return {
      balance: { credits: Number(balance.credits), currency: balance.currency },
      spent: { credits: Number(stats.credits_spent ?? 0), currency: stats.currency ?? balance.currency },
      userSince: stats.user_since != null ? Number(stats.user_since) : null,
    };
  },
});

export type AccountService = ReturnType<typeof createAccountService>;
export default createAccountService;

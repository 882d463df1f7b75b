import type { AccountSummary } from '../../../shared/contracts/account';
import type { GengoClient } from '../gengo';

/** `GET /gengo/account`: the Gengo account's balance and what it has spent (`account/stats`). */

export type { AccountSummary };

export const accountSummary = async (client: GengoClient): Promise<AccountSummary> => {
  const [balance, stats] = await Promise.all([client.getAccountBalance(), client.getAccountStats()]);
  return {
    balance: { credits: Number(balance.credits), currency: balance.currency },
    spent: { credits: Number(stats.credits_spent ?? 0), currency: stats.currency ?? balance.currency },
    userSince: stats.user_since != null ? Number(stats.user_since) : null,
  };
};

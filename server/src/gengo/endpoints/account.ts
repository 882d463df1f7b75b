import type { Call } from '../request';
import type { AccountBalance, AccountMe, AccountStats, PreferredTranslators } from '../types';

export const accountEndpoints = (call: Call) => ({
  /** `GET account/stats`: credits spent, customer since… */
  getAccountStats: () => call<AccountStats>('GET', 'account/stats'),
  /** `GET account/balance`: remaining credits. */
  getAccountBalance: () => call<AccountBalance>('GET', 'account/balance'),
  /** `GET account/me`: the account's identity. */
  getAccountMe: () => call<AccountMe>('GET', 'account/me'),
  /** `GET account/preferred_translators`: per language pair and tier. */
  getPreferredTranslators: () => call<PreferredTranslators[]>('GET', 'account/preferred_translators'),
});

/** `GET /gengo/account`: the Gengo account's balance and what it has spent (`account/stats`). */
export interface AccountSummary {
  balance: { credits: number; currency: string };
  spent: { credits: number; currency: string };
  /** Unix seconds (null: Gengo did not say). */
  userSince: number | null;
}

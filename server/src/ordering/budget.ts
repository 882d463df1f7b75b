import type { BudgetCheck } from '../../../shared/contracts/orders';
/**
 * Whether an order may be placed: the account balance must cover it, and the site's caps (per order
 * request, per calendar month) must not be passed. Pure; amounts in Gengo credits.
 */
export interface BudgetInput {
  /** What the order costs (Gengo's quote). */
  cost: number;
  balance: number;
  currency: string;
  budgetPerOrder: number | null;
  budgetPerMonth: number | null;
  /** Credits of this calendar month's orders (placed, completed, or whose outcome is unknown). */
  spentThisMonth: number;
}

export type { BudgetCheck };

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

export const checkBudget = (b: BudgetInput): BudgetCheck => {
  const c = b.currency;
  if (b.cost > b.balance + 1e-9)
    return {
      ok: false,
      reason: 'balance',
      message: `Not enough Gengo credits: the order costs ${fmt(b.cost)} ${c} and the balance is ${fmt(b.balance)} ${c}. Top up the Gengo account.`,
    };
  if (b.budgetPerOrder != null && b.cost > b.budgetPerOrder + 1e-9)
    return {
      ok: false,
      reason: 'order-cap',
      message: `The order costs ${fmt(b.cost)} ${c}, above the budget cap per order of ${fmt(b.budgetPerOrder)} ${c} (Gengo credits).`,
    };
  if (b.budgetPerMonth != null && b.spentThisMonth + b.cost > b.budgetPerMonth + 1e-9)
    return {
      ok: false,
      reason: 'month-cap',
      message: `The order costs ${fmt(b.cost)} ${c}; with ${fmt(b.spentThisMonth)} already ordered this month it would pass the monthly budget cap of ${fmt(b.budgetPerMonth)} ${c} (Gengo credits).`,
    };
  return { ok: true };
};

/** The first instant of the calendar month (UTC) of `now`. */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * A bulk order is one order per document: the per-order cap applies to the costliest document,
 * the balance and the monthly cap to the whole selection.
 */
export const checkBatchBudget = (
  b: BudgetInput & {
    largestOrder: number;
    /** The costliest document's title (its documentId when it has none): a refusal names it. */
    largestTitle?: string | null;
    /** How many documents of the selection pass the per-order cap. */
    overCap?: number;
  }
): BudgetCheck => {
  const whole = checkBudget({ ...b, budgetPerOrder: null });
  if (!whole.ok) return whole;
  if (b.budgetPerOrder != null && b.largestOrder > b.budgetPerOrder + 1e-9) {
    const entry = b.largestTitle ? `"${b.largestTitle}"` : 'A document of the selection';
    const others = Math.max(0, (b.overCap ?? 1) - 1);
    const more = others > 0 ? ` (and ${others} other document${others === 1 ? '' : 's'} of the selection)` : '';
    return {
      ok: false,
      reason: 'order-cap',
      message: `${entry} costs ${fmt(b.largestOrder)} ${b.currency}${more}, above the budget cap per order of ${fmt(b.budgetPerOrder)} ${b.currency} (Gengo credits). Leave it out of the selection or raise the cap.`,
    };
  }
  return { ok: true };
};

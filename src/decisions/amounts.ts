/**
 * @module decisions/amounts
 * What a decision grants, and for how much: the one place that maps a decision's outcome to the
 * authority vocabulary (`Outcome` in facts.md) and to money. Decisions not listed here (priorities,
 * response promises, return postage…) grant nothing: no amount, no authority check, no budget.
 *
 * | Decision        | Outcome output | Policy outcome                                  | Authority `Outcome` | Amount (rounded half-even once, to minor units)          |
 * |-----------------|----------------|-------------------------------------------------|---------------------|----------------------------------------------------------|
 * | Refund          | Outcome        | "refund"                                        | "refund"            | Refund percent % of Order amount                         |
 * | Refund          | Outcome        | "store credit"                                  | "store credit"      | Refund percent % of Order amount                         |
 * | Refund          | Outcome        | "repair or replace"                             | "replacement"       | item value: the `Amount` fact if supplied, else Order amount |
 * | Refund          | Outcome        | "decline"                                       | —                   | —                                                        |
 * | Warranty remedy | Remedy         | "refund", "partial refund"                      | "refund"            | Refund percent % of Order amount                         |
 * | Warranty remedy | Remedy         | "replace"                                       | "replacement"       | item value                                               |
 * | Warranty remedy | Remedy         | "repair"                                        | "repair"            | item value (supply `Amount` with the repair quote)       |
 * | Warranty remedy | Remedy         | "decline"                                       | —                   | —                                                        |
 * | Goodwill        | Gesture        | "delivery refund", "discount code", "store credit" | "goodwill"       | Goodwill amount (pounds)                                 |
 * | Goodwill        | Gesture        | "apology"                                       | —                   | —                                                        |
 * | Delay offer     | Offer          | "delivery refund", "goodwill credit", "substitute or cancel" | "goodwill" | Offer amount (pounds)                                |
 * | Delay offer     | Offer          | "none"                                          | —                   | —                                                        |
 *
 * "goodwill" grants draw on the goodwill budget (`budgets.ts`). A grant worth nothing (0) needs no
 * authority. An outcome the table does not know is refused (422) rather than guessed, so a new
 * outcome in a policy is mapped here before it can be granted.
 */
import { factToMinor, percentOfMinor } from './money.ts';

/** The `Outcome` values of the `Grant authority` decision (facts.md). */
export type AuthorityOutcome =
  | 'refund'
  | 'store credit'
  | 'replacement'
  | 'repair'
  | 'goodwill'
  | 'exception';

type Basis =
  | { readonly kind: 'percent of order'; readonly output: string }
  | { readonly kind: 'pounds'; readonly output: string }
  | { readonly kind: 'item value' };

interface GrantRule {
  readonly grants: AuthorityOutcome;
  readonly amount: Basis;
}

interface DecisionMoney {
  /** The output column that names what is granted. */
  readonly outcome: string;
  /** Policy outcome → what it grants; null when it grants nothing. */
  readonly outcomes: Readonly<Record<string, GrantRule | null>>;
}

const refundPercent: Basis = { kind: 'percent of order', output: 'Refund percent' };
const itemValue: Basis = { kind: 'item value' };
const goodwill = (output: string): GrantRule => ({ grants: 'goodwill', amount: { kind: 'pounds', output } });

export const AMOUNTS: Readonly<Record<string, DecisionMoney>> = {
  Refund: {
    outcome: 'Outcome',
    outcomes: {
      refund: { grants: 'refund', amount: refundPercent },
      'store credit': { grants: 'store credit', amount: refundPercent },
      'repair or replace': { grants: 'replacement', amount: itemValue },
      decline: null,
    },
  },
  'Warranty remedy': {
    outcome: 'Remedy',
    outcomes: {
      refund: { grants: 'refund', amount: refundPercent },
      'partial refund': { grants: 'refund', amount: refundPercent },
      replace: { grants: 'replacement', amount: itemValue },
      repair: { grants: 'repair', amount: itemValue },
      decline: null,
    },
  },
  Goodwill: {
    outcome: 'Gesture',
    outcomes: {
      apology: null,
      'delivery refund': goodwill('Goodwill amount'),
      'discount code': goodwill('Goodwill amount'),
      'store credit': goodwill('Goodwill amount'),
    },
  },
  'Delay offer': {
    outcome: 'Offer',
    outcomes: {
      none: null,
      'delivery refund': goodwill('Offer amount'),
      'goodwill credit': goodwill('Offer amount'),
      'substitute or cancel': goodwill('Offer amount'),
    },
  },
};

export interface Grant {
  /** The outcome in the policy's words, e.g. "store credit". */
  readonly outcome: string;
  readonly grants: AuthorityOutcome;
  readonly amountMinor: number;
  readonly currency: string;
  /** How the amount was worked out, e.g. "75% of Order amount". */
  readonly basis: string;
}

export type GrantResult =
  | { readonly ok: true; readonly grant: Grant | null }
  | {
      readonly ok: false;
      readonly code: 'missing-amount' | 'bad-amount' | 'unmapped-outcome';
      readonly message: string;
    };

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/**
 * What the evaluated decision grants. `orderMinor` is the order's total when the `Order amount`
 * fact came from the order itself (exact); otherwise the fact is used.
 * @example grantOf('Refund', { Outcome: 'refund', 'Refund percent': 100 }, { 'Order amount': 49.99 }, 'GBP', 4999)
 * // { ok: true, grant: { outcome: 'refund', grants: 'refund', amountMinor: 4999, … } }
 */
export function grantOf(
  decision: string,
  value: unknown,
  facts: Readonly<Record<string, unknown>>,
  currency: string,
  orderMinor: number | null,
): GrantResult {
  const money = AMOUNTS[decision];
  if (!money) return { ok: true, grant: null };
  const outcome = field(value, money.outcome);
  if (outcome === null || outcome === undefined) return { ok: true, grant: null };
  const rule = typeof outcome === 'string' ? money.outcomes[outcome] : undefined;
  if (rule === null) return { ok: true, grant: null };
  if (rule === undefined || typeof outcome !== 'string')
    return {
      ok: false,
      code: 'unmapped-outcome',
      message: `Unexpected ${JSON.stringify(outcome)} from ${decision}, expected an outcome listed in decisions/amounts.ts`,
    };
  const order = orderMinor ?? factToMinor(facts['Order amount'], currency);
  let amountMinor: number | null;
  let basis: string;
  if (rule.amount.kind === 'percent of order') {
    const percent = field(value, rule.amount.output);
    amountMinor =
      order !== null && typeof percent === 'number' ? percentOfMinor(order, percent, currency) : null;
    basis = `${String(percent)}% of Order amount`;
  } else if (rule.amount.kind === 'pounds') {
    amountMinor = factToMinor(field(value, rule.amount.output), currency);
    basis = rule.amount.output;
  } else {
    const supplied = factToMinor(facts.Amount, currency);
    amountMinor = supplied ?? order;
    basis = supplied !== null ? 'Amount' : 'Order amount';
  }
  if (amountMinor === null)
    return {
      ok: false,
      code: 'missing-amount',
      message: `${decision} grants "${outcome}" by ${basis}, which is not known: link the order (order_id) or supply the fact`,
    };
  if (amountMinor < 0)
    return {
      ok: false,
      code: 'bad-amount',
      message: `${decision} grants "${outcome}" by ${basis}, which is negative`,
    };
  if (amountMinor === 0) return { ok: true, grant: null };
  return { ok: true, grant: { outcome, grants: rule.grants, amountMinor, currency, basis } };
}

/**
 * @module store/paid-refund
 * Which decisions paid money back, written once as SQL: the decision's hot read sums them into the
 * charter's `Lifetime value` fact and the customer card shows the same sum, so the two can only
 * change together. A decision paid a refund when it granted one and needed no approval or got it;
 * a pending or denied one has paid nothing.
 */

/**
 * The condition on a `decisions` row (as `table`, default `decisions`), for a SQL `where`.
 * @example `where ${paidRefund('d')}` // "d.grants = 'refund' and d.approval_state in ('none', 'approved')"
 */
export function paidRefund(table = 'decisions'): string {
  return `${table}.grants = 'refund' and ${table}.approval_state in ('none', 'approved')`;
}

/**
 * Who the customer is: tier, lifetime value (net of refunds, as the charter counts it), orders, consent
 * and any restriction on contacting them.
 */
import { get } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useLoad } from './data.tsx';
import type { Customer, MoneyTotal } from './types.ts';
import { moneyMinor } from './util.ts';

const totals = (list: readonly MoneyTotal[]): string =>
  list.length === 0
    ? moneyMinor(0, 'GBP')
    : list.map((v) => moneyMinor(v.total_minor, v.currency)).join(' + ');

export function CustomerCard({ customerId, orderId }: { customerId: string | null; orderId: string | null }) {
  const customer = useLoad(customerId, () =>
    get<Customer>(`/api/customers/${encodeURIComponent(customerId ?? '')}`),
  );
  const c = customer.data;
  return (
    <section className="panel customer-card" aria-labelledby="customer-heading">
      <h2 id="customer-heading">Customer</h2>
      {customerId === null ? (
        <p className="muted">No customer is linked to this case.</p>
      ) : customer.error ? (
        <p className="error" role="alert">
          {customer.error}
        </p>
      ) : !c ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <>
          <p className="customer-name">
            <strong>{c.name}</strong> <span className={`badge tier tier-${c.tier}`}>{c.tier}</span>
            {c.erased_at && <span className="badge bad">erased</span>}
          </p>
          <dl className="facts">
            <div>
              <dt>Lifetime value</dt>
              <dd>
                {totals(c.lifetime_value_net)}
                {c.refunded.length > 0 && (
                  <span className="muted">
                    {' '}
                    ({totals(c.lifetime_value)} spent, {totals(c.refunded)} refunded: the charter counts spend
                    net of refunds)
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Orders</dt>
              <dd>{c.order_count}</dd>
            </div>
            <div>
              <dt>Contact</dt>
              <dd>{[c.email, c.phone].filter(Boolean).join(' · ') || '—'}</dd>
            </div>
            <div>
              <dt>Consent</dt>
              <dd>
                {Object.keys(c.consent).length === 0
                  ? 'none recorded'
                  : Object.entries(c.consent)
                      .map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`)
                      .join(' · ')}
              </dd>
            </div>
            <div>
              <dt>Restrictions</dt>
              <dd>
                {c.channel_restriction ? <span className="badge warn">{c.channel_restriction}</span> : 'none'}
              </dd>
            </div>
          </dl>
          {c.orders.length > 0 && (
            <>
              <h3>Recent orders</h3>
              <ul className="orders">
                {c.orders.slice(0, 4).map((o) => (
                  <li key={o.id}>
                    <strong>{o.number}</strong>
                    {o.id === orderId && <span className="badge neutral">this case</span>}{' '}
                    {moneyMinor(o.total_minor, o.currency)}
                    <span className="muted">
                      {' '}
                      · placed {dateTime(o.placed_at)} ·{' '}
                      {o.delivered_at ? `delivered ${dateTime(o.delivered_at)}` : 'not delivered'}
                    </span>
                    {o.items.length > 0 && (
                      <span className="muted">
                        {' '}
                        · {o.items.map((i) => `${i.name}${i.category ? ` (${i.category})` : ''}`).join(', ')}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The approvals inbox for approving roles: requests waiting for the caller's level, each with the
 * case, what it grants, who asked, the rule in the policy's words and why it needs approval, and
 * the goodwill budgets left this month; approve or deny with a reason.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { get, post } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { audienceOf, loadCatalogue, useLoad } from './data.tsx';
import { RefusalBox, useSubmit } from './forms.tsx';
import type { BudgetLine, DecisionView, InboxItem } from './types.ts';
import { moneyMinor, newKey, policyHref } from './util.ts';

type State = 'pending' | 'approved' | 'denied';

export function Approvals() {
  const { me } = useMe();
  const allowed = me.role === 'manager' || me.role === 'admin' || me.role === 'auditor';
  const [state, setState] = useState<State>('pending');
  const inbox = useLoad(allowed ? `approvals:${state}` : null, () =>
    get<{ items: InboxItem[]; next_cursor: string | null }>(`/api/approvals?state=${state}&limit=100`),
  );
  const budgets = useLoad(allowed ? 'budgets' : null, () =>
    get<{ period: string; items: BudgetLine[] }>('/api/budgets'),
  );
  const [done, setDone] = useState<string | null>(null);

  if (!allowed)
    return (
      <main id="main">
        <h1>Approvals</h1>
        <p>
          Approvals are answered by managers and admins. Requests you make show as pending on their cases.
        </p>
      </main>
    );

  const answered = async (text: string) => {
    setDone(text);
    await Promise.all([inbox.reload(), budgets.reload()]);
  };

  return (
    <main id="main" className="approvals">
      <h1>Approvals</h1>
      <section className="panel" aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">Goodwill budgets left{budgets.data ? ` in ${budgets.data.period}` : ''}</h2>
        {budgets.error && (
          <p className="error" role="alert">
            {budgets.error}
          </p>
        )}
        {budgets.data &&
          (budgets.data.items.length === 0 ? (
            <p className="muted">The charter sets no goodwill budgets.</p>
          ) : (
            <table className="budgets">
              <caption className="visually-hidden">Goodwill budgets this month</caption>
              <thead>
                <tr>
                  <th scope="col">Budget</th>
                  <th scope="col">Held by</th>
                  <th scope="col">Limit</th>
                  <th scope="col">Spent</th>
                  <th scope="col">Left</th>
                </tr>
              </thead>
              <tbody>
                {budgets.data.items.map((b) => (
                  <tr key={b.budget_key}>
                    <td>
                      {b.holder?.type === 'user'
                        ? 'Personal goodwill'
                        : b.holder?.type === 'team'
                          ? 'Team goodwill'
                          : b.budget_key}
                    </td>
                    <td>{b.holder ? b.holder.name : '—'}</td>
                    <td>{b.limit_minor === null ? 'no limit' : moneyMinor(b.limit_minor, b.currency)}</td>
                    <td>{moneyMinor(b.spent_minor, b.currency)}</td>
                    <td>
                      {b.left_minor === null ? (
                        '—'
                      ) : (
                        <span className={b.left_minor <= 0 ? 'bad-text' : undefined}>
                          {moneyMinor(b.left_minor, b.currency)}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
      <section aria-labelledby="inbox-heading" className="inbox">
        <div className="inbox-head">
          <h2 id="inbox-heading">Requests</h2>
          <label>
            Show
            <select value={state} onChange={(e) => setState(e.target.value as State)}>
              <option value="pending">Waiting for an answer</option>
              <option value="approved">Approved</option>
              <option value="denied">Denied</option>
            </select>
          </label>
        </div>
        {done && (
          <p role="status" className="ok-text">
            {done}
          </p>
        )}
        {inbox.error && (
          <p className="error" role="alert">
            {inbox.error}
          </p>
        )}
        {inbox.data && inbox.data.items.length === 0 && (
          <p className="muted">{state === 'pending' ? 'Nothing is waiting for you.' : 'None.'}</p>
        )}
        <ul className="inbox-list">
          {inbox.data?.items.map((item) => (
            <li key={item.id} className="panel">
              <Request item={item} canAnswer={me.role !== 'auditor'} onAnswered={answered} />
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function Request({
  item,
  canAnswer,
  onAnswered,
}: {
  item: InboxItem;
  canAnswer: boolean;
  onAnswered: (text: string) => Promise<void>;
}) {
  const view = useLoad(item.decision_id, () => get<DecisionView>(`/api/decisions/${item.decision_id}`));
  const catalogue = useLoad('catalogue', loadCatalogue);
  const [reason, setReason] = useState('');
  const [key] = useState(newKey);
  const { busy, refusal, run } = useSubmit();
  const x = view.data?.explanation;
  const headingId = `request-${item.id}`;
  async function answer(verb: 'approve' | 'deny') {
    const ok = await run(() =>
      post(
        `/api/approvals/${item.id}/${verb}`,
        verb === 'deny' || reason.trim() ? { reason: reason.trim() } : {},
        { 'idempotency-key': `${key}:${verb}` },
      ),
    );
    if (ok)
      await onAnswered(
        `${verb === 'approve' ? 'Approved' : 'Denied'}: ${item.decision} on case #${item.case_number}.`,
      );
  }
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link href={`/cases/${item.case_id}`}>Case #{item.case_number}</Link>: {item.decision}
        {item.outcome ? ` — ${item.outcome}` : ''} {moneyMinor(item.amount_minor, item.currency)}
      </h3>
      <p className="muted">
        Asked by {item.requested_by_user.name} on {dateTime(item.created_at)} · for a{' '}
        {x?.authority?.approver ?? item.approver_role} ({item.approver_role} or above)
        {item.state !== 'pending' && item.decided_at ? ` · ${item.state} ${dateTime(item.decided_at)}` : ''}
      </p>
      {x && (
        <>
          {x.annotations.length > 0 && (
            <blockquote className="policy-words">{x.annotations.join(' ')}</blockquote>
          )}
          <p className="muted">
            <a
              href={policyHref(
                x.section.policy,
                x.section.section,
                audienceOf(catalogue.data?.items ?? [], x.policy.id),
              )}
            >
              {x.policy.id} v{x.policy.version} › Decision: {x.section.section}
              {x.rule !== null ? `, rule ${x.rule}` : ''}
            </a>
            {x.authority && x.authority.annotations.length > 0
              ? ` · Why it needs approval: “${x.authority.annotations.join(' ')}”`
              : ''}
          </p>
        </>
      )}
      {item.budget && (
        <p>
          Draws on {item.budget.budget_key}: {moneyMinor(item.budget.left_minor, item.budget.currency)} left
          of {moneyMinor(item.budget.limit_minor, item.budget.currency)} this month.
        </p>
      )}
      {item.reason && <p>Reason given: {item.reason}</p>}
      {item.state === 'pending' && canAnswer && item.can_decide && (
        <form className="answer" onSubmit={(e) => e.preventDefault()}>
          <label>
            <span>
              Reason <span className="muted">(required to deny)</span>
            </span>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </label>
          <RefusalBox refusal={refusal} title="Not answered" />
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void answer('approve')}>
              Approve
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void answer('deny')}>
              Deny
            </button>
          </div>
        </form>
      )}
      {item.state === 'pending' && canAnswer && !item.can_decide && (
        <p className="muted">You asked for this one, so a colleague answers it.</p>
      )}
    </article>
  );
}

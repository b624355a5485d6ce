/**
 * One case: what it is about and who it is with, the customer, the timeline and the forms that add
 * to it, the procedure checklist, status/transfer/escalation, the SLA ledger and the decision panel.
 */
import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { get } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { CaseActions } from './CaseActions.tsx';
import { Compose } from './Compose.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { loadCase } from './caseCache.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { useDirectory, useLoad } from './data.tsx';
import { Procedure } from './Procedure.tsx';
import { SlaLedger } from './SlaLedger.tsx';
import { Timeline } from './Timeline.tsx';
import type { CaseDetail, DecisionView } from './types.ts';
import { staffName, teamName } from './util.ts';

export function CasePage({ id }: { id: string }) {
  const detail = useLoad(id, () => loadCase(id));
  // Asked once the case is in, so the case itself is answered first.
  const decisions = useLoad(detail.data || detail.error ? id : null, () =>
    get<{ items: DecisionView[] }>(`/api/cases/${encodeURIComponent(id)}/decisions?limit=200`),
  );
  const directory = useDirectory();
  const { me } = useMe();
  /** Required steps the server said still block resolving or closing. */
  const [blocked, setBlocked] = useState<{ id: string; steps: readonly string[] }>({ id, steps: [] });
  const blocking = blocked.id === id ? blocked.steps : [];
  const { reload: reloadDetail } = detail;
  const { reload: reloadDecisions } = decisions;
  const changed = useCallback(async () => {
    await Promise.all([reloadDetail(), reloadDecisions()]);
  }, [reloadDetail, reloadDecisions]);

  const d = detail.data;
  useEffect(() => {
    if (d) document.title = `#${d.case.number} ${d.case.subject} · Charter desk`;
  }, [d]);

  if (!d)
    return (
      <main id="main">
        <p>
          <Link href="/">← Queue</Link>
        </p>
        {detail.error ? (
          <p className="error" role="alert">
            {detail.error}
          </p>
        ) : (
          <p className="loading" role="status">
            Loading case…
          </p>
        )}
      </main>
    );

  const c = d.case;
  const team = teamName(directory, c.team_id);
  const readsAudit = me.role === 'admin' || me.role === 'manager' || me.role === 'auditor';
  return (
    <main id="main" className="case-page">
      <p className="crumbs">
        <Link href="/">← Queue</Link>
        {readsAudit && (
          <>
            {' · '}
            <a href={`/console/audit?entity_id=${encodeURIComponent(c.id)}`}>Audit history</a>
          </>
        )}
      </p>
      <header className="case-head">
        <h1>
          <span className="case-number">#{c.number}</span> {c.subject}
        </h1>
        <p className="case-facts">
          <span className="badge neutral">{c.status}</span>{' '}
          <span className="badge neutral">{c.priority} priority</span>{' '}
          <span className="badge neutral">{c.kind}</span> <span className="muted">via {c.channel}</span>
          {c.category && <span className="muted"> · {c.category}</span>}
          <span className="muted">
            {' '}
            · with {c.assignee_id ? staffName(directory, c.assignee_id) : 'nobody yet'}
            {team ? ` (${team})` : ''} · opened {dateTime(c.created_at)}
          </span>
        </p>
        {detail.error && (
          <p className="error" role="alert">
            {detail.error}
          </p>
        )}
      </header>
      <CaseBody
        key={c.id}
        detail={d}
        decisions={decisions.data?.items ?? null}
        blocking={blocking}
        onChanged={changed}
        onBlocked={(steps) => setBlocked({ id, steps })}
      />
    </main>
  );
}

/**
 * The timeline renders with the heading; the panels around it follow in a deferred render (React
 * yields to the browser in between), so the page is readable a frame sooner.
 */
function CaseBody({
  detail: d,
  decisions,
  blocking,
  onChanged,
  onBlocked,
}: {
  detail: CaseDetail;
  decisions: readonly DecisionView[] | null;
  blocking: readonly string[];
  onChanged: () => Promise<void>;
  onBlocked: (steps: readonly string[]) => void;
}) {
  const directory = useDirectory();
  const rest = useDeferredValue(true, false);
  const c = d.case;
  return (
    <div className="case-grid">
      <div className="case-main">
        <section className="panel" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <Timeline caseId={c.id} entries={d.timeline} directory={directory} onChanged={onChanged} />
        </section>
        {rest && (
          <>
            <section className="panel" aria-labelledby="compose-heading">
              <h2 id="compose-heading">Add to the case</h2>
              <Compose caseId={c.id} onChanged={onChanged} />
            </section>
            <DecisionPanel kase={c} decisions={decisions} onChanged={onChanged} />
          </>
        )}
      </div>
      <div className="case-side">
        {rest && (
          <>
            <CustomerCard customerId={c.customer_id} orderId={c.order_id} />
            <Procedure
              caseId={c.id}
              steps={d.procedure}
              blocking={blocking}
              directory={directory}
              onChanged={onChanged}
            />
            <CaseActions kase={c} directory={directory} onChanged={onChanged} onBlocked={onBlocked} />
            <SlaLedger caseId={c.id} sla={d.sla} />
          </>
        )}
      </div>
    </div>
  );
}

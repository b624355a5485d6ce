/**
 * The SLA ledger: each clock (first reply, resolution… for the customer promise and the internal
 * target) with every running and paused interval and why it began and ended, the business minutes
 * counted, and the policy rule that set its target. Refreshed from GET /api/cases/:id/sla.
 */
import { useEffect, useState } from 'react';
import { get } from '../../shared/api.ts';
import { dateTime, minutes } from '../../shared/format.ts';
import type { Clock, Sla } from './types.ts';
import { metricName } from './util.ts';

const REFRESH_MS = 60_000;

function stateBadge(c: Clock): { text: string; tone: string } {
  if (c.state === 'breached') return { text: c.active ? 'breached, still open' : 'breached', tone: 'bad' };
  if (c.state === 'paused') return { text: 'paused', tone: 'paused' };
  if (c.state === 'running')
    return c.warning_at && Date.parse(c.warning_at) <= Date.now()
      ? { text: 'running, past warning', tone: 'warn' }
      : { text: 'running', tone: 'ok' };
  if (c.state === 'met') return { text: 'met', tone: 'ok' };
  return { text: 'cancelled', tone: 'neutral' };
}

export function SlaLedger({ caseId, sla: initial }: { caseId: string; sla: Sla }) {
  const [sla, setSla] = useState(initial);
  useEffect(() => setSla(initial), [initial]);
  useEffect(() => {
    const t = setInterval(async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        setSla(await get<Sla>(`/api/cases/${encodeURIComponent(caseId)}/sla`));
      } catch {
        // keep what is shown; the next tick tries again
      }
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [caseId]);
  const clocks = [...sla.clocks].sort((a, b) => Number(b.active) - Number(a.active));
  return (
    <section className="panel sla-ledger" aria-labelledby="sla-heading">
      <h2 id="sla-heading">SLA ledger</h2>
      <p className="muted">
        As of {dateTime(sla.as_of)}. Next deadline:{' '}
        {sla.next_deadline ? dateTime(sla.next_deadline) : 'none running'}.
      </p>
      {sla.issues.map((i) => (
        <p key={i.code} className="error">
          {i.message}
        </p>
      ))}
      {clocks.length === 0 && (
        <p className="muted">No clocks: the response-times policy sets no target here.</p>
      )}
      {clocks.map((c) => {
        const badge = stateBadge(c);
        const t = c.target;
        return (
          <details key={c.id} className="clock" open={c.active}>
            <summary>
              <span className="clock-name">
                {metricName(c.metric)}
                {c.cycle > 1 ? ` ${c.cycle}` : ''} ·{' '}
                {c.promise === 'customer' ? 'customer promise' : 'internal target'}
              </span>{' '}
              <span className={`badge ${badge.tone}`}>{badge.text}</span>
            </summary>
            <p>
              {t.duration} of {c.calendar} hours ({minutes(c.budget_minutes)}); used {minutes(c.used_minutes)}
              ,{' '}
              {c.remaining_minutes >= 0
                ? `${minutes(c.remaining_minutes)} left`
                : minutes(c.remaining_minutes)}
              . {c.due_at ? `Due ${dateTime(c.due_at)}.` : c.paused ? 'No due time while paused.' : ''}
              {c.breached_at ? ` Breached ${dateTime(c.breached_at)}.` : ''}
              {c.stopped_at
                ? ` Stopped ${dateTime(c.stopped_at)}${c.stop_why ? ` (${c.stop_why})` : ''}.`
                : ''}
            </p>
            <p className="muted rule">
              Target from {t.policy.id} v{t.policy.version}, {t.rule.decision} rule {t.rule.number}
              {t.rule.annotation ? `: “${t.rule.annotation}”` : ''}
              {c.targets.length > 1 ? ` — re-targeted ${c.targets.length - 1}× (${t.why})` : ''}
            </p>
            <table className="intervals">
              <caption className="visually-hidden">
                Intervals of the {metricName(c.metric).toLowerCase()} clock ({c.promise})
              </caption>
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Why</th>
                  <th scope="col">Counted</th>
                </tr>
              </thead>
              <tbody>
                {c.intervals.map((i) => (
                  <tr key={i.from} className={`interval ${i.state}`}>
                    <td>
                      <span className={`badge ${i.state === 'paused' ? 'paused' : 'neutral'}`}>
                        {i.state}
                      </span>
                    </td>
                    <td>{dateTime(i.from)}</td>
                    <td>{i.to ? dateTime(i.to) : 'now'}</td>
                    <td>
                      {i.why}
                      {i.until ? ` → ${i.until}` : ''}
                    </td>
                    <td>{i.state === 'paused' ? '—' : minutes(i.business_minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}

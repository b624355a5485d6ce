/** Team and standards: per person open cases, resolved in the last 7 days and SLA breaches; the charter's standards. */
import { get } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useLoad, useTitle } from './data.ts';
import type { Overview } from './types.ts';

export function OverviewPage() {
  useTitle('Team and standards');
  const o = useLoad('overview', () => get<Overview>('/api/console/overview'));
  return (
    <main id="main" className="console">
      <h1>Team and standards</h1>
      {o.error && (
        <p className="error" role="alert">
          {o.error}
        </p>
      )}
      {!o.data && !o.error && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {o.data && (
        <>
          <p className="muted">As of {dateTime(o.data.as_of)}.</p>
          <section aria-labelledby="team-title">
            <h2 id="team-title">Team</h2>
            <div className="table-scroll">
              <table className="numbers">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Open cases</th>
                    <th scope="col">Resolved, last 7 days</th>
                    <th scope="col">Past SLA deadline now</th>
                    <th scope="col">SLA breaches, last 7 days</th>
                  </tr>
                </thead>
                <tbody>
                  {o.data.people.map((p) => (
                    <tr key={p.user_id ?? 'unassigned'}>
                      <th scope="row">
                        {p.name}
                        {p.role && p.role !== 'agent' && <span className="muted small"> ({p.role})</span>}
                      </th>
                      <td>{p.open_cases}</td>
                      <td>{p.resolved_last_7_days}</td>
                      <td>
                        {p.overdue_now > 0 ? (
                          <span className="badge bad">{p.overdue_now}</span>
                        ) : (
                          p.overdue_now
                        )}
                      </td>
                      <td>
                        {p.breaches_last_7_days > 0 ? (
                          <span className="badge warn">{p.breaches_last_7_days}</span>
                        ) : (
                          p.breaches_last_7_days
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All</th>
                    <td>{o.data.totals.open_cases}</td>
                    <td>{o.data.totals.resolved_last_7_days}</td>
                    <td>{o.data.totals.overdue_now}</td>
                    <td>{o.data.totals.breaches_last_7_days}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          <section aria-labelledby="standards-title">
            <h2 id="standards-title">Standards in the charter</h2>
            {o.data.standards.length === 0 ? (
              <p>The charter in force declares no standards.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Measure</th>
                      <th scope="col">Target</th>
                      <th scope="col">Notes</th>
                      <th scope="col">Policy</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.data.standards.map((s) => (
                      <tr key={`${s.policy_id}:${s.section}:${s.measure}`}>
                        <th scope="row">{s.measure}</th>
                        <td>{s.target}</td>
                        <td>{s.notes ?? ''}</td>
                        <td>{s.policy_id}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}

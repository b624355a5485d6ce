/** The policy library: every policy, its version in force, review date and acknowledgements. */
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { get } from '../../shared/api.ts';
import { useMe } from '../../shared/session.tsx';
import { ReviewBadge, StateBadge } from './badges.tsx';
import { canWrite, useLoad, useTitle } from './data.ts';
import type { Library } from './types.ts';

export function LibraryPage() {
  useTitle('Policy library');
  const { me } = useMe();
  const lib = useLoad('library', () => get<Library>('/api/policies'));
  return (
    <main id="main" className="console">
      <h1>Policy library</h1>
      <p className="muted">
        Every policy of {me.org.name}: the version in force{lib.data ? ` today (${lib.data.today})` : ''},
        when it is due for review, and how many staff have acknowledged it.
      </p>
      {lib.error && (
        <p className="error" role="alert">
          {lib.error}
        </p>
      )}
      {!lib.data && !lib.error && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {lib.data && (
        <div className="table-scroll">
          <table className="library">
            <caption className="visually-hidden">Policies, their versions and acknowledgements</caption>
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Audience</th>
                <th scope="col">In force</th>
                <th scope="col">Effective</th>
                <th scope="col">Review due</th>
                <th scope="col">Acknowledged</th>
                <th scope="col">Versions</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lib.data.items.map((p) => {
                const ack = p.acknowledgements;
                return (
                  <tr key={p.policy_id} data-policy={p.policy_id}>
                    <th scope="row">
                      <Link href={`/policies/${encodeURIComponent(p.policy_id)}`}>{p.title}</Link>
                      <div className="muted small">{p.policy_id}</div>
                    </th>
                    <td>{p.audience}</td>
                    <td>
                      {p.in_force_version === null ? (
                        <span className="badge neutral">none</span>
                      ) : (
                        `v${p.in_force_version}`
                      )}
                    </td>
                    <td>{p.effective ?? '—'}</td>
                    <td>
                      <ReviewBadge due={p.review_due} overdue={p.review_overdue} />
                    </td>
                    <td>
                      {ack.version === null ? (
                        '—'
                      ) : (
                        <>
                          <span>
                            {ack.acknowledged} / {ack.staff}
                          </span>{' '}
                          {ack.by_me ? (
                            <span className="badge ok">you have</span>
                          ) : (
                            <span className="badge warn">you have not</span>
                          )}
                        </>
                      )}
                    </td>
                    <td>
                      {p.versions.length}
                      {p.draft_version !== null && (
                        <>
                          {' '}
                          <StateBadge state="draft" label={`draft v${p.draft_version}`} />
                        </>
                      )}
                    </td>
                    <td>
                      <Link
                        href={`/policies/${encodeURIComponent(p.policy_id)}/edit`}
                        aria-label={`${canWrite(me.role) ? 'Edit' : 'Open in the editor'}: ${p.title}`}
                      >
                        {canWrite(me.role) ? 'Edit' : 'Source'}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canWrite(me.role) && <NewPolicy taken={lib.data?.items.map((p) => p.policy_id) ?? []} />}
    </main>
  );
}

function NewPolicy({ taken }: { taken: readonly string[] }) {
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget).get('policy') ?? '').trim();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      return setError('Use lower-case letters, digits and dashes, e.g. gift-cards.');
    if (taken.includes(id)) return setError(`There is already a policy ${id}; edit it instead.`);
    navigate(`/policies/${id}/edit`);
  }
  return (
    <section className="panel new-policy" aria-labelledby="new-policy-title">
      <h2 id="new-policy-title">Write a new policy</h2>
      <form className="inline" onSubmit={submit} noValidate>
        <label>
          Policy id
          <input
            name="policy"
            placeholder="gift-cards"
            aria-describedby={error ? 'new-policy-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <button type="submit">Start writing</button>
      </form>
      {error && (
        <p id="new-policy-error" className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** One policy: its versions, the rendered text of a version, acknowledging it, and comparing two versions. */
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { get, post, qs } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { Markdown } from '../../shared/Markdown.tsx';
import { useMe } from '../../shared/session.tsx';
import { ReviewBadge, StateBadge } from './badges.tsx';
import { SemanticSummary, TextDiff } from './DiffView.tsx';
import { canWrite, errorText, policyPath, useLoad, useTitle } from './data.ts';
import type { Library, PolicyDiff, VersionDetail } from './types.ts';

export function PolicyPage({ policyId }: { policyId: string }) {
  const { me } = useMe();
  const lib = useLoad(`library`, () => get<Library>('/api/policies'));
  const policy = lib.data?.items.find((p) => p.policy_id === policyId) ?? null;
  useTitle(policy?.title ?? policyId);
  const [shown, setShown] = useState<number | null>(null);
  const version = shown ?? policy?.in_force_version ?? policy?.latest_version ?? null;
  const detail = useLoad(`version:${policyId}:${version ?? ''}`, () =>
    version === null
      ? Promise.resolve(null)
      : get<VersionDetail>(`${policyPath(policyId)}/versions/${version}`),
  );
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function acknowledge(v: number) {
    setError(null);
    try {
      await post(`${policyPath(policyId)}/versions/${v}/acknowledge`, {});
      setNote(`You have acknowledged version ${v}.`);
      await Promise.all([lib.reload(), detail.reload()]);
    } catch (err) {
      setError(errorText(err));
    }
  }

  if (lib.error) return <Failure message={lib.error} />;
  if (!lib.data)
    return (
      <main id="main" className="console">
        <p className="loading" role="status">
          Loading…
        </p>
      </main>
    );
  if (!policy) return <Failure message={`There is no policy ${policyId}.`} />;
  const d = detail.data;
  return (
    <main id="main" className="console">
      <p className="crumbs">
        <Link href="/">Library</Link> › {policy.title}
      </p>
      <h1>{policy.title}</h1>
      <p className="muted">
        {policy.policy_id} · {policy.audience} · owner {policy.owner ?? '—'} · in force:{' '}
        {policy.in_force_version === null ? 'none' : `v${policy.in_force_version} since ${policy.effective}`}{' '}
        · review due <ReviewBadge due={policy.review_due} overdue={policy.review_overdue} />
      </p>
      <p>
        <Link className="button" href={`/policies/${encodeURIComponent(policyId)}/edit`}>
          {canWrite(me.role)
            ? policy.draft_version
              ? `Edit draft v${policy.draft_version}`
              : 'Edit (new draft)'
            : 'Open in the editor'}
        </Link>
      </p>
      <div role="status" className="note">
        {note}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Effective</th>
                <th scope="col">Published</th>
                <th scope="col">Review due</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policy.versions.map((v) => (
                <tr key={v.id} className={v.version === version ? 'selected' : undefined}>
                  <th scope="row">v{v.version}</th>
                  <td>
                    <StateBadge state={v.state} inForce={v.in_force} />
                  </td>
                  <td>{v.effective}</td>
                  <td>
                    {v.published_at ? `${dateTime(v.published_at)} by ${v.published_by?.name ?? '—'}` : '—'}
                  </td>
                  <td>{v.review_due ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-pressed={v.version === version}
                      onClick={() => setShown(v.version)}
                    >
                      Read v{v.version}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Compare
        policyId={policyId}
        versions={policy.versions.map((v) => v.version)}
        inForce={policy.in_force_version}
      />
      <section aria-labelledby="text-title" className="panel version-text">
        <h2 id="text-title">Version {version} as written</h2>
        {detail.error && <p className="error">{detail.error}</p>}
        {d && (
          <>
            <p>
              <StateBadge state={d.state} inForce={d.in_force} /> Acknowledged by{' '}
              {d.acknowledgements.acknowledged} of {d.acknowledgements.staff} staff.{' '}
              {d.state === 'published' &&
                (d.acknowledgements.by_me ? (
                  <span className="badge ok">You have acknowledged it</span>
                ) : (
                  <button type="button" onClick={() => void acknowledge(d.version)}>
                    I have read version {d.version}
                  </button>
                ))}
            </p>
            <Markdown source={d.source} />
          </>
        )}
      </section>
    </main>
  );
}

function Compare({
  policyId,
  versions,
  inForce,
}: {
  policyId: string;
  versions: readonly number[];
  inForce: number | null;
}) {
  const [diff, setDiff] = useState<PolicyDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (versions.length < 2) return null;
  const newest = versions[0] ?? 1;
  const base = inForce !== null && inForce !== newest ? inForce : (versions[1] ?? newest);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      setDiff(
        await get<PolicyDiff>(
          `${policyPath(policyId)}/diff${qs({ from: String(f.get('from')), to: String(f.get('to')) })}`,
        ),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="compare-title" className="panel">
      <h2 id="compare-title">Compare versions</h2>
      <form className="inline" onSubmit={submit}>
        <label>
          From
          <select name="from" defaultValue={base}>
            {versions.map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select name="to" defaultValue={newest}>
            {versions.map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Compare
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {diff && (
        <div className="compare-result">
          <h3>
            What changes from v{diff.from} to v{diff.to}
          </h3>
          <SemanticSummary semantic={diff.semantic} />
          <TextDiff changes={diff.text} label={`Text changes from v${diff.from} to v${diff.to}`} />
        </div>
      )}
    </section>
  );
}

function Failure({ message }: { message: string }) {
  return (
    <main id="main" className="console">
      <h1>Policy</h1>
      <p className="error" role="alert">
        {message}
      </p>
      <p>
        <Link href="/">Back to the library</Link>
      </p>
    </main>
  );
}

/**
 * The audit log for auditors, managers and admins: every change, newest first, filtered by what
 * changed, the action and the period; each entry's hash and the one before it; and a check of the
 * whole chain. Data is shown as text (JSON), never as HTML.
 */
import { type FormEvent, useState } from 'react';
import { get, qs } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { errorText, useLoad, useTitle } from './data.ts';
import type { AuditCheck, AuditEntry, AuditPage as Page } from './types.ts';

interface Filter {
  readonly entity_id?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** A date input's day as the instant of its local midnight. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();

export function AuditPage() {
  useTitle('Audit log');
  // A link may name the record (the desk's case page links here with ?entity_id=…).
  const [filter, setFilter] = useState<Filter>(() => ({
    entity_id: new URLSearchParams(window.location.search).get('entity_id') ?? undefined,
  }));
  const key = JSON.stringify(filter);
  const first = useLoad(`audit:${key}`, () => get<Page>(`/api/audit${qs({ ...filter, limit: 50 })}`));
  // Older pages, appended below the first; they belong to the filter they were read with.
  const [older, setOlder] = useState<{
    key: string;
    items: readonly AuditEntry[];
    next: number | null;
  } | null>(null);
  const extra = older?.key === key ? older : null;
  const items = first.data ? [...first.data.items, ...(extra?.items ?? [])] : null;
  const next = extra ? extra.next : (first.data?.next_before ?? null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [busy, setBusy] = useState(false);

  async function more() {
    if (next === null) return;
    setBusy(true);
    setError(null);
    try {
      const page = await get<Page>(`/api/audit${qs({ ...filter, before: next, limit: 50 })}`);
      setOlder({ key, items: [...(extra?.items ?? []), ...page.items], next: page.next_before });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim() || undefined;
    const from = text('from');
    const to = text('to');
    setFilter({
      entity_id: text('entity_id'),
      action: text('action'),
      from: from ? dayStart(from) : undefined,
      // "To" includes its day: the period ends at the next midnight.
      to: to ? new Date(Date.parse(`${to}T00:00:00`) + 86_400_000).toISOString() : undefined,
    });
  }

  async function verify() {
    setCheck(null);
    try {
      setCheck(await get<AuditCheck>('/api/audit/verify'));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <main id="main" className="console">
      <h1>Audit log</h1>
      <p className="muted">
        Every change to any record, in order. Each entry's hash covers the entry before it, so an entry
        changed or removed afterwards breaks the chain from there on.
      </p>
      <section className="panel" aria-labelledby="verify-title">
        <h2 id="verify-title">The chain</h2>
        <button type="button" onClick={() => void verify()}>
          Verify the whole chain
        </button>
        <p role="status">
          {check === null
            ? ''
            : check.ok
              ? `Intact: all ${check.entries} entries verify.`
              : `Broken at entry ${check.broken_at?.seq}: ${check.broken_at?.reason}`}
        </p>
      </section>
      <form className="inline" onSubmit={search} aria-label="Filter the audit log">
        <label>
          Record id
          <input
            name="entity_id"
            placeholder="a case, decision, customer… id"
            defaultValue={filter.entity_id ?? ''}
          />
        </label>
        <label>
          Action
          <input name="action" placeholder="e.g. decision.approved" />
        </label>
        <label>
          From
          <input name="from" type="date" />
        </label>
        <label>
          To
          <input name="to" type="date" />
        </label>
        <button type="submit">Show</button>
      </form>
      <p>
        <a href={`/api/audit/export${qs({ from: filter.from, to: filter.to })}`} download>
          Download {filter.from || filter.to ? 'this period' : 'the whole log'} (NDJSON, with the hashes)
        </a>{' '}
        <span className="muted small">
          Each line's hash can be recomputed without Charter: see the API docs of GET /api/audit/export.
        </span>
      </p>
      {(error ?? first.error) && (
        <p className="error" role="alert">
          {error ?? first.error}
        </p>
      )}
      {items === null && !first.error && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {items !== null && items.length === 0 && <p>No entries match.</p>}
      {items !== null && items.length > 0 && (
        <div className="table-scroll">
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Details</th>
                <th scope="col">Hash (previous)</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq} data-seq={e.seq}>
                  <td>{e.seq}</td>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.actor_name ?? e.actor_type}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity}{' '}
                    {e.entity === 'case' ? (
                      <a href={`/desk/cases/${encodeURIComponent(e.entity_id)}`}>
                        <code className="small">{e.entity_id}</code>
                      </a>
                    ) : (
                      <code className="small">{e.entity_id}</code>
                    )}
                  </td>
                  <td>
                    <code className="small audit-data">{JSON.stringify(e.data)}</code>
                  </td>
                  <td>
                    <code className="small" title={`${e.hash} (previous ${e.prev_hash})`}>
                      {e.hash.slice(0, 12)}… ({e.prev_hash.slice(0, 12)}…)
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" disabled={busy} onClick={() => void more()}>
          Older entries
        </button>
      )}
    </main>
  );
}

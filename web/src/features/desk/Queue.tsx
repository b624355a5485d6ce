/**
 * The queue: open cases in the order they breach (the server's `next_deadline` order), each with its
 * SLA badge as the server computed it; filters in the address bar; j/k/Enter, / and ? shortcuts.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { get } from '../../shared/api.ts';
import { dateTime } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { prefetchCase } from './caseCache.ts';
import { errorText, useDirectory, useLoad } from './data.tsx';
import { ShortcutHelp, ShortcutList } from './Shortcuts.tsx';
import { KINDS, OPEN_STATUSES, PRIORITIES, type QueueItem, type QueuePage, STATUSES } from './types.ts';
import { slaWords } from './util.ts';

const REFRESH_MS = 60_000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function Queue() {
  const { me } = useMe();
  const directory = useDirectory();
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const show = params.get('show') ?? 'all';
  const kind = params.get('kind') ?? '';
  const priority = params.get('priority') ?? '';
  const status = params.get('status') ?? 'open';
  const q = params.get('q') ?? '';
  const myTeam = directory?.my_team_id ?? null;

  const query = useMemo(() => {
    const u = new URLSearchParams();
    for (const s of status === 'open' ? OPEN_STATUSES : [status]) u.append('status', s);
    if (kind) u.set('kind', kind);
    if (priority) u.set('priority', priority);
    if (q) u.set('q', q);
    if (show === 'mine') u.set('assignee_id', me.id);
    if (show === 'team' && myTeam) u.set('team_id', myTeam);
    u.set('limit', '50');
    return u.toString();
  }, [status, kind, priority, q, show, me.id, myTeam]);
  const waiting = show === 'team' && directory === null;
  const page = useLoad(waiting ? null : query, () => get<QueuePage>(`/api/cases/queue?${query}`));
  const [more, setMore] = useState<{ query: string; items: QueueItem[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const extra = more?.query === query ? more : null;
  const items = useMemo(() => [...(page.data?.items ?? []), ...(extra?.items ?? [])], [page.data, extra]);
  const cursor = extra ? extra.cursor : (page.data?.next_cursor ?? null);

  // The selection belongs to one set of filters: new filters start at the top again.
  const [selection, setSelection] = useState({ query, index: 0 });
  const selected = selection.query === query ? selection.index : 0;
  const setSelected = (f: (i: number) => number) =>
    setSelection((s) => ({ query, index: f(s.query === query ? s.index : 0) }));
  const [help, setHelp] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const rows = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void page.reload();
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [page.reload]);

  const open = (item: QueueItem | undefined) => {
    if (!item) return;
    prefetchCase(item.case.id);
    navigate(`/cases/${item.case.id}`);
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target instanceof HTMLElement) e.target.blur();
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (e.key === 'Escape') setHelp(false);
      else if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (e.key === 'j') setSelected((s) => Math.min(s + 1, Math.max(items.length - 1, 0)));
      else if (e.key === 'k') setSelected((s) => Math.max(s - 1, 0));
      else if (e.key === 'Enter') {
        const t = e.target;
        if (t instanceof HTMLAnchorElement || t instanceof HTMLButtonElement) return;
        e.preventDefault();
        open(items[selected]);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    rows.current
      ?.querySelector<HTMLElement>(`tr[data-index="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  function set(name: string, value: string, fallback: string) {
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (value === fallback) n.delete(name);
      else n.set(name, value);
      return n;
    });
  }

  function submitSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    set('q', String(new FormData(e.currentTarget).get('q') ?? '').trim(), '');
  }

  async function loadMore() {
    if (!cursor) return;
    setMoreError(null);
    try {
      const next = await get<QueuePage>(`/api/cases/queue?${query}&cursor=${encodeURIComponent(cursor)}`);
      setMore({ query, items: [...(extra?.items ?? []), ...next.items], cursor: next.next_cursor });
    } catch (err) {
      setMoreError(errorText(err));
    }
  }

  const current = items[selected];
  return (
    <main id="main" className="desk-queue">
      <div className="queue-head">
        <h1>Queue</h1>
        <p className="muted">
          Open cases, the one that breaches first on top. Press <kbd>?</kbd> for keyboard shortcuts.
        </p>
      </div>
      <div className="queue-tools">
        <search>
          <form className="inline" onSubmit={submitSearch} key={q}>
            <label>
              Search cases
              <input
                ref={search}
                type="search"
                name="q"
                defaultValue={q}
                placeholder="Words, or a case number"
              />
            </label>
            <button type="submit">Search</button>
            {q && (
              <button type="button" className="secondary" onClick={() => set('q', '', '')}>
                Clear search
              </button>
            )}
          </form>
        </search>
        <form className="inline" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            Show
            <select value={show} onChange={(e) => set('show', e.target.value, 'all')}>
              <option value="all">Everyone's</option>
              <option value="mine">Mine</option>
              <option value="team">My team's</option>
            </select>
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => set('kind', e.target.value, '')}>
              <option value="">Any kind</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Priority
            <select value={priority} onChange={(e) => set('priority', e.target.value, '')}>
              <option value="">Any priority</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select value={status} onChange={(e) => set('status', e.target.value, 'open')}>
              <option value="open">All open</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>
      {show === 'team' && directory !== null && myTeam === null && (
        <p className="muted">You are not in a team, so this shows everyone's cases.</p>
      )}
      {page.error && (
        <p className="error" role="alert">
          {page.error}
        </p>
      )}
      <output className="visually-hidden">
        {current ? `Selected case ${current.case.number}: ${current.case.subject}` : ''}
      </output>
      <table className="queue-table">
        <caption className="visually-hidden">
          Cases in breach order; {items.length} shown{page.loading ? ', loading' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">SLA</th>
            <th scope="col">Case</th>
            <th scope="col">Subject</th>
            <th scope="col">Customer</th>
            <th scope="col">Kind</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">With</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody ref={rows}>
          {items.map((item, i) => {
            const c = item.case;
            const badge = slaWords(item.sla);
            return (
              <tr
                key={c.id}
                data-index={i}
                data-case-id={c.id}
                className={i === selected ? 'selected' : undefined}
                aria-current={i === selected ? 'true' : undefined}
              >
                <td>
                  <span className={`badge ${badge.tone}`}>{badge.text}</span>
                </td>
                <td>#{c.number}</td>
                <td>
                  <Link
                    href={`/cases/${c.id}`}
                    onMouseEnter={() => prefetchCase(c.id)}
                    onFocus={() => prefetchCase(c.id)}
                    onPointerDown={() => prefetchCase(c.id)}
                    onClick={() => prefetchCase(c.id)}
                  >
                    {c.subject}
                  </Link>
                </td>
                <td>{item.customer_name ?? <span className="muted">—</span>}</td>
                <td>{c.kind}</td>
                <td>{c.priority}</td>
                <td>{c.status}</td>
                <td>
                  {item.assignee_name ?? <span className="muted">unassigned</span>}
                  {item.team_name && <span className="muted"> · {item.team_name}</span>}
                </td>
                <td>{dateTime(item.sla.due_at)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!page.loading && page.data && items.length === 0 && <p>No cases match.</p>}
      {cursor && (
        <p>
          <button type="button" className="secondary" onClick={() => void loadMore()}>
            Show more cases
          </button>
        </p>
      )}
      {moreError && (
        <p className="error" role="alert">
          {moreError}
        </p>
      )}
      <section aria-labelledby="shortcuts-heading" className="panel shortcuts">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <ShortcutList />
      </section>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </main>
  );
}

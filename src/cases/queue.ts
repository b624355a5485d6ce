/**
 * @module cases/queue
 * The desk's queue: one page of `listCases` (what breaches first on top), each case with its SLA
 * badge worked out from its clocks as of now — time left in business minutes of the deciding
 * clock's calendar, paused (and why) or breached — and the names the desk shows beside it
 * (customer, assignee, team). Read-only.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../sla/index.ts';
import type { CaseTable, Database } from '../store/schema.ts';
import { caseClocks } from './case-sla.ts';
import { type CaseFilter, listCases, type QueueCursor } from './list-cases.ts';
import type { SlaEntry } from './sla-events.ts';

/**
 * `running`: a clock is counting with time left; `warning`: past its warning point; `breached`: a
 * counting clock ran out; `paused`: every clock still open is paused; `none`: nothing is counting.
 */
export type SlaBadgeState = 'running' | 'warning' | 'breached' | 'paused' | 'none';

export interface SlaBadge {
  readonly state: SlaBadgeState;
  /** The clock the badge is about (the one that breaches first), e.g. `first_reply`. */
  readonly metric: string | null;
  readonly promise: 'customer' | 'internal' | null;
  readonly dueAt: number | null;
  /** Open minutes left in `calendar`; negative once overdue; null when nothing is open. */
  readonly remainingMinutes: number | null;
  readonly calendar: string | null;
  /** Why the clock is paused (`status → waiting on customer`…), when paused. */
  readonly pausedWhy: string | null;
}

export interface QueueItem {
  readonly case: CaseTable;
  readonly sla: SlaBadge;
  readonly customerName: string | null;
  readonly assigneeName: string | null;
  readonly teamName: string | null;
}

export interface QueuePage {
  readonly items: readonly QueueItem[];
  readonly next: { readonly sort: number | null; readonly id: string } | null;
  readonly asOf: number;
}

const NONE: SlaBadge = {
  state: 'none',
  metric: null,
  promise: null,
  dueAt: null,
  remainingMinutes: null,
  calendar: null,
  pausedWhy: null,
};

/**
 * The badge of a case from its clocks as of `now`: the counting clock that is due first decides
 * (the same clock the queue is ordered by); failing that, a paused one.
 * @example slaBadge(clocks, Date.now()).state // 'running'
 */
export function slaBadge(clocks: readonly Clock[], now: number): SlaBadge {
  let urgent: Clock | null = null;
  let paused: Clock | null = null;
  for (const c of clocks) {
    if (!c.active) continue;
    if (c.paused) {
      if (paused === null || c.remainingMinutes < paused.remainingMinutes) paused = c;
      continue;
    }
    if (c.dueAt === null) continue;
    if (urgent === null || (urgent.dueAt !== null && c.dueAt < urgent.dueAt)) urgent = c;
  }
  const clock = urgent ?? paused;
  if (clock === null) return NONE;
  const base = {
    metric: clock.metric,
    promise: clock.promise,
    dueAt: clock.dueAt,
    remainingMinutes: clock.remainingMinutes,
    calendar: clock.target.calendar,
  };
  if (urgent === null) return { ...base, state: 'paused', pausedWhy: clock.intervals.at(-1)?.why ?? null };
  const breached = clock.state === 'breached' || (clock.dueAt !== null && clock.dueAt <= now);
  const warning = clock.warningAt !== null && clock.warningAt <= now;
  return { ...base, state: breached ? 'breached' : warning ? 'warning' : 'running', pausedWhy: null };
}

async function namesOf(
  db: Kysely<Database>,
  table: 'customers' | 'users' | 'teams',
  orgId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * One page of the queue with SLA badges as of `now`.
 * @throws AppError `validation` for a cursor that is not a queue position
 * @example const { items } = await listQueue(db, orgId, { status: ['new', 'open'] }, null, 50, Date.now());
 */
export async function listQueue(
  db: Kysely<Database>,
  orgId: string,
  filter: CaseFilter,
  cursor: QueueCursor | null,
  limit: number,
  now: number,
): Promise<QueuePage> {
  const page = await listCases(db, orgId, filter, cursor, limit);
  const ids = page.cases.map((c) => c.id);
  const entries = new Map<string, SlaEntry[]>();
  if (ids.length > 0) {
    const rows = await db
      .selectFrom('timeline_entries')
      .select(['case_id', 'kind', 'visibility', 'created_at', 'data'])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      const list = entries.get(r.case_id);
      if (list) list.push(r);
      else entries.set(r.case_id, [r]);
    }
  }
  const [customers, users, teams] = await Promise.all([
    namesOf(
      db,
      'customers',
      orgId,
      page.cases.map((c) => c.customer_id),
    ),
    namesOf(
      db,
      'users',
      orgId,
      page.cases.map((c) => c.assignee_id),
    ),
    namesOf(
      db,
      'teams',
      orgId,
      page.cases.map((c) => c.team_id),
    ),
  ]);
  const items: QueueItem[] = [];
  for (const c of page.cases) {
    const sla = await caseClocks(db, c, entries.get(c.id) ?? [], now);
    items.push({
      case: c,
      sla: slaBadge(sla.clocks, now),
      customerName: c.customer_id === null ? null : (customers.get(c.customer_id) ?? null),
      assigneeName: c.assignee_id === null ? null : (users.get(c.assignee_id) ?? null),
      teamName: c.team_id === null ? null : (teams.get(c.team_id) ?? null),
    });
  }
  return { items, next: page.next, asOf: now };
}

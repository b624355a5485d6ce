/**
 * @module charter/team-overview
 * The console's team and standards overview: per person, open cases, cases resolved in the last
 * seven days and SLA breaches (open cases past their deadline now, breaches that fell in the last
 * seven days); and the standards the charter in force declares.
 */
import type { Kysely } from 'kysely';
import { fromJsonText } from '../store/dialect.ts';
import type { Database } from '../store/schema.ts';
import { charterInForce } from './charter-in-force.ts';
import { orgToday } from './policy-context.ts';

export interface AgentLoad {
  /** Null for cases nobody is assigned to. */
  readonly userId: string | null;
  readonly name: string;
  readonly role: string | null;
  readonly openCases: number;
  readonly resolvedLast7Days: number;
  /** Open cases whose next SLA deadline has passed. */
  readonly overdueNow: number;
  /** SLA breaches on their cases that fell in the last seven days. */
  readonly breachesLast7Days: number;
}

export interface StandardTarget {
  readonly policyId: string;
  readonly section: string;
  readonly measure: string;
  readonly target: string;
  readonly notes: string | null;
}

export interface TeamOverview {
  readonly asOf: number;
  readonly today: string;
  readonly people: readonly AgentLoad[];
  readonly totals: Omit<AgentLoad, 'userId' | 'name' | 'role'>;
  readonly standards: readonly StandardTarget[];
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

type Counts = { open: number; resolved: number; overdue: number; breaches: number };

/**
 * Computes the overview as of `now`.
 * @example const o = await teamOverview(db, orgId, Date.now());
 */
export async function teamOverview(db: Kysely<Database>, orgId: string, now: number): Promise<TeamOverview> {
  const since = now - WEEK;
  const open = await db
    .selectFrom('cases')
    .select((eb) => [
      'assignee_id',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('next_deadline', '<', now).then(1).else(0).end()).as('overdue'),
    ])
    .where('org_id', '=', orgId)
    .where('status', 'not in', ['resolved', 'closed'])
    .groupBy('assignee_id')
    .execute();
  const resolved = await db
    .selectFrom('cases')
    .select((eb) => ['assignee_id', eb.fn.countAll().as('n')])
    .where('org_id', '=', orgId)
    .where('resolved_at', '>=', since)
    .where('status', 'in', ['resolved', 'closed'])
    .groupBy('assignee_id')
    .execute();
  // A breach is recorded at or after its instant, so entries recorded in the window hold every breach
  // that fell in it; those recorded late for an older breach (e.g. jobs catching up) are left out.
  const breachEntries = await db
    .selectFrom('timeline_entries as t')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.case_id'))
    .select(['c.assignee_id', 't.data'])
    .where('t.org_id', '=', orgId)
    .where('t.kind', '=', 'sla')
    .where('t.body', 'like', '%breached%')
    .where('t.created_at', '>=', since)
    .execute();
  const breaches = new Map<string | null, number>();
  for (const e of breachEntries) {
    const data = fromJsonText<{ event?: unknown; at?: unknown }>(e.data, {});
    if (data.event !== 'breach' || typeof data.at !== 'number' || data.at < since || data.at > now) continue;
    breaches.set(e.assignee_id, (breaches.get(e.assignee_id) ?? 0) + 1);
  }
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'disabled'])
    .where('org_id', '=', orgId)
    .execute();
  const counts = new Map<string | null, Counts>();
  const at = (id: string | null) => {
    let c = counts.get(id);
    if (!c) {
      c = { open: 0, resolved: 0, overdue: 0, breaches: 0 };
      counts.set(id, c);
    }
    return c;
  };
  for (const u of users) if (u.role === 'agent' && !u.disabled) at(u.id);
  for (const r of open) {
    at(r.assignee_id).open += Number(r.n);
    at(r.assignee_id).overdue += Number(r.overdue ?? 0);
  }
  for (const r of resolved) at(r.assignee_id).resolved += Number(r.n);
  for (const [id, n] of breaches) at(id).breaches += n;
  const byId = new Map(users.map((u) => [u.id, u]));
  const people: AgentLoad[] = [...counts.entries()].map(([id, c]) => {
    const u = id ? byId.get(id) : undefined;
    return {
      userId: id,
      name: id === null ? 'Unassigned' : (u?.name ?? 'former user'),
      role: u?.role ?? null,
      openCases: c.open,
      resolvedLast7Days: c.resolved,
      overdueNow: c.overdue,
      breachesLast7Days: c.breaches,
    };
  });
  people.sort((a, b) => (a.userId === null ? 1 : b.userId === null ? -1 : a.name.localeCompare(b.name)));
  const sum = (f: (a: AgentLoad) => number) => people.reduce((s, p) => s + f(p), 0);
  const today = await orgToday(db, orgId, now);
  const { charter } = await charterInForce(db, orgId, today);
  const standards: StandardTarget[] = [];
  for (const doc of charter.documents)
    for (const s of doc.sections)
      if (s.kind === 'standards')
        for (const st of s.standards)
          standards.push({
            policyId: doc.meta.policy,
            section: s.name,
            measure: st.measure,
            target: st.target,
            notes: st.notes ?? null,
          });
  return {
    asOf: now,
    today,
    people,
    totals: {
      openCases: sum((p) => p.openCases),
      resolvedLast7Days: sum((p) => p.resolvedLast7Days),
      overdueNow: sum((p) => p.overdueNow),
      breachesLast7Days: sum((p) => p.breachesLast7Days),
    },
    standards,
  };
}

/**
 * @module server/routes/cases/case-views
 * Rows and clocks as the API shows them: ISO instants, parsed JSON, snake_case.
 */
import type { CaseOutcome, ProgressStep } from '../../../cases/index.ts';
import type { AppliedTarget, Clock, SlaResult } from '../../../sla/index.ts';
import { jsonValue } from '../../../store/index.ts';
import type { CaseTable, TimelineEntryTable } from '../../../store/schema.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function caseView(row: CaseTable) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    priority: row.priority,
    status: row.status,
    subject: row.subject,
    customer_id: row.customer_id,
    order_id: row.order_id,
    assignee_id: row.assignee_id,
    team_id: row.team_id,
    next_deadline: isoOrNull(row.next_deadline),
    policy_versions: jsonValue<Record<string, number>>(row, 'policy_versions', row.policy_versions, {}),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    resolved_at: isoOrNull(row.resolved_at),
    version: row.version,
  };
}

export function entryView(e: TimelineEntryTable) {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    visibility: e.visibility,
    actor_type: e.actor_type,
    actor_id: e.actor_id,
    body: e.body,
    data: jsonValue<Record<string, unknown>>(e, 'data', e.data, {}),
    amends_id: e.amends_id,
    created_at: iso(e.created_at),
  };
}

export function outcomeView(o: CaseOutcome) {
  return { case: caseView(o.case), entries: o.entries.map(entryView) };
}

export function stepView(s: ProgressStep) {
  return {
    procedure: s.procedure,
    number: s.number,
    step: s.step,
    guidance: s.guidance,
    required: s.required,
    done_at: isoOrNull(s.doneAt),
    done_by: s.doneBy,
    evidence: s.evidence,
  };
}

function targetView(t: AppliedTarget) {
  return {
    from: iso(t.from),
    why: t.why,
    attributes: { ...t.attributes },
    policy: { id: t.policy.id, version: t.policy.version },
    rule: { decision: t.rule.decision, number: t.rule.number, annotation: t.rule.annotation ?? null },
    duration: t.duration,
    calendar: t.calendar,
    budget_minutes: t.budgetMinutes,
    warn_at: t.warnAt,
    due_at: isoOrNull(t.dueAt),
  };
}

function clockView(c: Clock) {
  return {
    id: c.id,
    metric: c.metric,
    promise: c.promise,
    cycle: c.cycle,
    state: c.state,
    active: c.active,
    paused: c.paused,
    calendar: c.target.calendar,
    started_at: iso(c.startedAt),
    stopped_at: isoOrNull(c.stoppedAt),
    stop_why: c.stopWhy,
    due_at: isoOrNull(c.dueAt),
    warning_at: isoOrNull(c.warningAt),
    breached_at: isoOrNull(c.breachedAt),
    budget_minutes: c.budgetMinutes,
    used_minutes: c.usedMinutes,
    remaining_minutes: c.remainingMinutes,
    running_minutes: c.runningMinutes,
    paused_minutes: c.pausedMinutes,
    target: targetView(c.target),
    targets: c.targets.map(targetView),
    intervals: c.intervals.map((i) => ({
      state: i.state,
      from: iso(i.from),
      to: isoOrNull(i.to),
      why: i.why,
      until: i.until,
      wall_minutes: i.wallMinutes,
      business_minutes: i.businessMinutes,
    })),
  };
}

export function slaView(sla: SlaResult, asOf: number, nextDeadline: number | null) {
  return {
    as_of: iso(asOf),
    next_deadline: isoOrNull(nextDeadline),
    clocks: sla.clocks.map(clockView),
    issues: sla.issues.map((i) => ({ code: i.code, message: i.message })),
  };
}

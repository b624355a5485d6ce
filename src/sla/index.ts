/**
 * @module sla
 * SLA clocks and their ledgers, computed from a case's events and the response-times policy's
 * targets. Pure: no I/O, no clock reads ("now" is passed in). Semantics: see README.md.
 */

// Durations are parsed and counted by `hours` (one parser, one meaning); re-exported for callers of sla.
export { type BusinessDuration, businessDaysDue } from '../hours/index.ts';
export {
  computeClocks,
  createSlaEngine,
  type SlaEngine,
  type SlaEngineOptions,
  type SlaResult,
} from './engine.ts';
export type { AttributeValue, CaseAttributes, CaseEvent, CaseEventType, CaseStatus } from './events.ts';
export { type Instant, toEpochMs, toIso } from './instant.ts';
export type { SlaIssue, SlaIssueCode } from './issues.ts';
export { type SlaJob, slaJobs } from './jobs.ts';
export type { AppliedTarget, Clock, ClockState, LedgerInterval } from './ledger.ts';
export { nextDeadline } from './next-deadline.ts';
export {
  attributeKey,
  type CalendarSource,
  METRICS,
  type Metric,
  type PolicyRef,
  type PromiseKind,
  type RuleRef,
  type Target,
  type TargetResolver,
  type TargetSet,
} from './targets.ts';
export type { Why } from './timeline.ts';

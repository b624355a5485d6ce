/**
 * @module cases
 * The case lifecycle: opening a case, its timeline (messages, notes, calls, amendments — appended,
 * never edited), status, priority and assignment, procedure progress, SLA clocks recomputed from the
 * timeline on every change, follow-ups, and the queue.
 */
export { addMessage, type NewMessage } from './add-message.ts';
export { addNote } from './add-note.ts';
export { amendEntry } from './amend-entry.ts';
export { type Assignment, assignCase } from './assign-case.ts';
export type { CaseOutcome, ChangeResult } from './case-change.ts';
export { calendarsOf, charterOfVersions, procedureFor, resolverOf } from './case-charter.ts';
export { type CaseActor, type CaseContext, userActor } from './case-context.ts';
export { caseClocks, SLA_BREACH_JOB, SLA_WARNING_JOB } from './case-sla.ts';
export {
  allowedNext,
  CASE_KINDS,
  CHANNELS,
  type Channel,
  PRIORITIES,
  type Priority,
  raisedPriority,
  STATUSES,
} from './case-vocabulary.ts';
export { allowedChannel } from './channel-restriction.ts';
export { completeStep } from './complete-step.ts';
export { type CreatedCase, createCase, type NewCase } from './create-case.ts';
export {
  type DeskDirectory,
  type DirectoryTeam,
  type DirectoryUser,
  deskDirectory,
} from './desk-directory.ts';
export { escalateCase } from './escalate-case.ts';
export { FOLLOW_UP_JOB, FOLLOW_UP_MESSAGE, runFollowUp } from './follow-up.ts';
export { type CaseDetail, getCase } from './get-case.ts';
export { type CaseSla, getCaseSla } from './get-case-sla.ts';
export { caseJobHandlers } from './job-handlers.ts';
export { type CaseFilter, type CasePage, listCases, type QueueCursor } from './list-cases.ts';
export { logCall, type NewCall } from './log-call.ts';
export {
  caseOfPortalToken,
  hashPortalToken,
  newPortalToken,
  orgOfPortalToken,
  portalTokenMatches,
} from './portal-token.ts';
export { isAfterResolution, type ProgressStep } from './procedure.ts';
export {
  listQueue,
  type QueueItem,
  type QueuePage,
  type SlaBadge,
  type SlaBadgeState,
  slaBadge,
} from './queue.ts';
export { slaEventsOf, slaStatus } from './sla-events.ts';
export { runSlaJob } from './sla-jobs.ts';
export { transferCase } from './transfer-case.ts';
export { type CasePatch, updateCase } from './update-case.ts';

/**
 * @module cases/case-vocabulary
 * The words of a case: kinds, channels, priorities, statuses, and which status may follow which.
 */
import type { CaseKind, CaseStatus } from '../store/schema.ts';

export const CASE_KINDS = [
  'question',
  'complaint',
  'refund request',
  'compliment',
] as const satisfies readonly CaseKind[];
export const CHANNELS = ['email', 'phone', 'chat', 'web form', 'social'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STATUSES = [
  'new',
  'open',
  'waiting on customer',
  'waiting on us',
  'resolved',
  'closed',
] as const satisfies readonly CaseStatus[];

export type Channel = (typeof CHANNELS)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Statuses in which the case counts as finished (reopening leads out of them). */
export const FINISHED: ReadonlySet<CaseStatus> = new Set(['resolved', 'closed']);

/**
 * Which status may follow which. Nothing returns to `new`; a finished case only reopens (→ open) or,
 * once resolved, closes.
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open', 'waiting on customer', 'waiting on us', 'resolved', 'closed'],
  open: ['waiting on customer', 'waiting on us', 'resolved', 'closed'],
  'waiting on customer': ['open', 'waiting on us', 'resolved', 'closed'],
  'waiting on us': ['open', 'waiting on customer', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/**
 * The statuses a case may move to from `status`.
 * @example allowedNext('resolved') // ['open', 'closed']
 */
export function allowedNext(status: CaseStatus): readonly CaseStatus[] {
  return NEXT[status];
}

/**
 * One priority step up, or `null` at the top.
 * @example raisedPriority('normal') // 'high'
 */
export function raisedPriority(priority: string): Priority | null {
  const i = PRIORITIES.indexOf(priority as Priority);
  return i >= 0 && i < PRIORITIES.length - 1 ? (PRIORITIES[i + 1] ?? null) : null;
}

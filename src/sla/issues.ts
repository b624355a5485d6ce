/**
 * @module sla/issues
 * Expected failures as data (a policy naming an unknown calendar, a malformed duration…), and the one
 * place their wording lives.
 */

import type { CaseAttributes } from './events.ts';
import type { Metric, PolicyRef, PromiseKind, RuleRef } from './targets.ts';

export type SlaIssueCode =
  | 'no-created-event'
  | 'no-targets'
  | 'unknown-calendar'
  | 'invalid-duration'
  | 'invalid-warning'
  | 'no-opening';

/** A problem met while computing clocks; the clock concerned is left out (or has no due instant). */
export interface SlaIssue {
  readonly code: SlaIssueCode;
  readonly message: string;
  readonly metric?: Metric;
  readonly promise?: PromiseKind;
  readonly calendar?: string;
  readonly duration?: string;
  /** For `invalid-duration`: where (1-based character of `duration`) and what the parser found. */
  readonly problem?: { readonly column: number; readonly unexpected: string; readonly expected: string };
  readonly policy?: PolicyRef;
  readonly rule?: RuleRef;
  readonly attributes?: CaseAttributes;
}

type IssueData = Omit<SlaIssue, 'message'>;

/**
 * An issue with its wording attached.
 *
 * @example
 * slaIssue({ code: 'unknown-calendar', calendar: 'Suport', metric: 'first_reply' }).message;
 * // 'Unexpected calendar "Suport" for first_reply, expected a calendar the policy defines'
 */
export function slaIssue(data: IssueData): SlaIssue {
  return { ...data, message: wording(data) };
}

function wording(issue: IssueData): string {
  const metric = issue.metric ?? 'a target';
  switch (issue.code) {
    case 'no-created-event':
      return 'Unexpected case history without a `created` event, expected one first';
    case 'no-targets':
      return 'Unexpected attributes no response-times rule matches, expected a target for every case';
    case 'unknown-calendar':
      return `Unexpected calendar "${issue.calendar}" for ${metric}, expected a calendar the policy defines`;
    case 'invalid-duration': {
      // The parser's words (`hours/readBusinessDuration`), so hours and sla describe a bad duration alike.
      const { unexpected, column, expected } = issue.problem ?? {
        unexpected: `duration "${issue.duration}"`,
        column: 1,
        expected: 'an ISO 8601 business duration such as PT4H, PT7H30M or P1D',
      };
      return `Unexpected ${unexpected} for ${metric} at character ${column}, expected ${expected}`;
    }
    case 'invalid-warning':
      return `Unexpected warning fraction for ${metric}, expected a number in (0, 1]`;
    case 'no-opening':
      return `Unexpected calendar "${issue.calendar}" that never opens, expected opening hours for ${metric}`;
  }
}

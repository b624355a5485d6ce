/**
 * @module hours/hours-issue
 * What is wrong in an Hours section, as data; the wording ("Unexpected X, expected Y") is made once, here.
 */

import type { Position, Problem } from '../policy/model.ts';

/** One thing wrong in an Hours section: what was found, what was expected, and where. */
export interface HoursIssue {
  readonly unexpected: string;
  readonly expected: string;
  readonly position: Position;
}

/**
 * Moves a position right on its line, to point into a cell or field value.
 * @example shift({ line: 3, column: 10 }, 7) // { line: 3, column: 17 }
 */
export function shift(position: Position, offset: number): Position {
  return offset === 0 ? position : { line: position.line, column: position.column + offset };
}

/**
 * Turns issues into `hours` problems with the engine's wording.
 * @example toProblems([{ unexpected: 'time "25:00"', expected: 'HH:MM', position }]) // [{ code: 'hours', … }]
 */
export function toProblems(issues: readonly HoursIssue[], file?: string): Problem[] {
  return issues.map((issue) => ({
    code: 'hours',
    severity: 'error',
    message: `Unexpected ${issue.unexpected}, expected ${issue.expected}`,
    position: issue.position,
    ...(file === undefined ? {} : { file }),
  }));
}

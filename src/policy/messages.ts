/**
 * @module policy/messages
 * Builds problems. Wording follows remark-lint: "Unexpected X, expected Y".
 */
import type { Position, Problem, ProblemCode, Severity } from './model.ts';

export interface ProblemInit {
  readonly code: ProblemCode;
  readonly message: string;
  readonly position: Position;
  readonly severity?: Severity;
  readonly file?: string | undefined;
  readonly decision?: string | undefined;
  readonly rules?: readonly number[];
  readonly example?: Readonly<Record<string, unknown>>;
}

const DEFAULT_SEVERITY: Record<ProblemCode, Severity> = {
  syntax: 'error',
  'front-matter': 'error',
  'feel-syntax': 'error',
  'type-mismatch': 'error',
  'hit-policy': 'error',
  'duplicate-decision': 'error',
  overlap: 'error',
  gap: 'warning',
  unreachable: 'warning',
  'output-value': 'error',
  'unknown-input': 'error',
  'unused-decision': 'warning',
  cycle: 'error',
  'review-overdue': 'warning',
  hours: 'error',
};

/**
 * Creates a problem with its default severity.
 * @example problem({ code: 'syntax', message: 'Unexpected "|", expected a cell', position: { line: 3, column: 1 } })
 */
export function problem(init: ProblemInit): Problem {
  const out: { -readonly [K in keyof Problem]: Problem[K] } = {
    code: init.code,
    severity: init.severity ?? DEFAULT_SEVERITY[init.code],
    message: init.message,
    position: init.position,
  };
  if (init.file !== undefined) out.file = init.file;
  if (init.decision !== undefined) out.decision = init.decision;
  if (init.rules !== undefined) out.rules = init.rules;
  if (init.example !== undefined) out.example = init.example;
  return out;
}

/** Orders problems by file, line and column, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column ||
      a.code.localeCompare(b.code),
  );
}

/**
 * @module policy/lint/rules
 * Every lint rule, in reporting order.
 */
import type { LintRule } from '../context.ts';
import { gap } from './gap.ts';
import { outputValue } from './output-value.ts';
import { overlap } from './overlap.ts';
import { reviewOverdue } from './review-overdue.ts';
import { unknownInput } from './unknown-input.ts';
import { unreachable } from './unreachable.ts';
import { unusedDecision } from './unused-decision.ts';

export const RULES: readonly LintRule[] = [
  overlap,
  gap,
  unreachable,
  outputValue,
  unknownInput,
  unusedDecision,
  reviewOverdue,
];

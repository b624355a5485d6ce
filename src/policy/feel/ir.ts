/**
 * @module policy/feel/ir
 * The small typed intermediate form FEEL is lowered to. Both the reference interpreter and the
 * code generator read only this; nodes are plain readonly data with a `kind`.
 */
import type { FeelValue } from './values.ts';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '**';

export type Expr =
  | { readonly kind: 'literal'; readonly value: FeelValue }
  /** A fact, a decision's result, or `?` (the input under test). */
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'path'; readonly base: Expr; readonly key: string }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'if'; readonly test: Expr; readonly whenTrue: Expr; readonly whenFalse: Expr }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'context'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly kind: 'in'; readonly operand: Expr; readonly test: Test }
  | { readonly kind: 'between'; readonly operand: Expr; readonly low: Expr; readonly high: Expr };

/** A unary test, applied to the input value of a decision table column. */
export type Test =
  | { readonly kind: 'any' }
  | { readonly kind: 'compare'; readonly op: Exclude<CompareOp, '=' | '!='>; readonly value: Expr }
  | {
      readonly kind: 'range';
      readonly low: Expr;
      readonly high: Expr;
      readonly lowClosed: boolean;
      readonly highClosed: boolean;
    }
  /** Equality with the value, or membership when the value is a list. */
  | { readonly kind: 'equals'; readonly value: Expr }
  /** A boolean expression over `?`. */
  | { readonly kind: 'predicate'; readonly expr: Expr }
  | { readonly kind: 'not'; readonly test: Test }
  | { readonly kind: 'disjunction'; readonly tests: readonly Test[] };

/** Names an expression reads, excluding `?`. */
export function namesOf(node: Expr | Test, out: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'name':
      if (node.name !== '?') out.add(node.name);
      break;
    case 'path':
      namesOf(node.base, out);
      break;
    case 'arith':
    case 'and':
    case 'or':
      namesOf(node.left, out);
      namesOf(node.right, out);
      break;
    case 'compare':
      if ('left' in node) {
        namesOf(node.left, out);
        namesOf(node.right, out);
      } else namesOf(node.value, out);
      break;
    case 'negate':
      namesOf(node.operand, out);
      break;
    case 'if':
      namesOf(node.test, out);
      namesOf(node.whenTrue, out);
      namesOf(node.whenFalse, out);
      break;
    case 'list':
      for (const i of node.items) namesOf(i, out);
      break;
    case 'context':
      for (const [, e] of node.entries) namesOf(e, out);
      break;
    case 'call':
      for (const a of node.args) namesOf(a, out);
      break;
    case 'in':
      namesOf(node.operand, out);
      namesOf(node.test, out);
      break;
    case 'between':
      namesOf(node.operand, out);
      namesOf(node.low, out);
      namesOf(node.high, out);
      break;
    case 'range':
      namesOf(node.low, out);
      namesOf(node.high, out);
      break;
    case 'equals':
      namesOf(node.value, out);
      break;
    case 'predicate':
      namesOf(node.expr, out);
      break;
    case 'not':
      namesOf(node.test, out);
      break;
    case 'disjunction':
      for (const t of node.tests) namesOf(t, out);
      break;
    default:
      break;
  }
  return out;
}

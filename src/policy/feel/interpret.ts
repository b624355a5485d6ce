/**
 * @module policy/feel/interpret
 * The reference interpreter: a plain recursive walk over the IR. Slow and obvious on purpose;
 * differential tests hold the generated code to its answers.
 */
import { BUILTINS } from './builtins.ts';
import type { Expr, Test } from './ir.ts';
import * as rt from './runtime.ts';
import { type FeelValue, INVALID } from './values.ts';

export type Scope = (name: string) => unknown;

/**
 * Evaluates an expression; `?` reads the scope's `?` entry.
 * @example evaluateExpr(lowered, (n) => facts[n])
 */
export function evaluateExpr(e: Expr, scope: Scope): FeelValue {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'name': {
      const v = scope(e.name);
      return v === undefined || v === INVALID ? null : (v as FeelValue);
    }
    case 'path':
      return rt.path(evaluateExpr(e.base, scope), e.key);
    case 'arith': {
      const l = evaluateExpr(e.left, scope);
      const r = evaluateExpr(e.right, scope);
      if (e.op === '+') return rt.add(l, r);
      if (e.op === '-') return rt.subtract(l, r);
      if (e.op === '*') return rt.multiply(l, r);
      if (e.op === '/') return rt.divide(l, r);
      return rt.power(l, r);
    }
    case 'negate':
      return rt.negate(evaluateExpr(e.operand, scope));
    case 'compare': {
      const l = evaluateExpr(e.left, scope);
      const r = evaluateExpr(e.right, scope);
      switch (e.op) {
        case '=':
          return rt.equals(l, r);
        case '!=':
          return rt.ne(l, r);
        case '<':
          return rt.lt(l, r);
        case '<=':
          return rt.le(l, r);
        case '>':
          return rt.gt(l, r);
        default:
          return rt.ge(l, r);
      }
    }
    case 'and':
      return rt.and(evaluateExpr(e.left, scope), evaluateExpr(e.right, scope));
    case 'or':
      return rt.or(evaluateExpr(e.left, scope), evaluateExpr(e.right, scope));
    case 'if':
      return evaluateExpr(e.test, scope) === true
        ? evaluateExpr(e.whenTrue, scope)
        : evaluateExpr(e.whenFalse, scope);
    case 'list':
      return e.items.map((i) => evaluateExpr(i, scope));
    case 'context': {
      const out: Record<string, FeelValue> = {};
      const inner: Scope = (n) => (Object.hasOwn(out, n) ? out[n] : scope(n));
      for (const [k, v] of e.entries) out[k] = evaluateExpr(v, inner);
      return out;
    }
    case 'call': {
      const b = BUILTINS[e.fn];
      if (!b) return null;
      return b.fn(e.args.map((a) => evaluateExpr(a, scope)));
    }
    case 'in':
      return runTest(e.test, evaluateExpr(e.operand, scope), scope);
    case 'between': {
      const v = evaluateExpr(e.operand, scope);
      return rt.and(rt.ge(v, evaluateExpr(e.low, scope)), rt.le(v, evaluateExpr(e.high, scope)));
    }
    default:
      return null;
  }
}

/**
 * A test's operand, where `?` names the input. Literals (most cells) need no scope, and a closure
 * made per test would cost more than the test.
 */
function operand(e: Expr, input: unknown, scope: Scope): FeelValue {
  if (e.kind === 'literal') return e.value;
  return evaluateExpr(e, (n) => (n === '?' ? input : scope(n)));
}

/**
 * Applies a unary test to an input value: true, false, or null (no match either way).
 * @example runTest({ kind: 'any' }, 5, () => null) // true
 */
export function runTest(t: Test, input: unknown, scope: Scope): boolean | null {
  if (t.kind === 'any') return true;
  if (input === INVALID) return null;
  switch (t.kind) {
    case 'compare': {
      const v = operand(t.value, input, scope);
      if (t.op === '<') return rt.lt(input, v);
      if (t.op === '<=') return rt.le(input, v);
      if (t.op === '>') return rt.gt(input, v);
      return rt.ge(input, v);
    }
    case 'range':
      return rt.inRange(
        input,
        operand(t.low, input, scope),
        operand(t.high, input, scope),
        t.lowClosed,
        t.highClosed,
      );
    case 'equals':
      return rt.equalsTest(input, operand(t.value, input, scope));
    case 'predicate': {
      const v = operand(t.expr, input, scope);
      return typeof v === 'boolean' ? v : null;
    }
    case 'not': {
      const v = runTest(t.test, input, scope);
      return v === null ? null : !v;
    }
    case 'disjunction': {
      let sawNull = false;
      for (const inner of t.tests) {
        const v = runTest(inner, input, scope);
        if (v === true) return true;
        if (v === null) sawNull = true;
      }
      return sawNull ? null : false;
    }
    default:
      return null;
  }
}

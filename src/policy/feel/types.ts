/**
 * @module policy/feel/types
 * Static FEEL types, inferred from literals, so cells can be checked against their column and
 * generated code can be specialised.
 */

import { BUILTINS } from './builtins.ts';
import type { Expr, Test } from './ir.ts';
import { typeOf } from './values.ts';

export type FeelType =
  | 'number'
  | 'string'
  | 'boolean'
  | 'date'
  | 'date and time'
  | 'days and time duration'
  | 'years and months duration'
  | 'list'
  | 'context'
  | 'null'
  | 'any';

/**
 * The static type of an expression, `any` when it depends on untyped names.
 * @example inferType({ kind: 'literal', value: 3 }, () => 'any') // 'number'
 */
export function inferType(e: Expr, nameType: (name: string) => FeelType): FeelType {
  switch (e.kind) {
    case 'literal':
      return typeOf(e.value) as FeelType;
    case 'name':
      return nameType(e.name);
    case 'compare':
    case 'and':
    case 'or':
    case 'in':
    case 'between':
      return 'boolean';
    case 'list':
      return 'list';
    case 'context':
      return 'context';
    case 'call': {
      const t = BUILTINS[e.fn]?.type ?? 'any';
      return t === 'duration' ? 'any' : (t as FeelType);
    }
    case 'arith': {
      const l = inferType(e.left, nameType);
      const r = inferType(e.right, nameType);
      if (l === 'number' && r === 'number') return 'number';
      if (l === 'string' && r === 'string' && e.op === '+') return 'string';
      return 'any';
    }
    case 'negate':
      return inferType(e.operand, nameType) === 'number' ? 'number' : 'any';
    case 'if': {
      const a = inferType(e.whenTrue, nameType);
      const b = inferType(e.whenFalse, nameType);
      return a === b ? a : a === 'null' ? b : b === 'null' ? a : 'any';
    }
    default:
      return 'any';
  }
}

/** Types of the values a test compares its input with (literals only; `any` for others). */
export function testValueTypes(
  t: Test,
  nameType: (name: string) => FeelType,
  out: Set<FeelType> = new Set(),
) {
  switch (t.kind) {
    case 'any':
      break;
    case 'compare':
      out.add(inferType(t.value, nameType));
      break;
    case 'range':
      out.add(inferType(t.low, nameType));
      out.add(inferType(t.high, nameType));
      break;
    case 'equals': {
      const v = t.value;
      if (v.kind === 'list') for (const i of v.items) out.add(inferType(i, nameType));
      else out.add(inferType(v, nameType));
      break;
    }
    case 'predicate':
      out.add('any');
      break;
    case 'not':
      testValueTypes(t.test, nameType, out);
      break;
    case 'disjunction':
      for (const x of t.tests) testValueTypes(x, nameType, out);
      break;
    default:
      break;
  }
  return out;
}

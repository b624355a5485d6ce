/**
 * @module policy/compile/aggregate
 * DMN 1.4 hit-policy semantics over the matched rules, shared by generated code and the reference
 * interpreter so that the two differ only in how they match.
 */

import { add, compare, equals } from '../feel/runtime.ts';
import type { FeelValue } from '../feel/values.ts';
import type { HitPolicy } from '../model.ts';

/** Returned instead of a value when a hit policy is broken at run time (UNIQUE/ANY). */
export const HIT_ERROR: unique symbol = Symbol('hit policy violated');

export interface Match {
  /** 0-based rule index. */
  readonly rule: number;
  readonly value: FeelValue;
}

/** The priority of each output value: its position in the declared list, or -1. */
export type Priorities = readonly (readonly FeelValue[] | null)[];

function priorityKey(value: FeelValue, outputs: readonly string[], priorities: Priorities): number[] {
  if (outputs.length <= 1) {
    const list = priorities[0];
    const i = list ? list.findIndex((p) => equals(p, value) === true) : -1;
    return [i < 0 ? Number.MAX_SAFE_INTEGER : i];
  }
  const obj = (value ?? {}) as Record<string, FeelValue>;
  return outputs.map((name, k) => {
    const list = priorities[k];
    const i = list ? list.findIndex((p) => equals(p, obj[name] ?? null) === true) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  });
}

function byPriority(outputs: readonly string[], priorities: Priorities) {
  return (a: Match, b: Match): number => {
    const ka = priorityKey(a.value, outputs, priorities);
    const kb = priorityKey(b.value, outputs, priorities);
    for (let i = 0; i < ka.length; i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.rule - b.rule;
  };
}

/**
 * Combines matches (in rule order) into the decision's value under a hit policy.
 * @example aggregate('COLLECT SUM', [{ rule: 0, value: 2 }, { rule: 2, value: 3 }], ['Score'], []) // { value: 5, … }
 */
export function aggregate(
  policy: HitPolicy,
  matches: readonly Match[],
  outputs: readonly string[],
  priorities: Priorities,
): { value: FeelValue | typeof HIT_ERROR; used: readonly number[] } {
  const rules = matches.map((m) => m.rule);
  switch (policy) {
    case 'UNIQUE':
      if (matches.length > 1) return { value: HIT_ERROR, used: rules };
      return { value: matches[0]?.value ?? null, used: rules };
    case 'ANY': {
      const first = matches[0];
      if (!first) return { value: null, used: [] };
      if (matches.some((m) => equals(m.value, first.value) !== true))
        return { value: HIT_ERROR, used: rules };
      return { value: first.value, used: rules };
    }
    case 'FIRST':
      return { value: matches[0]?.value ?? null, used: matches[0] ? [matches[0].rule] : [] };
    case 'PRIORITY': {
      if (matches.length === 0) return { value: null, used: [] };
      const best = [...matches].sort(byPriority(outputs, priorities))[0] as Match;
      return { value: best.value, used: [best.rule] };
    }
    case 'OUTPUT ORDER': {
      const sorted = [...matches].sort(byPriority(outputs, priorities));
      return { value: sorted.map((m) => m.value), used: sorted.map((m) => m.rule) };
    }
    case 'COLLECT':
    case 'RULE ORDER':
      return { value: matches.map((m) => m.value), used: rules };
    case 'COLLECT COUNT': {
      // DMN counts distinct values.
      const distinct: FeelValue[] = [];
      for (const m of matches) if (!distinct.some((d) => equals(d, m.value) === true)) distinct.push(m.value);
      return { value: distinct.length, used: rules };
    }
    case 'COLLECT SUM': {
      if (matches.length === 0) return { value: null, used: [] };
      let acc: FeelValue = matches[0]?.value ?? null;
      for (const m of matches.slice(1)) acc = add(acc, m.value);
      return { value: acc, used: rules };
    }
    case 'COLLECT MIN':
    case 'COLLECT MAX': {
      if (matches.length === 0) return { value: null, used: [] };
      const sign = policy === 'COLLECT MIN' ? -1 : 1;
      let best: FeelValue = matches[0]?.value ?? null;
      for (const m of matches.slice(1)) {
        const c = compare(m.value, best);
        if (c === null) return { value: null, used: rules };
        if (c * sign > 0) best = m.value;
      }
      return { value: best, used: rules };
    }
    default:
      return { value: null, used: [] };
  }
}

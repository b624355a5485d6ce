/**
 * @module policy/compile/runtime-object
 * What generated code receives: the FEEL runtime, and a reader that coerces named facts by their
 * declared type (so a date fact given as an ISO string is a date wherever it is read).
 */

import { BUILTINS } from '../feel/builtins.ts';
import * as runtime from '../feel/runtime.ts';
import { FeelDate, type FeelValue, INVALID } from '../feel/values.ts';
import { aggregate, HIT_ERROR } from './aggregate.ts';
import { type Coercer, makeCoercer, toFeel, type WarningSink } from './coerce.ts';
import type { Environment } from './environment.ts';

/** What an explained evaluation collects: coerced inputs and matched rule indexes (0-based). */
export interface Explain {
  inputs: unknown[];
  rules: readonly number[];
}

/** A compiled or interpreted decision: scope in, FEEL value (or HIT_ERROR) out. */
export type DecisionRun = (
  scope: Readonly<Record<string, unknown>>,
  warnings: WarningSink,
  explain: Explain | null,
) => FeelValue | typeof HIT_ERROR;

/** The fast path of one decision: facts in, FEEL value out (null for non-object facts, broken hit policies). */
export type FastRun = (facts: Readonly<Record<string, unknown>>) => FeelValue;

/**
 * A fact as supplied: an inherited object or function (`constructor`, `toString`, `__proto__` from
 * Object.prototype) is no fact, so it reads as missing. A primitive passes as it is, so generated code
 * calls this only off its fast path, where a value failed the column's type check.
 */
export function supplied(s: object, name: string, v: unknown): unknown {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && !Object.hasOwn(s, name)
    ? undefined
    : v;
}

/** Reads a fact from the facts object (see `supplied`). */
export function readFact(s: Readonly<Record<string, unknown>>, name: string): unknown {
  return supplied(s, name, s[name]);
}

export function makeRuntime() {
  return {
    ...runtime,
    FeelDate,
    INVALID,
    HIT_ERROR,
    aggregate,
    call: (fn: string, args: readonly unknown[]): FeelValue => BUILTINS[fn]?.fn(args) ?? null,
  };
}

/** Reads a name from the scope, coercing declared facts; INVALID reads as null inside expressions. */
export function makeReader(env: Environment) {
  const coercers = new Map<string, Coercer>();
  for (const [name, f] of env.facts)
    coercers.set(name, makeCoercer(name, f.type, f.allowed, f.definition.allowed?.text));
  return (name: string, s: Readonly<Record<string, unknown>>, w: WarningSink): FeelValue => {
    const raw = readFact(s, name);
    const c = coercers.get(name);
    const v = c && !env.decisions.has(name) ? c(raw, w) : toFeel(raw);
    return v === INVALID ? null : v;
  };
}

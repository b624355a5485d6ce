/**
 * @module policy/feel/runtime
 * FEEL operators with FEEL's ternary logic (null when undefined), shared by the reference
 * interpreter and by generated code. Type mismatches give null, never a silent match.
 */
import {
  DayTimeDuration,
  FeelDate,
  FeelDateTime,
  type FeelValue,
  INVALID,
  YearMonthDuration,
} from './values.ts';

const MS_PER_DAY = 86_400_000;

type V = unknown;

function isScalarKind(a: V, b: V): 'number' | 'string' | 'boolean' | 'date' | 'dt' | 'dtd' | 'ymd' | null {
  if (typeof a === 'number' && typeof b === 'number') return 'number';
  if (typeof a === 'string' && typeof b === 'string') return 'string';
  if (typeof a === 'boolean' && typeof b === 'boolean') return 'boolean';
  if (a instanceof FeelDate && b instanceof FeelDate) return 'date';
  if (a instanceof FeelDateTime && b instanceof FeelDateTime) return a.local === b.local ? 'dt' : null;
  if (a instanceof DayTimeDuration && b instanceof DayTimeDuration) return 'dtd';
  if (a instanceof YearMonthDuration && b instanceof YearMonthDuration) return 'ymd';
  return null;
}

function key(v: V): number | string | boolean {
  if (v instanceof FeelDate) return v.day;
  if (v instanceof FeelDateTime) return v.ms;
  if (v instanceof DayTimeDuration) return v.ms;
  if (v instanceof YearMonthDuration) return v.months;
  return v as number | string | boolean;
}

/**
 * Orders two values of one comparable type: -1, 0, 1, or null when FEEL cannot compare them.
 * @example compare(1, 2) // -1; compare('1', 1) // null
 */
export function compare(a: V, b: V): -1 | 0 | 1 | null {
  const kind = isScalarKind(a, b);
  if (kind === null || kind === 'boolean') return null;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** FEEL `=`: deep equality; null only equals null; different types are not equal. */
export function equals(a: V, b: V): boolean | null {
  if (a === INVALID || b === INVALID) return null;
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (equals(a[i], b[i]) !== true) return false;
    return true;
  }
  const kind = isScalarKind(a, b);
  if (kind !== null) return key(a) === key(b);
  if (isContext(a) && isContext(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && equals(a[k], b[k]) === true);
  }
  return false;
}

export function isContext(v: V): v is Record<string, FeelValue> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof FeelDate) &&
    !(v instanceof FeelDateTime) &&
    !(v instanceof DayTimeDuration) &&
    !(v instanceof YearMonthDuration)
  );
}

export function lt(a: V, b: V): boolean | null {
  const c = compare(a, b);
  return c === null ? null : c < 0;
}
export function le(a: V, b: V): boolean | null {
  const c = compare(a, b);
  return c === null ? null : c <= 0;
}
export function gt(a: V, b: V): boolean | null {
  const c = compare(a, b);
  return c === null ? null : c > 0;
}
export function ge(a: V, b: V): boolean | null {
  const c = compare(a, b);
  return c === null ? null : c >= 0;
}
export function ne(a: V, b: V): boolean | null {
  const e = equals(a, b);
  return e === null ? null : !e;
}

/** FEEL `and` (ternary). */
export function and(a: V, b: V): boolean | null {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return null;
}

/** FEEL `or` (ternary). */
export function or(a: V, b: V): boolean | null {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return null;
}

function num(v: V): v is number {
  return typeof v === 'number';
}

function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const target = new Date(0);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  // Clamp to the last day of the target month, as FEEL does (Jan 31 + P1M = Feb 28/29).
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  target.setUTCFullYear(y, m, Math.min(d.getUTCDate(), lastDay));
  return Math.round(target.getTime() / MS_PER_DAY);
}

/** FEEL `+`: numbers, strings (concatenation), date/date-time + duration, duration + duration. */
export function add(a: V, b: V): FeelValue {
  if (num(a) && num(b)) return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof DayTimeDuration && b instanceof DayTimeDuration) return new DayTimeDuration(a.ms + b.ms);
  if (a instanceof YearMonthDuration && b instanceof YearMonthDuration)
    return new YearMonthDuration(a.months + b.months);
  if (b instanceof FeelDate || b instanceof FeelDateTime) return add(b, a);
  if (a instanceof FeelDate) {
    if (b instanceof DayTimeDuration) return new FeelDate(a.day + Math.floor(b.ms / MS_PER_DAY));
    if (b instanceof YearMonthDuration) return new FeelDate(addMonths(a.day, b.months));
  }
  if (a instanceof FeelDateTime) {
    if (b instanceof DayTimeDuration) return new FeelDateTime(a.ms + b.ms, a.local);
    if (b instanceof YearMonthDuration) {
      const day = Math.floor(a.ms / MS_PER_DAY);
      return new FeelDateTime(addMonths(day, b.months) * MS_PER_DAY + (a.ms - day * MS_PER_DAY), a.local);
    }
  }
  return null;
}

/** FEEL `-`: numbers, date - date (a duration), date - duration, duration - duration. */
export function subtract(a: V, b: V): FeelValue {
  if (num(a) && num(b)) return a - b;
  if (a instanceof FeelDate && b instanceof FeelDate)
    return new DayTimeDuration((a.day - b.day) * MS_PER_DAY);
  if (a instanceof FeelDateTime && b instanceof FeelDateTime && a.local === b.local)
    return new DayTimeDuration(a.ms - b.ms);
  if (b instanceof DayTimeDuration) return add(a, new DayTimeDuration(-b.ms));
  if (b instanceof YearMonthDuration) return add(a, new YearMonthDuration(-b.months));
  return null;
}

/** FEEL `*`: numbers, duration × number. */
export function multiply(a: V, b: V): FeelValue {
  if (num(a) && num(b)) return a * b;
  if (a instanceof DayTimeDuration && num(b)) return new DayTimeDuration(a.ms * b);
  if (num(a) && b instanceof DayTimeDuration) return new DayTimeDuration(a * b.ms);
  if (a instanceof YearMonthDuration && num(b)) return new YearMonthDuration(Math.trunc(a.months * b));
  if (num(a) && b instanceof YearMonthDuration) return new YearMonthDuration(Math.trunc(a * b.months));
  return null;
}

/** FEEL `/`: division by zero is null, not Infinity. */
export function divide(a: V, b: V): FeelValue {
  if (num(a) && num(b)) return b === 0 ? null : a / b;
  if (a instanceof DayTimeDuration && num(b)) return b === 0 ? null : new DayTimeDuration(a.ms / b);
  if (a instanceof DayTimeDuration && b instanceof DayTimeDuration) return b.ms === 0 ? null : a.ms / b.ms;
  if (a instanceof YearMonthDuration && b instanceof YearMonthDuration)
    return b.months === 0 ? null : a.months / b.months;
  return null;
}

export function power(a: V, b: V): FeelValue {
  if (num(a) && num(b)) {
    const r = a ** b;
    return Number.isFinite(r) ? r : null;
  }
  return null;
}

export function negate(a: V): FeelValue {
  if (num(a)) return -a;
  if (a instanceof DayTimeDuration) return new DayTimeDuration(-a.ms);
  if (a instanceof YearMonthDuration) return new YearMonthDuration(-a.months);
  return null;
}

/** Path access `a.b`; on a list it maps over the items (FEEL semantics). */
export function path(base: V, name: string): FeelValue {
  if (Array.isArray(base)) return base.map((item) => path(item, name));
  // Own entries only: `{}.constructor` is no FEEL value.
  if (isContext(base)) return Object.hasOwn(base, name) ? ((base[name] ?? null) as FeelValue) : null;
  if (base instanceof FeelDate) {
    const d = new Date(base.day * MS_PER_DAY);
    if (name === 'year') return d.getUTCFullYear();
    if (name === 'month') return d.getUTCMonth() + 1;
    if (name === 'day') return d.getUTCDate();
    if (name === 'weekday') return ((d.getUTCDay() + 6) % 7) + 1;
  }
  if (base instanceof DayTimeDuration) {
    const abs = Math.abs(base.ms);
    const sign = base.ms < 0 ? -1 : 1;
    if (name === 'days') return sign * Math.floor(abs / MS_PER_DAY);
    if (name === 'hours') return sign * Math.floor((abs % MS_PER_DAY) / 3_600_000);
    if (name === 'minutes') return sign * Math.floor((abs % 3_600_000) / 60_000);
    if (name === 'seconds') return sign * Math.floor((abs % 60_000) / 1000);
  }
  if (base instanceof YearMonthDuration) {
    if (name === 'years') return Math.trunc(base.months / 12);
    if (name === 'months') return base.months % 12;
  }
  return null;
}

/** A range test `[lo..hi]` etc. Null endpoints mean unbounded only when written so (not here). */
export function inRange(v: V, lo: V, hi: V, loClosed: boolean, hiClosed: boolean): boolean | null {
  const a = compare(v, lo);
  const b = compare(v, hi);
  if (a === null || b === null) return null;
  return (loClosed ? a >= 0 : a > 0) && (hiClosed ? b <= 0 : b < 0);
}

/**
 * A unary test whose endpoint is a plain value: equality, or membership when the value is a list.
 * @example equalsTest('a', ['a', 'b']) // true
 */
export function equalsTest(input: V, expected: V): boolean | null {
  if (Array.isArray(expected) && !Array.isArray(input)) {
    let sawNull = false;
    for (const item of expected) {
      const e = equals(input, item);
      if (e === true) return true;
      if (e === null) sawNull = true;
    }
    return sawNull ? null : false;
  }
  if (typeof expected === 'boolean' && typeof input !== 'boolean') return null;
  return equals(input, expected);
}

/** Rounds half to even at `scale` decimal places: the one rounding used for money. */
export function roundHalfEven(n: number, scale: number): number {
  const f = 10 ** scale;
  const x = n * f;
  const r = Math.round(x);
  // Math.round rounds .5 up; correct exact ties to the even neighbour.
  const diff = Math.abs(x - Math.trunc(x));
  if (Math.abs(diff - 0.5) < 1e-9) {
    const floor = Math.floor(x);
    const even = floor % 2 === 0 ? floor : floor + 1;
    return even / f;
  }
  return r / f;
}

/** Only `true` and `false` count as a predicate's answer. */
export function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** Three-valued `not`. */
export function not3(v: boolean | null): boolean | null {
  return v === null ? null : !v;
}

/** Three-valued disjunction of a cell's tests. */
export function any3(vs: readonly (boolean | null)[]): boolean | null {
  let sawNull = false;
  for (const v of vs) {
    if (v === true) return true;
    if (v === null) sawNull = true;
  }
  return sawNull ? null : false;
}

/**
 * @module policy/feel/builtins
 * The FEEL built-in functions Charter supports. Each takes evaluated arguments and returns a value
 * or null (FEEL's answer to a bad argument). Unknown functions are rejected at compile time.
 */
import { add, compare, equals, isContext, roundHalfEven } from './runtime.ts';
import {
  FeelDate,
  FeelDateTime,
  type FeelValue,
  parseDate,
  parseDateTime,
  parseDuration,
  YearMonthDuration,
} from './values.ts';

type Fn = (args: readonly unknown[]) => FeelValue;

export interface Builtin {
  readonly min: number;
  readonly max: number;
  /** Static result type, for type checks of cells. */
  readonly type: string;
  readonly fn: Fn;
}

function listArg(args: readonly unknown[]): readonly unknown[] | null {
  if (args.length === 1 && Array.isArray(args[0])) return args[0];
  if (args.length === 1 && args[0] === null) return null;
  return args;
}

function numbers(args: readonly unknown[]): number[] | null {
  const list = listArg(args);
  if (!list) return null;
  const out: number[] = [];
  for (const v of list) {
    if (typeof v !== 'number') return null;
    out.push(v);
  }
  return out;
}

function extreme(args: readonly unknown[], sign: 1 | -1): FeelValue {
  const list = listArg(args);
  if (!list || list.length === 0) return null;
  let best = list[0];
  for (const v of list.slice(1)) {
    const c = compare(v, best);
    if (c === null) return null;
    if (c * sign > 0) best = v;
  }
  if (list.length === 1 && compare(best, best) === null) return null;
  return best as FeelValue;
}

const str = (v: unknown): v is string => typeof v === 'string';
const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  date: {
    min: 1,
    max: 3,
    type: 'date',
    fn: (a) => {
      if (a.length === 3) {
        if (!a.every(int)) return null;
        const [y, m, d] = a as number[];
        return parseDate(
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        );
      }
      const v = a[0];
      if (str(v)) return parseDate(v);
      if (v instanceof FeelDate) return v;
      if (v instanceof FeelDateTime) return new FeelDate(Math.floor(v.ms / 86_400_000));
      return null;
    },
  },
  'date and time': {
    min: 1,
    max: 1,
    type: 'date and time',
    fn: (a) => {
      const v = a[0];
      if (str(v)) return parseDateTime(v) ?? (parseDate(v) ? parseDateTime(`${v}T00:00:00`) : null);
      return v instanceof FeelDateTime ? v : null;
    },
  },
  duration: { min: 1, max: 1, type: 'duration', fn: (a) => (str(a[0]) ? parseDuration(a[0]) : null) },
  'years and months duration': {
    min: 2,
    max: 2,
    type: 'years and months duration',
    fn: (a) => {
      const [f, t] = a;
      if (!(f instanceof FeelDate) || !(t instanceof FeelDate)) return null;
      const df = new Date(f.day * 86_400_000);
      const dt = new Date(t.day * 86_400_000);
      let months = (dt.getUTCFullYear() - df.getUTCFullYear()) * 12 + dt.getUTCMonth() - df.getUTCMonth();
      if (months > 0 && dt.getUTCDate() < df.getUTCDate()) months--;
      if (months < 0 && dt.getUTCDate() > df.getUTCDate()) months++;
      return new YearMonthDuration(months);
    },
  },
  number: {
    min: 1,
    max: 1,
    type: 'number',
    fn: (a) => {
      const v = a[0];
      if (!str(v) || !/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return null;
      return Number(v);
    },
  },
  string: {
    min: 1,
    max: 1,
    type: 'string',
    fn: (a) => {
      const v = a[0];
      if (v === null || v === undefined) return null;
      if (typeof v === 'object' && !Array.isArray(v) && !isContext(v)) return String(v);
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    },
  },
  min: { min: 1, max: Number.POSITIVE_INFINITY, type: 'any', fn: (a) => extreme(a, -1) },
  max: { min: 1, max: Number.POSITIVE_INFINITY, type: 'any', fn: (a) => extreme(a, 1) },
  sum: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    type: 'number',
    fn: (a) => {
      const list = listArg(a);
      if (!list) return null;
      if (list.length === 0) return null;
      let acc: unknown = list[0];
      for (const v of list.slice(1)) acc = add(acc, v);
      return typeof acc === 'number' ? acc : null;
    },
  },
  mean: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    type: 'number',
    fn: (a) => {
      const n = numbers(a);
      return n?.length ? n.reduce((x, y) => x + y, 0) / n.length : null;
    },
  },
  count: {
    min: 1,
    max: 1,
    type: 'number',
    fn: (a) => (Array.isArray(a[0]) ? a[0].length : null),
  },
  abs: { min: 1, max: 1, type: 'number', fn: (a) => (typeof a[0] === 'number' ? Math.abs(a[0]) : null) },
  floor: { min: 1, max: 1, type: 'number', fn: (a) => (typeof a[0] === 'number' ? Math.floor(a[0]) : null) },
  ceiling: { min: 1, max: 1, type: 'number', fn: (a) => (typeof a[0] === 'number' ? Math.ceil(a[0]) : null) },
  decimal: {
    min: 2,
    max: 2,
    type: 'number',
    fn: (a) => (typeof a[0] === 'number' && int(a[1]) ? roundHalfEven(a[0], a[1]) : null),
  },
  modulo: {
    min: 2,
    max: 2,
    type: 'number',
    fn: (a) => {
      const [x, y] = a;
      if (typeof x !== 'number' || typeof y !== 'number' || y === 0) return null;
      return x - y * Math.floor(x / y);
    },
  },
  'string length': { min: 1, max: 1, type: 'number', fn: (a) => (str(a[0]) ? [...a[0]].length : null) },
  'upper case': { min: 1, max: 1, type: 'string', fn: (a) => (str(a[0]) ? a[0].toUpperCase() : null) },
  'lower case': { min: 1, max: 1, type: 'string', fn: (a) => (str(a[0]) ? a[0].toLowerCase() : null) },
  substring: {
    min: 2,
    max: 3,
    type: 'string',
    fn: (a) => {
      const [s, start, len] = a;
      if (!str(s) || !int(start) || (len !== undefined && !int(len))) return null;
      const chars = [...s];
      const from = start > 0 ? start - 1 : chars.length + start;
      return chars.slice(from, len === undefined ? undefined : from + len).join('');
    },
  },
  contains: {
    min: 2,
    max: 2,
    type: 'boolean',
    fn: (a) => (str(a[0]) && str(a[1]) ? a[0].includes(a[1]) : null),
  },
  'starts with': {
    min: 2,
    max: 2,
    type: 'boolean',
    fn: (a) => (str(a[0]) && str(a[1]) ? a[0].startsWith(a[1]) : null),
  },
  'ends with': {
    min: 2,
    max: 2,
    type: 'boolean',
    fn: (a) => (str(a[0]) && str(a[1]) ? a[0].endsWith(a[1]) : null),
  },
  'list contains': {
    min: 2,
    max: 2,
    type: 'boolean',
    fn: (a) => (Array.isArray(a[0]) ? a[0].some((v) => equals(v, a[1]) === true) : null),
  },
  not: { min: 1, max: 1, type: 'boolean', fn: (a) => (typeof a[0] === 'boolean' ? !a[0] : null) },
  'is defined': { min: 1, max: 1, type: 'boolean', fn: (a) => a[0] !== undefined },
};

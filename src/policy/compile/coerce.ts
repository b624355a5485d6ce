/**
 * @module policy/compile/coerce
 * The boundary between caller facts and FEEL: ISO strings become dates only where a date is
 * declared, anything of the wrong type becomes INVALID with a warning (it then matches only `-`).
 */
import { runTest } from '../feel/interpret.ts';
import type { Test } from '../feel/ir.ts';
import type { FeelType } from '../feel/types.ts';
import {
  DayTimeDuration,
  FeelDate,
  FeelDateTime,
  type FeelValue,
  INVALID,
  type Invalid,
  parseDate,
  parseDateTime,
  parseDuration,
  YearMonthDuration,
} from '../feel/values.ts';

export interface Warning {
  readonly code: 'type-mismatch' | 'not-allowed' | 'missing-fact' | 'hit-policy' | 'unknown-decision';
  readonly message: string;
  readonly fact?: string;
  readonly decision?: string;
}

/** Where evaluation reports warnings; null on the fast path that skips explanations. */
export type WarningSink = Warning[] | null;

/** Column / fact types the boundary understands. */
export type BoundaryType = FeelType | 'duration';

/** Allowed values name nothing but the input. */
const NO_NAMES = (): null => null;

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (v instanceof Date) return `a JS Date (${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    return JSON.stringify(v)?.slice(0, 40) ?? String(v);
  } catch {
    return typeof v;
  }
}

/**
 * Converts arbitrary JSON-like data to FEEL values without guessing types: strings stay strings,
 * a JS Date becomes a date-time, numbers must be finite.
 */
export function toFeel(v: unknown): FeelValue | Invalid {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : INVALID;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (
    v instanceof FeelDate ||
    v instanceof FeelDateTime ||
    v instanceof DayTimeDuration ||
    v instanceof YearMonthDuration
  )
    return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? INVALID : new FeelDateTime(v.getTime(), false);
  if (Array.isArray(v)) {
    const out: FeelValue[] = [];
    for (const item of v) {
      const c = toFeel(item);
      if (c === INVALID) return INVALID;
      out.push(c);
    }
    return out;
  }
  if (typeof v === 'object') {
    const out: Record<string, FeelValue> = {};
    for (const [k, item] of Object.entries(v)) {
      const c = toFeel(item);
      if (c === INVALID) return INVALID;
      out[k] = c;
    }
    return out;
  }
  return INVALID;
}

function typed(v: unknown, type: BoundaryType): FeelValue | Invalid | undefined {
  switch (type) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'date':
      if (v instanceof FeelDate) return v;
      return typeof v === 'string' ? (parseDate(v) ?? undefined) : undefined;
    case 'date and time':
      if (v instanceof FeelDateTime) return v;
      if (v instanceof Date && !Number.isNaN(v.getTime())) return new FeelDateTime(v.getTime(), false);
      return typeof v === 'string' ? (parseDateTime(v) ?? undefined) : undefined;
    case 'duration':
    case 'days and time duration':
    case 'years and months duration': {
      const d =
        v instanceof DayTimeDuration || v instanceof YearMonthDuration
          ? v
          : typeof v === 'string'
            ? parseDuration(v)
            : null;
      if (!d) return undefined;
      if (type === 'days and time duration' && !(d instanceof DayTimeDuration)) return undefined;
      if (type === 'years and months duration' && !(d instanceof YearMonthDuration)) return undefined;
      return d;
    }
    default: {
      const c = toFeel(v);
      return c === INVALID ? undefined : c;
    }
  }
}

function expected(type: BoundaryType): string {
  if (type === 'date') return 'a date "YYYY-MM-DD"';
  if (type === 'date and time') return 'a date and time "YYYY-MM-DDThh:mm:ssZ"';
  if (type.includes('duration')) return 'an ISO 8601 duration such as "P1D"';
  return `a ${type}`;
}

/**
 * Reports a bad fact once per evaluation: a fact read by several columns, cells or outputs (of this
 * decision or of the decisions it requires) gives one warning of each kind, not one per read.
 */
function warn(w: WarningSink, warning: Warning): void {
  if (w && !w.some((x) => x.fact === warning.fact && x.code === warning.code)) w.push(warning);
}

/**
 * Builds the coercer for one fact or column. `fact` (default: the label) is the fact its warnings
 * are about, and deduplicated by.
 * @example makeCoercer('Days since delivery', 'number', null)('12', warnings) // INVALID, with a warning
 */
export function makeCoercer(
  label: string,
  type: BoundaryType,
  allowed: Test | null,
  allowedText?: string,
  fact: string = label,
) {
  return (v: unknown, w: WarningSink): FeelValue | Invalid => {
    if (v === undefined || v === null) return null;
    const c = typed(v, type);
    if (c === undefined) {
      warn(w, {
        code: 'type-mismatch',
        fact,
        message: `Unexpected ${show(v)} for ${label}, expected ${expected(type)}`,
      });
      return INVALID;
    }
    if (allowed && runTest(allowed, c, NO_NAMES) !== true) {
      warn(w, {
        code: 'not-allowed',
        fact,
        message: `Unexpected ${show(v)} for ${label}, expected one of ${allowedText ?? 'the allowed values'}`,
      });
      return INVALID;
    }
    return c;
  };
}

export type Coercer = ReturnType<typeof makeCoercer>;

/**
 * @module policy/feel/values
 * FEEL runtime values beyond JS primitives: dates, date-times and the two kinds of duration.
 * Kept as small immutable classes so that a string is never mistaken for a date (a feelin hazard).
 */

const MS_PER_DAY = 86_400_000;

/** A calendar date with no zone: days since 1970-01-01. */
export class FeelDate {
  constructor(readonly day: number) {}
  toString(): string {
    return new Date(this.day * MS_PER_DAY).toISOString().slice(0, 10);
  }
}

/** A date and time. `local` when written without offset (then `ms` reads the wall time as UTC). */
export class FeelDateTime {
  constructor(
    readonly ms: number,
    readonly local: boolean,
  ) {}
  toString(): string {
    const iso = new Date(this.ms).toISOString();
    return this.local ? iso.slice(0, -1) : iso;
  }
}

/** A days-and-time duration in milliseconds (`PT4H`, `P2D`). */
export class DayTimeDuration {
  constructor(readonly ms: number) {}
  toString(): string {
    return formatDayTime(this.ms);
  }
}

/** A years-and-months duration in months (`P1Y2M`). Never compared with a day-time duration. */
export class YearMonthDuration {
  constructor(readonly months: number) {}
  toString(): string {
    const sign = this.months < 0 ? '-' : '';
    const m = Math.abs(this.months);
    const years = Math.floor(m / 12);
    const months = m % 12;
    if (years === 0 && months === 0) return 'P0M';
    return `${sign}P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}`;
  }
}

export type FeelList = readonly FeelValue[];
export interface FeelContext {
  readonly [key: string]: FeelValue;
}

export type FeelValue =
  | null
  | number
  | string
  | boolean
  | FeelDate
  | FeelDateTime
  | DayTimeDuration
  | YearMonthDuration
  | FeelList
  | FeelContext;

/** Marks a fact that failed its type check at the boundary: it matches only `-`. */
export const INVALID: unique symbol = Symbol('invalid fact');
export type Invalid = typeof INVALID;

function formatDayTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${seconds}S`;
  if (!days && !time) return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const DATE_RE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` strictly (no rollover: `2021-02-30` is not a date).
 * @example parseDate('2027-01-01')?.toString() // '2027-01-01'
 */
export function parseDate(text: string): FeelDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return new FeelDate(Math.round(date.getTime() / MS_PER_DAY));
}

const DATE_TIME_RE =
  /^(-?\d{4,9}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}|@[A-Za-z_/+-]+)?$/;

/**
 * Parses an ISO date-time; an offset or `Z` makes it an instant, none makes it local.
 * Zone ids (`@Europe/London`) are not supported here and give null.
 */
export function parseDateTime(text: string): FeelDateTime | null {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const date = parseDate(m[1] ?? '');
  const h = Number(m[2]);
  const mi = Number(m[3]);
  const s = Number(m[4]);
  if (!date || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi || s))) return null;
  const frac = m[5] ? Number(m[5]) : 0;
  const zone = m[6];
  if (zone?.startsWith('@')) return null;
  let ms = date.day * MS_PER_DAY + ((h * 60 + mi) * 60 + s + frac) * 1000;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    ms -= sign * (oh * 60 + om) * 60_000;
  }
  return new FeelDateTime(ms, zone === undefined);
}

const DURATION_RE =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration into FEEL's two duration kinds; mixing years/months with days/time is
 * rejected because FEEL cannot compare them.
 * @example parseDuration('PT4H') // DayTimeDuration { ms: 14400000 }
 */
export function parseDuration(text: string): DayTimeDuration | YearMonthDuration | null {
  const m = DURATION_RE.exec(text);
  if (!m || text.endsWith('T') || text === 'P' || text === '-P') return null;
  const sign = m[1] ? -1 : 1;
  const [y, mo, w, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6], m[7], m[8]];
  const hasYm = y !== undefined || mo !== undefined;
  const hasDt = w !== undefined || d !== undefined || h !== undefined || mi !== undefined || s !== undefined;
  if (hasYm && hasDt) return null;
  if (!hasYm && !hasDt) return null;
  if (hasYm) return new YearMonthDuration(sign * (Number(y ?? 0) * 12 + Number(mo ?? 0)) || 0);
  const ms =
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86_400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60) * 1000 +
    Math.round(Number(s ?? 0) * 1000);
  return new DayTimeDuration(sign * ms || 0);
}

/** The FEEL type name of a runtime value, for messages and type checks. */
export function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === INVALID) return 'invalid';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelDateTime) return 'date and time';
  if (value instanceof DayTimeDuration) return 'days and time duration';
  if (value instanceof YearMonthDuration) return 'years and months duration';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'context';
  return 'unknown';
}

/**
 * Turns a FEEL value into plain JSON data: dates, date-times and durations become ISO strings.
 * @example toJson(new FeelDate(0)) // '1970-01-01'
 */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined || value === INVALID) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return value;
  if (
    value instanceof FeelDate ||
    value instanceof FeelDateTime ||
    value instanceof DayTimeDuration ||
    value instanceof YearMonthDuration
  ) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toJson);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
  return out;
}

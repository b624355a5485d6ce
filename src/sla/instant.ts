/**
 * @module sla/instant
 * Instants at the boundary: epoch milliseconds or ISO 8601 strings with a zone designator, one parser.
 */

/** An instant as callers give it: epoch milliseconds (UTC) or ISO 8601 with `Z` or an offset. */
export type Instant = number | string;

const FULL_ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an instant. Numbers pass through; `…Z` strings take a fast path; other
 * offsets are read field by field. A string without a zone designator is refused: it names no instant.
 * Throws a `RangeError` (a programmer error: events are validated where they enter the system).
 *
 * @example
 * toEpochMs('2027-01-04T09:00:00Z'); // 1799053200000
 * toEpochMs(1799053200000);          // 1799053200000
 */
export function toEpochMs(value: Instant): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else {
    const fast = parseZulu(value);
    if (!Number.isNaN(fast)) return fast;
    const ms = parseFull(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new RangeError(
    `Unexpected instant ${JSON.stringify(value)}, expected epoch milliseconds or ISO 8601 with Z or an offset`,
  );
}

/**
 * The ISO 8601 UTC form of epoch milliseconds, as the HTTP API shows instants.
 *
 * @example
 * toIso(1799053200000); // '2027-01-04T09:00:00.000Z'
 */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` without a regular expression; NaN otherwise. */
function parseZulu(s: string): number {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 /* Z */) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return Number.NaN;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  let ms = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return Number.NaN;
    ms = digits(s, 20, 3);
  }
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms); // NaN propagates from digits()
}

/** Any ISO 8601 date-time with a zone designator, fields range-checked; NaN otherwise. */
function parseFull(s: string): number {
  const m = FULL_ISO.exec(s);
  if (m === null) return Number.NaN;
  const [, y, mo, d, h, mi, sec = '0', fraction = '', zulu, sign, oh = '0', om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  if (day > daysInMonth(year, month) || Number(oh) > 23 || Number(om) > 59) return Number.NaN;
  const offset = zulu === undefined ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const ms = Math.floor(Number(`0.${fraction}0`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

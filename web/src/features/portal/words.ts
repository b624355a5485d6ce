/** How the portal says things: kinds, statuses, promised durations and times in two zones. */
import type { CaseKind, CaseStatus, Metric } from './types.ts';

export const KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  question: 'A question',
  complaint: 'A complaint',
  'refund request': 'A refund or return',
  compliment: 'A compliment',
};

export const STATUS_LABELS: Readonly<Record<CaseStatus, { text: string; tone: string }>> = {
  new: { text: 'Received', tone: 'neutral' },
  open: { text: 'Being handled', tone: 'neutral' },
  'waiting on customer': { text: 'Waiting for your reply', tone: 'warn' },
  'waiting on us': { text: 'Being handled', tone: 'neutral' },
  resolved: { text: 'Resolved', tone: 'ok' },
  closed: { text: 'Closed', tone: 'ok' },
};

export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  first_reply: 'First reply',
  next_reply: 'Reply to your latest message',
  periodic_update: 'Next update',
  resolution: 'Resolved',
  follow_up: 'Follow-up',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A business duration as people say it.
 * @example workingTime('PT8H') // '8 working hours'; workingTime('P1DT4H') // '1 working day and 4 working hours'
 */
export function workingTime(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  if (m[1]) parts.push(plural(Number(m[1]), 'working day'));
  if (m[2]) parts.push(plural(Number(m[2]), 'working hour'));
  if (m[3]) parts.push(plural(Number(m[3]), 'working minute'));
  return parts.length ? parts.join(' and ') : iso;
}

/** The visitor's own IANA zone. */
export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Tue 24 Nov, 09:00" in a zone. */
export function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "24 November 2026" for a YYYY-MM-DD date. */
export function longDate(ymd: string): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** "09:00" in a zone. */
export function clock(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "2026-11-24" in a zone. */
export function dayKey(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** "Tue 24 Nov" in a zone. */
export function dayLabel(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(at));
}

/** "London" from "Europe/London", "New York" from "America/New_York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * @module portal/hours-of-operation
 * The opening hours customers see, computed from the `Hours:` sections of the public policies in
 * force (the same calendars the SLA clocks count in): each calendar's open intervals from the start
 * of today in the organisation's time zone over the coming days, as instants.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { calendarsOf } from '../cases/index.ts';
import { openIntervals } from '../hours/index.ts';
import type { Database } from '../store/schema.ts';
import type { PortalOrg } from './portal-org.ts';
import { charterToday, publicDocuments } from './public-policies.ts';

export interface OpenInterval {
  /** Epoch ms, inclusive. */
  readonly opens: number;
  /** Epoch ms, exclusive. */
  readonly closes: number;
}

export interface PublicCalendar {
  /** The section's name, e.g. `Support`. */
  readonly name: string;
  /** The policy it is published in. */
  readonly policy: string;
  readonly timeZone: string;
  readonly openNow: boolean;
  readonly intervals: readonly OpenInterval[];
}

export interface HoursOfOperation {
  readonly timeZone: string;
  /** Start of today in the organisation's zone (epoch ms). */
  readonly from: number;
  readonly to: number;
  readonly calendars: readonly PublicCalendar[];
}

export const MAX_DAYS = 14;

/**
 * @example const h = await hoursOfOperation(db, org, Date.now(), 7); h.calendars[0]?.intervals[0] // { opens, closes }
 */
export async function hoursOfOperation(
  db: Kysely<Database>,
  org: PortalOrg,
  now: number,
  days: number,
): Promise<HoursOfOperation> {
  const span = Math.min(Math.max(1, Math.trunc(days)), MAX_DAYS);
  const start = DateTime.fromMillis(now, { zone: org.timeZone }).startOf('day');
  const from = start.toMillis();
  const to = start.plus({ days: span }).toMillis();
  const charter = await charterToday(db, org, now);
  const compiled = calendarsOf(charter);
  const calendars: PublicCalendar[] = [];
  for (const doc of publicDocuments(charter))
    for (const s of doc.sections) {
      if (s.kind !== 'hours') continue;
      const c = compiled[s.name];
      if (!c) continue;
      calendars.push({
        name: s.name,
        policy: doc.meta.policy,
        timeZone: c.zone,
        openNow: c.isOpen(now),
        intervals: openIntervals(c, from, to).map(([opens, closes]) => ({ opens, closes })),
      });
    }
  return { timeZone: org.timeZone, from, to, calendars };
}

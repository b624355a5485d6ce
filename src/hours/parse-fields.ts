/**
 * @module hours/parse-fields
 * The `Key: value` lines of an Hours section: `Time zone` (required, IANA), `Holidays` (date-holidays codes,
 * comma-separated, or `none`) and `Closed` (dates `YYYY-MM-DD`, comma-separated, on as many lines as wanted).
 */

import { IANAZone } from 'luxon';
import type { HoursField, Position } from '../policy/model.ts';
import { partsOf } from './cell-parts.ts';
import { parseIsoDate } from './civil-date.ts';
import { type HolidayRegion, parseHolidayRegion } from './holidays.ts';
import { type HoursIssue, shift } from './hours-issue.ts';

export interface HoursFields {
  /** Null when missing or invalid (an issue says which). */
  readonly zone: string | null;
  readonly holidays: readonly HolidayRegion[];
  /** Local day numbers of the `Closed:` dates. */
  readonly closedDays: readonly number[];
  readonly issues: readonly HoursIssue[];
}

/**
 * Reads and checks the fields, each positioned at its value (as the policy parser does), so that a problem
 * can point at the offending item of a list; `sectionPosition` locates the issue when `Time zone` is missing.
 * @example parseFields([{ key: 'Time zone', value: 'Europe/London', position }], position).zone // 'Europe/London'
 */
export function parseFields(fields: readonly HoursField[], sectionPosition: Position): HoursFields {
  const issues: HoursIssue[] = [];
  let zone: string | null = null;
  let zoneSeen = false;
  let holidaysSeen = false;
  const holidays: HolidayRegion[] = [];
  const closedDays: number[] = [];

  for (const field of fields) {
    // Trailing `# comments` are notes for readers, never part of a zone, code or date.
    const value = field.value.replace(/\s+#.*$/, '').trim();
    const at = field.position;
    switch (field.key.trim().toLowerCase().replace(/\s+/g, ' ')) {
      case 'time zone':
      case 'timezone':
        if (zoneSeen) {
          issues.push({
            unexpected: 'a second Time zone',
            expected: 'one Time zone per Hours section',
            position: at,
          });
        } else if (IANAZone.isValidZone(value)) {
          zone = value;
        } else {
          issues.push({
            unexpected: `time zone "${value}"`,
            expected: 'an IANA time zone such as Europe/London',
            position: at,
          });
        }
        zoneSeen = true;
        break;
      case 'holidays':
        if (holidaysSeen) {
          issues.push({
            unexpected: 'a second Holidays line',
            expected: 'one Holidays line, codes separated by commas',
            position: at,
          });
          break;
        }
        holidaysSeen = true;
        if (value.toLowerCase() === 'none') break;
        for (const { part, offset } of partsOf(value)) {
          const region = parseHolidayRegion(part);
          if (region) holidays.push(region);
          else {
            issues.push({
              unexpected: `holiday region "${part}"`,
              expected: 'a date-holidays country or region code such as GB-ENG, US-NY, DE-BY or AU-NSW',
              position: shift(at, offset),
            });
          }
        }
        break;
      case 'closed':
        for (const { part, offset } of partsOf(value)) {
          const day = parseIsoDate(part);
          if (day === null) {
            issues.push({
              unexpected: `date "${part}"`,
              expected: 'a date as YYYY-MM-DD',
              position: shift(at, offset),
            });
          } else closedDays.push(day);
        }
        break;
      default:
        issues.push({
          unexpected: `field "${field.key}"`,
          expected: 'Time zone, Holidays or Closed',
          position: at,
        });
    }
  }
  if (!zoneSeen) {
    issues.push({
      unexpected: 'Hours without a Time zone',
      expected: 'a line such as "Time zone: Europe/London"',
      position: sectionPosition,
    });
  }
  return { zone, holidays, closedDays, issues };
}

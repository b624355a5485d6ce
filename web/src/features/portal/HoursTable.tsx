/**
 * Opening hours over the coming days, in the company's time and the visitor's: the intervals come
 * from the charter's Hours section as instants, and Intl turns them into local times in each zone.
 */
import type { HoursAnswer } from './types.ts';
import { clock, dayKey, dayLabel, visitorZone, zoneCity } from './words.ts';

type Calendar = HoursAnswer['calendars'][number];

interface Day {
  readonly key: string;
  readonly label: string;
  readonly intervals: Calendar['intervals'];
}

/** The company-local days of [from, to), each with its intervals (closed days have none). */
function daysOf(calendar: Calendar, from: string, to: string, zone: string): Day[] {
  const days: Day[] = [];
  const seen = new Set<string>();
  // Noon steps never skip or repeat a local day, whatever DST does.
  for (let t = Date.parse(from) + 12 * 3600_000; t < Date.parse(to); t += 24 * 3600_000) {
    const key = dayKey(t, zone);
    if (seen.has(key)) continue;
    seen.add(key);
    days.push({
      key,
      label: dayLabel(t, zone),
      intervals: calendar.intervals.filter((i) => dayKey(i.opens, zone) === key),
    });
  }
  return days;
}

function span(opens: string, closes: string, zone: string, dayOf: string | null): string {
  // A visitor far away may see an interval on another day: say which.
  const prefix = dayOf !== null && dayKey(opens, zone) !== dayOf ? `${dayLabel(opens, zone)} ` : '';
  return `${prefix}${clock(opens, zone)}–${clock(closes, zone)}`;
}

export function HoursTable({
  hours,
  calendar,
  caption,
}: {
  hours: HoursAnswer;
  calendar: Calendar;
  caption: string;
}) {
  const company = calendar.time_zone;
  const mine = visitorZone();
  const same = mine === company;
  const days = daysOf(calendar, hours.from, hours.to, company);
  return (
    <table className="portal-hours">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">
            Our time <span className="muted">({company})</span>
          </th>
          {!same && (
            <th scope="col">
              Your time <span className="muted">({mine})</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.key}>
            <th scope="row">{d.label}</th>
            <td>
              {d.intervals.length === 0
                ? 'Closed'
                : d.intervals.map((i) => <div key={i.opens}>{span(i.opens, i.closes, company, null)}</div>)}
            </td>
            {!same && (
              <td>
                {d.intervals.length === 0
                  ? '—'
                  : d.intervals.map((i) => <div key={i.opens}>{span(i.opens, i.closes, mine, d.key)}</div>)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
      {same && (
        <tfoot>
          <tr>
            <td colSpan={2} className="muted">
              Times are in {zoneCity(company)} time, which is also yours.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

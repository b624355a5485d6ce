/**
 * @module hours/parse-time
 * Wall-clock times as written in an Hours table (`09:00`, `9:30`, `24:00`), as minutes after local midnight.
 */

/** Minutes in a day of wall-clock time; `24:00` is this value. */
export const DAY_MINUTES = 1440;

/**
 * Parses `H:MM` or `HH:MM` from `00:00` to `24:00` into minutes after midnight; null when not a time.
 * @example parseTime('13:30') // 810
 * @example parseTime('25:00') // null
 */
export function parseTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours < 24) return hours * 60 + minutes;
  return hours === 24 && minutes === 0 ? DAY_MINUTES : null;
}

/**
 * Formats minutes after midnight as `HH:MM`; past midnight (overnight closings) wraps to the next day's time.
 * @example formatTime(1440) // '24:00'
 * @example formatTime(1800) // '06:00'
 */
export function formatTime(minutes: number): string {
  const m = minutes > DAY_MINUTES ? minutes - DAY_MINUTES : minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

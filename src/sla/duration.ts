/**
 * @module sla/duration
 * ISO 8601 durations of business time: business days plus open minutes.
 */

/**
 * A business duration: `days` business days (`P1D` = the same local time on the next business day)
 * and then `minutes` of open time (`PT4H` = 240).
 */
export interface BusinessDuration {
  readonly days: number;
  readonly minutes: number;
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses `PnDTnHnMnS` (any part optional, fractions on hours, minutes and seconds). Years, months and
 * weeks are refused (`null`): their length in business time is not defined; write days instead.
 *
 * @example
 * parseTargetDuration('PT4H');   // { days: 0, minutes: 240 }
 * parseTargetDuration('P1DT2H'); // { days: 1, minutes: 120 }
 * parseTargetDuration('P1W');    // null
 */
export function parseTargetDuration(text: string): BusinessDuration | null {
  const match = DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, m, s] = match;
  const days = d === undefined ? 0 : Number(d);
  const minutes = num(h) * 60 + num(m) + num(s) / 60;
  return { days, minutes };
}

function num(part: string | undefined): number {
  return part === undefined ? 0 : Number(part.replace(',', '.'));
}

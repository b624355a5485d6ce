/**
 * @module hours
 * Business calendars and business-time arithmetic: pure, no I/O, no clock reads (time is passed in).
 * Instants are epoch milliseconds (UTC); durations are minutes of open time.
 */

export { calendar24x7 } from './always-open.ts';
export { businessDaysDue } from './business-days.ts';
export {
  addBusinessDuration,
  type BusinessDuration,
  businessDurationMinutes,
  type DurationError,
  isDurationError,
  parseBusinessDuration,
  readBusinessDuration,
} from './business-duration.ts';
export type { Calendar, InstantPlacement } from './calendar.ts';
export {
  type CompileCalendarOptions,
  compileCalendar,
  DEFAULT_FROM_YEAR,
  DEFAULT_TO_YEAR,
} from './compile-calendar.ts';
export { MAX_YEAR, MIN_YEAR } from './compiled-calendar.ts';
export { localDate } from './local-date.ts';
export { openIntervals } from './open-intervals.ts';

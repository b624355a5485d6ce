import { describe, expect, it } from 'vitest';
import { parseDayCell } from './parse-day-cell.ts';
import { parseOpenCell } from './parse-open-cell.ts';
import { formatTime, parseTime } from './parse-time.ts';

describe('times', () => {
  it('reads H:MM and HH:MM from 00:00 to 24:00', () => {
    expect(parseTime('00:00')).toBe(0);
    expect(parseTime('9:30')).toBe(570);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '9', '9.30', '09:5', '009:00', '12:60', '-1:00', ' 09:00']) {
      expect(parseTime(bad)).toBeNull();
    }
  });

  it('formats minutes back, wrapping a closing past midnight', () => {
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(1440)).toBe('24:00');
    expect(formatTime(1800)).toBe('06:00');
  });
});

describe('the Open cell', () => {
  const spans = (text: string) => {
    const cell = parseOpenCell(text);
    return cell.ok ? cell.spans : cell.unexpected;
  };

  it('reads Closed, Open 24 hours, one or several intervals in any order', () => {
    expect(spans('Closed')).toEqual([]);
    expect(spans('closed')).toEqual([]);
    expect(spans('Open 24 hours')).toEqual([{ open: 0, close: 1440 }]);
    expect(spans('00:00–24:00')).toEqual([{ open: 0, close: 1440 }]);
    expect(spans('13:30-17:30, 09:00-12:30')).toEqual([
      { open: 540, close: 750 },
      { open: 810, close: 1050 },
    ]);
    // Touching intervals are fine; they merge into one when the calendar is built.
    expect(spans('09:00–12:00, 12:00–17:00')).toEqual([
      { open: 540, close: 720 },
      { open: 720, close: 1020 },
    ]);
  });

  it('reads a closing before the opening in the last interval as a shift past midnight', () => {
    expect(spans('22:00–06:00')).toEqual([{ open: 1320, close: 1800 }]);
    expect(spans('09:00–12:00, 22:00–02:00')).toEqual([
      { open: 540, close: 720 },
      { open: 1320, close: 1560 },
    ]);
    expect(spans('22:00–00:00')).toEqual([{ open: 1320, close: 1440 }]);
    // A shift past midnight that starts before another interval overlaps it.
    expect(spans('09:00–02:00, 13:00–14:00')).toBe('closing 02:00 before opening 09:00');
    expect(spans('13:00–14:00, 09:00–02:00')).toBe('overlap of 09:00–02:00 with 13:00–14:00');
  });

  it('rejects empty cells and parts', () => {
    expect(spans('')).toBe('empty cell');
    expect(spans('09:00–12:00,')).toBe('interval ""');
  });
});

describe('the Day cell', () => {
  const days = (text: string) => {
    const cell = parseDayCell(text);
    return cell.ok ? cell.days : cell.unexpected;
  };

  it('reads days, short names, ranges with either dash, lists, and ranges over the weekend', () => {
    expect(days('Monday')).toEqual([0]);
    expect(days('sunday')).toEqual([6]);
    expect(days('Monday–Friday')).toEqual([0, 1, 2, 3, 4]);
    expect(days('Mon-Fri')).toEqual([0, 1, 2, 3, 4]);
    expect(days('Tues - Thurs')).toEqual([1, 2, 3]);
    expect(days('Sat, Sun')).toEqual([5, 6]);
    expect(days('Friday–Monday')).toEqual([4, 5, 6, 0]);
    expect(days('Monday–Sunday')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days('Wednesday–Wednesday')).toEqual([2]);
  });

  it('rejects what is not a day', () => {
    expect(days('Mo')).toBe('day "Mo"');
    expect(days('Weekdays')).toBe('day "Weekdays"');
    expect(days('')).toBe('day ""');
  });
});

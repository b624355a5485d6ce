import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { grantOf } from './amounts.ts';
import { formatMoney, percentOfMinor, poundsToMinor } from './money.ts';
import { budgetPeriod, localDate, wholeDays, wholeMonths } from './org-calendar.ts';
import { approverRole, mayApprove } from './roles.ts';

describe('money', () => {
  it.each([
    [15.025, 'GBP', 1502],
    [15.035, 'GBP', 1504],
    [150.25 * 0.1, 'GBP', 1502],
    [19.999000000000002, 'GBP', 2000],
    [4.95, 'GBP', 495],
    [0.1 + 0.2, 'GBP', 30],
    [1234.5, 'JPY', 1234],
    [1235.5, 'JPY', 1236],
    [1.2345, 'KWD', 1234],
  ])('rounds %s %s half to even once: %s', (pounds, currency, minor) => {
    expect(poundsToMinor(pounds, currency)).toBe(minor);
  });

  it.each([
    [4999, 75, 3749],
    [4999, 50, 2500],
    [5, 50, 2],
    [7, 50, 4],
    [30_000, 100, 30_000],
    [12_345, 100 - 7 * 2, 10_617],
  ])('takes %s × %s%% = %s', (minor, percent, expected) => {
    expect(percentOfMinor(minor, percent, 'GBP')).toBe(expected);
  });

  it('formats for people', () => {
    expect(formatMoney(4999, 'GBP')).toBe('£49.99');
  });
});

describe('grants', () => {
  it('takes refund percentages of the exact order total', () => {
    expect(grantOf('Refund', { Outcome: 'store credit', 'Refund percent': 75 }, {}, 'GBP', 4999)).toEqual({
      ok: true,
      grant: {
        outcome: 'store credit',
        grants: 'store credit',
        amountMinor: 3749,
        currency: 'GBP',
        basis: '75% of Order amount',
      },
    });
  });
  it('values a replacement at the supplied Amount, else the order', () => {
    const v = { Outcome: 'repair or replace', 'Refund percent': 0 };
    expect(grantOf('Refund', v, { Amount: 80 }, 'GBP', 4999)).toMatchObject({
      grant: { grants: 'replacement', amountMinor: 8000 },
    });
    expect(grantOf('Refund', v, {}, 'GBP', 4999)).toMatchObject({
      grant: { grants: 'replacement', amountMinor: 4999 },
    });
  });
  it('grants nothing for a decline, an apology or an unmapped decision', () => {
    expect(grantOf('Refund', { Outcome: 'decline', 'Refund percent': 0 }, {}, 'GBP', 4999)).toEqual({
      ok: true,
      grant: null,
    });
    expect(grantOf('Goodwill', { Gesture: 'apology', 'Goodwill amount': 0 }, {}, 'GBP', null)).toEqual({
      ok: true,
      grant: null,
    });
    expect(grantOf('Complaint priority', { Priority: 'high' }, {}, 'GBP', null)).toEqual({
      ok: true,
      grant: null,
    });
  });
  it('refuses an outcome the table does not know, and a refund without an order amount', () => {
    expect(grantOf('Refund', { Outcome: 'voucher', 'Refund percent': 10 }, {}, 'GBP', 100)).toMatchObject({
      ok: false,
      code: 'unmapped-outcome',
    });
    expect(grantOf('Refund', { Outcome: 'refund', 'Refund percent': 100 }, {}, 'GBP', null)).toMatchObject({
      ok: false,
      code: 'missing-amount',
    });
    expect(
      grantOf('Refund', { Outcome: 'refund', 'Refund percent': 100 }, { 'Order amount': 12.5 }, 'GBP', null),
    ).toMatchObject({
      grant: { amountMinor: 1250 },
    });
    expect(grantOf('Refund', { Outcome: 'repair or replace' }, { Amount: -5 }, 'GBP', 100)).toMatchObject({
      ok: false,
      code: 'bad-amount',
    });
  });
  it('counts goodwill in pounds', () => {
    expect(
      grantOf('Delay offer', { Offer: 'delivery refund', 'Offer amount': 4.95 }, {}, 'GBP', null),
    ).toMatchObject({
      grant: { grants: 'goodwill', amountMinor: 495 },
    });
  });
});

describe('calendar and roles', () => {
  it('counts local days and months in the organisation time zone', () => {
    expect(localDate(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-24');
    expect(budgetPeriod(Date.parse('2026-11-30T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12');
    expect(budgetPeriod(Date.parse('2026-11-30T23:30:00Z'), 'Europe/London')).toBe('2026-11');
    // Across the October clock change in London: still whole calendar days.
    expect(
      wholeDays(Date.parse('2026-10-24T23:30:00Z'), Date.parse('2026-10-26T00:30:00Z'), 'Europe/London'),
    ).toBe(1);
    expect(
      wholeDays(Date.parse('2026-10-24T22:30:00Z'), Date.parse('2026-10-26T00:30:00Z'), 'Europe/London'),
    ).toBe(2);
    expect(wholeMonths(Date.parse('2026-01-31T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'UTC')).toBe(
      1,
    );
  });
  it('agrees with luxon asked in the zone itself, for 3,000 seeded instants across six zones', () => {
    // The reference: each instant converted by luxon in the zone (what org-calendar did before).
    const day = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).startOf('day');
    const refDays = (a: number, b: number, z: string) => {
      const [x, y] = [day(a, z), day(b, z)];
      return Math.round(
        (Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / 86_400_000,
      );
    };
    const refMonths = (a: number, b: number, z: string) =>
      Math.trunc(day(b, z).diff(day(a, z), 'months').months);
    const zones = [
      'Europe/London',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'UTC',
    ];
    let seed = 0x5eed;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const base = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < 3000; i++) {
      const zone = zones[i % zones.length]!;
      const from = base + Math.floor(rand() * 3 * 365 * 86_400_000);
      const to = from + Math.floor(rand() * 400 * 86_400_000);
      expect(wholeDays(from, to, zone), `${zone} ${from} ${to}`).toBe(refDays(from, to, zone));
      expect(wholeMonths(from, to, zone), `${zone} ${from} ${to}`).toBe(refMonths(from, to, zone));
      expect(budgetPeriod(to, zone)).toBe(DateTime.fromMillis(to, { zone }).toFormat('yyyy-MM'));
    }
    // Month ends clamp as luxon's do: 31 January to 28 February is one month.
    expect(wholeMonths(Date.parse('2026-01-31T12:00:00Z'), Date.parse('2026-02-28T12:00:00Z'), 'UTC')).toBe(
      1,
    );
  });
  it('maps approvers to roles that may answer them', () => {
    expect(approverRole('team lead')).toBe('manager');
    expect(approverRole('head of service')).toBe('admin');
    expect(approverRole('someone new')).toBe('admin');
    expect(mayApprove('admin', 'manager')).toBe(true);
    expect(mayApprove('manager', 'admin')).toBe(false);
    expect(mayApprove('auditor', 'manager')).toBe(false);
  });
});

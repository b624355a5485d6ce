import { describe, expect, it } from 'vitest';
import { isCurrency, minorDigits, parseMajorAmount } from './money.ts';

describe('money', () => {
  it.each([
    ['12.50', 'GBP', 1250],
    ['12.5', 'GBP', 1250],
    ['0.1', 'GBP', 10],
    ['0.29', 'GBP', 29], // 0.29 * 100 is 28.999999999999996 as a float
    ['1005', 'GBP', 100500],
    ['12.500', 'GBP', 1250],
    ['1500', 'JPY', 1500],
    ['1.000', 'JPY', 1],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'GBP', 9007199254740991],
  ])('parses %s %s as %i minor units', (text, currency, minor) => {
    expect(parseMajorAmount(text, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['12.345', 'GBP', 'expected at most 2 decimals for GBP'],
    ['1.5', 'JPY', 'expected at most 0 decimals for JPY'],
    ['-1', 'GBP', expect.stringContaining('expected an amount')],
    ['1,000.00', 'GBP', expect.stringContaining('expected an amount')],
    ['1e3', 'GBP', expect.stringContaining('expected an amount')],
    ['', 'GBP', expect.stringContaining('expected an amount')],
    ['90071992547409.92', 'GBP', 'amount is too large'],
  ])('refuses %j in %s', (text, currency, message) => {
    expect(parseMajorAmount(text, currency)).toEqual({ ok: false, message });
  });

  it('knows currency codes and their minor units', () => {
    expect(isCurrency('GBP')).toBe(true);
    expect(isCurrency('gbp')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect([minorDigits('GBP'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });
});

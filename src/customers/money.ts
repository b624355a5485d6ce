/**
 * @module customers/money
 * Currency codes and exact amounts: ISO 4217 codes checked against the runtime's list, and decimal
 * text such as "12.50" turned into integer minor units without ever passing through a float.
 */

// ISO 4217 minor-unit exponents that are not 2. Kept here rather than read from Intl, whose CLDR data
// differs from ISO for a few currencies (display digits, not accounting digits).
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether `code` is a current ISO 4217 currency code (upper case, as stored).
 * @example isCurrency('GBP') // true; isCurrency('gbp') // false
 */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/**
 * Digits after the decimal point in the currency's minor unit.
 * @example minorDigits('GBP') // 2; minorDigits('JPY') // 0
 */
export function minorDigits(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

export type AmountResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parses a non-negative decimal amount in major units ("12.50") into minor units (1250). Extra
 * decimals are accepted only when they are zeros, so no amount is ever rounded on the way in.
 * @example parseMajorAmount('12.5', 'GBP') // { ok: true, value: 1250 }
 */
export function parseMajorAmount(text: string, currency: string): AmountResult {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return { ok: false, message: 'expected an amount such as 12.50 (digits, optional decimal point)' };
  const digits = minorDigits(currency);
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(digits)))
    return { ok: false, message: `expected at most ${digits} decimals for ${currency}` };
  const minor =
    BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'amount is too large' };
  return { ok: true, value: Number(minor) };
}

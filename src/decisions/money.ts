/**
 * @module decisions/money
 * Where a decision's numbers become money. Policies speak pounds as plain numbers (`49.99`) and
 * percentages (`75`); the store keeps integer minor units. Arithmetic here is exact decimal
 * (BigInt), and the one rounding — half to even, to the currency's minor unit — happens last.
 */

// Currency exponents are the customers domain's (ISO 4217 accounting digits).
import { minorDigits } from '../customers/index.ts';

/** An exact decimal: `units × 10^-scale`. */
interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * The decimal a policy meant by a JS number. Policy arithmetic runs in binary floating point, so
 * `150.25 * 0.1` may arrive as `15.025000000000002`; fifteen significant digits undo that noise
 * without touching any amount a person could write.
 */
function decimalOf(n: number): Decimal {
  if (Number.isSafeInteger(n)) return { units: BigInt(n), scale: 0 }; // most amounts and percentages
  const text = Number(n.toPrecision(15)).toString();
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new Error(`not a finite number: ${n}`);
  const fraction = m[3] ?? '';
  const exp = Number(m[4] ?? 0);
  let units = BigInt(`${m[1]}${m[2]}${fraction}`);
  let scale = fraction.length - exp;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Rounds half to even to `digits` decimals, answering integer units of 10^-digits. */
function roundHalfEven(d: Decimal, digits: number): number {
  if (d.scale <= digits) return Number(d.units * 10n ** BigInt(digits - d.scale));
  const divisor = 10n ** BigInt(d.scale - digits);
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  let q = abs / divisor;
  const r = abs % divisor;
  const twice = r * 2n;
  if (twice > divisor || (twice === divisor && q % 2n === 1n)) q += 1n;
  return Number(negative ? -q : q);
}

/**
 * An amount in major units (pounds, as policies write it) as integer minor units.
 * @example poundsToMinor(15.025, 'GBP') // 1502 (half to even)
 */
export function poundsToMinor(pounds: number, currency: string): number {
  return roundHalfEven(decimalOf(pounds), minorDigits(currency));
}

/**
 * `percent` % of an amount in minor units, rounded once.
 * @example percentOfMinor(4999, 75, 'GBP') // 3749 (3749.25 rounds down)
 */
export function percentOfMinor(minor: number, percent: number, currency: string): number {
  const digits = minorDigits(currency);
  const amount: Decimal = { units: BigInt(minor), scale: digits };
  const p = decimalOf(percent);
  return roundHalfEven(multiply(amount, { units: p.units, scale: p.scale + 2 }), digits);
}

/**
 * Minor units as the plain number policies expect (pounds and pence).
 * @example minorToPounds(4999, 'GBP') // 49.99
 */
export function minorToPounds(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * A pounds amount (as a fact) in minor units, or null when it is not a finite number.
 * @example factToMinor(49.99, 'GBP') // 4999
 */
export function factToMinor(value: unknown, currency: string): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? poundsToMinor(value, currency) : null;
}

/**
 * Minor units as people read them, for timeline text.
 * @example formatMoney(4999, 'GBP') // '£49.99'
 */
export function formatMoney(minor: number, currency: string): string {
  const key = `${currency}${minor}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  let f = moneyFormats.get(currency);
  if (!f) {
    // Building a formatter costs far more than formatting with it: one per currency.
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(currency, f);
  }
  const text = f.format(minorToPounds(minor, currency));
  // Amounts repeat (order totals, fixed goodwill sums) and formatting costs microseconds each.
  if (formatted.size >= 10_000) formatted.clear();
  formatted.set(key, text);
  return text;
}
const moneyFormats = new Map<string, Intl.NumberFormat>();
const formatted = new Map<string, string>();

import { TheoryError, show } from './errors.js';

/**
 * An exact rational number num/den with den > 0 and gcd(|num|, den) = 1.
 *
 * Masses, discriminator values and support points are exact: they arrive as decimal strings or
 * fractions and every comparison (p = q, sum = 1, D ∈ [0,1]) is decided without rounding.
 */
export interface Rational {
  /** The numerator, carrying the sign. */
  readonly num: bigint;
  /** The denominator, > 0 and coprime to `num`. */
  readonly den: bigint;
}

/** What the library accepts where an exact number is expected. */
export type RationalLike = string | bigint | number | Rational;

/** Largest decimal exponent accepted in input (1e-100000 is fine; 1e-10000000 is refused). */
export const MAX_DECIMAL_EXPONENT = 100_000;

const DECIMAL = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Builds num/den in lowest terms; den must be nonzero. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

function parseDecimal(s: string, fn: string, arg: string, original: string): Rational {
  const m = DECIMAL.exec(s);
  if (m === null) {
    if (/^[+-]?(nan|inf(inity)?)$/i.test(s)) {
      throw new TheoryError(fn, arg, `must be a finite exact number; got ${show(original)}`);
    }
    throw new TheoryError(fn, arg, `must be an exact decimal (e.g. 0.25, 1e-300) or a fraction (e.g. 1/3); got ${show(original)}`);
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const body = m[2] ?? '0';
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_DECIMAL_EXPONENT) {
    throw new TheoryError(fn, arg, `has a decimal exponent beyond ±${MAX_DECIMAL_EXPONENT}; got ${show(original)}`);
  }
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const scale = (dot < 0 ? 0 : body.length - dot - 1) - exp;
  const int = BigInt(digits === '' ? '0' : digits) * sign;
  return scale >= 0 ? rational(int, 10n ** BigInt(scale)) : rational(int * 10n ** BigInt(-scale), 1n);
}

/**
 * Parses an exact number: a decimal (`0.25`, `-3`, `1e-300`, `.5`) or a fraction of two decimals
 * (`1/3`, `0.5/3`). NaN, Infinity and anything else are refused with a {@link TheoryError} naming
 * `fn` and `arg`. A JS number is accepted only when it is a safe integer (a float such as 0.1 is not
 * the decimal it looks like: pass a string).
 */
export function toRational(value: RationalLike, fn = 'toRational', arg = 'value'): Rational {
  if (typeof value === 'bigint') return rational(value, 1n);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TheoryError(fn, arg, `must be a finite exact number; got ${show(value)}`);
    }
    if (!Number.isSafeInteger(value)) {
      throw new TheoryError(fn, arg, `must be an integer when given as a JS number (pass a decimal string for exact fractions); got ${show(value)}`);
    }
    return rational(BigInt(value), 1n);
  }
  if (typeof value === 'object' && value !== null && typeof value.num === 'bigint' && typeof value.den === 'bigint') {
    if (value.den === 0n) throw new TheoryError(fn, arg, `has a zero denominator; got ${value.num}/0`);
    return rational(value.num, value.den);
  }
  if (typeof value !== 'string') {
    throw new TheoryError(fn, arg, `must be a decimal string, a fraction string or a bigint; got ${show(value)}`);
  }
  const s = value.trim();
  const slash = s.indexOf('/');
  if (slash < 0) return parseDecimal(s, fn, arg, value);
  const a = parseDecimal(s.slice(0, slash).trim(), fn, arg, value);
  const b = parseDecimal(s.slice(slash + 1).trim(), fn, arg, value);
  if (b.num === 0n) throw new TheoryError(fn, arg, `has a zero denominator; got ${show(value)}`);
  return rational(a.num * b.den, a.den * b.num);
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('div: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

export function cmp(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function eq(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function abs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}

export function sum(xs: readonly Rational[]): Rational {
  // Sum over a common denominator keeps the work linear when denominators repeat (decimals).
  let acc = ZERO;
  for (const x of xs) acc = add(acc, x);
  return acc;
}

/** `a/b` or `a` when the denominator is 1. */
export function formatRational(r: Rational): string {
  if (r === null || typeof r !== 'object' || typeof r.num !== 'bigint' || typeof r.den !== 'bigint' || r.den <= 0n) {
    throw new TheoryError('formatRational', 'r', `must be a rational { num: bigint, den: bigint > 0 }; got ${show(r)}`);
  }
  return r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`;
}

/** The exact value of a finite double as a fraction string `a/2^k` (or an integer), for the exact module. */
export function exactFloat(v: number): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TheoryError('exactFloat', 'v', `must be a finite number; got ${show(v)}`);
  if (v === 0) return '0';
  let m = v;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e += 1n;
  }
  return e === 0n ? `${BigInt(m)}` : `${BigInt(m)}/${2n ** e}`;
}

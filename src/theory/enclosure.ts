import type { Ball } from './_internals/ball.js';
import { bitLength } from './_internals/fixed.js';
import { roundRational, formatRounded, type Rounded } from './_internals/round.js';
import { TheoryError, show } from './errors.js';
import { formatRational, rational, type Rational } from './rational.js';

/**
 * A certified result: the exact value lies in [lower, upper].
 *
 * All three are decimal strings with `digits` significant digits: `lower` is rounded down and
 * `upper` up from a proven enclosure, and `value` is the exact value correctly rounded to nearest
 * (ties to even). Infinite results are `"inf"` / `"-inf"` in all three. When the value is rational
 * (D*, W1) `exact` holds it as a fraction `a/b`.
 */
export interface Enclosure {
  /** The exact value correctly rounded (half-even) to `digits` significant digits, as a decimal string. */
  readonly value: string;
  /** A lower bound of the exact value: rounded down (toward −∞) at `digits` significant digits. */
  readonly lower: string;
  /** An upper bound of the exact value: rounded up (toward +∞) at `digits` significant digits. */
  readonly upper: string;
  /** The significant digits asked for. */
  readonly digits: number;
  /** The exact value as `a/b` when it is rational; absent for transcendental values. */
  readonly exact?: string;
}

/** Smallest and largest `digits` accepted. */
/** The fewest significant digits a quantity can be asked for. */
export const MIN_DIGITS = 1;
/** The most significant digits a quantity can be asked for. */
export const MAX_DIGITS = 5000;
/** The significant digits of a quantity when `digits` is not given. */
export const DEFAULT_DIGITS = 50;

/** Validates a `digits` option; names the function in the error. */
export function checkDigits(fn: string, digits: unknown): number {
  if (digits === undefined) return DEFAULT_DIGITS;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
    throw new TheoryError(fn, 'digits', `must be an integer from ${MIN_DIGITS} to ${MAX_DIGITS}; got ${show(digits)}`);
  }
  return digits;
}

/** What one evaluation at a working precision produced. */
export type Evaluation =
  | {
      kind: 'ball';
      ball: Ball;
      /** The value is ball·10^exp10 (for magnitudes such as e^{−8·10⁸} that no 2^−prec reaches). */
      exp10?: number;
    }
  | { kind: 'exact'; value: Rational }
  | { kind: 'infinite'; sign: 1 | -1 };

const BITS_PER_DIGIT = Math.log2(10);

/** Enclosure of an exact rational value. */
export function exactEnclosure(value: Rational, digits: number): Enclosure {
  const { num, den } = value;
  return {
    value: formatRounded(roundRational(num, den, digits, 'half-even')),
    lower: formatRounded(roundRational(num, den, digits, 'floor')),
    upper: formatRounded(roundRational(num, den, digits, 'ceil')),
    digits,
    exact: formatRational(value),
  };
}

export function infiniteEnclosure(sign: 1 | -1, digits: number): Enclosure {
  const s = sign > 0 ? 'inf' : '-inf';
  return { value: s, lower: s, upper: s, digits };
}

function sameRounded(a: Rounded, b: Rounded): boolean {
  return a.sig === b.sig && a.exp === b.exp;
}

/**
 * Evaluates `evaluate(prec)` at rising working precisions until the ball is narrow enough to give
 * `digits` correct digits (radius below 2^−8 of a unit in the last requested digit) and both ends
 * round to the same nearest value, which is then the correctly rounded result (Ziv's strategy).
 *
 * `guardBits` is the caller's estimate of the bits its error bound will eat (e.g. log2 n for a sum
 * of n terms); it only sets the first precision. The loop terminates for every nonzero value; zero
 * values must be reported as `exact` by the caller, which can decide them exactly.
 */
export function certify(fn: string, digits: number, guardBits: number, evaluate: (prec: number) => Evaluation): Enclosure {
  const target = Math.ceil((digits + 1) * BITS_PER_DIGIT) + 8;
  let prec = roundPrec(target + 16 + Math.ceil(guardBits));
  const limit = 64 * target + 400_000;
  for (let attempt = 0; ; attempt++) {
    const r = evaluate(prec);
    if (r.kind === 'exact') return exactEnclosure(r.value, digits);
    if (r.kind === 'infinite') return infiniteEnclosure(r.sign, digits);
    const { mid } = r.ball;
    const R = r.ball.rad;
    const shift = r.exp10 ?? 0;
    const fmt = (x: Rounded) => formatRounded(shift === 0 ? x : { sig: x.sig, exp: x.exp + shift });
    if (R === 0n && shift === 0) return exactEnclosure(rational(mid, 1n << BigInt(prec)), digits);
    const amid = mid < 0n ? -mid : mid;
    const den = 1n << BigInt(prec);
    let extra: number;
    if (amid > 2n * R) {
      // Relative radius 2^(log2 rad − log2|mid|); need it below 2^−target.
      const have = bitLength(amid) - 1 - bitLength(R);
      if (have >= target) {
        const lo = roundRational(mid - R, den, digits, 'half-even');
        const hi = roundRational(mid + R, den, digits, 'half-even');
        if (sameRounded(lo, hi)) {
          return {
            value: fmt(lo),
            lower: fmt(roundRational(mid - R, den, digits, 'floor')),
            upper: fmt(roundRational(mid + R, den, digits, 'ceil')),
            digits,
          };
        }
        // So close to a rounding boundary that more bits are needed to decide the last digit. A value
        // that sits exactly on a tie (a rational reached through transcendental steps, such as
        // D* = 1/(1 + e⁰)) never separates: after a few rounds keep the certified bounds and round
        // the midpoint, which is then within one unit of the last digit of the exact value.
        if (attempt >= 6) {
          return {
            value: fmt(roundRational(mid, den, digits, 'half-even')),
            lower: fmt(roundRational(mid - R, den, digits, 'floor')),
            upper: fmt(roundRational(mid + R, den, digits, 'ceil')),
            digits,
          };
        }
        extra = 32 * (attempt + 1);
      } else {
        extra = target - have + 16;
      }
    } else {
      // Value indistinguishable from zero at this precision: its magnitude is unknown, so double.
      extra = prec;
    }
    prec = roundPrec(prec + extra);
    if (prec > limit) {
      throw new TheoryError(fn, 'digits', `could not be certified within ${limit} bits of working precision; got ${digits} (is the value zero?)`);
    }
  }
}

/** Working precisions are multiples of 32 so cached constants are reused across calls. */
function roundPrec(p: number): number {
  return Math.ceil(p / 32) * 32;
}

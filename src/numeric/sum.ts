import { NumericError, showValue } from './errors.js';

const TWO_M64 = 2 ** -64;
const TWO_P64 = 2 ** 64;

/**
 * Neumaier's compensated sum (Kahan–Babuška): the error stays O(ε·Σ|xᵢ|) instead of O(n·ε·Σ|xᵢ|).
 * Used wherever many terms are accumulated (divergences over 10⁶ masses, running CDF differences).
 */
export class CompensatedSum {
  private s = 0;
  private c = 0;
  /** Infinite terms are counted, not summed (Neumaier's correction of ∞ is ∞ − ∞). */
  private pos = 0;
  private neg = 0;
  /** Whether s and c are held in units of 2⁶⁴ (after a partial sum of finite terms overflowed). */
  private scaled = false;

  /**
   * Adds a term; ±∞ are counted, not summed.
   * @throws {@link NumericError} for NaN.
   */
  add(x: number): void {
    if (x - x !== 0) {
      // NaN or ±∞ (x − x is NaN for both)
      if (x === Infinity) this.pos++;
      else if (x === -Infinity) this.neg++;
      else throw new NumericError('CompensatedSum.add', 'x', `must be a number (not NaN); got ${showValue(x)}`);
      return;
    }
    const y = this.scaled ? x * TWO_M64 : x;
    const t = this.s + y;
    if (!Number.isFinite(t) && !this.scaled) {
      // finite terms whose partial sum left float64's range: continue in units of 2⁶⁴ (exact scaling)
      this.s *= TWO_M64;
      this.c *= TWO_M64;
      this.scaled = true;
      this.add(x);
      return;
    }
    if (Math.abs(this.s) >= Math.abs(y)) this.c += this.s - t + y;
    else this.c += y - t + this.s;
    this.s = t;
  }

  /** The sum: ±∞ when an infinite term was added; refused when both +∞ and −∞ were. */
  get value(): number {
    if (this.pos > 0 && this.neg > 0) throw new NumericError('CompensatedSum', 'value', 'is undefined: the terms include both +Infinity and -Infinity');
    if (this.pos > 0) return Infinity;
    if (this.neg > 0) return -Infinity;
    // a sum beyond float64's range is ±∞, as IEEE rounding gives it
    return this.scaled ? (this.s + this.c) * TWO_P64 : this.s + this.c;
  }
}

function checkNumbers(fn: string, xs: unknown, min: number): ArrayLike<number> {
  if (xs === null || typeof xs !== 'object' || typeof (xs as ArrayLike<unknown>).length !== 'number')
    throw new NumericError(fn, 'xs', `must be an array of numbers; got ${showValue(xs)}`);
  const a = xs as ArrayLike<unknown>;
  if (a.length < min) throw new NumericError(fn, 'xs', `must have at least ${min} value${min === 1 ? '' : 's'}; got ${a.length}`);
  if (!ArrayBuffer.isView(a)) {
    for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number') throw new NumericError(fn, `xs[${i}]`, `must be a number; got ${showValue(a[i])}`);
  }
  return a as ArrayLike<number>;
}

/** Σ xs with Neumaier's compensation; the sum of an empty list is 0; ±∞ terms give ±∞; NaN is refused. */
export function compensatedSum(xs: ArrayLike<number>): number {
  const a = checkNumbers('compensatedSum', xs, 0);
  const acc = new CompensatedSum();
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    if (Number.isNaN(x)) throw new NumericError('compensatedSum', `xs[${i}]`, 'must be a number (not NaN); got NaN');
    acc.add(x);
  }
  return acc.value;
}

/**
 * Mean and unbiased sample variance by Welford's update (one pass, no catastrophic cancellation).
 * Needs at least 2 values (the unbiased variance divides by n − 1); NaN is refused. With infinite
 * values of one sign the mean is that infinity and the variance +∞; with both signs it is refused.
 */
export function meanVariance(xs: ArrayLike<number>): {
  /** The sample mean. */
  mean: number;
  /** The unbiased sample variance, Σ (xᵢ − mean)²/(n − 1). */
  variance: number;
  /** The number of values, infinite ones included. */
  n: number;
} {
  const fn = 'meanVariance';
  const a = checkNumbers(fn, xs, 2);
  let mean = 0;
  let m2 = 0;
  let pos = 0;
  let neg = 0;
  const n = a.length;
  // values near float64's limit are scaled by a power of two first, so that x − mean cannot overflow
  let big = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.abs(a[i] as number);
    if (x > big && Number.isFinite(x)) big = x;
  }
  const f = big > 2 ** 500 ? 2 ** -Math.ceil(Math.log2(big)) : 1;
  for (let i = 0; i < n; i++) {
    const raw = a[i] as number;
    if (raw - raw !== 0) {
      if (raw === Infinity) pos++;
      else if (raw === -Infinity) neg++;
      else throw new NumericError(fn, `xs[${i}]`, 'must be a number (not NaN); got NaN');
      continue;
    }
    const x = raw * f;
    const d = x - mean;
    mean += d / (i + 1 - pos - neg);
    m2 += d * (x - mean);
  }
  if (pos > 0 && neg > 0) throw new NumericError(fn, 'xs', 'holds both +Infinity and -Infinity: the mean is undefined');
  if (pos > 0 || neg > 0) return { mean: pos > 0 ? Infinity : -Infinity, variance: Infinity, n };
  // the variance of values near float64's limit may itself be beyond it: +∞ then
  return { mean: mean / f, variance: m2 / (n - 1) / f / f, n };
}

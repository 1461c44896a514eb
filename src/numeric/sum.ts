import { NumericError, showValue } from './errors.js';

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

  add(x: number): void {
    if (x - x !== 0) {
      // NaN or ±∞ (x − x is NaN for both)
      if (x === Infinity) this.pos++;
      else if (x === -Infinity) this.neg++;
      else throw new NumericError('CompensatedSum.add', 'x', `must be a number (not NaN); got ${showValue(x)}`);
      return;
    }
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  /** The sum: ±∞ when an infinite term was added; refused when both +∞ and −∞ were. */
  get value(): number {
    if (this.pos > 0 && this.neg > 0) throw new NumericError('CompensatedSum', 'value', 'is undefined: the terms include both +Infinity and -Infinity');
    if (this.pos > 0) return Infinity;
    if (this.neg > 0) return -Infinity;
    return this.s + this.c;
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
export function meanVariance(xs: ArrayLike<number>): { mean: number; variance: number; n: number } {
  const fn = 'meanVariance';
  const a = checkNumbers(fn, xs, 2);
  let mean = 0;
  let m2 = 0;
  let pos = 0;
  let neg = 0;
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    if (x - x !== 0) {
      if (x === Infinity) pos++;
      else if (x === -Infinity) neg++;
      else throw new NumericError(fn, `xs[${i}]`, 'must be a number (not NaN); got NaN');
      continue;
    }
    const d = x - mean;
    mean += d / (i + 1 - pos - neg);
    m2 += d * (x - mean);
  }
  if (pos > 0 && neg > 0) throw new NumericError(fn, 'xs', 'holds both +Infinity and -Infinity: the mean is undefined');
  if (pos > 0 || neg > 0) return { mean: pos > 0 ? Infinity : -Infinity, variance: Infinity, n };
  return { mean, variance: m2 / (n - 1), n };
}

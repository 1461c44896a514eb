import { NumericError, showValue } from '../errors.js';
import { binomialUpperTail } from './binomial.js';
import { checkLevel, checkSample, type Interval } from './common.js';

/** Quantile by linear interpolation between order statistics (type 7, numpy's default). */
export function quantile(xs: readonly number[], q: number): number {
  const fn = 'quantile';
  const a = checkSample(fn, xs, 1);
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw new NumericError(fn, 'q', `must be a number in [0, 1]; got ${showValue(q)}`);
  const s = a.sort((x, y) => x - y);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const sl = s[lo] as number;
  const sh = s[hi] as number;
  return lo === hi ? sl : sl + (sh - sl) * (h - lo);
}

/**
 * The median of xs: {@link quantile} at ½ (for even n, the mean of the two middle values).
 * @throws {@link numeric.NumericError} for an empty list or a value that is not a number.
 */
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/**
 * Distribution-free interval for the median from order statistics: [x₍ₗ₎, x₍ₙ₊₁₋ₗ₎] with l the
 * largest rank such that P(B ≤ l − 1) ≤ α/2, B ~ Binomial(n, ½) (the number of values below the
 * median). Coverage ≥ `level` for any continuous distribution. When n is too small for any such
 * rank (n ≤ 5 at 95%) the interval is (−∞, ∞): no conclusion can be drawn.
 */
export function medianInterval(xs: readonly number[], level = 0.95): Interval & { ranks: [number, number] } {
  const fn = 'medianInterval';
  const s = checkSample(fn, xs, 1).sort((x, y) => x - y);
  const a = (1 - checkLevel(fn, level)) / 2;
  const n = s.length;
  let l = 0;
  // P(B ≤ j − 1) = 1 − P(B ≥ j)
  while (l + 1 <= Math.floor((n + 1) / 2) && 1 - binomialUpperTail(l + 1, n, 0.5) <= a) l++;
  const est = median(s);
  if (l === 0) return { estimate: est, low: -Infinity, high: Infinity, level, n, ranks: [0, n + 1] };
  return { estimate: est, low: s[l - 1] as number, high: s[n - l] as number, level, n, ranks: [l, n + 1 - l] };
}

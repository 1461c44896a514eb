/**
 * Confidence intervals for the statistics of population experiments: a share of members
 * (Clopper–Pearson), a median (distribution-free, from order statistics) and a rank correlation
 * (Spearman's ρ with Fisher's z). Each returns the estimate with its interval, the level and n, so a
 * verdict can be decided from the interval alone.
 *
 * Oracle: `fixtures/reference/generate_intervals.py` (scipy's `binomtest(k, n).proportion_ci(
 * method='exact')`, `binom.cdf`, `spearmanr`), checked in `test/numeric-intervals.test.ts`.
 */
import { NumericError, showValue } from './errors.js';
import { normalQuantile } from './special.js';

/** A point estimate with its two-sided confidence interval [low, high]. */
export interface Interval {
  /** The point estimate: the share k/n, the sample median, or Spearman's ρ. */
  estimate: number;
  /** The interval's lower end (−∞ for a median interval when n is too small to conclude anything). */
  low: number;
  /** The interval's upper end (+∞ for a median interval when n is too small to conclude anything). */
  high: number;
  /** Two-sided confidence level, e.g. 0.95. */
  level: number;
  /** The sample size: trials for a share, values for a median, pairs for ρ. */
  n: number;
}

function checkLevel(fn: string, level: unknown): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new NumericError(fn, 'level', `must be a number in (0, 1); got ${showValue(level)}`);
  return level;
}

function checkCount(fn: string, arg: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new NumericError(fn, arg, `must be an integer ≥ ${min}; got ${showValue(v)}`);
  return v;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, x), summed in log space (term ratio C(n,j+1)/C(n,j) = (n−j)/(j+1)),
 * so that n in the thousands neither underflows nor loses the small tail.
 */
export function binomialUpperTail(k: number, n: number, x: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lx = Math.log(x);
  const l1x = Math.log1p(-x);
  // log C(n, k) by the product, then the terms j = k … n
  let logC = 0;
  for (let j = 0; j < k; j++) logC += Math.log((n - j) / (j + 1));
  const logs: number[] = [];
  for (let j = k; j <= n; j++) {
    logs.push(logC + j * lx + (n - j) * l1x);
    logC += Math.log((n - j) / (j + 1));
  }
  const m = Math.max(...logs);
  let s = 0;
  for (const l of logs) s += Math.exp(l - m);
  return Math.min(1, Math.exp(m) * s);
}

/** The x in [0, 1] where the increasing function f crosses `target` (bisection to the last bit). */
function solveIncreasing(f: (x: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper–Pearson ("exact") interval for a binomial proportion k/n: the lower end solves
 * P(X ≥ k | p) = α/2 and the upper end P(X ≤ k | p) = α/2 (0 and 1 when k = 0 or k = n). Its
 * coverage is at least `level` for every p. Same as scipy's `binomtest(k, n).proportion_ci('exact')`.
 */
export function clopperPearson(k: number, n: number, level = 0.95): Interval {
  const fn = 'clopperPearson';
  checkCount(fn, 'n', n, 1);
  checkCount(fn, 'k', k, 0);
  if (k > n) throw new NumericError(fn, 'k', `must be at most n = ${n}; got ${k}`);
  const a = (1 - checkLevel(fn, level)) / 2;
  const low = k === 0 ? 0 : solveIncreasing((p) => binomialUpperTail(k, n, p), a);
  // P(X ≤ k | p) = 1 − P(X ≥ k + 1 | p) decreases in p
  const high = k === n ? 1 : solveIncreasing((p) => binomialUpperTail(k + 1, n, p), 1 - a);
  return { estimate: k / n, low, high, level, n };
}

function checkSample(fn: string, xs: unknown, min: number): number[] {
  if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) throw new NumericError(fn, 'xs', `must be an array of numbers; got ${showValue(xs)}`);
  const a = Array.from(xs as ArrayLike<unknown>);
  if (a.length < min) throw new NumericError(fn, 'xs', `must have at least ${min} values; got ${a.length}`);
  a.forEach((v, i) => {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new NumericError(fn, `xs[${i}]`, `must be a number (not NaN); got ${showValue(v)}`);
  });
  return a as number[];
}

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

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((u, v) => u[0] - v[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as readonly [number, number])[0] === (idx[i] as readonly [number, number])[0]) j++;
    for (let k = i; k <= j; k++) r[(idx[k] as readonly [number, number])[1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/**
 * Spearman's rank correlation ρ (Pearson's correlation of the average ranks) with the Fisher-z
 * interval tanh(atanh ρ ± z·√(1.06/(n − 3))) of Fieller, Hartley & Pearson (1957). Needs n ≥ 4;
 * a constant sample has no ranks to correlate and is refused.
 */
export function spearman(a: readonly number[], b: readonly number[], level = 0.95): Interval {
  const fn = 'spearman';
  const x = checkSample(fn, a, 4);
  const y = checkSample(fn, b, 4);
  if (x.length !== y.length) throw new NumericError(fn, 'b', `must have the length of a (${x.length}); got ${y.length}`);
  const lv = checkLevel(fn, level);
  const ra = ranks(x);
  const rb = ranks(y);
  const n = x.length;
  const m = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const u = (ra[i] as number) - m;
    const v = (rb[i] as number) - m;
    sab += u * v;
    saa += u * u;
    sbb += v * v;
  }
  if (saa === 0 || sbb === 0) throw new NumericError(fn, saa === 0 ? 'a' : 'b', 'is constant: a rank correlation is undefined');
  const rho = Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  const z = normalQuantile(1 - (1 - lv) / 2);
  const se = Math.sqrt(1.06 / (n - 3));
  const at = Math.abs(rho) === 1 ? Math.sign(rho) * Infinity : Math.atanh(rho);
  return { estimate: rho, low: Math.tanh(at - z * se), high: Math.tanh(at + z * se), level: lv, n };
}

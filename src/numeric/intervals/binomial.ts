import { NumericError } from '../errors.js';
import { checkCount, checkLevel, type Interval } from './common.js';

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
  // a loop, not Math.max(...logs): n − k may exceed the engine's argument limit (a stack overflow at ~10⁵)
  let m = Number.NEGATIVE_INFINITY;
  for (const l of logs) if (l > m) m = l;
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

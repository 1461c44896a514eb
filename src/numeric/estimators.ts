import { checkOptions } from './errors.js';
import { checkSource, type Dist1D, type Distribution, type SampleSet } from './distributions/index.js';
import { NumericError, showValue } from './errors.js';
import { checkSeed, Rng } from './rng.js';
import { normalQuantile } from './special.js';
import { checkMemory } from './memory.js';
import { logOneMinusSigmoid, logSigmoid, softplus } from './logistic.js';
import { meanVariance } from './sum.js';
import { w1Sweep, w1ToDistribution } from './wasserstein.js';

/**
 * Monte Carlo estimators with confidence intervals. Every estimator draws P's sample from stream 0
 * and Q's from stream 1 of `seed` (files of samples are used as they are), so the same seed gives
 * the same numbers, and reports how uncertain it is.
 */

/** What every estimator returns. */
export interface Estimate {
  /** What was estimated: `value`, `kl`, `jsd`, `w1`, `kl-knn` or `jsd-lower`. */
  readonly quantity: string;
  /** The point estimate: nats for the value and the divergences, the points' units for `w1`. */
  readonly estimate: number;
  /** The estimate's standard error (0 when the estimate is ±∞); `ci` is estimate ± z·stderr. */
  readonly stderr: number;
  /** Normal-approximation interval estimate ± z·stderr at `level`. */
  readonly ci: readonly [number, number];
  /** The two-sided confidence level of `ci`, in (0, 1). */
  readonly level: number;
  /** Sample sizes used from P and from Q (0 where a side is not sampled). */
  readonly samples: {
    /** Draws from P (the file's size for a file of samples). */
    readonly p: number;
    /** Draws from Q (the file's size for a file of samples). */
    readonly q: number;
  };
  /** The seed of the draws: P's from its stream 0, Q's from its stream 1. */
  readonly seed: number;
  /** How the estimate and its interval are obtained, in one line. */
  readonly method: string;
  /** What the interval does not promise, where that matters. */
  readonly caveat?: string;
}

/** Options of every estimator. */
export interface EstimateOptions {
  /**
   * Draws from each known distribution (files of samples are used whole).
   * @defaultValue 10000
   */
  samples?: number;
  /** @defaultValue 0 */
  seed?: number;
  /**
   * Confidence level of `ci`, in (0, 1).
   * @defaultValue 0.95
   */
  level?: number;
}

/**
 * A discriminator: `'optimal'` (D*, from the two densities), a function returning D(x) in [0, 1],
 * or `{ logit }`, a function returning the logit l(x) with D = σ(l) — then ln D and ln(1 − D) are
 * evaluated in log form (−softplus(∓l)), exact where σ(l) itself rounds to 0 or 1.
 */
export type Discriminator =
  | 'optimal'
  | ((x: number, y: number) => number)
  | {
      /** The logit l(x, y) (y is 0 for 1-D points), with D = σ(l). */
      logit: (x: number, y: number) => number;
    };

/** What an estimator samples: a known distribution (drawn from with the seed) or a file of samples (used whole). */
export type Source = Distribution | SampleSet;

interface Settings {
  n: number;
  seed: number;
  level: number;
  z: number;
}

function settings(fn: string, o: EstimateOptions): Settings {
  const n = o.samples ?? 10_000;
  if (!Number.isSafeInteger(n) || n < 2) throw new NumericError(fn, 'samples', `must be an integer ≥ 2; got ${showValue(n)}`);
  // two float64 samples, their sorted copies and the per-draw terms: about 48 bytes a draw
  checkMemory(fn, 'samples', n, 48 * n, '48 bytes per draw');
  const seed = checkSeed(fn, o.seed ?? 0);
  const level = o.level ?? 0.95;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw new NumericError(fn, 'level', `must lie strictly between 0 and 1; got ${showValue(level)}`);
  return { n, seed, level, z: normalQuantile((1 + level) / 2) };
}

const isSampleSet = (s: Source): s is SampleSet => 'kind' in s && s.kind === 'samples';

interface Drawn {
  data: Float64Array;
  n: number;
  dim: 1 | 2;
}

function draw(fn: string, arg: string, src: Source, s: Settings, stream: number): Drawn {
  if (isSampleSet(src)) {
    const n = src.data.length / src.dim;
    if (n < 2) throw new NumericError(fn, arg, `needs at least 2 samples; the file ${showValue(src.spec)} has ${n}`);
    return { data: src.data, n, dim: src.dim };
  }
  return { data: src.sample(Rng.fromSeed(s.seed).stream(stream), s.n), n: s.n, dim: src.dim };
}

function needDensity(fn: string, arg: string, src: Source): Distribution {
  if (isSampleSet(src)) throw new NumericError(fn, arg, `needs a known density, not a file of samples; got ${showValue(src.spec)}`);
  return src;
}

function sameKind(fn: string, p: Source, q: Source): void {
  checkSource(fn, 'p', p);
  checkSource(fn, 'q', q);
  if (p.dim !== q.dim) throw new NumericError(fn, 'q', `must have the dimension of p (${p.dim}); got ${q.dim}`);
  const dp = !isSampleSet(p) && p.discrete;
  const dq = !isSampleSet(q) && q.discrete;
  if (dp !== dq) {
    throw new NumericError(fn, 'q', `must be discrete exactly when p is (a density and a mass function are not comparable); got ${showValue(q.spec)}`);
  }
}

function logDensityAt(d: Distribution, data: Float64Array, i: number): number {
  return d.dim === 1 ? d.logPdf(data[i] as number) : d.logPdf(data[2 * i] as number, data[2 * i + 1] as number);
}

function point(data: Float64Array, dim: 1 | 2, i: number): [number, number] {
  return dim === 1 ? [data[i] as number, 0] : [data[2 * i] as number, data[2 * i + 1] as number];
}

function finish(quantity: string, estimate: number, stderr: number, s: Settings, samples: { p: number; q: number }, method: string, caveat?: string): Estimate {
  const half = s.z * stderr;
  const e: Estimate = { quantity, estimate, stderr, ci: [estimate - half, estimate + half], level: s.level, samples, seed: s.seed, method };
  return caveat === undefined ? e : { ...e, caveat };
}

/**
 * V(D, G) = E_P[ln D(x)] + E_Q[ln(1 − D(y))] by independent samples from P and Q. With
 * `discriminator: 'optimal'`, D = D* and the estimate is C(G) = 2·JSD − ln 4 (ln D* evaluated as
 * −softplus(ln q − ln p), never ln of a rounded ratio). Interval: CLT for the two sample means.
 */
export function estimateValue(p: Source, q: Source, discriminator: Discriminator, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateValue', options);
  const fn = 'estimateValue';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const a = new Float64Array(X.n);
  const b = new Float64Array(Y.n);
  if (discriminator === 'optimal') {
    const P = needDensity(fn, 'p', p);
    const Q = needDensity(fn, 'q', q);
    for (let i = 0; i < X.n; i++) a[i] = -softplus(logDensityAt(Q, X.data, i) - logDensityAt(P, X.data, i));
    for (let j = 0; j < Y.n; j++) b[j] = -softplus(logDensityAt(P, Y.data, j) - logDensityAt(Q, Y.data, j));
  } else if (typeof discriminator === 'object' && discriminator !== null && typeof (discriminator as { logit?: unknown }).logit === 'function') {
    const logit = (discriminator as { logit: (x: number, y: number) => number }).logit;
    const at = (data: Float64Array, dim: 1 | 2, i: number) => {
      const [x, y] = point(data, dim, i);
      const l = logit(x, y);
      if (typeof l !== 'number' || Number.isNaN(l))
        throw new NumericError(fn, 'discriminator.logit', `must return numbers (±Infinity allowed); got ${showValue(l)} at x = ${x}`);
      return l;
    };
    for (let i = 0; i < X.n; i++) a[i] = logSigmoid(at(X.data, X.dim, i));
    for (let j = 0; j < Y.n; j++) b[j] = logOneMinusSigmoid(at(Y.data, Y.dim, j));
  } else {
    if (typeof discriminator !== 'function')
      throw new NumericError(fn, 'discriminator', `must be 'optimal', a function or { logit }; got ${showValue(discriminator)}`);
    const at = (data: Float64Array, dim: 1 | 2, i: number) => {
      const [x, y] = point(data, dim, i);
      const d = discriminator(x, y);
      if (typeof d !== 'number' || !(d >= 0 && d <= 1))
        throw new NumericError(fn, 'discriminator', `must return values in [0, 1]; got ${showValue(d)} at x = ${x}`);
      return d;
    };
    for (let i = 0; i < X.n; i++) a[i] = Math.log(at(X.data, X.dim, i));
    for (let j = 0; j < Y.n; j++) b[j] = Math.log1p(-at(Y.data, Y.dim, j));
  }
  // D = 0 at a draw from P (or D = 1 at a draw from Q): ln 0 = −∞, so the estimate of V is −∞ exactly
  const atP = a.indexOf(-Infinity);
  const atQ = b.indexOf(-Infinity);
  if (atP >= 0 || atQ >= 0) {
    const where = atP >= 0 ? `D = 0 at a draw from P (x = ${point(X.data, X.dim, atP)[0]})` : `D = 1 at a draw from Q (x = ${point(Y.data, Y.dim, atQ)[0]})`;
    return finish('value', -Infinity, 0, s, { p: X.n, q: Y.n }, 'mean of ln D over P plus mean of ln(1 − D) over Q', `${where}: ln 0 = −∞, so V = −∞`);
  }
  const A = meanVariance(a);
  const B = meanVariance(b);
  return finish(
    'value',
    A.mean + B.mean,
    Math.sqrt(A.variance / X.n + B.variance / Y.n),
    s,
    { p: X.n, q: Y.n },
    'mean of ln D over P plus mean of ln(1 − D) over Q; CLT interval',
  );
}

/**
 * KL(P‖Q) = E_P[ln p(x) − ln q(x)] with both densities known, from a sample of P; +∞ when a draw
 * lands where q = 0 (Q drops a mode of P). Interval: CLT for the mean of the log-ratios.
 */
export function estimateKl(p: Source, q: Source, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateKl', options);
  const fn = 'estimateKl';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const P = needDensity(fn, 'p', p);
  const Q = needDensity(fn, 'q', q);
  const X = draw(fn, 'p', p, s, 0);
  const t = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    const lq = logDensityAt(Q, X.data, i);
    if (lq === -Infinity) {
      return finish('kl', Infinity, 0, s, { p: X.n, q: 0 }, 'a draw from P fell where q = 0: KL(P‖Q) = +∞');
    }
    t[i] = logDensityAt(P, X.data, i) - lq;
  }
  const m = meanVariance(t);
  return finish('kl', m.mean, Math.sqrt(m.variance / X.n), s, { p: X.n, q: 0 }, 'mean of ln p − ln q over P; CLT interval');
}

/**
 * JSD(P‖Q) = ½E_P[ln(2p/(p+q))] + ½E_Q[ln(2q/(p+q))] with both densities known, from independent
 * samples of P and Q (each log-ratio as ln 2 − softplus(ln q − ln p), which is finite everywhere).
 * Interval: CLT for the two sample means.
 */
export function estimateJsd(p: Source, q: Source, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateJsd', options);
  const fn = 'estimateJsd';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const P = needDensity(fn, 'p', p);
  const Q = needDensity(fn, 'q', q);
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const a = new Float64Array(X.n);
  const b = new Float64Array(Y.n);
  for (let i = 0; i < X.n; i++) a[i] = Math.LN2 - softplus(logDensityAt(Q, X.data, i) - logDensityAt(P, X.data, i));
  for (let j = 0; j < Y.n; j++) b[j] = Math.LN2 - softplus(logDensityAt(P, Y.data, j) - logDensityAt(Q, Y.data, j));
  const A = meanVariance(a);
  const B = meanVariance(b);
  return finish(
    'jsd',
    (A.mean + B.mean) / 2,
    Math.sqrt(A.variance / X.n + B.variance / Y.n) / 2,
    s,
    { p: X.n, q: Y.n },
    'half the sum of the mean log-ratios over P and over Q; CLT interval',
  );
}

/** Options of {@link estimateW1}. */
export interface W1EstimateOptions extends EstimateOptions {
  /**
   * Sample both sides even when one distribution is known (by default a known side is used through
   * its CDF, which halves the noise).
   * @defaultValue false
   */
  twoSample?: boolean;
}

/**
 * Wasserstein-1 on the line. From two samples (sorted, unequal sizes fine): the empirical W1. From a
 * sample against a known distribution: ∫|F_n − F| through F and ∫F (see `w1ToDistribution`).
 * Interval: delta method with the influence function S(t) = ∫ sign(F_P − F_Q) (plug-in), whose
 * sample variances give the standard error. Valid when F_P − F_Q vanishes only on a null set; for
 * P = Q the empirical W1 is biased upward by O(1/√n) and the interval does not cover 0.
 */
export function estimateW1(p: Source, q: Source, options: W1EstimateOptions = {}): Estimate {
  options = checkOptions('estimateW1', options);
  const fn = 'estimateW1';
  const s = settings(fn, options);
  checkSource(fn, 'p', p);
  if (p.dim !== 1) throw new NumericError(fn, 'p', `must be one-dimensional (W1 here is on the line); got ${showValue(p.spec)}`);
  sameKind(fn, p, q);
  const caveat = 'the interval assumes F_P ≠ F_Q almost everywhere; for P = Q the estimate is biased upward';
  const known = (src: Source): src is Dist1D => !isSampleSet(src) && src.dim === 1 && options.twoSample !== true;
  if (known(q) || (known(p) && isSampleSet(q))) {
    const [sampled, dist, which] = known(q) ? [p, q, 'p'] : [q, p as Dist1D, 'q'];
    const X = draw(fn, which, sampled, s, which === 'p' ? 0 : 1);
    const r = w1ToDistribution(X.data, dist, fn);
    const v = meanVariance(r.s);
    const samples = which === 'p' ? { p: X.n, q: 0 } : { p: 0, q: X.n };
    return finish(
      'w1',
      r.distance,
      Math.sqrt(v.variance / X.n),
      s,
      samples,
      `∫|F_n − F| of the ${which === 'p' ? 'P' : 'Q'} sample against the known ${which === 'p' ? 'Q' : 'P'}; delta-method interval`,
      caveat,
    );
  }
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const r = w1Sweep(X.data, Y.data, {}, fn);
  const vx = meanVariance(r.sx);
  const vy = meanVariance(r.sy);
  return finish(
    'w1',
    r.distance,
    Math.sqrt(vx.variance / X.n + vy.variance / Y.n),
    s,
    { p: X.n, q: Y.n },
    'empirical W1 of the two samples; delta-method interval',
    caveat,
  );
}

/** Options of {@link estimateKlKnn}. */
export interface KnnOptions extends EstimateOptions {
  /** @defaultValue 1 */
  k?: number;
}

/** Distances from each query point to its k-th nearest neighbour in `ref` (sorted 1-D arrays). */
function kthDistances1D(query: Float64Array, ref: Float64Array, k: number, skipSelf: boolean): Float64Array {
  const out = new Float64Array(query.length);
  let pos = 0;
  for (let i = 0; i < query.length; i++) {
    const x = query[i] as number;
    while (pos < ref.length && (ref[pos] as number) < x) pos++;
    let l = pos - 1;
    let r = pos;
    let skipped = !skipSelf;
    let found = 0;
    let d = 0;
    while (found < k) {
      const dl = l >= 0 ? x - (ref[l] as number) : Infinity;
      const dr = r < ref.length ? (ref[r] as number) - x : Infinity;
      if (dl <= dr) {
        d = dl;
        l--;
      } else {
        d = dr;
        r++;
      }
      if (!skipped && d === 0) {
        skipped = true; // the point itself
        continue;
      }
      found++;
    }
    out[i] = d;
  }
  return out;
}

function kthDistances2D(query: Float64Array, ref: Float64Array, k: number, skipSelf: boolean): Float64Array {
  const nq = query.length / 2;
  const nr = ref.length / 2;
  const out = new Float64Array(nq);
  const best = new Float64Array(k + 1);
  for (let i = 0; i < nq; i++) {
    const x = query[2 * i] as number;
    const y = query[2 * i + 1] as number;
    best.fill(Infinity);
    for (let j = 0; j < nr; j++) {
      if (skipSelf && j === i) continue;
      const dx = (ref[2 * j] as number) - x;
      const dy = (ref[2 * j + 1] as number) - y;
      const d2 = dx * dx + dy * dy;
      if (d2 < (best[k - 1] as number)) {
        let t = k - 1;
        while (t > 0 && (best[t - 1] as number) > d2) {
          best[t] = best[t - 1] as number;
          t--;
        }
        best[t] = d2;
      }
    }
    out[i] = Math.sqrt(best[k - 1] as number);
  }
  return out;
}

/**
 * Sample-only KL(P‖Q) by k-nearest-neighbour distances (Wang, Kulkarni & Verdú, "Divergence
 * estimation for multidimensional densities via k-nearest-neighbor distances", IEEE Trans. Inf.
 * Theory 55 (2009), eq. (5)): D̂ = (d/n)·Σᵢ ln(νₖ(i)/ρₖ(i)) + ln(m/(n − 1)), ρₖ the distance from Xᵢ
 * to its k-th neighbour among the other X, νₖ among the Y. Consistent for continuous densities;
 * 1-D in O(n log n), 2-D by direct search in O(n·(n + m)).
 */
export function estimateKlKnn(p: Source, q: Source, options: KnnOptions = {}): Estimate {
  options = checkOptions('estimateKlKnn', options);
  const fn = 'estimateKlKnn';
  const s = settings(fn, options);
  const k = options.k ?? 1;
  sameKind(fn, p, q);
  if ((!isSampleSet(p) && p.discrete) || (!isSampleSet(q) && q.discrete)) {
    throw new NumericError(fn, 'p', `must be continuous: nearest-neighbour distances are 0 on atoms; got ${showValue(p.spec)}`);
  }
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  if (!Number.isSafeInteger(k) || k < 1 || k > Math.min(X.n - 1, Y.n)) {
    throw new NumericError(fn, 'k', `must be an integer from 1 to ${Math.min(X.n - 1, Y.n)} (the sample sizes bound it); got ${showValue(k)}`);
  }
  let rho: Float64Array;
  let nu: Float64Array;
  if (X.dim === 1) {
    const xs = Float64Array.from(X.data).sort();
    const ys = Float64Array.from(Y.data).sort();
    rho = kthDistances1D(xs, xs, k, true);
    nu = kthDistances1D(xs, ys, k, false);
  } else {
    rho = kthDistances2D(X.data, X.data, k, true);
    nu = kthDistances2D(X.data, Y.data, k, false);
  }
  const t = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    const r = rho[i] as number;
    const v = nu[i] as number;
    if (r === 0 || v === 0) {
      throw new NumericError(
        fn,
        r === 0 ? 'p' : 'q',
        `has repeated sample points at distance 0 from a point of p (k = ${k}); nearest-neighbour KL needs distinct points (raise k or jitter)`,
      );
    }
    t[i] = X.dim * Math.log(v / r);
  }
  const m = meanVariance(t);
  return finish(
    'kl-knn',
    m.mean + Math.log(Y.n / (X.n - 1)),
    Math.sqrt(m.variance / X.n),
    s,
    { p: X.n, q: Y.n },
    `Wang–Kulkarni–Verdú ${k}-nearest-neighbour estimator`,
    'approximate interval: treats the n log distance ratios as independent, which they are not quite; the estimator is consistent but biased at small n',
  );
}

/**
 * The classifier-based bound of the seed documents: for any discriminator D,
 * JSD(P‖Q) ≥ (V(D, G) + ln 4)/2, with equality at D = D*. Returns the estimate of the right-hand
 * side with its interval (from {@link estimateValue}).
 */
export function estimateJsdLowerBound(p: Source, q: Source, discriminator: Discriminator, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateJsdLowerBound', options);
  const v = estimateValue(p, q, discriminator, options);
  const s = settings('estimateJsdLowerBound', options);
  return finish(
    'jsd-lower',
    (v.estimate + 2 * Math.LN2) / 2,
    v.stderr / 2,
    s,
    v.samples,
    '(V(D,G) + ln 4)/2 from the Monte Carlo V; CLT interval',
    'a lower bound on JSD for any D, tight only at D = D*: the interval covers the bound (V + ln 4)/2, not JSD itself',
  );
}

import { NumericError, showValue } from '../errors.js';
import { checkSource, type Distribution, type SampleSet } from '../distributions/index.js';
import { checkSeed, Rng } from '../rng.js';
import { normalQuantile } from '../special.js';
import { checkMemory } from '../memory.js';

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

export interface Settings {
  n: number;
  seed: number;
  level: number;
  z: number;
}

export function settings(fn: string, o: EstimateOptions): Settings {
  const n = o.samples ?? 10_000;
  if (!Number.isSafeInteger(n) || n < 2) throw new NumericError(fn, 'samples', `must be an integer ≥ 2; got ${showValue(n)}`);
  // two float64 samples, their sorted copies and the per-draw terms: about 48 bytes a draw
  checkMemory(fn, 'samples', n, 48 * n, '48 bytes per draw');
  const seed = checkSeed(fn, o.seed ?? 0);
  const level = o.level ?? 0.95;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw new NumericError(fn, 'level', `must lie strictly between 0 and 1; got ${showValue(level)}`);
  return { n, seed, level, z: normalQuantile((1 + level) / 2) };
}

export const isSampleSet = (s: Source): s is SampleSet => 'kind' in s && s.kind === 'samples';

export interface Drawn {
  data: Float64Array;
  n: number;
  dim: 1 | 2;
}

export function draw(fn: string, arg: string, src: Source, s: Settings, stream: number): Drawn {
  if (isSampleSet(src)) {
    const n = src.data.length / src.dim;
    if (n < 2) throw new NumericError(fn, arg, `needs at least 2 samples; the file ${showValue(src.spec)} has ${n}`);
    return { data: src.data, n, dim: src.dim };
  }
  return { data: src.sample(Rng.fromSeed(s.seed).stream(stream), s.n), n: s.n, dim: src.dim };
}

export function needDensity(fn: string, arg: string, src: Source): Distribution {
  if (isSampleSet(src)) throw new NumericError(fn, arg, `needs a known density, not a file of samples; got ${showValue(src.spec)}`);
  return src;
}

export function sameKind(fn: string, p: Source, q: Source): void {
  checkSource(fn, 'p', p);
  checkSource(fn, 'q', q);
  if (p.dim !== q.dim) throw new NumericError(fn, 'q', `must have the dimension of p (${p.dim}); got ${q.dim}`);
  const dp = !isSampleSet(p) && p.discrete;
  const dq = !isSampleSet(q) && q.discrete;
  if (dp !== dq) {
    throw new NumericError(fn, 'q', `must be discrete exactly when p is (a density and a mass function are not comparable); got ${showValue(q.spec)}`);
  }
}

export function logDensityAt(d: Distribution, data: Float64Array, i: number): number {
  return d.dim === 1 ? d.logPdf(data[i] as number) : d.logPdf(data[2 * i] as number, data[2 * i + 1] as number);
}

export function point(data: Float64Array, dim: 1 | 2, i: number): [number, number] {
  return dim === 1 ? [data[i] as number, 0] : [data[2 * i] as number, data[2 * i + 1] as number];
}

export function finish(
  quantity: string,
  estimate: number,
  stderr: number,
  s: Settings,
  samples: { p: number; q: number },
  method: string,
  caveat?: string,
): Estimate {
  const half = s.z * stderr;
  const e: Estimate = { quantity, estimate, stderr, ci: [estimate - half, estimate + half], level: s.level, samples, seed: s.seed, method };
  return caveat === undefined ? e : { ...e, caveat };
}

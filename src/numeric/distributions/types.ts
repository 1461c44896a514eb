/**
 * What a distribution is to the estimators: a 1-D law with its density, CDF, quantile and CDF integral,
 * an isotropic 2-D Gaussian mixture, or a set of samples read from a file; and the small checks the
 * constructors share.
 */
import { NumericError, showValue } from '../errors.js';
import type { Rng } from '../rng.js';

/**
 * A 1-D distribution with everything the estimators need. For a `discrete` one, `logPdf` is the log
 * probability mass at a support point (−∞ elsewhere), a density with respect to counting measure.
 */
export interface Dist1D {
  /** The dimension: 1. */
  readonly dim: 1;
  /** The spec that {@link parseDistribution} reads back to this distribution, e.g. `normal:0,1`. */
  readonly spec: string;
  /** Whether the law is discrete (a probability mass function) rather than a density. */
  readonly discrete: boolean;
  /** n independent draws with the given generator (seeded: the same state gives the same draws). */
  sample(rng: Rng, n: number): Float64Array;
  /** ln of the density (or of the mass, when discrete) at x; −∞ outside the support. */
  logPdf(x: number): number;
  /** F(x) = P(X ≤ x). */
  cdf(x: number): number;
  /** The smallest x with F(x) ≥ u, for u in (0, 1); −∞ at 0 and +∞ at 1 where the support is unbounded. */
  quantile(u: number): number;
  /** G(x) = ∫_{−∞}^x F(t) dt = E[(x − X)⁺]; W1 against a sample integrates |F_n − F| with it. */
  cdfIntegral(x: number): number;
  /** E[X]. */
  readonly mean: number;
  /** N(μ, σ²)'s parameters, on the distributions `normal` makes (whose `sample` is μ + σ·rng.normal()). */
  readonly gaussian?: {
    /** The mean μ. */
    readonly mu: number;
    /** The standard deviation σ > 0. */
    readonly sigma: number;
  };
}

/** An isotropic 2-D Gaussian mixture with equal weights (ring8, grid25). */
export interface Dist2D {
  /** The dimension: 2. */
  readonly dim: 2;
  /** The spec that {@link parseDistribution} reads back to this distribution, e.g. `ring8`. */
  readonly spec: string;
  /** Always false: a density. */
  readonly discrete: false;
  /** Mode centres, interleaved x₀, y₀, x₁, y₁, … */
  readonly modes: Float64Array;
  /** The common standard deviation of every mode, on both axes. */
  readonly sigma: number;
  /** n points, interleaved x₀, y₀, x₁, y₁, … */
  sample(rng: Rng, n: number): Float64Array;
  /** ln of the density at (x, y). */
  logPdf(x: number, y: number): number;
}

/** Samples read from a file: no density is known. */
export interface SampleSet {
  /** 1 for one number per line, 2 for x,y pairs. */
  readonly dim: 1 | 2;
  /** The path the samples were read from. */
  readonly spec: string;
  /** Always 'samples': tells a sample set from a distribution. */
  readonly kind: 'samples';
  /** 1-D: the values; 2-D: interleaved pairs. */
  readonly data: Float64Array;
}

/** A distribution with a density: 1-D or 2-D. */
export type Distribution = Dist1D | Dist2D;

/** ln Σ e^{xᵢ} around the largest term. */
export function logSumExp(xs: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if ((xs[i] as number) > m) m = xs[i] as number;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp((xs[i] as number) - m);
  return m + Math.log(s);
}

/** Checks a sample count: a nonnegative safe integer. */
export function checkCount(fn: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new NumericError(fn, 'n', `must be a nonnegative integer; got ${showValue(n)}`);
}

/** Checks weights (finite, ≥ 0, summing to 1 within 1e-9) and returns their running sums. */
export function checkWeights(fn: string, weights: readonly number[]): Float64Array {
  if (weights.length === 0) throw new NumericError(fn, 'weights', 'must not be empty; got []');
  let total = 0;
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0)) throw new NumericError(fn, `weights[${i}]`, `must be finite and ≥ 0; got ${showValue(w)}`);
    total += w;
  });
  if (Math.abs(total - 1) > 1e-9) throw new NumericError(fn, 'weights', `must sum to 1 (within 1e-9); got a sum of ${total}`);
  const cum = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    cum[i] = acc;
  });
  return cum;
}

/** A source for the estimators: a distribution (with `sample`) or a sample set, of dimension 1 or 2. */
export function checkSource(fn: string, arg: string, v: unknown): void {
  const o = v as { dim?: unknown; kind?: unknown; sample?: unknown; data?: unknown };
  const ok =
    v !== null && typeof v === 'object' && (o.dim === 1 || o.dim === 2) && (o.kind === 'samples' ? ArrayBuffer.isView(o.data) : typeof o.sample === 'function');
  if (!ok) throw new NumericError(fn, arg, `must be a distribution (parseDistribution, normal, mixture, …) or a sample set; got ${showValue(v)}`);
}

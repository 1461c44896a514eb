import { checkOptions } from './errors.js';
import type { Dist1D } from './distributions/index.js';
import { NumericError, showValue } from './errors.js';
import { CompensatedSum } from './sum.js';

/** Options of {@link w1}. */
export interface W1FloatOptions {
  /** Weights of the points of `x` (nonnegative, summing to 1 within 1e-9, or any positive sum with `normalize`); uniform if absent. */
  xWeights?: ArrayLike<number>;
  /** Weights of the points of `y`; uniform if absent. */
  yWeights?: ArrayLike<number>;
  /** Rescale each weight vector by its sum (as scipy.stats.wasserstein_distance does with u_weights, v_weights). @defaultValue false */
  normalize?: boolean;
}

/** A W1 sweep's result; `sx`/`sy` are S(·) at each point of the sorted inputs (see below). */
export interface W1Sweep {
  /** W1 = ∫|F_x(t) − F_y(t)| dt, in the units of the points. */
  distance: number;
  /** The points of x, sorted. */
  xs: Float64Array;
  /** The points of y, sorted. */
  ys: Float64Array;
  /**
   * S(t) = ∫ sign(F_x − F_y) from the smallest point to t, at each sorted point: the influence
   * function of W1 (W1 − W1ₙ ≈ mean of S over x minus mean over y), whose variances give the
   * delta-method standard error. One value per point of `xs`.
   */
  sx: Float64Array;
  /** S(t) at each point of `ys`. */
  sy: Float64Array;
}

function checkFinite(fn: string, arg: string, v: ArrayLike<number>, min: number): void {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
    throw new NumericError(fn, arg, `must be an array of numbers; got ${showValue(v)}`);
  }
  if (v.length < min) throw new NumericError(fn, arg, `must hold at least ${min} value${min > 1 ? 's' : ''}; got ${v.length}`);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(fn, `${arg}[${i}]`, `must be a finite number; got ${showValue(x)}`);
  }
}

function sortedWithWeights(
  fn: string,
  arg: string,
  x: ArrayLike<number>,
  w: ArrayLike<number> | undefined,
  normalize: boolean,
): { xs: Float64Array; cum: Float64Array | null } {
  if (w === undefined) {
    const xs = Float64Array.from(x);
    xs.sort();
    return { xs, cum: null };
  }
  checkFinite(fn, `${arg}Weights`, w, 1);
  if (w.length !== x.length) throw new NumericError(fn, `${arg}Weights`, `must have one weight per point (${x.length}); got ${w.length}`);
  const idx = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => (x[i] as number) - (x[j] as number));
  const xs = Float64Array.from(idx, (i) => x[i] as number);
  const cum = new Float64Array(x.length);
  const acc = new CompensatedSum();
  idx.forEach((i, k) => {
    const wi = w[i] as number;
    if (wi < 0) throw new NumericError(fn, `${arg}Weights[${i}]`, `must be nonnegative; got ${showValue(wi)}`);
    acc.add(wi);
    cum[k] = acc.value;
  });
  const total = cum[cum.length - 1] as number;
  if (normalize) {
    if (!(total > 0) || !Number.isFinite(total))
      throw new NumericError(fn, `${arg}Weights`, `must have a positive finite sum to normalise; got a sum of ${total}`);
    for (let k = 0; k < cum.length; k++) cum[k] = (cum[k] as number) / total;
    cum[cum.length - 1] = 1;
    return { xs, cum };
  }
  if (Math.abs(total - 1) > 1e-9)
    throw new NumericError(fn, `${arg}Weights`, `must sum to 1 within 1e-9 (or pass normalize: true, as scipy normalises); got a sum of ${total}`);
  return { xs, cum };
}

/**
 * Wasserstein-1 between two weighted point sets on the line by one merge sweep:
 * W1 = ∫|F_x(t) − F_y(t)| dt. Points are values, weights are masses: pass probability vectors as
 * `xWeights`/`yWeights` over explicit support points, never as the points themselves.
 * With uniform weights the CDFs are exact ratios i/n at every step, so there is no drift over 10⁶ points.
 */
export function w1Sweep(x: ArrayLike<number>, y: ArrayLike<number>, options: W1FloatOptions = {}, fn = 'w1'): W1Sweep {
  options = checkOptions('w1Sweep', options);
  checkFinite(fn, 'x', x, 1);
  checkFinite(fn, 'y', y, 1);
  if (options.normalize !== undefined && typeof options.normalize !== 'boolean')
    throw new NumericError(fn, 'options.normalize', `must be a boolean; got ${showValue(options.normalize)}`);
  const normalize = options.normalize === true;
  const X = sortedWithWeights(fn, 'x', x, options.xWeights, normalize);
  const Y = sortedWithWeights(fn, 'y', y, options.yWeights, normalize);
  const { xs } = X;
  const ysSorted = Y.xs;
  const n = xs.length;
  const m = ysSorted.length;
  const sx = new Float64Array(n);
  const sy = new Float64Array(m);
  let i = 0;
  let j = 0;
  let prev = Math.min(xs[0] as number, ysSorted[0] as number);
  let S = 0;
  let Fx = 0;
  let Fy = 0;
  const total = new CompensatedSum();
  while (i < n || j < m) {
    const next = Math.min(i < n ? (xs[i] as number) : Infinity, j < m ? (ysSorted[j] as number) : Infinity);
    const diff = Fx - Fy;
    const dx = next - prev;
    if (dx > 0 && diff !== 0) {
      total.add(Math.abs(diff) * dx);
      S += diff > 0 ? dx : -dx;
    }
    prev = next;
    while (i < n && xs[i] === next) {
      sx[i] = S;
      i++;
      Fx = X.cum === null ? i / n : (X.cum[i - 1] as number);
    }
    while (j < m && ysSorted[j] === next) {
      sy[j] = S;
      j++;
      Fy = Y.cum === null ? j / m : (Y.cum[j - 1] as number);
    }
  }
  return { distance: total.value, xs, ys: ysSorted, sx, sy };
}

/**
 * W1 between two samples (or weighted point sets) on the line; unequal sizes are fine.
 * Equals scipy.stats.wasserstein_distance(x, y, xWeights, yWeights) (with `normalize: true` for
 * weights that do not sum to 1, which scipy rescales).
 *
 * The arguments are the *points* (values), scipy's convention: `w1([0, 1], [0, 1], { xWeights: [3, 1],
 * yWeights: [2, 2], normalize: true })` = 0.25. The exact module's `theory.w1(p, q, x)` takes the
 * other view, masses p and q on common support points x.
 */
export function w1(x: ArrayLike<number>, y: ArrayLike<number>, options: W1FloatOptions = {}): number {
  options = checkOptions('w1', options);
  return w1Sweep(x, y, options).distance;
}

/**
 * W1 between the empirical distribution of a sample and a known distribution F:
 * W1 = ∫|F_n − F| = G(x₍₁₎) + Σᵢ ∫_{x₍ᵢ₎}^{x₍ᵢ₊₁₎} |i/n − F| + (μ − x₍ₙ₎ + G(x₍ₙ₎)),
 * with G(t) = ∫_{−∞}^t F; each middle piece splits at the quantile F⁻¹(i/n) where the sign changes.
 * Also returns S(x₍ᵢ₎) = ∫ sign(F_n − F) up to each point (the influence function, for the stderr).
 */
export function w1ToDistribution(
  sample: ArrayLike<number>,
  dist: Dist1D,
  fn = 'w1ToDistribution',
): {
  /** W1 between the sample's empirical distribution and `dist`, ≥ 0. */
  distance: number;
  /** The sample, sorted. */
  xs: Float64Array;
  /** S(x₍ᵢ₎) = ∫ sign(F_n − F) from x₍₁₎ to x₍ᵢ₎, one value per point of `xs`. */
  s: Float64Array;
} {
  fn = String(fn);
  checkFinite(fn, 'sample', sample, 1);
  if (dist === null || typeof dist !== 'object' || dist.dim !== 1 || typeof dist.cdfIntegral !== 'function')
    throw new NumericError(fn, 'dist', `must be a 1-D distribution (normal, mixture, parseDistribution); got ${showValue(dist)}`);
  const xs = Float64Array.from(sample);
  xs.sort();
  const n = xs.length;
  const s = new Float64Array(n);
  const first = xs[0] as number;
  const last = xs[n - 1] as number;
  const total = new CompensatedSum();
  total.add(dist.cdfIntegral(first)); // ∫_{−∞}^{x₍₁₎} F: here F_n = 0 < F
  let S = 0;
  s[0] = 0;
  let i = 0;
  while (i < n) {
    // step over ties: F_n jumps to k/n after the last copy of xs[i]
    let k = i + 1;
    while (k < n && xs[k] === xs[i]) k++;
    for (let t = i; t < k; t++) s[t] = S;
    if (k === n) break;
    const a = xs[i] as number;
    const b = xs[k] as number;
    const c = k / n;
    const Ga = dist.cdfIntegral(a);
    const Gb = dist.cdfIntegral(b);
    const cross = dist.quantile(c);
    if (cross > a && cross < b) {
      const Gc = dist.cdfIntegral(cross);
      // F < c on (a, cross), F > c on (cross, b)
      total.add(c * (cross - a) - (Gc - Ga) + (Gb - Gc) - c * (b - cross));
      S += cross - a - (b - cross);
    } else {
      const piece = c * (b - a) - (Gb - Ga); // ∫ (c − F)
      total.add(Math.abs(piece));
      S += piece >= 0 ? b - a : a - b;
    }
    i = k;
  }
  total.add(dist.mean - last + dist.cdfIntegral(last)); // ∫_{x₍ₙ₎}^∞ (1 − F)
  return { distance: Math.max(total.value, 0), xs, s };
}

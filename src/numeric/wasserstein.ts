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
 * The radix sort's scratch (keys and their copy), reused from sort to sort up to RADIX_KEPT values (allocating them
 * per sort costs as much as sorting the trainer's samples); a larger sort allocates its own, which is not kept.
 */
const RADIX_KEPT = 65536;
let radixKeys = new Int32Array(0);
let radixTmp = new Int32Array(0);
/** The three digits' counts, 2048 each, then their starts. */
const radixCount = new Int32Array(3 * 2048);

/**
 * Sorts a sample into a new Float64Array: a float32 sample by a radix sort of its bits (three passes of
 * 11 bits, the three digits counted in one read, a pass skipped where every key has the same digit; the order
 * TypedArray sort gives, −0 before +0), several times faster than a comparison sort.
 */
function sortedSample(sample: ArrayLike<number>): Float64Array {
  const n = sample.length;
  if (!(sample instanceof Float32Array) || n < 64) return Float64Array.from(sample).sort();
  if (radixKeys.length < n && n <= RADIX_KEPT) {
    radixKeys = new Int32Array(n);
    radixTmp = new Int32Array(n);
  }
  let keys = n <= RADIX_KEPT ? radixKeys : new Int32Array(n);
  let tmp = n <= RADIX_KEPT ? radixTmp : new Int32Array(n);
  const count = radixCount;
  count.fill(0);
  // keys that order, as unsigned integers, as the floats do: a negative float's bits all flipped, the others' sign bit
  const bits = new Int32Array(sample.buffer, sample.byteOffset, n);
  for (let i = 0; i < n; i++) {
    const b = bits[i] as number;
    const k = b ^ ((b >> 31) | 0x8000_0000);
    keys[i] = k;
    const d0 = k & 2047;
    const d1 = 2048 + ((k >>> 11) & 2047);
    const d2 = 4096 + (k >>> 22);
    count[d0] = (count[d0] as number) + 1;
    count[d1] = (count[d1] as number) + 1;
    count[d2] = (count[d2] as number) + 1;
  }
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * 2048;
    const shift = pass * 11;
    // every key with the same digit: this pass would not move any
    if (count[base + ((((keys[0] as number) >>> shift) & 2047) as number)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 2048; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      const d = base + ((k >>> shift) & 2047);
      const at = count[d] as number;
      count[d] = at + 1;
      tmp[at] = k;
    }
    const t = keys;
    keys = tmp;
    tmp = t;
  }
  // the keys back into float32 bits, read as float32 into the float64 result
  const floats = new Float32Array(keys.buffer, 0, n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    keys[i] = k ^ ((~k >> 31) | 0x8000_0000);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = floats[i] as number;
  return out;
}

/** The quantile tables of a distribution for samples of n points (see {@link quantileTable}), kept per distribution. */
const TABLES = new WeakMap<Dist1D, Map<number, { q: Float64Array; pm: Float64Array }>>();

/**
 * For samples of n points from F: q[i] = F⁻¹(i/n) and PM[i] = ∫₀^{i/n} F⁻¹(u) du = (i/n)·q[i] − G(q[i])
 * (integration by parts; G(t) = ∫_{−∞}^t F), for i = 0 … n, with q[0] = −∞, q[n] = +∞, PM[0] = 0 and
 * PM[n] = the mean. Computed once per (F, n) for n ≤ 2¹⁶ (a trainer measures many samples of one size).
 */
export function quantileTable(dist: Dist1D, n: number): { q: Float64Array; pm: Float64Array } {
  const kept = TABLES.get(dist)?.get(n);
  if (kept !== undefined) return kept;
  const q = new Float64Array(n + 1);
  const pm = new Float64Array(n + 1);
  q[0] = -Infinity;
  q[n] = Infinity;
  pm[n] = dist.mean;
  for (let i = 1; i < n; i++) {
    const qi = dist.quantile(i / n);
    q[i] = qi;
    pm[i] = (i / n) * qi - dist.cdfIntegral(qi);
  }
  const table = { q, pm };
  if (n <= 65536) {
    const byN = TABLES.get(dist) ?? new Map<number, { q: Float64Array; pm: Float64Array }>();
    if (byN.size >= 8) byN.clear();
    byN.set(n, table);
    TABLES.set(dist, byN);
  }
  return table;
}

/**
 * W1 between the empirical distribution of a sample and a known distribution F, as the coupling of
 * quantiles: W1 = ∫|F_n − F| dx = ∫₀¹ |F_n⁻¹(u) − F⁻¹(u)| du = Σᵢ ∫_{i/n}^{(i+1)/n} |x₍ᵢ₎ − F⁻¹(u)| du.
 * Each term is x₍ᵢ₎/n − (PM[i+1] − PM[i]) or its negative when x₍ᵢ₎ lies outside [q[i], q[i+1]] (the
 * common case: tables computed once per F and n, see quantileTable), and otherwise splits at
 * u = F(x₍ᵢ₎), where ∫₀^u F⁻¹ = u·x₍ᵢ₎ − G(x₍ᵢ₎). A float32 sample is sorted by a radix sort.
 * Also returns S(x₍ᵢ₎) = ∫ sign(F_n − F) up to each point (the influence function, for the stderr):
 * between x₍ᵢ₎ and the next point F_n = k/n, and F − k/n changes sign at q[k].
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
  checkDist1D(fn, dist);
  const xs = sortedSample(sample);
  const n = xs.length;
  // F's tables once for the distance and the influence function (numeric keeps them only for n ≤ 2¹⁶)
  const table = quantileTable(dist, n);
  const { q } = table;
  const distance = coupledDistance(xs, dist, null, table);
  const s = new Float64Array(n);
  let S = 0;
  let i = 0;
  while (i < n) {
    // step over ties: F_n jumps to k/n after the last copy of xs[i]
    let k = i + 1;
    while (k < n && xs[k] === xs[i]) k++;
    for (let t = i; t < k; t++) s[t] = S;
    if (k === n) break;
    const a = xs[i] as number;
    const b = xs[k] as number;
    const cross = q[k] as number;
    if (cross > a && cross < b) S += cross - a - (b - cross);
    else S += cross >= b ? b - a : a - b;
    i = k;
  }
  return { distance, xs, s };
}

/**
 * The term of x₍ᵢ₎ lying inside [F⁻¹(i/n), F⁻¹((i+1)/n)] (a = PM[i], b = PM[i+1]): F⁻¹ < x on (i/n, u), > x on
 * (u, (i+1)/n), u = F(x). A function of its own, so that the common case's loop stays small.
 */
function splitTerm(dist: Dist1D, x: number, i: number, n: number, a: number, b: number): number {
  const u = dist.cdf(x);
  const pmx = u * x - dist.cdfIntegral(x);
  return x * (u - i / n) - (pmx - a) + (b - pmx) - x * ((i + 1) / n - u);
}

/** The term of x₍ᵢ₎ (see {@link coupledDistance}): lo, hi = q[i], q[i + 1]; a, b = PM[i], PM[i + 1]. */
export function coupledTerm(dist: Dist1D, x: number, i: number, n: number, lo: number, hi: number, a: number, b: number): number {
  if (x <= lo) return b - a - x / n;
  if (x >= hi) return x / n - (b - a);
  // (+: a number for the compiler, which sees this branch rarely)
  return +splitTerm(dist, x, i, n, a, b);
}

/**
 * W1 between a sorted sample xs and F by the coupling of quantiles (see {@link w1ToDistribution}), ≥ 0: the terms in
 * order, summed as CompensatedSum sums them (Neumaier; every term is finite here, so its infinity and overflow cases
 * do not arise), inline. The sample is xs[from … from + n) (all of xs by default); checkAs: the caller's name, for a
 * sample whose finiteness and order are checked here, in the same read, a bad value named by its index in xs.
 */
function coupledDistance(
  xs: ArrayLike<number>,
  dist: Dist1D,
  checkAs: string | null = null,
  table = quantileTable(dist, xs.length),
  from = 0,
  n = xs.length - from,
): number {
  const { q, pm } = table;
  let sum = 0;
  let comp = 0;
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs[from + i] as number;
    if (checkAs !== null) {
      if (!(x >= prev && x - x === 0)) badSorted(checkAs, xs, from + i);
      prev = x;
    }
    const term = coupledTerm(dist, x, i, n, q[i] as number, q[i + 1] as number, pm[i] as number, pm[i + 1] as number);
    const t = sum + term;
    if (Math.abs(sum) >= Math.abs(term)) comp += sum - t + term;
    else comp += term - t + sum;
    sum = t;
  }
  return Math.max(sum + comp, 0);
}

/**
 * {@link coupledDistance} of four sorted samples of n values at o, o + n, o + 2n, o + 3n of xs, checked as they are
 * read (a bad value named by its index in xs), into out[at … at + 3]: the same operations for each, in its own order;
 * four independent sums in one loop keep the adder busy.
 */
function coupledDistances4(
  xs: Float32Array | Float64Array,
  o: number,
  n: number,
  dist: Dist1D,
  fn: string,
  out: Float64Array,
  at: number,
  table: { q: Float64Array; pm: Float64Array },
): void {
  const { q, pm } = table;
  const o1 = o + n;
  const o2 = o1 + n;
  const o3 = o2 + n;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let p0 = -Infinity;
  let p1 = -Infinity;
  let p2 = -Infinity;
  let p3 = -Infinity;
  for (let i = 0; i < n; i++) {
    const lo = q[i] as number;
    const hi = q[i + 1] as number;
    const a = pm[i] as number;
    const b = pm[i + 1] as number;
    const x0 = xs[o + i] as number;
    const x1 = xs[o1 + i] as number;
    const x2 = xs[o2 + i] as number;
    const x3 = xs[o3 + i] as number;
    if (!(x0 >= p0 && x0 - x0 === 0)) badSorted(fn, xs, o + i);
    if (!(x1 >= p1 && x1 - x1 === 0)) badSorted(fn, xs, o1 + i);
    if (!(x2 >= p2 && x2 - x2 === 0)) badSorted(fn, xs, o2 + i);
    if (!(x3 >= p3 && x3 - x3 === 0)) badSorted(fn, xs, o3 + i);
    p0 = x0;
    p1 = x1;
    p2 = x2;
    p3 = x3;
    const e0 = coupledTerm(dist, x0, i, n, lo, hi, a, b);
    const e1 = coupledTerm(dist, x1, i, n, lo, hi, a, b);
    const e2 = coupledTerm(dist, x2, i, n, lo, hi, a, b);
    const e3 = coupledTerm(dist, x3, i, n, lo, hi, a, b);
    // the Neumaier steps of coupledDistance, one per sample
    const t0 = s0 + e0;
    const t1 = s1 + e1;
    const t2 = s2 + e2;
    const t3 = s3 + e3;
    c0 += Math.abs(s0) >= Math.abs(e0) ? s0 - t0 + e0 : e0 - t0 + s0;
    c1 += Math.abs(s1) >= Math.abs(e1) ? s1 - t1 + e1 : e1 - t1 + s1;
    c2 += Math.abs(s2) >= Math.abs(e2) ? s2 - t2 + e2 : e2 - t2 + s2;
    c3 += Math.abs(s3) >= Math.abs(e3) ? s3 - t3 + e3 : e3 - t3 + s3;
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  out[at] = Math.max(s0 + c0, 0);
  out[at + 1] = Math.max(s1 + c1, 0);
  out[at + 2] = Math.max(s2 + c2, 0);
  out[at + 3] = Math.max(s3 + c3, 0);
}

/**
 * The distance alone of {@link w1ToDistribution} for a sample already sorted in ascending order (what a trainer's log
 * needs, its samples sorted in bulk: no influence function, nothing per point kept): the same value, bit for bit.
 * @throws {@link NumericError} for a non-finite or out-of-order value, naming it.
 */
export function w1DistanceSorted(sorted: ArrayLike<number>, dist: Dist1D, fn = 'w1DistanceSorted'): number {
  fn = String(fn);
  // a typed array holds numbers only: finiteness and order in one read; anything else checked value by value first
  if (!(sorted instanceof Float32Array || sorted instanceof Float64Array)) checkFinite(fn, 'sorted', sorted, 1);
  else if (sorted.length === 0) throw new NumericError(fn, 'sorted', 'must hold at least 1 value; got 0');
  checkDist1D(fn, dist);
  // a typed array's values are checked as they are read (the function has no effect before it returns)
  return coupledDistance(sorted, dist, fn);
}

/**
 * {@link w1DistanceSorted} of each of `count` samples of `n` values laid end to end in `sorted` (sample k at
 * [k·n, (k + 1)·n), each in ascending order): the same values, bit for bit, four samples at a time (a trainer's
 * population: every member's evaluation sample at a log step). Into `into` (its first `count` values) when given.
 * @throws {@link NumericError} for a count or n that is not a positive integer, a length other than count·n, or a
 * non-finite or out-of-order value (named by its index in `sorted`).
 * @example
 * ```ts
 * import { parseDistribution, w1DistancesSorted } from 'gan-verify/numeric';
 * const F = parseDistribution('normal:0,1');
 * // two samples of four values, each sorted, end to end
 * w1DistancesSorted(Float64Array.of(-1, 0, 0.5, 2, -0.2, -0.1, 0.1, 0.2), 2, 4, F);
 * // Float64Array [0.4330991704752165, 0.6558567640159935] (the first = w1DistanceSorted of [-1, 0, 0.5, 2])
 * ```
 */
export function w1DistancesSorted(
  sorted: Float32Array | Float64Array,
  count: number,
  n: number,
  dist: Dist1D,
  into?: Float64Array,
  fn = 'w1DistancesSorted',
): Float64Array {
  fn = String(fn);
  if (!(sorted instanceof Float32Array || sorted instanceof Float64Array))
    throw new NumericError(fn, 'sorted', `must be a Float32Array or Float64Array; got ${showValue(sorted)}`);
  for (const [name, v] of [
    ['count', count],
    ['n', n],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new NumericError(fn, name, `must be a positive integer; got ${showValue(v)}`);
  }
  if (sorted.length !== count * n) throw new NumericError(fn, 'sorted', `must hold count·n = ${count * n} values; got ${sorted.length}`);
  if (into !== undefined && !(into instanceof Float64Array && into.length >= count))
    throw new NumericError(fn, 'into', `must be a Float64Array of at least ${count} values; got ${showValue(into)}`);
  checkDist1D(fn, dist);
  const out = into ?? new Float64Array(count);
  // F's tables once for every sample (numeric keeps them only for n ≤ 2¹⁶)
  const table = quantileTable(dist, n);
  let k = 0;
  for (; k + 4 <= count; k += 4) coupledDistances4(sorted, k * n, n, dist, fn, out, k, table);
  // the rest one at a time, a bad value named by its index in `sorted`
  for (; k < count; k++) out[k] = coupledDistance(sorted, dist, fn, table, k * n, n);
  return out;
}

/** Throws for sorted[i], not finite or below the value before it. */
function badSorted(fn: string, sorted: ArrayLike<number>, i: number): never {
  const x = sorted[i] as number;
  if (x - x !== 0) throw new NumericError(fn, `sorted[${i}]`, `must be a finite number; got ${showValue(x)}`);
  throw new NumericError(fn, `sorted[${i}]`, `must not be below the value before it (${showValue(sorted[i - 1])}); got ${showValue(x)}`);
}

function checkDist1D(fn: string, dist: Dist1D): void {
  if (dist === null || typeof dist !== 'object' || dist.dim !== 1 || typeof dist.cdfIntegral !== 'function')
    throw new NumericError(fn, 'dist', `must be a 1-D distribution (normal, mixture, parseDistribution); got ${showValue(dist)}`);
}

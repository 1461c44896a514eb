import { readRegularFile } from './read-file.js';
import { csvParseRows } from 'd3-dsv';
import { NumericError, showValue } from './errors.js';
import type { Rng } from './rng.js';
import { normalCdf, normalLogPdf, normalQuantile } from './special.js';

/**
 * A 1-D distribution with everything the estimators need. For a `discrete` one, `logPdf` is the log
 * probability mass at a support point (−∞ elsewhere), a density with respect to counting measure.
 */
export interface Dist1D {
  readonly dim: 1;
  readonly spec: string;
  readonly discrete: boolean;
  sample(rng: Rng, n: number): Float64Array;
  logPdf(x: number): number;
  cdf(x: number): number;
  quantile(u: number): number;
  /** G(x) = ∫_{−∞}^x F(t) dt = E[(x − X)⁺]; W1 against a sample integrates |F_n − F| with it. */
  cdfIntegral(x: number): number;
  readonly mean: number;
  /** N(μ, σ²)'s parameters, on the distributions `normal` makes (whose `sample` is μ + σ·rng.normal()). */
  readonly gaussian?: { readonly mu: number; readonly sigma: number };
}

/** An isotropic 2-D Gaussian mixture with equal weights (ring8, grid25). */
export interface Dist2D {
  readonly dim: 2;
  readonly spec: string;
  readonly discrete: false;
  /** Mode centres, interleaved x₀, y₀, x₁, y₁, … */
  readonly modes: Float64Array;
  readonly sigma: number;
  /** n points, interleaved x₀, y₀, x₁, y₁, … */
  sample(rng: Rng, n: number): Float64Array;
  logPdf(x: number, y: number): number;
}

/** Samples read from a file: no density is known. */
export interface SampleSet {
  readonly dim: 1 | 2;
  readonly spec: string;
  readonly kind: 'samples';
  /** 1-D: the values; 2-D: interleaved pairs. */
  readonly data: Float64Array;
}

export type Distribution = Dist1D | Dist2D;

function logSumExp(xs: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if ((xs[i] as number) > m) m = xs[i] as number;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp((xs[i] as number) - m);
  return m + Math.log(s);
}

function checkCount(fn: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new NumericError(fn, 'n', `must be a nonnegative integer; got ${showValue(n)}`);
}

/** φ-based pieces of N(μ, σ²): G(x) = σ·(zΦ(z) + φ(z)), z = (x − μ)/σ. */
function normalCdfIntegral(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  if (z > 40) return x - mu; // Φ = 1 and φ = 0 to double precision
  return sigma * (z * normalCdf(z) + Math.exp(normalLogPdf(z)));
}

/** N(μ, σ²). */
export function normal(mu: number, sigma: number): Dist1D {
  const fn = 'normal';
  if (!Number.isFinite(mu)) throw new NumericError(fn, 'mu', `must be finite; got ${showValue(mu)}`);
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new NumericError(fn, 'sigma', `must be finite and > 0; got ${showValue(sigma)}`);
  return {
    dim: 1,
    spec: `normal:${mu},${sigma}`,
    discrete: false,
    mean: mu,
    gaussian: { mu, sigma },
    sample(rng, n) {
      checkCount('normal.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = mu + sigma * rng.normal();
      return out;
    },
    logPdf: (x) => normalLogPdf(x, mu, sigma),
    cdf: (x) => normalCdf((x - mu) / sigma),
    quantile: (u) => mu + sigma * normalQuantile(u),
    cdfIntegral: (x) => normalCdfIntegral(x, mu, sigma),
  };
}

/** Uniform on [a, b]. */
export function uniform(a: number, b: number): Dist1D {
  const fn = 'uniform';
  if (!Number.isFinite(a)) throw new NumericError(fn, 'a', `must be finite; got ${showValue(a)}`);
  if (!(Number.isFinite(b) && b > a)) throw new NumericError(fn, 'b', `must be finite and > a = ${a}; got ${showValue(b)}`);
  const w = b - a;
  return {
    dim: 1,
    spec: `uniform:${a},${b}`,
    discrete: false,
    mean: (a + b) / 2,
    sample(rng, n) {
      checkCount('uniform.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = a + w * rng.uniform();
      return out;
    },
    logPdf: (x) => (x >= a && x <= b ? -Math.log(w) : -Infinity),
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : (x - a) / w),
    quantile: (u) => a + w * u,
    cdfIntegral: (x) => (x <= a ? 0 : x >= b ? x - (a + b) / 2 : ((x - a) * (x - a)) / (2 * w)),
  };
}

function checkWeights(fn: string, weights: readonly number[]): Float64Array {
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

/** Bisection for the smallest x with F(x) ≥ u on a bracket [lo, hi] with F(lo) < u ≤ F(hi). */
function invert(F: (x: number) => number, u: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (F(mid) >= u) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A finite mixture of normals Σ wᵢ N(μᵢ, σᵢ²) (weights summing to 1). */
export function mixture(components: readonly { weight: number; mu: number; sigma: number }[]): Dist1D {
  const fn = 'mixture';
  if (!Array.isArray(components)) throw new NumericError(fn, 'components', `must be an array of { weight, mu, sigma }; got ${showValue(components)}`);
  components.forEach((c, i) => {
    if (c === null || typeof c !== 'object') throw new NumericError(fn, `components[${i}]`, `must be { weight, mu, sigma }; got ${showValue(c)}`);
  });
  if (components.length === 0) throw new NumericError(fn, 'components', 'must not be empty; got []');
  const parts = components.map((c) => normal(c.mu, c.sigma));
  const w = components.map((c) => c.weight);
  const cum = checkWeights(fn, w);
  const logW = w.map((x) => Math.log(x));
  const scratch = new Float64Array(parts.length);
  const cdf = (x: number) => parts.reduce((s, p, i) => s + (w[i] as number) * p.cdf(x), 0);
  const lo = Math.min(...components.map((c) => c.mu - 40 * c.sigma));
  const hi = Math.max(...components.map((c) => c.mu + 40 * c.sigma));
  return {
    dim: 1,
    spec: `mixture:${components.map((c) => `${c.weight}:${c.mu}:${c.sigma}`).join(',')}`,
    discrete: false,
    mean: components.reduce((s, c) => s + c.weight * c.mu, 0),
    sample(rng, n) {
      checkCount('mixture.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const c = components[rng.categorical(cum)] as { mu: number; sigma: number };
        out[i] = c.mu + c.sigma * rng.normal();
      }
      return out;
    },
    logPdf(x) {
      parts.forEach((p, i) => (scratch[i] = (logW[i] as number) + p.logPdf(x)));
      return logSumExp(scratch);
    },
    cdf,
    quantile: (u) => (u <= 0 ? -Infinity : u >= 1 ? Infinity : invert(cdf, u, lo, hi)),
    cdfIntegral: (x) => parts.reduce((s, p, i) => s + (w[i] as number) * p.cdfIntegral(x), 0),
  };
}

/** A discrete distribution: mass wᵢ at the point xᵢ (points distinct). */
export function categorical(points: readonly number[], weights: readonly number[]): Dist1D {
  const fn = 'categorical';
  if (!Array.isArray(points) && !ArrayBuffer.isView(points)) throw new NumericError(fn, 'points', `must be an array of numbers; got ${showValue(points)}`);
  if (!Array.isArray(weights) && !ArrayBuffer.isView(weights)) throw new NumericError(fn, 'weights', `must be an array of numbers; got ${showValue(weights)}`);
  Array.from(points as ArrayLike<unknown>).forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(fn, `points[${i}]`, `must be a finite number; got ${showValue(x)}`);
  });
  if (points.length !== weights.length) {
    throw new NumericError(fn, 'weights', `must have one weight per point (${points.length}); got ${weights.length}`);
  }
  const order = points.map((_, i) => i).sort((i, j) => (points[i] as number) - (points[j] as number));
  const xs = Float64Array.from(order, (i) => points[i] as number);
  const ws = order.map((i) => weights[i] as number);
  xs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new NumericError(fn, `points[${order[i]}]`, `must be finite; got ${showValue(x)}`);
    if (i > 0 && x === xs[i - 1]) throw new NumericError(fn, 'points', `must be distinct; ${x} appears twice`);
  });
  const cum = checkWeights(fn, ws);
  const mass = new Map<number, number>();
  xs.forEach((x, i) => mass.set(x, ws[i] as number));
  const upper = (x: number) => {
    // number of support points ≤ x
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    dim: 1,
    spec: `categorical:${[...xs].map((x, i) => `${x}:${ws[i]}`).join(',')}`,
    discrete: true,
    mean: ws.reduce((s, wi, i) => s + wi * (xs[i] as number), 0),
    sample(rng, n) {
      checkCount('categorical.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = xs[rng.categorical(cum)] as number;
      return out;
    },
    logPdf: (x) => {
      const m = mass.get(x);
      return m === undefined ? -Infinity : Math.log(m);
    },
    cdf: (x) => {
      const k = upper(x);
      return k === 0 ? 0 : Math.min(1, cum[k - 1] as number);
    },
    quantile: (u) => {
      if (u <= 0) return -Infinity;
      for (let i = 0; i < cum.length; i++) if ((cum[i] as number) >= u) return xs[i] as number;
      return xs[xs.length - 1] as number;
    },
    cdfIntegral: (x) => {
      let s = 0;
      for (let i = 0; i < xs.length && (xs[i] as number) < x; i++) s += (ws[i] as number) * (x - (xs[i] as number));
      return s;
    },
  };
}

/** Equal-weight isotropic Gaussian mixture in the plane. */
export function gaussianMixture2D(spec: string, modes: Float64Array, sigma: number): Dist2D {
  const fn = 'gaussianMixture2D';
  if (typeof spec !== 'string') throw new NumericError(fn, 'spec', `must be a string naming the distribution; got ${showValue(spec)}`);
  if (!(modes instanceof Float64Array) || modes.length === 0 || modes.length % 2 !== 0 || !modes.every(Number.isFinite))
    throw new NumericError(fn, 'modes', `must be a Float64Array of finite x, y pairs; got ${showValue(modes)}`);
  if (typeof sigma !== 'number' || !(sigma > 0 && sigma < Infinity))
    throw new NumericError(fn, 'sigma', `must be a finite number > 0; got ${showValue(sigma)}`);
  const k = modes.length / 2;
  const logK = Math.log(k);
  const scratch = new Float64Array(k);
  return {
    dim: 2,
    spec,
    discrete: false,
    modes,
    sigma,
    sample(rng, n) {
      checkCount(`${spec}.sample`, n);
      const out = new Float64Array(2 * n);
      const cum = Float64Array.from({ length: k }, (_, i) => i + 1);
      for (let i = 0; i < n; i++) {
        const j = rng.categorical(cum);
        out[2 * i] = (modes[2 * j] as number) + sigma * rng.normal();
        out[2 * i + 1] = (modes[2 * j + 1] as number) + sigma * rng.normal();
      }
      return out;
    },
    logPdf(x, y) {
      for (let j = 0; j < k; j++) {
        const dx = (x - (modes[2 * j] as number)) / sigma;
        const dy = (y - (modes[2 * j + 1] as number)) / sigma;
        scratch[j] = -0.5 * (dx * dx + dy * dy);
      }
      return logSumExp(scratch) - logK - 2 * Math.log(sigma) - Math.log(2 * Math.PI);
    },
  };
}

/** A length of a 2-D mixture (radius, spacing, σ): a number in (0, 1e6]. */
const isScale = (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= 1e6;

function checkScale(fn: string, arg: string, v: unknown): void {
  if (!isScale(v)) throw new NumericError(fn, arg, `must be a number in (0, 1e6]; got ${showValue(v)}`);
}

/**
 * The ring of 8 Gaussians: means at angles 2πk/8 on the circle of radius `radius`, standard deviation
 * `sigma` (8 modes). `ring8` is the unit circle with σ = 0.01; `ring8:2,0.02` is the ring of Metz et
 * al. 2017 (unrolled GANs, App. A) and Srivastava et al. 2017 (VEEGAN, §5.1).
 */
export function ring8(radius = 1, sigma = 0.01): Dist2D {
  checkScale('ring8', 'radius', radius);
  checkScale('ring8', 'sigma', sigma);
  const modes = new Float64Array(16);
  for (let j = 0; j < 8; j++) {
    modes[2 * j] = radius * Math.cos((2 * Math.PI * j) / 8);
    modes[2 * j + 1] = radius * Math.sin((2 * Math.PI * j) / 8);
  }
  return gaussianMixture2D(radius === 1 && sigma === 0.01 ? 'ring8' : `ring8:${radius},${sigma}`, modes, sigma);
}

/** The 5×5 grid: means in {−2s, −s, 0, s, 2s}² for the spacing s (default 2), standard deviation `sigma` (default 0.05; 25 modes). */
export function grid25(spacing = 2, sigma = 0.05): Dist2D {
  checkScale('grid25', 'spacing', spacing);
  checkScale('grid25', 'sigma', sigma);
  const modes = new Float64Array(50);
  let j = 0;
  for (const x of [-2, -1, 0, 1, 2]) {
    for (const y of [-2, -1, 0, 1, 2]) {
      modes[j++] = x * spacing;
      modes[j++] = y * spacing;
    }
  }
  return gaussianMixture2D(spacing === 2 && sigma === 0.05 ? 'grid25' : `grid25:${spacing},${sigma}`, modes, sigma);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function num(fn: string, arg: string, s: string | undefined, spec: string): number {
  if (s === undefined || !NUMBER.test(s.trim())) {
    throw new NumericError(fn, arg, `is not a valid distribution: expected a finite number at ${showValue(s ?? '')} in ${showValue(spec)}`);
  }
  return Number(s);
}

/**
 * Reads a distribution spec: `normal:MU,SIGMA`, `uniform:A,B`, `mixture:W:MU:SIGMA,…`,
 * `categorical:X:W,…`, `ring8`, `grid25`, or the path of a file of samples (one number, or one
 * `x,y` pair, per line; `#` comments and blank lines skipped). `arg` names the option in errors.
 */
export function parseDistribution(spec: string, fn = 'parseDistribution', arg = 'spec'): Distribution | SampleSet {
  if (typeof spec !== 'string') throw new NumericError(String(fn), String(arg), `must be a distribution spec such as normal:0,1; got ${showValue(spec)}`);
  const s = spec.trim();
  const colon = s.indexOf(':');
  const head = colon < 0 ? s : s.slice(0, colon);
  const body = colon < 0 ? '' : s.slice(colon + 1);
  const bad = (detail: string) => new NumericError(fn, arg, `${detail}; got ${showValue(spec)}`);
  switch (head) {
    case 'ring8':
    case 'grid25': {
      if (colon < 0) return head === 'ring8' ? ring8() : grid25();
      const parts = body.split(',');
      const form = head === 'ring8' ? 'ring8:RADIUS,SIGMA' : 'grid25:SPACING,SIGMA';
      if (parts.length !== 2) throw bad(`${head} takes no parameters or two (${form})`);
      const a = num(fn, arg, parts[0], spec);
      const sd = num(fn, arg, parts[1], spec);
      if (!isScale(a) || !isScale(sd)) throw bad(`${form} needs 0 < ${head === 'ring8' ? 'RADIUS' : 'SPACING'} ≤ 1e6 and 0 < SIGMA ≤ 1e6`);
      return head === 'ring8' ? ring8(a, sd) : grid25(a, sd);
    }
    case 'normal':
    case 'uniform': {
      const parts = body.split(',');
      if (parts.length !== 2) throw bad(`${head} needs two numbers (${head === 'normal' ? 'normal:MU,SIGMA' : 'uniform:A,B'})`);
      const [a, b] = parts.map((p) => num(fn, arg, p, spec)) as [number, number];
      try {
        return head === 'normal' ? normal(a, b) : uniform(a, b);
      } catch (e) {
        if (e instanceof NumericError) throw bad(`is not a valid distribution (${e.message.replace(/^[^:]+: /, '')})`);
        throw e;
      }
    }
    case 'mixture':
    case 'categorical': {
      const items = body.split(',');
      const want = head === 'mixture' ? 3 : 2;
      const rows = items.map((it) => it.split(':'));
      if (body === '' || rows.some((r) => r.length !== want)) {
        throw bad(head === 'mixture' ? 'mixture needs W:MU:SIGMA items separated by commas' : 'categorical needs X:W items separated by commas');
      }
      const vals = rows.map((r) => r.map((v) => num(fn, arg, v, spec)));
      try {
        return head === 'mixture'
          ? mixture(vals.map(([weight, mu, sigma]) => ({ weight: weight as number, mu: mu as number, sigma: sigma as number })))
          : categorical(
              vals.map((v) => v[0] as number),
              vals.map((v) => v[1] as number),
            );
      } catch (e) {
        if (e instanceof NumericError) throw bad(`is not a valid distribution (${e.message.replace(/^[^:]+: /, '')})`);
        throw e;
      }
    }
    default:
      return readSampleFile(s, fn, arg);
  }
}

/**
 * Reads a file of samples: one number or one `x,y` pair per line, as CSV (read by d3-dsv, so quoted
 * fields work) or separated by spaces; an optional header line (`x` or `x,y`, any names) and `#`
 * comments are skipped.
 */
export function readSampleFile(path: string, fn = 'readSampleFile', arg = 'path'): SampleSet {
  fn = String(fn);
  arg = String(arg);
  // a number would be read as a file descriptor (0 is stdin): only a path string is a file here
  if (typeof path !== 'string' || path === '') throw new NumericError(fn, arg, `must be the path of a sample file; got ${showValue(path)}`);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '' : ` (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    throw new NumericError(
      fn,
      arg,
      'is neither a distribution (normal:MU,SIGMA, uniform:A,B, mixture:W:MU:SIGMA,…, categorical:X:W,…, ring8[:R,SIGMA], grid25[:S,SIGMA]) ' +
        `nor a readable sample file${why}; got ` +
        `${showValue(path)}`,
    );
  }
  // one pass over the lines, no object per line: a file of 10⁶ samples is read in a fraction of a second
  const values: number[] = [];
  let dim: 1 | 2 | undefined;
  let first = true;
  let start = 0;
  for (let i = 0; start <= text.length; i++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    const hash = line.indexOf('#');
    if (hash !== -1) line = line.slice(0, hash);
    line = line.trim();
    if (line === '') continue;
    const cells = /[,"]/.test(line) ? (csvParseRows(line)[0] ?? []).map((c) => c.trim()) : /\s/.test(line) ? line.split(/\s+/) : [line];
    // a header: a first row none of whose cells is a number
    if (first) {
      first = false;
      if (cells.every((c) => !NUMBER.test(c)) && cells.length <= 2) continue;
    }
    const d = cells.length;
    if (d !== 1 && d !== 2)
      throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} must hold one number or an x,y pair; got ${showValue(line)}`);
    if (dim === undefined) dim = d;
    else if (d !== dim)
      throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} has ${d} values where earlier lines have ${dim}; got ${showValue(line)}`);
    for (const c of cells) {
      if (!NUMBER.test(c))
        throw new NumericError(fn, arg, `file ${showValue(path)} line ${i + 1} holds a value that is not a finite number; got ${showValue(c)}`);
      values.push(Number(c));
    }
  }
  if (dim === undefined) throw new NumericError(fn, arg, `file ${showValue(path)} holds no samples`);
  return { dim, spec: path, kind: 'samples', data: Float64Array.from(values) };
}

/** A source for the estimators: a distribution (with `sample`) or a sample set, of dimension 1 or 2. */
export function checkSource(fn: string, arg: string, v: unknown): void {
  const o = v as { dim?: unknown; kind?: unknown; sample?: unknown; data?: unknown };
  const ok =
    v !== null && typeof v === 'object' && (o.dim === 1 || o.dim === 2) && (o.kind === 'samples' ? ArrayBuffer.isView(o.data) : typeof o.sample === 'function');
  if (!ok) throw new NumericError(fn, arg, `must be a distribution (parseDistribution, normal, mixture, …) or a sample set; got ${showValue(v)}`);
}

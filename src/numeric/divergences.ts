import { checkOptions } from './errors.js';
import { NumericError, showValue } from './errors.js';
import { CompensatedSum } from './sum.js';

/**
 * Float64 divergences on probability vectors, written so that they are never NaN on valid input,
 * never negative, and keep their relative accuracy where the textbook formulas lose it: near-equal
 * vectors (JSD ~ 1e-40), subnormal masses, disjoint supports. Each is checked against the exact
 * `theory` module in the tests.
 */

/** Options shared by the float64 divergences. */
export interface FloatOptions {
  /**
   * Logarithm base: 'e' (nats) or 2 (bits) (the exact layer also takes 10).
   * @defaultValue 'e'
   */
  base?: 'e' | 2;
  /**
   * Rescale each vector by its sum. Without it, each must sum to 1 within {@link SUM_TOLERANCE}.
   * @defaultValue false
   */
  normalize?: boolean;
}

/** How far from 1 the float sum of a probability vector may be. */
export const SUM_TOLERANCE = 1e-9;

/** Reads a probability vector: finite, nonnegative, summing to 1 (or rescaled). */
export function toProbabilities(fn: string, arg: string, v: ArrayLike<number>, normalize = false): Float64Array {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
    throw new NumericError(fn, arg, `must be an array of probabilities; got ${showValue(v)}`);
  }
  if (v.length === 0) throw new NumericError(fn, arg, 'must not be empty; got []');
  const out = new Float64Array(v.length);
  const total = new CompensatedSum();
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(fn, `${arg}[${i}]`, `must be a finite number; got ${showValue(x)}`);
    if (x < 0) throw new NumericError(fn, `${arg}[${i}]`, `must be nonnegative; got ${showValue(x)}`);
    out[i] = x;
    total.add(x);
  }
  const s = total.value;
  if (s === 0) throw new NumericError(fn, arg, `must have positive total mass; got all zeros (${v.length} entries)`);
  if (normalize) {
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / s;
  } else if (Math.abs(s - 1) > SUM_TOLERANCE) {
    throw new NumericError(fn, arg, `must sum to 1 within ${SUM_TOLERANCE} (or pass normalize); got a sum of ${s}`);
  }
  return out;
}

function pairOf(fn: string, p: ArrayLike<number>, q: ArrayLike<number>, normalize: boolean): [Float64Array, Float64Array] {
  const P = toProbabilities(fn, 'p', p, normalize);
  const Q = toProbabilities(fn, 'q', q, normalize);
  if (P.length !== Q.length) throw new NumericError(fn, 'q', `must have as many entries as p (${P.length}); got ${Q.length}`);
  return [P, Q];
}

function scaleFor(fn: string, base: unknown): number {
  if (base === undefined || base === 'e') return 1;
  if (base === 2) return 1 / Math.LN2;
  throw new NumericError(fn, 'base', `must be 'e' or 2; got ${showValue(base)}`);
}

/** atanh(u) − u for |u| < 1, without the cancellation of the direct difference near 0. */
function atanhMinusIdentity(u: number): number {
  if (Math.abs(u) >= 0.5) return Math.atanh(u) - u;
  // Σ_{k≥1} u^(2k+1)/(2k+1): ratio u² ≤ 1/4, at most ~27 terms, usually 2–3.
  const u2 = u * u;
  let pow = u * u2;
  let sum = pow / 3;
  for (let k = 5; ; k += 2) {
    pow *= u2;
    const t = pow / k;
    if (Math.abs(t) <= 1e-17 * Math.abs(sum)) break;
    sum += t;
  }
  return sum;
}

/**
 * One point's contribution to KL(P‖Q) in the generalised form p·ln(p/q) − p + q, which sums to the
 * KL when both vectors sum to 1 and is nonnegative term by term (so the total can never be negative,
 * unlike the textbook sum, whose terms cancel to a negative total on near-equal vectors).
 * With s = p + q and u = (p − q)/s: p·ln(p/q) − p + q = s·[u·atanh u + (atanh u − u)], whose two
 * parts have the same sign for u > 0 and lose at most a factor 3 for u < 0.
 */
export function klTerm(p: number, q: number): number {
  checkTerm('klTerm', p, q);
  return klTermOf(p, q);
}

function klTermOf(p: number, q: number): number {
  if (p === 0) return q;
  if (q === 0) return Infinity;
  const s = p + q;
  const u = (p - q) / s;
  let t: number;
  if (Math.abs(u) <= 0.9) t = s * (u * Math.atanh(u) + atanhMinusIdentity(u));
  else t = p * (Math.log(p) - Math.log(q)) - p + q; // ratios beyond 19: no cancellation; logs never overflow
  return t > 0 ? t : 0;
}

// [7/7] Padé approximants, derived and error-checked by fixtures/reference/pade_coefficients.py:
// H(t) = g(√t)/t on t ∈ [0, 1/4] (max relative error 3.1e-18), K(y) = −log1p(−y)/y on y ∈ [0, 1/4]
// (1.1e-17). Two short polynomials and a division cost a third of Math.atanh + Math.log1p.
function padeH(t: number): number {
  const num =
    1.0 +
    t *
      (-3.1865670531777797 +
        t *
          (3.9633023227739512 +
            t * (-2.4262722789863824 + t * (0.756067613252171 + t * (-0.1111435876555687 + t * (0.006070175937900259 + t * -5.428524128322638e-5))))));
  const den =
    1.0 +
    t *
      (-3.3532337198444466 +
        t *
          (4.455507942748026 +
            t * (-2.981022307169043 + t * (1.0534069265122226 + t * (-0.18773708219865828 + t * (0.014403916509583718 + t * -0.0003081755400063174))))));
  return num / den;
}

function padeK(y: number): number {
  const num =
    1.0 +
    y *
      (-3.2333333333333334 +
        y *
          (4.066666666666666 +
            y * (-2.502136752136752 + y * (0.7743589743589744 + y * (-0.11006993006993007 + y * (0.005359085359085359 + y * -1.9425019425019425e-5))))));
  const den =
    1.0 +
    y *
      (-3.7333333333333334 +
        y * (5.6 + y * (-4.3076923076923075 + y * (1.794871794871795 + y * (-0.3916083916083916 + y * (0.039160839160839164 + y * -0.0012432012432012432))))));
  return num / den;
}

/**
 * One point's contribution to JSD: p·ln(2p/s)/2 + q·ln(2q/s)/2 = s·g(δ)/4 with s = p + q,
 * δ = (p − q)/s and g(δ) = (1+δ)ln(1+δ) + (1−δ)ln(1−δ) ≥ 0.
 * - |δ| ≤ 1/2: g = δ²·H(δ²), H the Padé approximant above: no cancellation at all, so near-equal
 *   masses keep full relative accuracy (the textbook p·log(p/m) + q·log(q/m) loses every digit).
 * - |δ| > 1/2: with v = 2·min(p, q)/s = 1 − |δ| formed directly, g = (2 − v)·(ln 2 − y·K(y)) + v·ln v,
 *   y = v/2: one logarithm, and the two parts cancel by at most a factor 2.3.
 */
export function jsdTerm(p: number, q: number): number {
  checkTerm('jsdTerm', p, q);
  return jsdTermOf(p, q);
}

/** A term's arguments: finite nonnegative numbers (masses). */
function checkTerm(fn: string, p: unknown, q: unknown): void {
  for (const [arg, v] of [
    ['p', p],
    ['q', q],
  ] as const) {
    if (typeof v !== 'number' || !(v >= 0 && v < Infinity)) throw new NumericError(fn, arg, `must be a finite nonnegative number; got ${showValue(v)}`);
  }
}

function jsdTermOf(p: number, q: number): number {
  const s = p + q;
  if (s === 0) return 0;
  if (p === 0 || q === 0) return (s * Math.LN2) / 2;
  const d = (p - q) / s;
  let g: number;
  if (d <= 0.5 && d >= -0.5) {
    const t = d * d;
    g = t * padeH(t);
  } else return jsdOuter(p, q);
  const t = (s * g) / 4;
  return t > 0 ? t : 0;
}

/** Shape checks of a pair of vectors; entries are checked inside the summing loop. */
function checkPairShape(fn: string, p: ArrayLike<number>, q: ArrayLike<number>): void {
  for (const [arg, v] of [
    ['p', p],
    ['q', q],
  ] as const) {
    if (v === null || typeof v !== 'object' || typeof v.length !== 'number')
      throw new NumericError(fn, arg, `must be an array of probabilities; got ${showValue(v)}`);
    if (v.length === 0) throw new NumericError(fn, arg, 'must not be empty; got []');
  }
  if (q.length !== p.length) throw new NumericError(fn, 'q', `must have as many entries as p (${p.length}); got ${q.length}`);
}

/** After a summing loop: the sums of p and q must be 1 within SUM_TOLERANCE. */
function checkSums(fn: string, sp: number, sq: number, n: number): void {
  for (const [arg, s] of [
    ['p', sp],
    ['q', sq],
  ] as const) {
    if (s === 0) throw new NumericError(fn, arg, `must have positive total mass; got all zeros (${n} entries)`);
    if (Math.abs(s - 1) > SUM_TOLERANCE) throw new NumericError(fn, arg, `must sum to 1 within ${SUM_TOLERANCE} (or pass normalize); got a sum of ${s}`);
  }
}

/** The slow path of the loops' one-comparison entry check: says which entry is bad and why. */
function rejectEntry(fn: string, p: ArrayLike<number>, q: ArrayLike<number>, a: number): never {
  const ok = typeof a === 'number' && a >= 0 && a < Infinity;
  toProbabilities(fn, ok ? 'q' : 'p', ok ? q : p);
  throw new NumericError(fn, ok ? 'q' : 'p', 'holds an invalid entry');
}

/*
 * The summing loops of kl and jsd are written out once each, not shared through a callback: a call
 * site that sees both term functions stops inlining them, which costs more than the loop itself.
 * Each validates entries in the same pass (one comparison pair rejects NaN, ±∞, negatives and
 * non-numbers), sums the nonnegative terms plainly in blocks of 256 and compensates the block sums
 * (error ~256ε relative for 10⁶ terms, without Neumaier's cost on every term).
 */
function sumKl(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const total = new CompensatedSum();
  let block = 0;
  let sp = 0;
  let sq = 0;
  let infinite = false;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as number;
    const b = q[i] as number;
    if (typeof a !== 'number' || typeof b !== 'number' || !(a >= 0 && a < Infinity && b >= 0 && b < Infinity)) rejectEntry('kl', p, q, a);
    sp += a;
    sq += b;
    const t = klTermOf(a, b);
    if (t === Infinity) infinite = true;
    block += t;
    if ((i & 255) === 255) {
      total.add(block);
      block = 0;
    }
  }
  total.add(block);
  checkSums('kl', sp, sq, p.length);
  return infinite ? Infinity : total.value;
}

/** Outer-range term of {@link jsdTerm} (|δ| > 1/2, both masses positive). */
function jsdOuter(p: number, q: number): number {
  const s = p + q;
  const v = (2 * (p < q ? p : q)) / s;
  const y = 0.5 * v;
  const t = (s * ((2 - v) * (Math.LN2 - y * padeK(y)) + v * Math.log(v))) / 4;
  return t > 0 ? t : 0;
}

const CHUNK = 256;
const innerIdx = new Int32Array(CHUNK);
const outerIdx = new Int32Array(CHUNK);

/**
 * JSD's loop sorts each chunk of 256 points into inner (|δ| ≤ 1/2, Padé form) and outer (one
 * logarithm) by index writes with arithmetic counters, then evaluates each list in its own loop.
 * On random vectors a third of the points are outer, and a data-dependent branch per point costs
 * more than the arithmetic it chooses between. Each chunk's sum is compensated into the total.
 */
function sumJsd(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const n = p.length;
  const total = new CompensatedSum();
  let sp = 0;
  let sq = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    let nIn = 0;
    let nOut = 0;
    for (let i = start; i < end; i++) {
      const a = p[i] as number;
      const b = q[i] as number;
      if (typeof a !== 'number' || typeof b !== 'number' || !(a >= 0 && a < Infinity && b >= 0 && b < Infinity)) rejectEntry('jsd', p, q, a);
      sp += a;
      sq += b;
      const inner = +(a > 0 && b > 0 && Math.abs(a - b) <= 0.5 * (a + b));
      innerIdx[nIn] = i;
      outerIdx[nOut] = i;
      nIn += inner;
      nOut += 1 - inner;
    }
    let block = 0;
    for (let k = 0; k < nIn; k++) {
      const i = innerIdx[k] as number;
      const a = p[i] as number;
      const b = q[i] as number;
      const s = a + b;
      const d = (a - b) / s;
      const t = d * d;
      block += (s * t * padeH(t)) / 4;
    }
    for (let k = 0; k < nOut; k++) block += jsdTermOf(p[outerIdx[k] as number] as number, q[outerIdx[k] as number] as number);
    total.add(block);
  }
  checkSums('jsd', sp, sq, n);
  return total.value;
}

/**
 * KL(P‖Q) = Σ pᵢ ln(pᵢ/qᵢ) in float64; +∞ where some pᵢ > 0 has qᵢ = 0; 0·log 0 = 0. Never negative
 * (see {@link klTerm}). For vectors that sum to 1 only up to rounding, the value is
 * Σ [pᵢ ln(pᵢ/qᵢ) − pᵢ + qᵢ] (the generalised KL), which differs from the textbook sum by Σq − Σp.
 */
export function kl(p: ArrayLike<number>, q: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('kl', options);
  const scale = scaleFor('kl', options.base);
  if (options.normalize === true) return sumKl(...pairOf('kl', p, q, true)) * scale;
  checkPairShape('kl', p, q);
  return sumKl(p, q) * scale;
}

/**
 * Jensen–Shannon divergence JSD(P‖Q) = ½KL(P‖M) + ½KL(Q‖M), M = (P+Q)/2, in float64: in [0, ln 2]
 * (nats) or [0, 1] (bits), never NaN, exactly ln 2 on disjoint supports. This is the divergence;
 * its square root, the Jensen–Shannon distance, is {@link jsDistance}.
 */
export function jsd(p: ArrayLike<number>, q: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('jsd', options);
  const scale = scaleFor('jsd', options.base);
  let v: number;
  if (options.normalize === true) v = sumJsd(...pairOf('jsd', p, q, true));
  else {
    checkPairShape('jsd', p, q);
    v = sumJsd(p, q);
  }
  return Math.min(v, Math.LN2) * scale;
}

/**
 * The Jensen–Shannon *distance* √JSD (a metric; scipy's `jensenshannon` returns this, not the
 * divergence). In bits it lies in [0, 1].
 */
export function jsDistance(p: ArrayLike<number>, q: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('jsDistance', options);
  return Math.sqrt(jsd(p, q, options));
}

/** Shannon entropy H(P) = −Σ pᵢ ln pᵢ, 0·log 0 = 0; never negative. */
export function entropy(p: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('entropy', options);
  const P = toProbabilities('entropy', 'p', p, options.normalize === true);
  const scale = scaleFor('entropy', options.base);
  const acc = new CompensatedSum();
  for (let i = 0; i < P.length; i++) {
    const x = P[i] as number;
    if (x > 0 && x < 1) acc.add(-x * Math.log(x));
  }
  return acc.value * scale;
}

/** ln d, via log1p(d − 1) near 1 where d − 1 is exact (Sterbenz). */
function logOf(d: number): number {
  return d > 0.5 ? Math.log1p(d - 1) : Math.log(d);
}

/** ln(1 − d), via ln of the exact 1 − d near 1. */
function log1mOf(d: number): number {
  return d < 0.5 ? Math.log1p(-d) : Math.log(1 - d);
}

/**
 * V(D, G) = Σ pᵢ ln Dᵢ + Σ qᵢ ln(1 − Dᵢ) in float64; a zero mass contributes nothing; −∞ where log 0
 * meets positive mass. V ≤ 0.
 */
export function value(p: ArrayLike<number>, q: ArrayLike<number>, d: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('value', options);
  const fn = 'value';
  const [P, Q] = pairOf(fn, p, q, options.normalize === true);
  const scale = scaleFor(fn, options.base);
  if (d === null || typeof d !== 'object' || d.length !== P.length) {
    throw new NumericError(fn, 'd', `must have one value per mass (${P.length}); got ${showValue(d?.length ?? d)}`);
  }
  const acc = new CompensatedSum();
  for (let i = 0; i < P.length; i++) {
    const di = d[i] as number;
    if (!(di >= 0 && di <= 1)) throw new NumericError(fn, `d[${i}]`, `must lie in [0, 1]; got ${showValue(di)}`);
    const pi = P[i] as number;
    const qi = Q[i] as number;
    if (pi > 0) {
      if (di === 0) return -Infinity;
      acc.add(pi * logOf(di));
    }
    if (qi > 0) {
      if (di === 1) return -Infinity;
      acc.add(qi * log1mOf(di));
    }
  }
  return Math.min(acc.value, 0) * scale;
}

/** D*(xᵢ) = pᵢ/(pᵢ + qᵢ); null where pᵢ = qᵢ = 0. */
export function dstar(p: ArrayLike<number>, q: ArrayLike<number>, options: FloatOptions = {}): (number | null)[] {
  options = checkOptions('dstar', options);
  const [P, Q] = pairOf('dstar', p, q, options.normalize === true);
  return Array.from(P, (pi, i) => {
    const s = pi + (Q[i] as number);
    return s === 0 ? null : pi / s;
  });
}

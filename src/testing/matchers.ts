/**
 * Comparisons of a user's float results with the exact module: inside the certified enclosure
 * (widened by a tolerance), within N units in the last place, or within a relative tolerance.
 * NaN never matches anything; ±∞ match only themselves. Each comparison returns
 * `{ pass, message }`, the shape `expect.extend` takes in vitest and jest (see {@link ganMatchers}).
 */
import { jsd, kl, value, dstar, exactFloat, type Enclosure } from '../theory/index.js';
import { checkOptions, show, TestingError } from './errors.js';

/** What a comparison returns: the shape of an `expect.extend` matcher's result in vitest and jest. */
export interface MatchResult {
  /** Whether `actual` matched. */
  pass: boolean;
  /** Describes the comparison (values, tolerance, and how far off `actual` is); built only when called. */
  message: () => string;
}

/** Tolerances: relative (`rtol`), absolute (`atol`) and in units in the last place (`ulps`); any one suffices. */
export interface Tolerance {
  /**
   * Relative tolerance, a multiple of |expected| (of the exact value, for an enclosure); finite and ≥ 0.
   * @defaultValue 0
   */
  rtol?: number;
  /**
   * Absolute tolerance; finite and ≥ 0.
   * @defaultValue 0
   */
  atol?: number;
  /**
   * Units in the last place from expected (from the exact value, for an enclosure), see {@link ulpDistance}; finite and ≥ 0.
   * @defaultValue 0
   */
  ulps?: number;
}

/** Distance in units in the last place between two doubles (0 when equal, Infinity across NaN/∞). */
export function ulpDistance(a: number, b: number): number {
  if (Object.is(a, b) || a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  // map the sign-magnitude bit patterns onto a monotone integer line
  const key = (hi: bigint) => (hi & 0x8000000000000000n ? -(hi & 0x7fffffffffffffffn) : hi);
  const d = key(buf.getBigUint64(0)) - key(buf.getBigUint64(8));
  return Number(d < 0n ? -d : d);
}

function checkTolerance(fn: string, tolerance: Tolerance): Required<Tolerance> {
  const t = checkOptions(fn, tolerance, ['atol', 'rtol', 'ulps']);
  for (const k of ['rtol', 'atol', 'ulps'] as const) {
    const v = t[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
      throw new TestingError(fn, `tolerance.${k}`, `must be a finite number ≥ 0; got ${show(v)}`);
  }
  return { rtol: t.rtol ?? 0, atol: t.atol ?? 0, ulps: t.ulps ?? 0 };
}

const num = (s: string) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

/** `actual` within the tolerance of `expected` (a number). */
export function closeTo(actual: number, expected: number, tolerance: Tolerance = {}): MatchResult {
  const t = checkTolerance('closeTo', tolerance);
  if (typeof expected !== 'number') throw new TestingError('closeTo', 'expected', `must be a number; got ${show(expected)}`);
  const say = (why: string) => () => `expected ${actual} to be close to ${expected} (rtol ${t.rtol}, atol ${t.atol}, ulps ${t.ulps}): ${why}`;
  if (typeof actual !== 'number' || Number.isNaN(actual) || Number.isNaN(expected)) return { pass: false, message: say('NaN or not a number') };
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return { pass: actual === expected, message: say('infinities must match exactly') };
  const gap = Math.abs(actual - expected);
  const pass = gap <= t.atol || gap <= t.rtol * Math.abs(expected) || ulpDistance(actual, expected) <= t.ulps;
  return { pass, message: say(`off by ${gap} (${ulpDistance(actual, expected)} ulps)`) };
}

/** `actual` inside the certified enclosure [lower, upper], widened by the tolerance. */
export function withinEnclosure(actual: number, e: Enclosure, tolerance: Tolerance = {}): MatchResult {
  const t = checkTolerance('withinEnclosure', tolerance);
  const isBound = (x: unknown) => typeof x === 'string' && (x === 'inf' || x === '-inf' || Number.isFinite(Number(x)));
  if (e === null || typeof e !== 'object' || !isBound(e.lower) || !isBound(e.upper) || !isBound(e.value)) {
    throw new TestingError('withinEnclosure', 'enclosure', `must be { value, lower, upper } as the theory module returns (decimal strings); got ${show(e)}`);
  }
  const [lo, hi, mid] = [num(e.lower), num(e.upper), num(e.value)];
  if (!(lo <= mid && mid <= hi))
    throw new TestingError('withinEnclosure', 'enclosure', `must have lower ≤ value ≤ upper; got lower ${e.lower}, value ${e.value}, upper ${e.upper}`);
  const say = (why: string) => () =>
    `expected ${actual} to be inside [${e.lower}, ${e.upper}] (exact value ${e.value}; rtol ${t.rtol}, atol ${t.atol}, ulps ${t.ulps}): ${why}`;
  if (typeof actual !== 'number' || Number.isNaN(actual)) return { pass: false, message: say('NaN or not a number') };
  if (!Number.isFinite(mid) || !Number.isFinite(actual)) return { pass: actual === mid, message: say('infinities must match exactly') };
  const slack = Math.max(t.atol, t.rtol * Math.abs(mid));
  const pass = (actual >= lo - slack && actual <= hi + slack) || ulpDistance(actual, mid) <= t.ulps;
  return { pass, message: say(actual < lo ? `below by ${lo - actual}` : `above by ${actual - hi}`) };
}

/** Each double as its exact value (the theory module takes non-integer masses as exact decimal strings). */
const exactly = (v: readonly number[], fn: string, arg: string) => {
  if (!Array.isArray(v)) throw new TestingError(`exact.${fn}`, arg, `must be an array of numbers; got ${show(v)}`);
  return v.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new TestingError(`exact.${fn}`, `${arg}[${i}]`, `must be a finite number; got ${show(x)}`);
    return exactFloat(x);
  });
};

/** A probability vector in doubles: its sum within rounding of 1 (n·2⁻⁴⁰), so that only rounding is normalised away. */
const masses = (v: readonly number[], fn: string, arg: string) => {
  const out = exactly(v, fn, arg);
  let s = 0;
  for (const x of v) s += x;
  if (v.some((x) => x < 0) || !(Math.abs(s - 1) <= v.length * 2 ** -40))
    throw new TestingError(`exact.${fn}`, arg, `must be nonnegative masses summing to 1 (up to rounding); got a sum of ${s}`);
  return out;
};

/**
 * The exact values at the user's float inputs, in nats: each double taken at its exact value and
 * the masses rescaled exactly to sum to 1 (c/Σc rounded to doubles rarely sums to 1 exactly). Masses
 * whose sum is not 1 up to rounding are refused: a user's bug, not rounding.
 */
export const exact = {
  /** JSD(p ‖ q), certified to 20 digits. */
  jsd: (p: readonly number[], q: readonly number[]): Enclosure => jsd(masses(p, 'jsd', 'p'), masses(q, 'jsd', 'q'), { normalize: true, digits: 20 }),
  /** KL(p ‖ q), certified to 20 digits; `inf` where q = 0 < p. */
  kl: (p: readonly number[], q: readonly number[]): Enclosure => kl(masses(p, 'kl', 'p'), masses(q, 'kl', 'q'), { normalize: true, digits: 20 }),
  /** V(D, G) = Σ pᵢ ln dᵢ + Σ qᵢ ln(1 − dᵢ) for the discriminator table d, certified to 20 digits. */
  value: (p: readonly number[], q: readonly number[], d: readonly number[]): Enclosure =>
    value(masses(p, 'value', 'p'), masses(q, 'value', 'q'), exactly(d, 'value', 'd'), { normalize: true, digits: 20 }),
  /** D*(x) per point (null where p = q = 0, where it is undefined). */
  dstar: (p: readonly number[], q: readonly number[]): (number | null)[] =>
    dstar(exactly(p, 'dstar', 'p'), exactly(q, 'dstar', 'q'), { normalize: true, digits: 20 }).map((x) => (x === null ? null : Number(x.value))),
};

/**
 * Matchers for `expect.extend(ganMatchers)` (vitest or jest):
 * `expect(x).toBeCloseToExact(enclosure, { rtol: 1e-12 })`, `expect(x).toBeWithinUlps(y, 4)`.
 */
export const ganMatchers = {
  /** Passes when `received` lies inside the certified enclosure widened by the tolerance (see {@link withinEnclosure}). */
  toBeCloseToExact(received: number, expected: Enclosure, tolerance: Tolerance = {}): MatchResult {
    return withinEnclosure(received, expected, tolerance);
  },
  /**
   * Passes when `received` is within `ulps` units in the last place of `expected` (see {@link closeTo}).
   * @throws {@link TestingError} when `ulps` is not an integer ≥ 0.
   */
  toBeWithinUlps(received: number, expected: number, ulps: number): MatchResult {
    if (typeof ulps !== 'number' || !Number.isSafeInteger(ulps) || ulps < 0)
      throw new TestingError('toBeWithinUlps', 'ulps', `must be an integer ≥ 0; got ${show(ulps)}`);
    return closeTo(received, expected, { ulps });
  },
};

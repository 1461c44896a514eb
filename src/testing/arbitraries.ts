/**
 * fast-check arbitraries for testing GAN code against the theory: probability vectors built from
 * integer counts (so every mass is c/Σc and no float arithmetic made them), distribution pairs
 * with the hard cases as fast-check `examples`, discriminator tables, Gaussians and mixtures.
 * Everything is plain `number[]`, as a user's implementation takes it.
 *
 * The hard cases are the ones that break naive implementations: near-equal pairs (every term of a
 * JSD cancels), masses at 1e-300 and subnormal (products underflow), disjoint supports (JSD =
 * log 2, KL = ∞), mode dropping (q = 0 where p > 0), a single point, and equal distributions.
 */
import fc from 'fast-check';
import { checkOptions, intAtLeast, show, TestingError } from './errors.js';

/** A pair of distributions on the same points. */
export interface DistributionPair {
  /** p's masses, one per point, nonnegative and summing to 1 (to float rounding). */
  p: number[];
  /** q's masses on the same points, nonnegative and summing to 1 (to float rounding). */
  q: number[];
}

/** One Gaussian component. */
export interface Gaussian {
  /** The mean μ. */
  mu: number;
  /** The standard deviation σ, > 0. */
  sigma: number;
}

/** A Gaussian mixture: weights summing to 1. */
export interface Mixture {
  /** The components' weights, positive and summing to 1 (to float rounding). */
  weights: number[];
  /** The components, one per weight. */
  components: Gaussian[];
}

/** Counts → masses c/Σc (each the float nearest the exact fraction). */
export function massesFromCounts(counts: readonly number[]): number[] {
  const fn = 'massesFromCounts';
  if (!Array.isArray(counts) || counts.length === 0) throw new TestingError(fn, 'counts', `must be a non-empty array of counts; got ${show(counts)}`);
  counts.forEach((c, i) => {
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0) throw new TestingError(fn, `counts[${i}]`, `must be a finite number ≥ 0; got ${show(c)}`);
  });
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0) || !Number.isFinite(total)) throw new TestingError(fn, 'counts', `must have a positive finite sum; got ${show(counts)}`);
  return counts.map((c) => c / total);
}

/** Options of {@link probabilityVector} and {@link distributionPair}. */
export interface SizeOptions {
  /** Points, at least 1 (default 1). */
  minLength?: number;
  /** Points, at most (default 12). */
  maxLength?: number;
  /** Allow zero masses (default true). */
  zeros?: boolean;
}

function sizes(options: SizeOptions, fn: string): [number, number] {
  const o = checkOptions(fn, options, ['minLength', 'maxLength', 'zeros']);
  const min = intAtLeast(fn, 'options.minLength', o.minLength, 1, 1);
  const max = intAtLeast(fn, 'options.maxLength', o.maxLength, min, Math.max(12, min));
  if (o.zeros !== undefined && typeof o.zeros !== 'boolean') throw new TestingError(fn, 'options.zeros', `must be a boolean; got ${show(o.zeros)}`);
  return [min, max];
}

const countsOf = (n: number, zeros: boolean) =>
  fc
    .array(
      fc.nat({ max: 1000 }).map((c) => (zeros ? c : c + 1)),
      { minLength: n, maxLength: n },
    )
    .filter((c) => c.some((v) => v > 0));

/** A probability vector from integer counts in [0, 1000] (not all zero). */
export function probabilityVector(options: SizeOptions = {}): fc.Arbitrary<number[]> {
  const [min, max] = sizes(options, 'probabilityVector');
  return fc
    .integer({ min, max })
    .chain((n) => countsOf(n, options.zeros ?? true))
    .map(massesFromCounts);
}

/** The hard pairs, also used as examples by {@link distributionPair}. */
export const HARD_PAIRS: readonly DistributionPair[] = [
  // near-equal by 1e-12: JSD ≈ 1e-25, every term cancels
  { p: [0.5, 0.5], q: [0.500000000001, 0.499999999999] },
  // a mass of 1e-300 and a subnormal one
  { p: [1e-300, 1 - 1e-300], q: [0.5, 0.5] },
  { p: [5e-324, 1], q: [0.25, 0.75] },
  // disjoint supports
  { p: [0.5, 0.5, 0, 0], q: [0, 0, 1 / 3, 2 / 3] },
  // mode dropping: q misses a mode of p
  { p: [1 / 3, 1 / 3, 1 / 3], q: [0.5, 0.5, 0] },
  // equal, and a single point
  { p: [0.2, 0.8], q: [0.2, 0.8] },
  { p: [1], q: [1] },
];

/**
 * Pairs of distributions on the same points, from integer counts, with the hard cases as
 * examples (pass them to `fc.assert(…, { examples })` via {@link hardExamples}, or rely on
 * `distributionPair()` biasing toward them: one draw in eight is a hard pair).
 */
export function distributionPair(options: SizeOptions = {}): fc.Arbitrary<DistributionPair> {
  const [min, max] = sizes(options, 'distributionPair');
  const zeros = options.zeros ?? true;
  const random = fc
    .integer({ min, max })
    .chain((n) => fc.tuple(countsOf(n, zeros), countsOf(n, zeros)))
    .map(([a, b]) => ({ p: massesFromCounts(a), q: massesFromCounts(b) }));
  const hard = HARD_PAIRS.filter((h) => h.p.length >= min && h.p.length <= max && (zeros || (h.p.every((x) => x > 0) && h.q.every((x) => x > 0))));
  return hard.length === 0
    ? random
    : fc.oneof({ arbitrary: random, weight: 7 }, { arbitrary: fc.constantFrom(...hard.map((h) => ({ p: [...h.p], q: [...h.q] }))), weight: 1 });
}

/** `examples` for `fc.assert` with a property over one DistributionPair: every hard pair. */
export function hardExamples(): [DistributionPair][] {
  return HARD_PAIRS.map((h) => [{ p: [...h.p], q: [...h.q] }]);
}

/** Pairs with disjoint supports: p on some points, q on the others. */
export function disjointPair(options: SizeOptions = {}): fc.Arbitrary<DistributionPair> {
  const [min, max] = sizes(options, 'disjointPair');
  return fc
    .integer({ min: Math.max(2, min), max: Math.max(2, max) })
    .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), countsOf(n, false)).map(([k, c]) => ({ k, c })))
    .map(({ k, c }) => ({ p: massesFromCounts(c.map((v, i) => (i < k ? v : 0))), q: massesFromCounts(c.map((v, i) => (i >= k ? v : 0))) }));
}

/** Pairs where q drops at least one of p's modes: q = 0 on the first point, where p > 0. */
export function modeDroppingPair(options: SizeOptions = {}): fc.Arbitrary<DistributionPair> {
  const [min, max] = sizes(options, 'modeDroppingPair');
  return fc
    .integer({ min: Math.max(2, min), max: Math.max(2, max) })
    .chain((n) => fc.tuple(countsOf(n, false), countsOf(n - 1, false)))
    .map(([a, b]) => ({ p: massesFromCounts(a), q: massesFromCounts([0, ...b]) }));
}

/** A discriminator table of n entries k/1000, k ∈ [1, 999] (strictly inside (0, 1)). */
export function discriminatorTable(n: number): fc.Arbitrary<number[]> {
  intAtLeast('discriminatorTable', 'n', n, 1, 1);
  return fc.array(fc.integer({ min: 1, max: 999 }), { minLength: n, maxLength: n }).map((d) => d.map((k) => k / 1000));
}

/** A Gaussian with μ ∈ [−10, 10] and σ ∈ [0.1, 10] (multiples of 1/8). */
export function gaussian(): fc.Arbitrary<Gaussian> {
  return fc.record({ mu: fc.integer({ min: -80, max: 80 }).map((k) => k / 8), sigma: fc.integer({ min: 1, max: 80 }).map((k) => k / 8) });
}

/** A mixture of 1–maxComponents Gaussians with weights from integer counts. */
export function mixture(maxComponents = 4): fc.Arbitrary<Mixture> {
  intAtLeast('mixture', 'maxComponents', maxComponents, 1, 4);
  return fc
    .integer({ min: 1, max: maxComponents })
    .chain((k) => fc.tuple(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }), fc.array(gaussian(), { minLength: k, maxLength: k })))
    .map(([w, components]) => ({ weights: massesFromCounts(w), components }));
}

/** A pair of distributions given by small integer counts, with the points they sit on: batches can repeat each point by its count. */
export interface CountsPair extends DistributionPair {
  /** The counts of p's sample on each point (p = pc/Σpc). */
  pc: number[];
  /** The counts of q's sample on each point (q = qc/Σqc). */
  qc: number[];
  /** The points, strictly increasing, multiples of 1/4. */
  x: number[];
}

/** Pairs with integer counts 0–6 on 1–6 points (each side with a positive total; no zeros when `zeros` is false). */
export function countsPair(options: { zeros?: boolean } = {}): fc.Arbitrary<CountsPair> {
  const fn = 'countsPair';
  const o = checkOptions(fn, options, ['zeros']);
  if (o.zeros !== undefined && typeof o.zeros !== 'boolean') throw new TestingError(fn, 'options.zeros', `must be a boolean; got ${show(o.zeros)}`);
  const lo = o.zeros === false ? 1 : 0;
  const counts = (n: number) => fc.array(fc.integer({ min: lo, max: 6 }), { minLength: n, maxLength: n }).filter((c) => c.some((v) => v > 0));
  return fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(counts(n), counts(n), fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: n, maxLength: n })))
    .map(([pc, qc, xs]) => ({ pc, qc, p: massesFromCounts(pc), q: massesFromCounts(qc), x: [...xs].sort((a, b) => a - b).map((k) => k / 4) }));
}

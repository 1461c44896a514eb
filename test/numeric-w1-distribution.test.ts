/**
 * W1 between a sample and a known distribution (numeric/wasserstein.ts `w1ToDistribution`, the
 * coupling of quantiles with tables per distribution and sample size), against an oracle that knows
 * only F: ∫|F_n − F| dx by the midpoint rule on a fine grid between consecutive sample points and over
 * the tails. And the radix sort of float32 samples against TypedArray sort, bit for bit.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { categorical, mixture, normal, uniform, type Dist1D } from '../src/numeric/distributions/index.js';
import { w1DistanceSorted, w1DistancesSorted, w1ToDistribution } from '../src/numeric/wasserstein.js';
import { Rng } from '../src/numeric/rng.js';

/**
 * ∫|F_n − F| over the real line by the midpoint rule, m cells between consecutive cuts: the sample's
 * points, F's atoms (where F jumps) and the ends of the tails.
 */
function w1ByQuadrature(sample: readonly number[], F: Dist1D, atoms: readonly number[] = [], m = 4000): number {
  const xs = [...sample].sort((a, b) => a - b);
  const n = xs.length;
  const lo = Math.min(xs[0] as number, F.quantile(1e-12)) - 1;
  const hi = Math.max(xs[n - 1] as number, F.quantile(1 - 1e-12)) + 1;
  const cuts = [lo, ...xs, ...atoms, hi].sort((a, b) => a - b);
  let total = 0;
  for (let j = 0; j + 1 < cuts.length; j++) {
    const a = cuts[j] as number;
    const b = cuts[j + 1] as number;
    if (b <= a) continue;
    // F_n on (a, b): the share of points ≤ a
    const fn = xs.filter((x) => x <= a).length / n;
    const h = (b - a) / m;
    for (let i = 0; i < m; i++) total += Math.abs(fn - F.cdf(a + (i + 0.5) * h)) * h;
  }
  return total;
}

const dists: [string, Dist1D, number[]?][] = [
  ['N(3, 1)', normal(3, 1)],
  ['N(−1, 0.2²)', normal(-1, 0.2)],
  ['U(−1, 2)', uniform(-1, 2)],
  [
    'mixture ½N(−2, ½²) + ½N(2, ½²)',
    mixture([
      { weight: 0.5, mu: -2, sigma: 0.5 },
      { weight: 0.5, mu: 2, sigma: 0.5 },
    ]),
  ],
  ['categorical {−1, 0.5, 2}', categorical([-1, 0.5, 2], [0.2, 0.5, 0.3]), [-1, 0.5, 2]],
];

describe('w1ToDistribution against quadrature of |F_n − F|', () => {
  test.prop([fc.integer({ min: 0, max: dists.length - 1 }), fc.array(fc.float({ min: -4, max: 5, noNaN: true }), { minLength: 1, maxLength: 30 })], {
    numRuns: 60,
  })('any sample, any of five distributions (continuous, mixture, discrete)', (d, sample) => {
    const [, F, atoms] = dists[d] as [string, Dist1D, number[]?];
    const got = w1ToDistribution(Float64Array.from(sample), F).distance;
    const want = w1ByQuadrature(sample, F, atoms);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * (1 + want));
  });

  it('a sample of the target itself (the tables reused across calls of one size), and a shifted one: W1 ≈ the shift', () => {
    const F = normal(3, 1);
    // the target's own quantiles at (i + ½)/n: W1 is small; shifted by 0.5: W1 is 0.5 exactly in the coupling
    const n = 512;
    const own = Float32Array.from({ length: n }, (_, i) => F.quantile((i + 0.5) / n));
    const shifted = own.map((x) => x + 0.5);
    const a = w1ToDistribution(own, F).distance;
    const b = w1ToDistribution(shifted, F).distance;
    expect(a).toBeCloseTo(w1ByQuadrature(Array.from(own), F), 5);
    expect(b).toBeCloseTo(w1ByQuadrature(Array.from(shifted), F), 5);
    expect(Math.abs(b - 0.5)).toBeLessThan(a + 1e-3);
  });
});

describe('the radix sort of float32 samples', () => {
  test.prop([fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 64, maxLength: 600 }), fc.nat({ max: 7 })], {
    numRuns: 40,
  })('gives what TypedArray sort gives, bit for bit, and so the same W1, from any offset in a larger array', (values, offset) => {
    const big = new Float32Array(values.length + offset + 3);
    big.set(values, offset);
    const sample = big.subarray(offset, offset + values.length);
    const F = normal(0, 1000);
    const viaRadix = w1ToDistribution(sample, F);
    const viaSort = w1ToDistribution(Float64Array.from(sample), F);
    expect(Array.from(viaRadix.xs).map((x) => (Object.is(x, -0) ? '-0' : x))).toEqual(Array.from(viaSort.xs).map((x) => (Object.is(x, -0) ? '-0' : x)));
    expect(viaRadix.distance).toBe(viaSort.distance);
    expect(Array.from(viaRadix.s)).toEqual(Array.from(viaSort.s));
  });

  it('a sample larger than the kept scratch (2¹⁶ values) sorts in scratch of its own, as TypedArray sort does', () => {
    const r = Rng.fromSeed(3);
    const sample = Float32Array.from({ length: 70_000 }, () => 3 + r.normal());
    const F = normal(3, 1);
    const viaRadix = w1ToDistribution(sample, F);
    expect(viaRadix.xs).toEqual(Float64Array.from(sample).sort());
    expect(viaRadix.distance).toBe(w1ToDistribution(Float64Array.from(sample), F).distance);
    // and a small sort after it still uses (and gets right) the kept scratch
    const small = Float32Array.from({ length: 100 }, () => r.normal());
    expect(w1ToDistribution(small, F).xs).toEqual(Float64Array.from(small).sort());
  });

  test.prop([fc.array(fc.float({ noNaN: true, min: 1, max: Math.fround(1.49) }), { minLength: 64, maxLength: 300 })], { numRuns: 30 })(
    'a sample whose high bits are all the same (a pass skipped) sorts as TypedArray sort does',
    (values) => {
      const sample = Float32Array.from(values);
      expect(w1ToDistribution(sample, normal(1.2, 0.1)).xs).toEqual(Float64Array.from(sample).sort());
    },
  );

  it('orders negatives, −0, +0 and ties as TypedArray sort does', () => {
    const values = [3, -0, 0, -2.5, 0, -0, 1e-30, -1e-30, 7, -7, 3, 3];
    const sample = Float32Array.from({ length: 96 }, (_, i) => values[i % values.length] as number);
    const r = w1ToDistribution(sample, normal(0, 1));
    const want = Float64Array.from(sample).sort();
    expect(Array.from(r.xs).map((x) => (Object.is(x, -0) ? '-0' : x))).toEqual(Array.from(want).map((x) => (Object.is(x, -0) ? '-0' : x)));
  });
});

describe('w1DistanceSorted (the distance alone of a sorted sample, as a trainer logs it)', () => {
  test.prop(
    [fc.integer({ min: 0, max: dists.length - 1 }), fc.array(fc.float({ min: -4, max: 5, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.boolean()],
    {
      numRuns: 60,
    },
  )('is w1ToDistribution(…).distance bit for bit, float32 or float64 samples', (d, values, f32) => {
    const F = (dists[d] as [string, Dist1D])[1];
    const sample = f32 ? Float32Array.from(values) : Float64Array.from(values);
    expect(w1DistanceSorted(sample.slice().sort(), F)).toBe(w1ToDistribution(sample, F).distance);
  });

  it('refuses a non-finite value, a value out of order and a 2-D distribution, naming them', () => {
    expect(() => w1DistanceSorted([0, Number.NaN], normal(0, 1))).toThrow(/w1DistanceSorted: sorted\[1\] must be a finite number; got NaN/);
    expect(() => w1DistanceSorted([0, 2, 1], normal(0, 1))).toThrow(/w1DistanceSorted: sorted\[2\] must not be below the value before it \(2\); got 1/);
    expect(() => w1DistanceSorted([0, 1], { dim: 2 } as unknown as Dist1D)).toThrow(/w1DistanceSorted: dist must be a 1-D distribution/);
    expect(() => w1DistanceSorted(Float32Array.of(0, 2, 1), normal(0, 1))).toThrow(
      /w1DistanceSorted: sorted\[2\] must not be below the value before it \(2\); got 1/,
    );
    expect(() => w1DistanceSorted(Float64Array.of(0, Number.POSITIVE_INFINITY), normal(0, 1))).toThrow(
      /w1DistanceSorted: sorted\[1\] must be a finite number; got Infinity/,
    );
    expect(() => w1DistanceSorted(new Float32Array(0), normal(0, 1))).toThrow(/w1DistanceSorted: sorted must hold at least 1 value; got 0/);
  });
});

describe('w1DistancesSorted (the distances of many sorted samples end to end, four at a time)', () => {
  test.prop(
    [
      fc.integer({ min: 0, max: dists.length - 1 }),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.boolean(),
    ],
    { numRuns: 60 },
  )('is w1ToDistribution(…).distance of each sample bit for bit, whole groups of four and the rest', (d, count, n, s, f32) => {
    const F = (dists[d] as [string, Dist1D])[1];
    const r = Rng.fromSeed(s);
    const samples = Array.from({ length: count }, (_, k) => Float64Array.from({ length: n }, () => F.quantile(r.uniform()) + 0.3 * (k - 4) * r.uniform()));
    const flat = f32 ? new Float32Array(count * n) : new Float64Array(count * n);
    samples.forEach((x, k) => flat.set(x, k * n));
    for (let k = 0; k < count; k++) flat.subarray(k * n, (k + 1) * n).sort();
    const got = w1DistancesSorted(flat, count, n, F);
    const want = Array.from({ length: count }, (_, k) => w1ToDistribution(flat.subarray(k * n, (k + 1) * n), F).distance);
    expect(Array.from(got)).toEqual(want);
  });

  it("samples longer than 2¹⁶ (F's tables not kept by numeric: found once for all of them) give each sample's own value", () => {
    const F = normal(0.5, 2);
    const r = Rng.fromSeed(7);
    const n = 70_000;
    const flat = new Float32Array(5 * n);
    for (let k = 0; k < 5; k++) flat.set(Float32Array.from({ length: n }, () => F.quantile(r.uniform()) + 0.1 * k).sort(), k * n);
    const got = w1DistancesSorted(flat, 5, n, F);
    for (let k = 0; k < 5; k++) expect(got[k]).toBe(w1DistanceSorted(flat.subarray(k * n, (k + 1) * n), F));
  });

  it('refuses a bad count or n, a length other than count·n, a value out of order or not finite, naming it by its index', () => {
    const F = normal(0, 1);
    const xs = Float32Array.from({ length: 20 }, (_, i) => i % 5);
    expect(() => w1DistancesSorted(xs, 0, 20, F)).toThrow(/w1DistancesSorted: count must be a positive integer; got 0/);
    expect(() => w1DistancesSorted(xs, 4, 2.5, F)).toThrow(/w1DistancesSorted: n must be a positive integer; got 2.5/);
    expect(() => w1DistancesSorted(xs, 3, 5, F)).toThrow(/w1DistancesSorted: sorted must hold count·n = 15 values; got 20/);
    expect(() => w1DistancesSorted([0, 1] as unknown as Float64Array, 1, 2, F)).toThrow(/w1DistancesSorted: sorted must be a Float32Array or Float64Array/);
    expect(() => w1DistancesSorted(xs, 4, 5, F, new Float64Array(3))).toThrow(/w1DistancesSorted: into must be a Float64Array of at least 4 values/);
    // sample 2 of four (a group of four) and sample 4 of five (the rest), named by their index in `sorted`
    const bad = xs.slice();
    bad[12] = -1;
    expect(() => w1DistancesSorted(bad, 4, 5, F)).toThrow(/w1DistancesSorted: sorted\[12\] must not be below the value before it \(1\); got -1/);
    const five = Float32Array.from({ length: 25 }, (_, i) => i % 5);
    five[23] = Number.NaN;
    expect(() => w1DistancesSorted(five, 5, 5, F)).toThrow(/w1DistancesSorted: sorted\[23\] must be a finite number; got NaN/);
    expect(() => w1DistancesSorted(xs, 4, 5, { dim: 2 } as unknown as Dist1D)).toThrow(/w1DistancesSorted: dist must be a 1-D distribution/);
  });
});

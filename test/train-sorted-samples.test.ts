// The metrics' bulk work on every member's sample (src/train/sorted-samples.ts, in the SIMD kernel: assembly/sort.ts):
// the radix sort against TypedArray sort, bit for bit (−0 before +0, ties, negatives, subnormals), and the mean and
// sum of squared deviations against the JavaScript sums; and the evaluation's forward in the kernel against the scalar forward.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseDistribution, type Dist1D } from '../src/numeric/index.js';
import { Rng } from '../src/numeric/rng.js';
import { quantileTable, w1DistancesSorted } from '../src/numeric/wasserstein.js';
import type { Precision } from '../src/train/config.js';
import { forwardPairs, simdAvailable } from '../src/train/engines/fused-simd.js';
import { forwardFrom, layout, Workspace } from '../src/train/mlp.js';
import { roundFor } from '../src/train/round.js';
import { float32Below, generatedMembers, sampleMoments, sortedMembers } from '../src/train/sorted-samples.js';

const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('sortedMembers', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1, 1e-40, -1e-40)), { minLength: 1, maxLength: 400 }),
    ],
    { numRuns: 60 },
  )('sorts each member as TypedArray sort does, bit for bit', (K, values) => {
    expect(simdAvailable()).toBe(true);
    const n = values.length;
    const samples = Float32Array.from({ length: K * n }, (_, i) => (values[(i * 7 + Math.floor(i / n)) % n] as number) * (i % 3 === 0 ? -1 : 1));
    const want = new Float32Array(K * n);
    for (let k = 0; k < K; k++) want.set(samples.slice(k * n, (k + 1) * n).sort(), k * n);
    const got = sortedMembers(samples, K, n);
    expect(bitsOf(got.sorted)).toEqual(bitsOf(want));
    // the moments in the samples' own order, as the JavaScript sums form them
    for (let k = 0; k < K; k++) {
      const m = sampleMoments(samples.subarray(k * n, (k + 1) * n));
      expect([got.mean[k], got.ss[k]]).toEqual([m.mean, m.ss]);
    }
  });

  test.prop([fc.array(fc.float({ noNaN: true, min: 1, max: Math.fround(1.49) }), { minLength: 64, maxLength: 300 })], { numRuns: 20 })(
    'a sample whose high bits are all the same (a pass skipped) sorts as TypedArray sort does, alone and beside one that skips none',
    (values) => {
      const samples = Float32Array.from(values);
      const n = samples.length;
      expect(bitsOf(sortedMembers(samples, 1, n).sorted)).toEqual(bitsOf(samples.slice().sort()));
      // two samples sorted in one loop (sortF32x2), the first skipping the top pass, the second not
      const two = new Float32Array(2 * n);
      two.set(samples);
      two.set(
        samples.map((x, i) => (i % 2 === 0 ? -x * 1000 : x / 7)),
        n,
      );
      const want = new Float32Array(2 * n);
      want.set(two.slice(0, n).sort());
      want.set(two.slice(n).sort(), n);
      expect(bitsOf(sortedMembers(two, 2, n).sorted)).toEqual(bitsOf(want));
    },
  );
});

describe("sortedMembers' W1 to a target (the coupling's sums in the kernel, four members at a time)", () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 9 }),
      fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constantFrom(64, 128, 256)),
      fc.constantFrom('normal:3,1', 'mixture:0.5:-2:0.5,0.5:2:0.5', 'uniform:-1,2'),
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.integer({ min: 0, max: 1_000_000 }),
    ],
    { numRuns: 80 },
  )('is numeric w1DistancesSorted of the sorted samples bit for bit (samples near the target: rows that need F itself)', (K, n, spec, shift, s) => {
    expect(simdAvailable()).toBe(true);
    const target = parseDistribution(spec) as Dist1D;
    const r = Rng.fromSeed(s);
    // member k drawn from the target moved by shift·k/K: from many rows inside F's quantile intervals to none
    const samples = Float32Array.from({ length: K * n }, (_, i) => target.quantile(r.uniform()) + (shift * Math.floor(i / n)) / K);
    const want = w1DistancesSorted(sortedMembers(samples, K, n).sorted.slice(), K, n, target);
    const got = sortedMembers(samples, K, n, target, false);
    expect(got.sorted.length).toBe(0);
    expect(Array.from(got.w1)).toEqual(Array.from(want));
    expect(Array.from(sortedMembers(samples, K, n, target).w1)).toEqual(Array.from(want));
  });

  test.prop(
    [fc.integer({ min: 4, max: 80 }), fc.constantFrom('normal:3,1', 'mixture:0.5:-2:0.5,0.5:2:0.5', 'uniform:-1,2'), fc.integer({ min: 0, max: 1_000_000 })],
    {
      numRuns: 60,
    },
  )('values on F’s quantiles rounded to float32 and a step either side (the blocks’ float32 checks at their edge): numeric’s W1', (n, spec, s) => {
    const target = parseDistribution(spec) as Dist1D;
    const { q } = quantileTable(target, n);
    const r = Rng.fromSeed(s);
    const K = 5;
    // row i's value: q[i] or q[i + 1] rounded to the nearest float32, then moved a float32 step down, up or not at all
    const step = (v: number, d: number) => {
      const b = new Float32Array([v]);
      const u = new Int32Array(b.buffer);
      if (d !== 0 && v !== 0) u[0] = (u[0] as number) + (v > 0 ? d : -d);
      return b[0] as number;
    };
    const samples = new Float32Array(K * n);
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) {
        const at = Math.min(Math.max(i + (r.uniform() < 0.5 ? 0 : 1), 1), n - 1);
        samples[k * n + i] = step(Math.fround(q[at] as number), Math.floor(r.uniform() * 3) - 1);
      }
    }
    const sorted = sortedMembers(samples, K, n).sorted.slice();
    expect(Array.from(sortedMembers(samples, K, n, target, false).w1)).toEqual(Array.from(w1DistancesSorted(sorted, K, n, target)));
  });

  test.prop([fc.integer({ min: 8, max: 300 }), fc.integer({ min: 1, max: 4 }), fc.double({ min: 2, max: 5000, noNaN: true })], { numRuns: 60 })(
    'small terms, then a block of terms far larger than the sum so far (Neumaier’s second branch): numeric’s W1',
    (n, far, big) => {
      const target = parseDistribution('normal:0,1') as Dist1D;
      const { q } = quantileTable(target, n);
      const K = 4;
      const samples = new Float32Array(K * n);
      for (let k = 0; k < K; k++) {
        // each row at its lower quantile rounded down (a small term), the last `far` rows far above the target
        for (let i = 0; i < n; i++) samples[k * n + i] = i >= n - far ? Math.fround(big * (k + 1) + i) : float32Below(Math.max(q[i] as number, -40));
      }
      const sorted = sortedMembers(samples, K, n).sorted.slice();
      expect(Array.from(sortedMembers(samples, K, n, target, false).w1)).toEqual(Array.from(w1DistancesSorted(sorted, K, n, target)));
    },
  );

  it('a sample with a value that is not finite: numeric names it by its index among the sorted values', () => {
    const target = parseDistribution('normal:0,1') as Dist1D;
    const samples = Float32Array.from({ length: 5 * 8 }, (_, i) => (i % 8) - 3);
    samples[21] = Number.POSITIVE_INFINITY;
    // member 2's eight values sorted: the infinity last, at index 2·8 + 7
    expect(() => sortedMembers(samples, 5, 8, target, false)).toThrow(/w1DistancesSorted: sorted\[23\] must be a finite number; got Infinity/);
  });

  it('a NaN in the last, partial group of four, the sorted values kept or not: numeric names it', () => {
    const target = parseDistribution('normal:0,1') as Dist1D;
    const samples = Float32Array.from({ length: 5 * 8 }, (_, i) => (i % 8) - 3);
    samples[34] = Number.NaN;
    // member 4's values sorted as TypedArray sort sorts them: the NaN last, at index 4·8 + 7
    for (const keep of [true, false]) {
      expect(() => sortedMembers(samples, 5, 8, target, keep)).toThrow(/w1DistancesSorted: sorted\[39\] must be a finite number; got NaN/);
    }
  });
});

describe('forwardPairs (the evaluation in the kernel: rows spread over lanes and back by shuffles)', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 1, max: 3 }),
      fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(16, 17)),
      fc.integer({ min: 1, max: 2 }),
      fc.constantFrom<Precision>('float32', 'float64'),
      fc.integer({ min: 0, max: 1_000_000 }),
    ],
    { numRuns: 60 },
  )('equals the scalar forward of each member (mlp.ts, in the same precision) bit for bit, for any K and rows', (K, N, n0, h, nL, precision, s) => {
    expect(simdAvailable()).toBe(true);
    const sizes = [n0, h, nL];
    const net = layout(sizes);
    const r = Rng.fromSeed(s);
    const p = Float32Array.from({ length: K * net.P }, () => r.normal());
    const x = Float32Array.from({ length: K * N * n0 }, () => 3 * r.normal());
    const got = forwardPairs(p, sizes, x, K, precision);
    const ws = new Workspace(net, N, roundFor(precision));
    for (let k = 0; k < K; k++) {
      const want = forwardFrom(p, k * net.P, ws, x, k * N * n0, N).subarray(0, N * nL);
      expect(bitsOf(got.subarray(k * N * nL, (k + 1) * N * nL))).toEqual(bitsOf(Float32Array.from(want)));
    }
  });
});

describe('generatedMembers (G evaluated and summarised in one kernel, the samples never read back)', () => {
  const target = parseDistribution('normal:0.5,1.2') as Dist1D;
  test.prop(
    [
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 70 }),
      fc.integer({ min: 1, max: 2 }),
      fc.constantFrom(3, 16),
      fc.constantFrom<Precision>('float32', 'float64'),
      fc.integer({ min: 0, max: 1_000_000 }),
    ],
    { numRuns: 50 },
  )('gives what forwardPairs then sortedMembers give, bit for bit, and the samples where asked', (K, n, n0, h, precision, s) => {
    expect(simdAvailable()).toBe(true);
    const sizes = [n0, h, 1];
    const net = layout(sizes);
    const r = Rng.fromSeed(s);
    // small weights and a bias near the target's mean: samples from far off to on the target
    const p = Float32Array.from({ length: K * net.P }, (_, i) => (i % net.P === net.P - 1 ? 0.5 : 0.5 * r.normal()));
    const z = Float32Array.from({ length: K * n * n0 }, () => r.normal());
    const samples = forwardPairs(p, sizes, z, K, precision);
    const want = sortedMembers(samples, K, n, target, false);
    const [mean, ss, w1] = [want.mean.slice(), want.ss.slice(), want.w1.slice()];
    const out = new Float32Array(K * n);
    const got = generatedMembers(p, sizes, z, K, n, precision, target, out);
    expect([Array.from(got.mean), Array.from(got.ss), Array.from(got.w1)]).toEqual([Array.from(mean), Array.from(ss), Array.from(w1)]);
    expect(bitsOf(out)).toEqual(bitsOf(samples));
    expect(Array.from(generatedMembers(p, sizes, z, K, n, precision, target).w1)).toEqual(Array.from(w1));
  });

  it('units no noise value turns on left out only where that leaves every value as it was (−0 bias, infinite weight, NaN noise)', () => {
    const h = 5;
    const sizes = [1, h, 1];
    const P = 3 * h + 1;
    const K = 6;
    const n = 37;
    const r = Rng.fromSeed(7);
    const p = Float32Array.from({ length: K * P }, () => r.normal());
    const z = Float32Array.from({ length: K * n }, () => r.normal());
    const unit = (k: number, i: number, w: number, b: number, v: number) => {
      p[k * P + i] = w;
      p[k * P + h + i] = b;
      p[k * P + 2 * h + i] = v;
    };
    // member 0: units 0 and 3 off at every noise value, unit 1 on at some
    unit(0, 0, 0.1, -10, 2);
    unit(0, 3, -0.2, -5, -1);
    unit(0, 1, 1, -1, 0.5);
    // member 1: a −0 output bias and every unit off: b₂ + (+0)·w₂ is +0, not the bias's −0
    for (let i = 0; i < h; i++) unit(1, i, 0.1, -10, 1);
    p[1 * P + 3 * h] = -0;
    // member 2: an off unit with an infinite output weight makes every value NaN
    unit(2, 2, 0.1, -10, Number.POSITIVE_INFINITY);
    // members 3 and 4: NaN noise, first and in the middle, beside off units
    z[3 * n] = Number.NaN;
    z[4 * n + 20] = Number.NaN;
    unit(3, 0, 0.1, -10, 1);
    unit(4, 0, 0.1, -10, 1);
    for (const precision of ['float32', 'float64'] as const) {
      const want = forwardPairs(p, sizes, z, K, precision);
      const out = new Float32Array(K * n);
      expect(() => generatedMembers(p, sizes, z, K, n, precision, parseDistribution('normal:0,1') as Dist1D, out)).toThrow(/must be a finite number/);
      expect(Array.from(out)).toEqual(Array.from(want));
      expect(Object.is(out[1 * n], 0)).toBe(true);
    }
  });

  it('names a sample that is not finite as numeric does, with the samples asked for or not', () => {
    const sizes = [1, 4, 1];
    const net = layout(sizes);
    const K = 5;
    const n = 8;
    const p = Float32Array.from({ length: K * net.P }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
    // member 4's output bias NaN: all its samples NaN, the first of them last in its sorted order: index 4·8 + 0
    p[4 * net.P + net.P - 1] = Number.NaN;
    const z = Float32Array.from({ length: K * n }, (_, i) => Math.sin(i));
    for (const out of [undefined, new Float32Array(K * n)]) {
      expect(() => generatedMembers(p, sizes, z, K, n, 'float32', target, out)).toThrow(/w1DistancesSorted: sorted\[32\] must be a finite number; got NaN/);
    }
  });

  it('refuses a G with more than one output and a z of the wrong length, naming them', () => {
    const z = new Float32Array(8);
    expect(() => generatedMembers(new Float32Array(100), [1, 4, 2], z, 2, 4, 'float32', target)).toThrow(
      /generatedMembers: G must have one output; got sizes \[1,4,2\]/,
    );
    expect(() => generatedMembers(new Float32Array(100), [1, 4, 1], z, 2, 5, 'float32', target)).toThrow(
      /generatedMembers: z must hold K·n·n₀ = 10 values; got 8/,
    );
  });
});

describe('float32Below (the coupling’s block checks: a quantile rounded down, or up as −float32Below(−q), to float32)', () => {
  // the float32 one step above v (v a float32, not +∞), by its bits
  const up = (v: number) => {
    if (v === 0) return 2 ** -149;
    const b = new Float32Array([v]);
    const u = new Int32Array(b.buffer);
    u[0] = (u[0] as number) + (v > 0 ? 1 : -1);
    return b[0] as number;
  };
  test.prop([fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1e-50, -1e-50, 2 ** -149, 3.4028235677973366e38, 3.5e38, -3.5e38, 1 / 3, -1 / 3))], {
    numRuns: 500,
  })('is a float32 at or below x, and the next float32 up lies above x', (x) => {
    const r = float32Below(x);
    expect(Math.fround(r)).toBe(r);
    expect(r <= x).toBe(true);
    if (r !== Infinity) expect(up(r) > x).toBe(true);
  });
});

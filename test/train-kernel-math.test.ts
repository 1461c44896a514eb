// The SIMD kernel's own transcendental functions and generators (assembly/fdlibm.ts, vmath.ts,
// normal.ts) against their definitions: exp, log and log1p against V8's Math functions (fdlibm in
// C++, an independent implementation of the same algorithms), bit for bit; the quantile and the
// draws against src/numeric's normalQuantile and Rng. The engines' byte-identity tests rest on these.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantiate, sigmoidsF32 } from '../src/train/engines/fused-simd.js';
import { sigmoid } from '../src/numeric/logistic.js';
import { Rng } from '../src/numeric/rng.js';
import { normalQuantile } from '../src/numeric/special.js';

const N = 1 << 14;
const { k, base, f64, i32 } = instantiate(N * 8 * 3);

/** Indices where the kernel's f (over the values in place, two at a time) differs from ref, bit for bit. */
function mismatches(xs: number[], run: (at: number, n: number) => void, ref: (x: number) => number): number[] {
  const n = xs.length + (xs.length % 2);
  f64.set(xs, base / 8);
  if (n > xs.length) f64[base / 8 + xs.length] = 0.5;
  run(base, n);
  const bad: number[] = [];
  xs.forEach((x, i) => {
    if (!Object.is(f64[base / 8 + i], ref(x))) bad.push(x);
  });
  return bad;
}

const scalar = (f: (x: number) => number) => (at: number, n: number) => {
  for (let i = 0; i < n; i++) f64[at / 8 + i] = f(f64[at / 8 + i] as number);
};

// the thresholds of fdlibm's branches, each with its neighbours one ulp away
const EXP_EDGES = [0.5 * Math.LN2, 1.5 * Math.LN2, 2 ** -28, 700, 709.782712893384, 745.1332191019411, 708.3964185322641];
const LOG1P_EDGES = [0.41421356237309503, 2 ** -29, 2 ** -20, 1 - 2 ** -17, 1, Math.SQRT2 - 1, 1e-300, 5e-324];
// small integers and familiar constants too: V8 returns e itself for exp(1), 1 ulp below fdlibm's value
const SPECIAL = [
  1,
  2,
  3,
  0.5,
  10,
  100,
  Math.E,
  Math.LN2,
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
];

function withNeighbours(xs: number[]): number[] {
  const out: number[] = [];
  const b = new Float64Array(1);
  const u = new BigInt64Array(b.buffer);
  for (const x of xs) {
    for (const s of [x, -x]) {
      b[0] = s;
      const bits = u[0] as bigint;
      for (const d of [-2n, -1n, 0n, 1n, 2n]) {
        u[0] = bits + d;
        out.push(b[0] as number);
      }
    }
  }
  return out;
}

describe('the kernel’s exp, log and log1p are V8’s Math functions', () => {
  const doubles = fc.array(fc.double({ noNaN: false }), { minLength: 1, maxLength: 512 });
  const moderate = fc.array(fc.double({ min: -750, max: 750 }), { minLength: 1, maxLength: 512 });
  const unit = fc.array(fc.double({ min: 0, max: 1 }), { minLength: 1, maxLength: 512 });

  it('scalar exp, log, log1p: edges, special values and random doubles', () => {
    const edges = withNeighbours([...EXP_EDGES, ...LOG1P_EDGES, ...SPECIAL]);
    expect(mismatches(edges, scalar(k.exp), Math.exp)).toEqual([]);
    expect(mismatches(edges, scalar(k.log), Math.log)).toEqual([]);
    expect(mismatches(edges, scalar(k.log1p), Math.log1p)).toEqual([]);
    fc.assert(
      fc.property(doubles, moderate, (xs, ys) => {
        expect(mismatches([...xs, ...ys], scalar(k.exp), Math.exp)).toEqual([]);
        expect(mismatches(xs.map(Math.abs), scalar(k.log), Math.log)).toEqual([]);
        expect(mismatches([...xs, ...ys.map((y) => y / 750)], scalar(k.log1p), Math.log1p)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('exp on both lanes at once (vexp), including the lanes it hands to the scalar function', () => {
    expect(mismatches(withNeighbours([...EXP_EDGES, ...SPECIAL]), k.vexpAll, Math.exp)).toEqual([]);
    fc.assert(
      fc.property(moderate, doubles, (xs, ys) => {
        expect(mismatches([...xs, ...xs.map((x) => x / 300)], k.vexpAll, Math.exp)).toEqual([]);
        expect(mismatches(ys, k.vexpAll, Math.exp)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('log1p on both lanes at once (vlog1p), the losses’ e^−|l| in (0, 1] and beyond', () => {
    expect(mismatches(withNeighbours([...LOG1P_EDGES, ...SPECIAL]), k.vlog1pAll, Math.log1p)).toEqual([]);
    fc.assert(
      fc.property(unit, doubles, (xs, ys) => {
        expect(mismatches([...xs, ...xs.map((x) => Math.exp(-40 * x))], k.vlog1pAll, Math.log1p)).toEqual([]);
        expect(mismatches(ys, k.vlog1pAll, Math.log1p)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sigmoidsF32: numeric’s sigmoid of float32 logits, rounded to float32, four at a time in the kernel', () => {
  const f32 = (xs: number[]) => Float32Array.from(xs);
  const want = (l: Float32Array) => Float32Array.from(l, (x) => sigmoid(x));
  // values compared as Object.is compares them (NaN = NaN, −0 ≠ +0): a NaN's payload is not the value
  const values = (a: Float32Array) => Array.from(a);
  it('special values, the exponential’s edges and either sign of zero, at every place in a group of four', () => {
    const edges = withNeighbours([...EXP_EDGES, ...SPECIAL, 88.7, 103.9, 16.6, 1e-8]).map(Math.fround);
    for (let shift = 0; shift < 4; shift++) {
      const l = f32([...new Array(shift).fill(0.25), ...edges]);
      expect(values(sigmoidsF32(l, new Float32Array(l.length)))).toEqual(values(want(l)));
    }
  });
  it('random logits of any count (the last n mod 4 one by one)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: false }), { minLength: 0, maxLength: 203 }),
        fc.array(fc.float({ min: -30, max: 30 }), { maxLength: 64 }),
        (xs, ys) => {
          const l = f32([...xs, ...ys]);
          expect(values(sigmoidsF32(l, new Float32Array(l.length)))).toEqual(values(want(l)));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('refuses an out array of another length, naming it', () => {
    expect(() => sigmoidsF32(new Float32Array(5), new Float32Array(4))).toThrow(/sigmoidsF32: into must hold 5 values; got 4/);
  });
});

// the quantile two at a time, in vquantiles' passes (the kernel's draws)
const passesQuantile = (at: number, n: number) => k.vnormalQuantileAll(at, n, base + N * 8);

describe('the kernel’s draws are Rng’s', () => {
  const probabilities = fc.array(fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }), { minLength: 1, maxLength: 256 });
  const tails = fc.array(
    fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }).map((u) => u ** 30),
    { minLength: 1, maxLength: 64 },
  );

  it('normalQuantile, one lane and two at once in passes, = special.ts’s over (0, 1), its tails and the edges of its branches', () => {
    const edges = withNeighbours([0.02425, 0.97575, 0.5, 0.5 + 0.46875 * Math.SQRT1_2 * 0.4, 2 ** -53, 1 - 2 ** -53]).filter((u) => u > 0 && u < 1);
    expect(mismatches(edges, scalar(k.normalQuantile), normalQuantile)).toEqual([]);
    expect(mismatches(edges, passesQuantile, normalQuantile)).toEqual([]);
    fc.assert(
      fc.property(probabilities, tails, (us, ts) => {
        const all = [...us, ...ts, ...ts.map((t) => 1 - t)].filter((u) => u > 0 && u < 1);
        expect(mismatches(all, scalar(k.normalQuantile), normalQuantile)).toEqual([]);
        expect(mismatches(all, passesQuantile, normalQuantile)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a generator’s uniform and normal draws, continued from any state, are Rng’s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }),
        (seed, stream, kinds) => {
          const r = Rng.fromSeed(seed).stream(stream);
          const [s01, s00, s11, s10] = r.save().state as [number, number, number, number];
          i32.set([s00, s01, s10, s11], base / 4);
          for (const normal of kinds) expect(normal ? k.normal(base) : k.uniform(base)).toBe(normal ? r.normal() : r.uniform());
          // and the state left behind is Rng's
          const [t01, t00, t11, t10] = r.save().state as [number, number, number, number];
          expect([...i32.subarray(base / 4, base / 4 + 4)]).toEqual([t00, t01, t10, t11]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/**
 * The trainer as fast-check properties over random seeds, settings and tables (the seed is printed
 * by test/setup.ts; replay with FC_SEED). Oracles: the exact theory module on the trainer's own
 * float32 tables, and the trainer's own single runs and uninterrupted runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { makeConfig, train, trainTabular, useBackend, TrainInterrupted, type Checkpoint, type GanLoss } from '../src/train/index.js';
import { dstar } from '../src/theory/index.js';
import { exactFloat } from '../src/theory/rational.js';
import { discLossGrad, forwardFrom, genLossGrad, layout, Workspace } from '../src/train/mlp.js';
import { Rng } from '../src/numeric/rng.js';

beforeAll(async () => {
  await useBackend('cpu');
});

const LN4 = Math.log(4);
/** Target masses from integer counts in [1, 20] on 2–6 points. */
const target = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 6 });
const seed = fc.integer({ min: 0, max: 1_000_000 });

describe('the tabular GAN against the theory (exact V and JSD on its float32 tables)', () => {
  test.prop([target, seed, fc.constantFrom<'ns' | 'saturating'>('ns', 'saturating'), fc.integer({ min: 1, max: 3 })], { numRuns: 12 })(
    'V(D, G) ≤ C(G) = 2·JSD − log 4 at every logged step, and C(G) ≥ −log 4 with equality only when p_G = p_data',
    (counts, s, loss, dSteps) => {
      const logs = trainTabular({ target: counts, loss, dSteps, steps: 60, logEvery: 10 }, { seed: s, population: 2 });
      for (const row of logs) {
        for (const m of row) {
          const c = 2 * m.jsd - LN4;
          // V(D, G) ≤ V(D*, G) = C(G) for every D (Goodfellow et al. 2014, Proposition 1); both exact on the same tables
          expect(m.value).toBeLessThanOrEqual(c + 1e-12);
          expect(m.jsd).toBeGreaterThanOrEqual(0);
          const total = counts.reduce((a, b) => a + b, 0);
          const equal = m.q.every((q, i) => Math.abs(q - (counts[i] as number) / total) === 0);
          if (!equal) expect(c).toBeGreaterThan(-LN4);
        }
      }
    },
  );

  test.prop([target, seed], { numRuns: 6 })("D trained alone against a fixed random G reaches D* = p/(p + q) (exact, on G's float32 table)", (counts, s) => {
    const logs = trainTabular({ target: counts, freezeG: true, lrD: 0.05, steps: 2500, logEvery: 2500 }, { seed: s, population: 2 });
    const total = counts.reduce((a, b) => a + b, 0);
    for (const m of logs[logs.length - 1] ?? []) {
      const ds = dstar(
        counts.map((c) => `${c}/${total}`),
        m.q.map((q) => exactFloat(q)),
        { normalize: true, digits: 20 },
      );
      m.d.forEach((d, i) => expect(Math.abs(d - Number(ds[i]?.value))).toBeLessThan(2e-3));
    }
  });

  test.prop([target, seed], { numRuns: 6 })('with G fixed at p_G = p_data, D reaches ½ everywhere', (counts, s) => {
    const total = counts.reduce((a, b) => a + b, 0);
    const g = counts.map((c) => Math.log(c / total));
    const logs = trainTabular({ target: counts, freezeG: true, lrD: 0.05, steps: 2500, logEvery: 2500 }, { seed: s, init: { g } });
    for (const m of logs[logs.length - 1] ?? []) m.d.forEach((d) => expect(Math.abs(d - 0.5)).toBeLessThan(2e-3));
  });
});

describe('the MLP trainer: populations and resumes are exact', () => {
  const settings = fc.record({
    loss: fc.constantFrom<GanLoss>('ns', 'saturating', 'lsgan', 'wgan', 'wgan-gp'),
    batch: fc.integer({ min: 4, max: 32 }),
    dSteps: fc.integer({ min: 1, max: 3 }),
  });
  const config = (o: { loss: GanLoss; batch: number; dSteps: number }) => makeConfig('seed-toy', { ...o, steps: 40, logEvery: 10, evalSamples: 64 });

  test.prop([settings, seed, fc.integer({ min: 2, max: 4 })], { numRuns: 6 })('each member of a population equals its single run', async (o, s, K) => {
    const pop = await train(config(o), { seed: s, population: K });
    const k = s % K;
    const single = await train(config(o), { seed: s + k });
    expect(JSON.stringify(pop.logs.map((l) => l[k]))).toBe(JSON.stringify(single.logs.map((l) => l[0])));
  });

  test.prop([settings, seed, fc.integer({ min: 1, max: 39 })], { numRuns: 6 })('a resume at a random step equals the uninterrupted run', async (o, s, at) => {
    const full = await train(config(o), { seed: s, population: 2 });
    let saved: Checkpoint | undefined;
    let polls = 0;
    await expect(
      train(config(o), {
        seed: s,
        population: 2,
        shouldStop: () => ++polls > at,
        onCheckpoint: (ck) => (saved = JSON.parse(JSON.stringify(ck)) as Checkpoint),
      }),
    ).rejects.toThrow(TrainInterrupted);
    expect(saved?.step).toBe(at);
    const resumed = await train(config(o), { resume: saved });
    expect(JSON.stringify(resumed.logs)).toBe(JSON.stringify(full.logs));
    expect(JSON.stringify(resumed.final)).toBe(JSON.stringify(full.final));
  });
});

describe("the fused engine's hand-derived gradients", () => {
  /**
   * Central differences (step 2⁻¹⁴, in float32 parameters) of f at 24 parameters of p drawn from r, against grad:
   * the share that agree within 1e-5 + 1e-4·|fd|.
   */
  const agreement = (r: Rng, p: Float32Array, f: (q: Float32Array) => number, grad: Float64Array) => {
    const h = 2 ** -14;
    let agree = 0;
    const checked = Array.from({ length: 24 }, () => Math.floor(r.uniform() * p.length));
    for (const i of checked) {
      const up = Float32Array.from(p);
      const down = Float32Array.from(p);
      up[i] = Math.fround((p[i] as number) + h);
      down[i] = Math.fround((p[i] as number) - h);
      const fd = (f(up) - f(down)) / ((up[i] as number) - (down[i] as number));
      if (Math.abs(fd - (grad[i] as number)) <= 1e-5 + 1e-4 * Math.abs(fd)) agree++;
    }
    return agree / checked.length;
  };

  // Central differences in float64 on the float32 parameters: the perturbation is the exact
  // difference of the two float32 values, so rounding the parameters costs nothing. ReLU kinks
  // make a difference quotient wrong when a pre-activation crosses 0 within the step (rare at
  // h = 2⁻¹⁴): at least 95% of the parameters checked in each run must agree.
  const losses = fc.constantFrom<GanLoss>('ns', 'saturating', 'lsgan', 'wgan');
  test.prop([losses, seed, fc.integer({ min: 4, max: 16 })], { numRuns: 12 })(
    "discLossGrad's gradient matches finite differences at random parameters and batches",
    (loss, s, B) => {
      const dSizes = [1, 16, 16, 1];
      const net = layout(dSizes);
      const r = Rng.fromSeed(s);
      const p = Float32Array.from({ length: net.P }, () => r.uniform() - 0.5);
      const real = Float32Array.from({ length: B }, () => 3 + 2 * (r.uniform() - 0.5));
      const fake = Float64Array.from({ length: B }, () => 2 * (r.uniform() - 0.5));
      const spec = { dSizes, loss, label: 1, gpWeight: 10, batch: B };
      const ws = new Workspace(net, 3 * B);
      const grad = new Float64Array(net.P);
      discLossGrad(spec, p, 0, ws, real, 0, fake, 0, null, 0, grad);
      const at = (q: Float32Array) => discLossGrad(spec, q, 0, new Workspace(net, 3 * B), real, 0, fake, 0, null, 0, new Float64Array(net.P));
      expect(agreement(r, p, at, grad)).toBeGreaterThanOrEqual(0.95);
    },
  );

  test.prop([seed, fc.integer({ min: 4, max: 16 })], { numRuns: 12 })(
    "WGAN-GP: the critic's gradient with its second-order penalty λ·E(‖∇ₓf(x̂)‖ − 1)² matches finite differences",
    (s, B) => {
      const dSizes = [2, 16, 16, 1];
      const net = layout(dSizes);
      const r = Rng.fromSeed(s);
      const p = Float32Array.from({ length: net.P }, () => r.uniform() - 0.5);
      const real = Float32Array.from({ length: 2 * B }, () => 2 * (r.uniform() - 0.5));
      const fake = Float64Array.from({ length: 2 * B }, () => 2 * (r.uniform() - 0.5));
      const eps = Float32Array.from({ length: B }, () => r.uniform());
      const spec = { dSizes, loss: 'wgan-gp' as GanLoss, label: 1, gpWeight: 10, batch: B };
      const grad = new Float64Array(net.P);
      discLossGrad(spec, p, 0, new Workspace(net, 3 * B), real, 0, fake, 0, eps, 0, grad);
      const at = (q: Float32Array) => discLossGrad(spec, q, 0, new Workspace(net, 3 * B), real, 0, fake, 0, eps, 0, new Float64Array(net.P));
      // the penalty is not the plain critic loss: the run checks the term it adds
      expect(at(p)).not.toBe(discLossGrad({ ...spec, loss: 'wgan' }, p, 0, new Workspace(net, 3 * B), real, 0, fake, 0, null, 0, new Float64Array(net.P)));
      expect(agreement(r, p, at, grad)).toBeGreaterThanOrEqual(0.95);
    },
  );

  test.prop([losses, seed, fc.integer({ min: 4, max: 16 })], { numRuns: 12 })(
    "genLossGrad: G's gradient through D matches finite differences in G's parameters",
    (loss, s, B) => {
      const gSizes = [2, 16, 16, 1];
      const dSizes = [1, 16, 16, 1];
      const gNet = layout(gSizes);
      const dNet = layout(dSizes);
      const r = Rng.fromSeed(s);
      const gp = Float32Array.from({ length: gNet.P }, () => r.uniform() - 0.5);
      const dp = Float32Array.from({ length: dNet.P }, () => r.uniform() - 0.5);
      const z = Float32Array.from({ length: 2 * B }, () => 2 * (r.uniform() - 0.5));
      const spec = { gSizes, dSizes, loss, batch: B };
      const at = (q: Float32Array, grad = new Float64Array(gNet.P)) => {
        const gws = new Workspace(gNet, B);
        forwardFrom(q, 0, gws, z, 0, B);
        return genLossGrad(spec, q, 0, dp, 0, gws, new Workspace(dNet, B), grad);
      };
      const grad = new Float64Array(gNet.P);
      at(gp, grad);
      expect(agreement(r, gp, (q) => at(q), grad)).toBeGreaterThanOrEqual(0.95);
    },
  );
});

describe("the exact pushforward density on the metrics' grid", () => {
  const finite = fc.double({ min: -3, max: 3, noNaN: true });
  test.prop(
    [
      fc.integer({ min: 1, max: 6 }),
      fc.array(finite, { minLength: 40, maxLength: 40 }),
      fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 1, maxLength: 60 }),
    ],
    { numRuns: 80 },
  )('pushforwardDensityOnGrid = pushforwardDensity at every point, bit for bit (kinks and piece ends on the grid too)', async (h, w, extra) => {
    const { generatorPieces, pushforwardDensity, pushforwardDensityOnGrid } = await import('../src/train/pushforward.js');
    const at = (i: number) => w[i % w.length] as number;
    const layers = [
      { W: Array.from({ length: h }, (_, j) => at(j)), b: Array.from({ length: h }, (_, j) => at(j + 7)), fin: 1, fout: h },
      { W: Array.from({ length: h }, (_, j) => at(j + 17)), b: [at(31)], fin: h, fout: 1 },
    ];
    const pieces = generatorPieces(layers);
    // the grid: the given points, each piece's end images (where a test is decided by rounding), ascending
    const ends = pieces.flatMap((p) => [p.a * p.lo + p.c, p.a * p.hi + p.c]).filter(Number.isFinite);
    const xs = Float64Array.from([...extra, ...ends]).sort();
    const dens = pushforwardDensity(pieces);
    const onGrid = pushforwardDensityOnGrid(pieces, xs);
    expect(Array.from(onGrid)).toEqual(Array.from(xs, dens));
  });
});

describe("the exact pushforward density in the kernel (the trainer's D*: G of one hidden layer)", () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 70 }),
      fc.integer({ min: 1, max: 17 }),
      fc.array(fc.oneof(fc.float({ min: -3, max: 3, noNaN: true }), fc.constantFrom(0, -0, 1, -1, 0.5)), { minLength: 40, maxLength: 40 }),
      fc.integer({ min: 1, max: 250 }),
    ],
    { numRuns: 80 },
  )('pushforwardRows = pushforwardDensityOnGrid(generatorPiecesFlat) of each member, bit for bit', async (K, h, w, gridN) => {
    const { generatorPiecesFlat, pushforwardDensityOnGrid, pushforwardRows } = await import('../src/train/pushforward.js');
    const P = 3 * h + 1;
    // members' weights from w, shifted per member; zeros among them (flat pieces, units that never turn on)
    const g = Float32Array.from({ length: K * P }, (_, i) => w[(i * 7 + Math.floor(i / P)) % w.length] as number);
    // an ascending float32 grid over the outputs' range, with the pieces' end images of member 0 among its points
    const grid = Float32Array.from({ length: gridN }, (_, i) => -6 + (12 * i) / gridN).sort();
    const want: number[][] = [];
    for (let k = 0; k < K; k++) {
      const o = k * P;
      const layers = [
        { W: g.subarray(o, o + h), b: g.subarray(o + h, o + 2 * h), fin: 1, fout: h },
        { W: g.subarray(o + 2 * h, o + 3 * h), b: g.subarray(o + 3 * h, o + P), fin: h, fout: 1 },
      ];
      want.push(Array.from(pushforwardDensityOnGrid(generatorPiecesFlat(layers), grid, gridN)));
    }
    const got: number[][] = [];
    expect(pushforwardRows(g, h, K, grid, gridN, (k, row) => got.push([k, ...row]))).toBe(true);
    expect(got.map((r) => r[0])).toEqual(Array.from({ length: K }, (_, k) => k));
    expect(got.map((r) => r.slice(1))).toEqual(want);
  });

  it('refuses parameters of the wrong length, naming them', async () => {
    const { pushforwardRows } = await import('../src/train/pushforward.js');
    expect(() => pushforwardRows(new Float32Array(10), 3, 2, new Float32Array(5), 5, () => {})).toThrow(
      /pushforwardRows: gFlat must hold K·\(3h \+ 1\) = 20 values; got 10/,
    );
  });
});

describe('the float32 arithmetic of the fused engine (its scalar reference)', () => {
  // each operation's result stored in a float32 array, the way PyTorch's float32 tensors hold it (not Math.fround)
  const f32 = new Float32Array(1);
  const r = (x: number) => {
    f32[0] = x;
    return f32[0] as number;
  };
  test.prop(
    [fc.array(fc.float({ min: -2, max: 2, noNaN: true }), { minLength: 3 + 4 * 3 + 1, maxLength: 3 + 4 * 3 + 1 }), fc.float({ min: -3, max: 3, noNaN: true })],
    {
      numRuns: 100,
    },
  )('forward through 1-4-1 with ReLU: every product and sum rounded to float32 in the order of the sums', (w, x) => {
    const net = layout([1, 4, 1]);
    const p = Float32Array.from(w.slice(0, net.P));
    const ws = new Workspace(net, 1, Math.fround);
    const got = forwardFrom(p, 0, ws, Float32Array.of(x), 0, 1)[0] as number;
    const L0 = net.layers[0] as { w: number; b: number };
    const L1 = net.layers[1] as { w: number; b: number };
    const xr = Math.fround(x);
    let out = p[L1.b] as number;
    for (let j = 0; j < 4; j++) {
      const h = r((p[L0.b + j] as number) + r(xr * (p[L0.w + j] as number)));
      out = r(out + r((h > 0 ? h : 0) * (p[L1.w + j] as number)));
    }
    expect(got).toBe(out);
  });
});

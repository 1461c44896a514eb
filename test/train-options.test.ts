/**
 * The trainer's hinge loss, R1/R2 penalties, spectral normalisation and EMA of G (autodiff engine), each
 * held to an independent float64 computation: a ReLU MLP written here in plain float64 with its input
 * gradient by hand, whose losses are differentiated by central finite differences; TF.js's float32
 * gradients must agree to float32 accuracy. The fused engine refuses these settings by name, and a run
 * without --engine picks the autodiff engine.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawBatch, memberBatch } from '../src/train/engines/fused-members.js';
import { autodiffEngine, dLossOf, forward, gLossOf, gradientSquaredNorm, layersOf, spectralLayers, type Layer } from '../src/train/engines/autodiff.js';
import { normal } from '../src/numeric/index.js';
import { makeConfig, train, useBackend } from '../src/train/index.js';
import { Rng } from '../src/numeric/rng.js';

/** A small D: 2 → 4 → 3 → 1, ReLU between layers; parameters flat, per layer W (row-major [in][out]) then b. */
const SIZES = [2, 4, 3, 1];
const spans = SIZES.slice(1).map((out, i) => ({ fin: SIZES[i] as number, fout: out }));
const P = spans.reduce((s, l) => s + l.fin * l.fout + l.fout, 0);

interface Net64 {
  W: number[][][];
  b: number[][];
}
function unpack(p: readonly number[]): Net64 {
  const net: Net64 = { W: [], b: [] };
  let at = 0;
  for (const { fin, fout } of spans) {
    net.W.push(Array.from({ length: fin }, (_, i) => Array.from({ length: fout }, (_, j) => p[at + i * fout + j] as number)));
    at += fin * fout;
    net.b.push(p.slice(at, at + fout) as number[]);
    at += fout;
  }
  return net;
}
/** D(x) and ∇ₓD(x) in float64, by backpropagation written out. */
function dAndGrad(net: Net64, x: readonly number[]): { d: number; g: number[] } {
  const acts: number[][] = [[...x]];
  const masks: number[][] = [];
  let h = [...x];
  net.W.forEach((W, l) => {
    const z = (net.b[l] as number[]).map((bj, j) => bj + h.reduce((s, hi, i) => s + hi * ((W[i] as number[])[j] as number), 0));
    if (l + 1 < net.W.length) {
      masks.push(z.map((v) => (v > 0 ? 1 : 0)));
      h = z.map((v) => Math.max(0, v));
    } else h = z;
    acts.push(h);
  });
  let g = [1];
  for (let l = net.W.length - 1; l >= 0; l--) {
    const W = net.W[l] as number[][];
    g = W.map((row) => row.reduce((s, w, j) => s + w * (g[j] as number), 0));
    if (l > 0) g = g.map((v, i) => v * ((masks[l - 1] as number[])[i] as number));
  }
  return { d: h[0] as number, g };
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Central differences of a float64 function of the parameters. */
function fd(f: (p: number[]) => number, p: number[], h = 1e-6): number[] {
  return p.map((_, i) => {
    const a = [...p];
    const b = [...p];
    a[i] = (a[i] as number) + h;
    b[i] = (b[i] as number) - h;
    return (f(a) - f(b)) / (2 * h);
  });
}

/** TF.js's gradient of a loss of the flat parameters, and the float64 finite differences of its twin. */
function compare(tfLoss: (layers: Layer[]) => tf.Scalar, f64: (p: number[]) => number, p: number[]): void {
  const got = tf.tidy(() =>
    Array.from(
      tf
        .grad((flat: tf.Tensor) => tfLoss(layersOf(flat, SIZES)))(tf.tensor2d([p], [1, P]))
        .dataSync(),
    ),
  );
  const want = fd(f64, p);
  const scale = Math.max(...want.map(Math.abs));
  want.forEach((w, i) => expect(Math.abs((got[i] as number) - w), `parameter ${i}: TF.js ${got[i]}, float64 ${w}`).toBeLessThanOrEqual(2e-4 * scale + 1e-5));
}

const rng = Rng.fromSeed(20261202);
const params = () => Array.from({ length: P }, () => (2 * rng.uniform() - 1) * 0.9);
const points = (n: number) => Array.from({ length: n }, () => [2 * rng.normal(), 2 * rng.normal()]);
const batch = (xs: number[][]) => tf.tensor3d([xs], [1, xs.length, 2]);

beforeAll(async () => {
  await useBackend('cpu');
});

describe('the trainer options, against float64 finite differences', () => {
  const real = points(5);
  const fake = points(5);
  const p = params();

  it("--loss hinge: D's loss E max(0, 1 − D(x)) + E max(0, 1 + D(G(z))) and G's −E D(G(z))", () => {
    const c = makeConfig('ring8', { loss: 'hinge' });
    const dOf = (q: number[], xs: number[][]) => xs.map((x) => dAndGrad(unpack(q), x).d);
    compare(
      (L) => tf.sum(dLossOf(c, forward(L, batch(real)), forward(L, batch(fake)))) as tf.Scalar,
      (q) => mean(dOf(q, real).map((d) => Math.max(0, 1 - d))) + mean(dOf(q, fake).map((d) => Math.max(0, 1 + d))),
      p,
    );
    compare(
      (L) => tf.sum(gLossOf(c, forward(L, batch(fake)))) as tf.Scalar,
      (q) => -mean(dOf(q, fake)),
      p,
    );
  });

  it('--r1 γ / --r2 γ: (γ/2)·E‖∇ₓD(x)‖², a second-order gradient, on the real (R1) or fake (R2) batch', () => {
    for (const xs of [real, fake]) {
      compare(
        (L) => tf.mul(tf.sum(gradientSquaredNorm(L, batch(xs))), 5) as tf.Scalar,
        (q) => 5 * mean(xs.map((x) => dAndGrad(unpack(q), x).g.reduce((s, v) => s + v * v, 0))),
        p,
      );
    }
  });

  it('--spectral-norm: each W divided by σ = vᵀWu (u, v fixed), differentiated through σ', () => {
    const us = spans.map(({ fout }) => Array.from({ length: fout }, () => rng.normal()));
    const vs = spans.map(({ fin }) => Array.from({ length: fin }, () => rng.normal()));
    const vectors = spans.map(({ fin, fout }, l) => ({
      u: tf.variable(tf.tensor3d(us[l] as number[], [1, fout, 1])),
      v: tf.variable(tf.tensor3d(vs[l] as number[], [1, fin, 1])),
    }));
    const normalised = (q: number[]): Net64 => {
      const net = unpack(q);
      return {
        W: net.W.map((W, l) => {
          const sigma = W.reduce(
            (s, row, i) => s + ((vs[l] as number[])[i] as number) * row.reduce((t, w, j) => t + w * ((us[l] as number[])[j] as number), 0),
            0,
          );
          return W.map((row) => row.map((w) => w / sigma));
        }),
        b: net.b,
      };
    };
    const c = makeConfig('ring8');
    compare(
      (L) => tf.sum(dLossOf(c, forward(spectralLayers(L, vectors), batch(real)), forward(spectralLayers(L, vectors), batch(fake)))) as tf.Scalar,
      (q) => {
        const net = normalised(q);
        const softplus = (l: number) => Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
        return mean(real.map((x) => softplus(-dAndGrad(net, x).d))) + mean(fake.map((x) => softplus(dAndGrad(net, x).d)));
      },
      p,
    );
    tf.dispose(vectors.flatMap((v) => [v.u, v.v]));
  });
});

describe('the trainer options in a run', () => {
  it("--ema β: G's samples come from θ̄ₜ = β·θ̄ₜ₋₁ + (1 − β)·θₜ (θ̄₀ = θ₀), recomputed here in float64 from the engine's weights", () => {
    const beta = 0.8;
    const c = makeConfig('seed-toy', { ema: beta });
    const gSizes = [1, 16, 1];
    const gP = gSizes.slice(1).reduce((s, out, i) => s + (gSizes[i] as number) * out + out, 0);
    const dP = gP;
    const r = Rng.fromSeed(7);
    const init = {
      gp: Float32Array.from({ length: gP }, () => (2 * r.uniform() - 1) * 0.5),
      gm: new Float32Array(gP),
      gv: new Float32Array(gP),
      dp: Float32Array.from({ length: dP }, () => (2 * r.uniform() - 1) * 0.5),
      dm: new Float32Array(dP),
      dv: new Float32Array(dP),
    };
    const rngs = [{ data: Rng.fromSeed(8), noise: Rng.fromSeed(9), gp: Rng.fromSeed(10) }];
    const engine = autodiffEngine(c, normal(3, 1), 1, init, rngs, Uint8Array.of(1));
    let average = Array.from(init.gp);
    for (let t = 0; t < 5; t++) {
      engine.run(t, 1, t, t);
      const theta = Array.from(engine.state().gp);
      average = average.map((a, i) => beta * a + (1 - beta) * (theta[i] as number));
    }
    // G(z) in float64 from the averaged weights: Linear(1,16)–ReLU–Linear(16,1), W row-major [in][out] then b
    const g64 = (z: number) => {
      const W1 = average.slice(0, 16);
      const b1 = average.slice(16, 32);
      const W2 = average.slice(32, 48);
      const b2 = average[48] as number;
      return W2.reduce((s, w, j) => s + w * Math.max(0, z * (W1[j] as number) + (b1[j] as number)), b2);
    };
    const zs = [-1.5, -0.3, 0.2, 1.1];
    const { samples } = engine.evaluate({ data: Float32Array.from(zs), shape: [1, 4, 1] }, { data: Float32Array.of(0), shape: [1, 1, 1] });
    zs.forEach((z, i) => expect(Math.abs((samples[i] as number) - g64(z))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(g64(z)))));
    // and not from the raw weights θ₅ (the average differs from them)
    const raw = Array.from(engine.state().gp);
    expect(raw.some((w, i) => Math.abs(w - (average[i] as number)) > 1e-4)).toBe(true);
    engine.dispose();
  });

  it("--r1 γ in a step: D's reported loss gains exactly (γ/2)·E‖∇ₓD(x)‖² on the step's real batch (float64, from the initial weights)", () => {
    const gamma = 6;
    const P1 = 1 * 16 + 16 + 16 * 1 + 1;
    const init = () => {
      const q = Rng.fromSeed(12);
      const w = (n: number) => Float32Array.from({ length: n }, () => (2 * q.uniform() - 1) * 0.7);
      return { gp: w(P1), gm: new Float32Array(P1), gv: new Float32Array(P1), dp: w(P1), dm: new Float32Array(P1), dv: new Float32Array(P1) };
    };
    const rngs = () => [{ data: Rng.fromSeed(13), noise: Rng.fromSeed(14), gp: Rng.fromSeed(15) }];
    const lossOf = (r1: number) => {
      const e = autodiffEngine(makeConfig('seed-toy', { r1 }), normal(3, 1), 1, init(), rngs(), Uint8Array.of(1));
      e.run(0, 1, 0, 0);
      const l = e.report.dLoss[0] as number;
      e.dispose();
      return l;
    };
    // the step's real batch, drawn as the engine draws it
    const c = makeConfig('seed-toy');
    const batch = memberBatch(c, 1);
    drawBatch(c, normal(3, 1), rngs()[0] as { data: Rng; noise: Rng; gp: Rng }, batch);
    const dp = Array.from(init().dp);
    const W1 = dp.slice(0, 16);
    const b1 = dp.slice(16, 32);
    const W2 = dp.slice(32, 48);
    // ∂D/∂x = Σⱼ W2ⱼ·W1ⱼ·[x·W1ⱼ + b1ⱼ > 0] for the 1 → 16 → 1 ReLU network
    const dDdx = (x: number) => W2.reduce((s, w2, j) => s + (x * (W1[j] as number) + (b1[j] as number) > 0 ? w2 * (W1[j] as number) : 0), 0);
    const penalty = (gamma / 2) * mean(Array.from(batch.real.subarray(0, c.batch), (x) => dDdx(x) ** 2));
    const gain = lossOf(gamma) - lossOf(0);
    expect(Math.abs(gain - penalty)).toBeLessThanOrEqual(1e-4 * Math.max(1, penalty));
    expect(penalty).toBeGreaterThan(1e-3);
  });

  it('the fused engine refuses them by name; without --engine a run picks the autodiff engine', async () => {
    const c = makeConfig('seed-toy', { steps: 2, logEvery: 1, loss: 'hinge', r1: 1 });
    await expect(train(c, { engine: 'fused' })).rejects.toThrow(/"fused" does not implement --loss hinge, --r1; use the autodiff engine/);
    const r = await train(c, { seed: 1 });
    expect(r.engine).toBe('autodiff');
    expect(Number.isFinite(r.final[0]?.dLoss)).toBe(true);
  });

  it('bad values are refused naming the setting', () => {
    expect(() => makeConfig('ring8', { r1: -1 })).toThrow(/train: r1 must be a penalty weight γ from 0 to 1e6; got -1/);
    expect(() => makeConfig('ring8', { ema: 1 })).toThrow(/train: ema must be a decay β in \[0, 1\); got 1/);
    expect(() => makeConfig('ring8', { spectralNorm: 'yes' as never })).toThrow(/spectralNorm must be true or false/);
  });
});

describe('the engine registry', () => {
  it('each engine says whether it can run a configuration on a backend; the trainer takes the first that can', async () => {
    const { ENGINES, chooseEngine } = await import('../src/train/engines/registry.js');
    expect(ENGINES.map((e) => e.name)).toEqual(['fused', 'autodiff']);
    const plain = makeConfig('seed-toy');
    const hinge = makeConfig('seed-toy', { loss: 'hinge', spectralNorm: true });
    expect(chooseEngine(plain, 'cpu').name).toBe('fused');
    expect(chooseEngine(plain, 'wasm').name).toBe('autodiff');
    expect(chooseEngine(hinge, 'cpu').name).toBe('autodiff');
    expect(ENGINES[0]?.supports(hinge, 'cpu')).toMatch(/does not implement --loss hinge, --spectral-norm/);
    expect(() => chooseEngine(plain, 'wasm', 'fused')).toThrow(/train: engine "fused" runs on the cpu backend only; the backend is "wasm"/);
    expect(() => chooseEngine(plain, 'cpu', 'turbo')).toThrow(/train: engine must be fused or autodiff; got "turbo"/);
  });
});

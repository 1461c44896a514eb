import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { tabularBatchLosses, tabularLosses } from '../src/train/tabular-losses.js';
import { floatFraction, trainTabular, useBackend, TABULAR } from '../src/train/index.js';
import { Rng } from '../src/numeric/index.js';
import { dstarExact, value, valueAtOptimum } from '../src/theory/index.js';
import { mainAsync } from '../src/cli/main.js';

beforeAll(async () => {
  await useBackend('cpu');
});

const p = [0.1, 0.2, 0.3, 0.4];
const P = p.map((x) => floatFraction(Math.fround(x)));
const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('the tabular GAN against the exact theory module', () => {
  it('the trainer’s D loss is −V(D, G) computed exactly on the same float32 tables', () => {
    const dLogits = [
      [0.3, -1.1, 2.0, 0.0],
      [-0.7, 0.4, 0.1, -2.5],
    ];
    const gLogits = [
      [0.2, 0.9, -0.3, 0.5],
      [1.5, -1.0, 0.0, 0.25],
    ];
    const pt = tf.tensor2d([p, p]);
    const dt = tf.tensor2d(dLogits);
    const gt = tf.tensor2d(gLogits);
    const { dLoss } = tabularLosses(TABULAR, pt, dt, gt);
    const got = dLoss.dataSync();
    const q = tf.softmax(gt).dataSync();
    const D = tf.sigmoid(dt).dataSync();
    for (let k = 0; k < 2; k++) {
      const Q = Array.from(q.subarray(4 * k, 4 * k + 4), floatFraction);
      const Dk = Array.from(D.subarray(4 * k, 4 * k + 4), floatFraction);
      const exact = -Number(value(P, Q, Dk, { normalize: true, digits: 20 }).value);
      expect(Math.abs((got[k] as number) - exact) / exact).toBeLessThan(1e-6);
    }
    tf.dispose([pt, dt, gt, dLoss]);
  });

  it('its gradients match the analytic ones: ∂(−V)/∂dᵢ = qᵢσ(dᵢ) − pᵢ(1 − σ(dᵢ)), ∂L_G/∂gⱼ (non-saturating)', () => {
    const d = [0.3, -1.1, 2.0, 0.0];
    const g = [0.2, 0.9, -0.3, 0.5];
    const pt = tf.tensor2d([p]);
    const gd = tf
      .grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, x as tf.Tensor2D, tf.tensor2d([g])).dLoss))(tf.tensor2d([d]))
      .dataSync();
    const gg = tf
      .grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, tf.tensor2d([d]), x as tf.Tensor2D).gLoss))(tf.tensor2d([g]))
      .dataSync();
    const z = g.reduce((a, b) => a + Math.exp(b), 0);
    const q = g.map((x) => Math.exp(x) / z);
    const logS = d.map((x) => Math.log(sig(x)));
    const mean = q.reduce((a, qi, i) => a + qi * (logS[i] as number), 0);
    d.forEach((x, i) => {
      expect(Math.abs((gd[i] as number) - ((q[i] as number) * sig(x) - (p[i] as number) * (1 - sig(x))))).toBeLessThan(1e-6);
      // L_G = −Σ qᵢ ln σ(dᵢ): ∂/∂gⱼ = −qⱼ(ln σ(dⱼ) − Σ qᵢ ln σ(dᵢ))
      expect(Math.abs((gg[i] as number) + (q[i] as number) * ((logS[i] as number) - mean))).toBeLessThan(1e-6);
    });
    pt.dispose();
  });

  it('training D alone against a fixed G converges to D* = p/(p+q) (theory)', () => {
    const logs = trainTabular({ freezeG: true, steps: 3000, logEvery: 3000 }, { seed: 3 });
    const last = logs[logs.length - 1]?.[0];
    expect(last).toBeDefined();
    const dstar = dstarExact(P, (last?.q ?? []).map(floatFraction), { normalize: true });
    dstar.forEach((r, i) => {
      const exact = Number(r?.num) / Number(r?.den);
      expect(Math.abs((last?.d[i] as number) - exact)).toBeLessThan(1e-3);
    });
  });

  it('against D ≡ ½ the generator’s gradient is zero (V does not depend on p_G there); at p_G = p_data it is the Nash point', () => {
    const pt = tf.tensor2d([p]);
    const half = tf.zeros([1, 4]) as tf.Tensor2D;
    for (const loss of ['ns', 'saturating'] as const) {
      const gg = tf
        .grad((x: tf.Tensor) => tf.sum(tabularLosses({ ...TABULAR, loss }, pt, half, x as tf.Tensor2D).gLoss))(tf.tensor2d([[0.4, -0.3, 1.2, 0.0]]))
        .dataSync();
      expect(Math.max(...Array.from(gg, Math.abs))).toBeLessThan(1e-7);
    }
    // at q = p and D = ½ D's gradient vanishes too, and V = C(G) = −ln 4 (theory)
    const gAtP = tf.tensor2d([p.map(Math.log)]);
    const gd = tf
      .grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, x as tf.Tensor2D, gAtP).dLoss))(half)
      .dataSync();
    expect(Math.max(...Array.from(gd, Math.abs))).toBeLessThan(1e-7);
    const lossAtNash = tabularLosses(TABULAR, pt, half, gAtP).dLoss.dataSync()[0] as number;
    const cg = Number(valueAtOptimum(P, P, { normalize: true, digits: 20 }).value);
    expect(Math.abs(-lossAtNash - cg)).toBeLessThan(1e-6);
    tf.dispose([pt, half, gAtP]);
  });

  it('logs carry the exact V and JSD of each member’s tables', () => {
    const logs = trainTabular({ steps: 50, logEvery: 25 }, { seed: 1, population: 2 });
    expect(logs.map((l) => l.length)).toEqual([2, 2, 2]);
    for (const l of logs.flat()) {
      expect(l.jsd).toBeGreaterThanOrEqual(0);
      expect(l.jsd).toBeLessThanOrEqual(Math.LN2);
      expect(l.value).toBeLessThanOrEqual(0);
    }
  });
});

describe('the tabular GAN on minibatches', () => {
  const d0 = [0.3, -1.2, 0.8, -0.1];
  const g0 = [0.5, -0.4, 1.1, 0.2];
  const qOf = (g: number[]) => {
    const e = g.map(Math.exp);
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  };
  it.each(['ns', 'saturating'] as const)(
    '%s: with the histograms at their expectations (p̂ = p, q̂ = q) the losses are the exact ones and the surrogate’s gradient is the exact ∇_g',
    (loss) => {
      const c = { ...TABULAR, loss };
      const [pT, dT, gT, qT] = [p, d0, g0, qOf(g0)].map((x) => tf.tensor2d(x, [1, 4]));
      const exact = tabularLosses(c, pT as tf.Tensor2D, dT as tf.Tensor2D, gT as tf.Tensor2D);
      const batch = tabularBatchLosses(c, pT as tf.Tensor2D, qT as tf.Tensor2D, dT as tf.Tensor2D, gT as tf.Tensor2D);
      expect(Math.abs(exact.dLoss.dataSync()[0]! - batch.dLoss.dataSync()[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(exact.gLoss.dataSync()[0]! - batch.gLoss.dataSync()[0]!)).toBeLessThan(1e-6);
      const gExact = tf
        .grad((g: tf.Tensor) => tf.sum(tabularLosses(c, pT as tf.Tensor2D, dT as tf.Tensor2D, g as tf.Tensor2D).gLoss))(gT as tf.Tensor)
        .dataSync();
      const gSur = tf
        .grad((g: tf.Tensor) => tf.sum(tabularBatchLosses(c, pT as tf.Tensor2D, qT as tf.Tensor2D, dT as tf.Tensor2D, g as tf.Tensor2D).gSurrogate))(
          gT as tf.Tensor,
        )
        .dataSync();
      gExact.forEach((v, i) => expect(Math.abs(v - gSur[i]!)).toBeLessThan(1e-6));
    },
  );

  it('the score-function gradient from sampled fakes is unbiased (mean of 4000 batches of 16 within 4.5 standard errors)', () => {
    const c = { ...TABULAR, loss: 'ns' as const };
    const M = 4000;
    const B = 16;
    const q = qOf(g0);
    const cum = new Float64Array(4);
    q.reduce((s, x, i) => (cum[i] = s + x), 0);
    const rng = Rng.fromSeed(12);
    const qHat = new Float32Array(M * 4);
    for (let m = 0; m < M; m++) {
      for (let b = 0; b < B; b++) {
        const i = m * 4 + rng.categorical(cum);
        qHat[i] = qHat[i]! + 1 / B;
      }
    }
    const tile = (x: number[]) => tf.tensor2d(Array.from({ length: M }, () => x).flat(), [M, 4]);
    const [pT, dT, gT] = [p, d0, g0].map(tile);
    const grads = tf
      .grad((g: tf.Tensor) => tf.sum(tabularBatchLosses(c, pT as tf.Tensor2D, tf.tensor2d(qHat, [M, 4]), dT as tf.Tensor2D, g as tf.Tensor2D).gSurrogate))(
        gT as tf.Tensor,
      )
      .arraySync() as number[][];
    // exact: ∂/∂g_j Σ qᵢ fᵢ = q_j (f_j − Σ qᵢ fᵢ), f = −ln σ(d)
    const f = d0.map((x) => Math.log1p(Math.exp(-x)));
    const mean = q.reduce((s, x, i) => s + x * f[i]!, 0);
    const exact = q.map((x, j) => x * (f[j]! - mean));
    for (let j = 0; j < 4; j++) {
      const xs = grads.map((r) => r[j]!);
      const avg = xs.reduce((a, b) => a + b, 0) / M;
      const se = Math.sqrt(xs.reduce((a, b) => a + (b - avg) ** 2, 0) / (M - 1) / M);
      expect(Math.abs(avg - exact[j]!)).toBeLessThan(4.5 * se);
    }
  });

  it('D trained alone on minibatches settles near D* = p/(p+q), within the sampling noise', () => {
    const logs = trainTabular({ freezeG: true, steps: 3000, logEvery: 3000, batch: 1024, lrD: 0.01 }, { seed: 3 });
    const last = logs[logs.length - 1]![0]!;
    const dstar = dstarExact(P, last.q.map(floatFraction), { normalize: true });
    dstar.forEach((r, i) => expect(Math.abs(last.d[i]! - Number(r?.num) / Number(r?.den))).toBeLessThan(0.03));
  });

  it('minibatch runs are seeded: the same seed gives the same logs, and a population member equals its single run', () => {
    const cfg = { steps: 120, logEvery: 40, batch: 8 };
    const a = trainTabular(cfg, { seed: 9, population: 3 });
    expect(JSON.stringify(trainTabular(cfg, { seed: 9, population: 3 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(trainTabular(cfg, { seed: 10 }).map((l) => l[0]))).toBe(JSON.stringify(a.map((l) => l[1])));
    expect(JSON.stringify(trainTabular({ ...cfg, batch: 0 }, { seed: 9 }).map((l) => l[0]))).not.toBe(JSON.stringify(a.map((l) => l[0])));
    expect(() => trainTabular({ batch: -1 })).toThrow(/trainTabular: batch must be 0 \(exact expectations\) or a positive integer; got -1/);
  });
});

describe('gan-verify train --preset tabular', () => {
  it('prints losses with the exact V and JSD', async () => {
    let out = '';
    const code = await mainAsync(
      ['train', '--preset', 'tabular', '--steps', '201', '--log-every', '100'],
      (s) => (out += s),
      () => undefined,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^Step 0: D_loss=\d\.\d{4}, G_loss=\d\.\d{4}, V=-\d\.\d{6}, JSD=0\.\d{6}\nStep 100: /);
    let mini = '';
    expect(
      await mainAsync(
        ['train', '--preset', 'tabular', '--steps', '201', '--log-every', '100', '--batch', '32'],
        (s) => (mini += s),
        () => undefined,
      ),
    ).toBe(0);
    expect(mini).toMatch(/^Step 0: D_loss=\d\.\d{4}, G_loss=\d\.\d{4}, V=-\d\.\d{6}, JSD=0\.\d{6}\nStep 100: /);
    expect(mini).not.toBe(out);
    let err = '';
    expect(
      await mainAsync(
        ['train', '--preset', 'tabular', '--label-smoothing', '0.1'],
        () => undefined,
        (s) => (err += s),
      ),
    ).toBe(2);
    expect(err).toMatch(/--label-smoothing does not apply to the tabular preset/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { floatFraction, tabularLosses, trainTabular, useBackend, TABULAR } from '../src/train/index.js';
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
    const dLogits = [[0.3, -1.1, 2.0, 0.0], [-0.7, 0.4, 0.1, -2.5]];
    const gLogits = [[0.2, 0.9, -0.3, 0.5], [1.5, -1.0, 0.0, 0.25]];
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
    const gd = tf.grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, x as tf.Tensor2D, tf.tensor2d([g])).dLoss))(tf.tensor2d([d])).dataSync();
    const gg = tf.grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, tf.tensor2d([d]), x as tf.Tensor2D).gLoss))(tf.tensor2d([g])).dataSync();
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
      const gg = tf.grad((x: tf.Tensor) => tf.sum(tabularLosses({ ...TABULAR, loss }, pt, half, x as tf.Tensor2D).gLoss))(tf.tensor2d([[0.4, -0.3, 1.2, 0.0]])).dataSync();
      expect(Math.max(...Array.from(gg, Math.abs))).toBeLessThan(1e-7);
    }
    // at q = p and D = ½ D's gradient vanishes too, and V = C(G) = −ln 4 (theory)
    const gAtP = tf.tensor2d([p.map(Math.log)]);
    const gd = tf.grad((x: tf.Tensor) => tf.sum(tabularLosses(TABULAR, pt, x as tf.Tensor2D, gAtP).dLoss))(half).dataSync();
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

describe('gan-verify train --preset tabular', () => {
  it('prints losses with the exact V and JSD', async () => {
    let out = '';
    const code = await mainAsync(['train', '--preset', 'tabular', '--steps', '201', '--log-every', '100'], (s) => (out += s), () => undefined);
    expect(code).toBe(0);
    expect(out).toMatch(/^Step 0: D_loss=\d\.\d{4}, G_loss=\d\.\d{4}, V=-\d\.\d{6}, JSD=0\.\d{6}\nStep 100: /);
    let err = '';
    expect(await mainAsync(['train', '--preset', 'tabular', '--batch', '3'], () => undefined, (s) => (err += s))).toBe(2);
    expect(err).toMatch(/--batch does not apply to the tabular preset/);
  });
});

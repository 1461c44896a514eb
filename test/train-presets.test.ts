import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { gradientPenalty } from '../src/train/engines/autodiff.js';
import { makeConfig, modeMetrics, train, useBackend } from '../src/train/index.js';
import { ring8, grid25 } from '../src/numeric/index.js';

beforeAll(async () => {
  await useBackend('cpu');
});

// Small versions of the presets: the mechanics, not the (slow) full runs.
const small = { steps: 6, logEvery: 3, batch: 32, evalSamples: 300, gHidden: [16, 16], dHidden: [16, 16] };

describe('presets', () => {
  it.each(['ring8', 'grid25'])('%s trains and reports the mode metrics', async (preset) => {
    const r = await train(makeConfig(preset, small), { seed: 1, population: 2 });
    for (const m of r.final) {
      expect(m.modes).toBe(preset === 'ring8' ? 8 : 25);
      expect(m.modesCovered).toBeGreaterThanOrEqual(0);
      expect(m.modesCovered).toBeLessThanOrEqual(m.modes as number);
      expect(m.hqShare).toBeGreaterThanOrEqual(0);
      expect(m.hqShare).toBeLessThanOrEqual(1);
      expect(m.w1).toBeUndefined();
    }
  });
  it('mixture-1d reports W1 to the mixture and G’s moments', async () => {
    const r = await train(makeConfig('mixture-1d', small), { seed: 1 });
    expect(r.final[0]?.w1).toBeGreaterThan(0);
    expect(Number.isFinite(r.final[0]?.gStd)).toBe(true);
  });
  it('wgan-gp trains; population member = single run holds there too', async () => {
    const c = makeConfig('mixture-1d', { ...small, loss: 'wgan-gp' });
    const pop = await train(c, { seed: 4, population: 2 });
    const one = await train(c, { seed: 5 });
    expect(JSON.stringify(pop.logs.map((l) => l[1]))).toBe(JSON.stringify(one.logs.map((l) => l[0])));
  });
});

describe('metrics and the gradient penalty', () => {
  it('mode metrics follow the published definitions', () => {
    const t = ring8();
    // all points on mode 0: one mode covered, all high quality, reverse KL = ln 8
    const on0 = new Float32Array(200).map((_, i) => (i % 2 === 0 ? 1 : 0));
    expect(modeMetrics(on0, t)).toEqual({ modesCovered: 1, modes: 8, hqShare: 1, reverseKl: Math.log(8) });
    // one point per mode, exactly at the modes: uniform histogram, reverse KL 0
    const all = Float32Array.from(t.modes);
    const m = modeMetrics(all, t);
    expect(m.modesCovered).toBe(8);
    expect(Math.abs(m.reverseKl)).toBeLessThan(1e-12);
    // far from every mode (beyond 3σ): no high-quality point, KL infinite
    expect(modeMetrics(new Float32Array([0, 0, 0.5, 0.5]), t)).toMatchObject({ modesCovered: 0, hqShare: 0, reverseKl: Infinity });
    expect(modeMetrics(Float32Array.from(grid25().modes), grid25()).modesCovered).toBe(25);
  });
  it('the penalty uses per-sample gradient norms, not one norm over the batch', () => {
    // a linear critic D(x) = 3x₁ + 4x₂: every sample's gradient has norm 5, so the penalty is (5 − 1)² = 16;
    // a single norm over a batch of 8 would be 5√8 and give (5√8 − 1)²
    const layer = { W: tf.variable(tf.tensor3d([3, 4], [1, 2, 1])), b: tf.variable(tf.zeros([1, 1, 1]) as tf.Tensor3D) };
    const real = tf.randomNormal([1, 8, 2]) as tf.Tensor3D;
    const fake = tf.randomNormal([1, 8, 2]) as tf.Tensor3D;
    const eps = tf.randomUniform([1, 8, 1]) as tf.Tensor3D;
    const gp = gradientPenalty([layer], real, fake, eps).dataSync()[0] as number;
    expect(Math.abs(gp - 16)).toBeLessThan(1e-4);
    tf.dispose([layer.W, layer.b, real, fake, eps]);
  });
});

describe('the exact pushforward density of a ReLU generator', () => {
  it('integrates to 1 and matches a histogram of G’s samples; D* gap is reported', async () => {
    const { generatorPieces, pushforwardDensity } = await import('../src/train/pushforward.js');
    // G(z) = relu(2z + 1) − relu(−z) + 0.5 (two hidden units) → piecewise linear with kinks at −½ and 0
    const layers = [
      { W: [2, -1], b: [1, 0], fin: 1, fout: 2 },
      { W: [1, -1], b: [0.5], fin: 2, fout: 1 },
    ];
    const pieces = generatorPieces(layers);
    const G = (z: number) => Math.max(2 * z + 1, 0) - Math.max(-z, 0) + 0.5;
    for (const p of pieces) {
      const z = Number.isFinite(p.lo) && Number.isFinite(p.hi) ? (p.lo + p.hi) / 2 : Number.isFinite(p.lo) ? p.lo + 1 : p.hi - 1;
      expect(Math.abs(p.a * z + p.c - G(z))).toBeLessThan(1e-12);
    }
    const dens = pushforwardDensity(pieces);
    // ∫ p_G over a fine grid ≈ 1 (no flat piece here)
    let mass = 0;
    for (let x = -20; x < 20; x += 1e-3) mass += dens(x + 5e-4) * 1e-3;
    expect(Math.abs(mass - 1)).toBeLessThan(1e-3);
    const r = await train(makeConfig('seed-toy', { steps: 30, logEvery: 10 }), { seed: 0 });
    expect(r.final[0]?.dStarGap).toBeGreaterThanOrEqual(0);
    expect(r.final[0]?.dStarGap).toBeLessThanOrEqual(1);
  });
});

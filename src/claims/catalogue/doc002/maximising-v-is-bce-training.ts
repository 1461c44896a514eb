/**
 * Claim `maximising-v-is-bce-training` of seed document 002: training D to maximise V is training a
 * binary classifier with cross-entropy on a balanced set. V itself is −2 × the mean BCE (the
 * imprecise verdict of `value-is-cross-entropy`, sentence #50); what this sentence says is about
 * training: the gradients are proportional with one negative factor, ∇V = −2∇BCE, so an ascent step
 * on V with rate η is the BCE descent step with rate 2η, and the maximisers of V are the minimisers
 * of the BCE.
 */
import * as tf from '@tensorflow/tfjs';
import { defineClaim } from '../../define.js';
import { fmt } from '../../format.js';
import { softplus } from '../../../numeric/logistic.js';
import { src } from './setup.js';

/** The data set the classifier is trained on: how many real (label 1) and generated (label 0) samples. */
type Balance = { nReal: number; nFake: number };

export const maxVIsBceTraining = defineClaim({
  id: 'maximising-v-is-bce-training',
  source: src(
    'Training the discriminator to maximize $V$ is exactly training a binary classifier with cross-entropy loss on a balanced dataset of real and generated ' +
      'samples.',
  ),
  statement:
    'for a logistic discriminator D(x) = σ(w·x + b) on 2-D samples (real N((1, 1), I), generated N((−1, 0), I)), at random parameters: the gradient of the ' +
    'sample value V̂ = mean ln D(real) + mean ln(1 − D(fake)) (central differences) equals −2 × the gradient of the mean binary cross-entropy on the ' +
    'balanced set of n real and n generated samples (TensorFlow.js sigmoidCrossEntropy, autodiff) at every point: one negative factor, so a step of ' +
    'ascent on V with rate η is the BCE descent step with rate 2η and the maximisers of V are the minimisers of the BCE',
  method: 'exact',
  expected: 'holds',
  subject: { nReal: 256, nFake: 256 } as Balance,
  mutant: {
    description: 'an unbalanced data set (3 generated samples per real one): its mean BCE weighs the two terms of V unequally',
    subject: { nReal: 256, nFake: 768 },
  },
  check: (s: Balance, ctx) => {
    const xr = Array.from({ length: s.nReal }, () => [1 + ctx.rng.normal(), 1 + ctx.rng.normal()] as const);
    const xf = Array.from({ length: s.nFake }, () => [-1 + ctx.rng.normal(), ctx.rng.normal()] as const);
    // V̂(w1, w2, b) with ln σ(l) = −softplus(−l), ln(1 − σ(l)) = −softplus(l)
    const value = (t: readonly number[]) => {
      const l = (x: readonly [number, number]) => (t[0] as number) * x[0] + (t[1] as number) * x[1] + (t[2] as number);
      return -xr.reduce((a, x) => a + softplus(-l(x)), 0) / s.nReal - xf.reduce((a, x) => a + softplus(l(x)), 0) / s.nFake;
    };
    const labels = tf.tensor1d([...xr.map(() => 1), ...xf.map(() => 0)]);
    const feats = tf.tensor2d([...xr, ...xf].map((x) => [x[0], x[1]]));
    const bceGrad = (t: readonly number[]) =>
      tf.tidy(() => {
        const g = tf.grads((w: tf.Tensor, b: tf.Tensor) => tf.losses.sigmoidCrossEntropy(labels, tf.add(tf.matMul(feats, w).reshape([-1]), b)));
        const [gw, gb] = g([tf.tensor2d([[t[0] as number], [t[1] as number]]), tf.scalar(t[2] as number)]);
        return [...(gw as tf.Tensor).dataSync(), ...(gb as tf.Tensor).dataSync()];
      });
    const points = ctx.size(20, 100);
    let worst = 0;
    const ratios: number[] = [];
    let example = '';
    for (let k = 0; k < points; k++) {
      const t = [2 * ctx.rng.normal(), 2 * ctx.rng.normal(), 2 * ctx.rng.normal()];
      const h = 1e-5;
      const gV = t.map((_, i) => {
        const up = t.map((v, j) => (j === i ? v + h : v));
        const dn = t.map((v, j) => (j === i ? v - h : v));
        return (value(up) - value(dn)) / (2 * h);
      });
      const gB = bceGrad(t);
      const norm = Math.hypot(...gB);
      // the best factor c with ∇V ≈ c·∇BCE, and how far ∇V is from −2·∇BCE
      const c = gV.reduce((a, v, i) => a + v * (gB[i] as number), 0) / (norm * norm);
      ratios.push(c);
      const off = Math.hypot(...gV.map((v, i) => v + 2 * (gB[i] as number))) / Math.max(1e-12, Math.hypot(...gV));
      if (off > worst) {
        worst = off;
        const shown = (v: readonly number[], d: number) => v.map((x) => fmt(x, d)).join(', ');
        example = `at (w, b) = (${shown(t, 3)}): ∇V̂ = (${shown(gV, 4)}), ∇BCE = (${shown(gB, 4)})`;
      }
    }
    labels.dispose();
    feats.dispose();
    const holds = worst < 1e-4;
    const [lo, hi] = [Math.min(...ratios), Math.max(...ratios)];
    return {
      verdict: holds ? 'holds' : 'refuted',
      evidence: holds
        ? `∇V̂ = −2·∇BCE at all ${points} random parameter points (largest relative difference ${worst.toExponential(1)}; ${s.nReal} real, ${s.nFake} ` +
          'generated): an ascent step on V with rate η is the BCE descent step with rate 2η'
        : `∇V̂ is not a fixed multiple of ∇BCE with ${s.nReal} real and ${s.nFake} generated samples: the best factor ranges over [${fmt(lo, 3)}, ` +
          `${fmt(hi, 3)}] and ∇V̂ differs from −2·∇BCE by up to ${fmt(100 * worst, 3)}% (${example})`,
      numbers: { points, worstRelative: worst, factorLow: lo, factorHigh: hi },
      ...(holds ? {} : { counterexample: example }),
    };
  },
});

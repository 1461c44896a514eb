/**
 * PyTorch's Adam (torch.optim.Adam; Kingma & Ba 2015, Algorithm 1 with the bias corrections folded into
 * the step as PyTorch folds them): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * p ← p − (lr/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε), element by element (so a population's members never interact).
 */
import { noRound } from '../round.js';
import type { OptimizerDef, OptimizerSpec } from './types.js';

/**
 * Adam's bias corrections at step t, as PyTorch applies them: the step size lr/(1 − β₁ᵗ) and
 * √(1 − β₂ᵗ), which divides √v. Every Adam here (the scalar update, its ops, the SIMD kernel) takes them from this.
 */
export function adamCorrections(s: Pick<OptimizerSpec, 'lr' | 'beta1' | 'beta2' | 't'>): { stepSize: number; bc2Sqrt: number } {
  return { stepSize: s.lr / (1 - s.beta1 ** s.t), bc2Sqrt: Math.sqrt(1 - s.beta2 ** s.t) };
}

export const ADAM: OptimizerDef = {
  id: 'adam',
  title: "Adam, PyTorch's update rule (Kingma & Ba 2015)",
  update(s, p, m, v, g, o, P, R = noRound) {
    const corr = adamCorrections(s);
    // the constants as the arithmetic holds them (float32 rounds each; a float32 kernel splats them so)
    const [b1, c1, b2, c2, eps] = [R(s.beta1), R(1 - s.beta1), R(s.beta2), R(1 - s.beta2), R(s.eps)];
    const [stepSize, bc2Sqrt] = [R(corr.stepSize), R(corr.bc2Sqrt)];
    for (let i = 0; i < P; i++) {
      const gi = g[i] as number;
      m[o + i] = R(R(b1 * (m[o + i] as number)) + R(c1 * gi));
      v[o + i] = R(R(b2 * (v[o + i] as number)) + R(R(c2 * gi) * gi));
      // the update reads the stored (float32) moments
      p[o + i] = R((p[o + i] as number) - R(R(stepSize * (m[o + i] as number)) / R(R(R(Math.sqrt(v[o + i] as number)) / bc2Sqrt) + eps)));
    }
  },
  ops(tf, p, m, v, g, s) {
    const { stepSize, bc2Sqrt } = adamCorrections(s);
    const m1 = tf.add(tf.mul(m, s.beta1), tf.mul(g, 1 - s.beta1));
    const v1 = tf.add(tf.mul(v, s.beta2), tf.mul(tf.mul(g, g), 1 - s.beta2));
    const p1 = tf.sub(p, tf.mul(tf.div(m1, tf.add(tf.div(tf.sqrt(v1), bc2Sqrt), s.eps)), stepSize));
    return [
      [m, m1],
      [v, v1],
      [p, p1],
    ];
  },
  kernel: 'adam',
};

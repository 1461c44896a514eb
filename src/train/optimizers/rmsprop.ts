/**
 * PyTorch's RMSprop (torch.optim.RMSprop, no momentum, not centred): v ← αv + (1−α)g²;
 * p ← p − lr·g/(√v + ε), with α = the spec's beta2. The optimiser of the WGAN paper (Arjovsky, Chintala
 * & Bottou 2017, Algorithm 1: RMSProp, learning rate 5·10⁻⁵).
 */
import { noRound } from '../round.js';
import type { OptimizerDef } from './types.js';

export const RMSPROP: OptimizerDef = {
  id: 'rmsprop',
  title: "RMSprop, PyTorch's (no momentum, not centred), the WGAN paper's optimiser (Arjovsky et al. 2017)",
  update(s, p, _m, v, g, o, P, R = noRound) {
    const [lr, alpha, c, eps] = [R(s.lr), R(s.beta2), R(1 - s.beta2), R(s.eps)];
    for (let i = 0; i < P; i++) {
      const gi = g[i] as number;
      v[o + i] = R(R(alpha * (v[o + i] as number)) + R(R(c * gi) * gi));
      p[o + i] = R((p[o + i] as number) - R(R(lr * gi) / R(R(Math.sqrt(v[o + i] as number)) + eps)));
    }
  },
  ops(tf, p, _m, v, g, s) {
    const v1 = tf.add(tf.mul(v, s.beta2), tf.mul(tf.mul(g, g), 1 - s.beta2));
    const p1 = tf.sub(p, tf.mul(tf.div(g, tf.add(tf.sqrt(v1), s.eps)), s.lr));
    return [
      [v, v1],
      [p, p1],
    ];
  },
  kernel: 'rmsprop',
};

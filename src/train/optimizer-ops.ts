/**
 * The optimizers as TF.js ops on [K, P] parameter tensors (one row per member), for the autodiff
 * engine and the tabular trainer: PyTorch's Adam and RMSprop, the same arithmetic as the fused
 * engine's float loops in adam.ts (`adam`, `rmsprop`).
 */
import { adamCorrections } from './adam.js';
import { tf } from './tf.js';

/** PyTorch's Adam as TF.js ops on [K, P] (members whose `active` entry is false keep their values). */
export function adamOps(
  p: tf.Variable,
  m: tf.Variable,
  v: tf.Variable,
  g: tf.Tensor,
  s: { optimizer: 'adam' | 'rmsprop'; lr: number; beta1: number; beta2: number; eps: number; t: number },
  active: boolean[],
): void {
  if (s.optimizer === 'rmsprop') {
    rmspropOps(p, v, g, s, active);
    return;
  }
  const { stepSize, bc2Sqrt } = adamCorrections(s);
  tf.tidy(() => {
    const m1 = tf.add(tf.mul(m, s.beta1), tf.mul(g, 1 - s.beta1));
    const v1 = tf.add(tf.mul(v, s.beta2), tf.mul(tf.mul(g, g), 1 - s.beta2));
    const p1 = tf.sub(p, tf.mul(tf.div(m1, tf.add(tf.div(tf.sqrt(v1), bc2Sqrt), s.eps)), stepSize));
    assignActive(active, [
      [m, m1],
      [v, v1],
      [p, p1],
    ]);
  });
}

/** Assigns each updated tensor to its variable, for the members whose `active` entry is true (the others keep their rows). Inside a tidy. */
function assignActive(active: boolean[], updates: [tf.Variable, tf.Tensor][]): void {
  const keep = active.includes(false) ? tf.tensor2d(active, [active.length, 1], 'bool') : null;
  for (const [variable, next] of updates) variable.assign(keep === null ? next : tf.where(keep, next, variable));
}

/** PyTorch's RMSprop as TF.js ops (α = s.beta2; see adam.ts `rmsprop`). */
function rmspropOps(p: tf.Variable, v: tf.Variable, g: tf.Tensor, s: { lr: number; beta2: number; eps: number }, active: boolean[]): void {
  tf.tidy(() => {
    const v1 = tf.add(tf.mul(v, s.beta2), tf.mul(tf.mul(g, g), 1 - s.beta2));
    const p1 = tf.sub(p, tf.mul(tf.div(g, tf.add(tf.sqrt(v1), s.eps)), s.lr));
    assignActive(active, [
      [v, v1],
      [p, p1],
    ]);
  });
}

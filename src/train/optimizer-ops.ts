/**
 * The optimisers as TF.js ops on [K, P] parameter tensors (one row per member), for the autodiff
 * engine and the tabular trainer: the registry's ops (./optimizers/), assigned per member.
 */
import { OPTIMIZERS } from './optimizers/index.js';
import { tf } from './tf.js';

/** The optimiser's update (Adam or RMSprop: ./optimizers/) as TF.js ops on [K, P] (members whose `active` entry is false keep their values). */
export function adamOps(
  p: tf.Variable,
  m: tf.Variable,
  v: tf.Variable,
  g: tf.Tensor,
  s: { optimizer: 'adam' | 'rmsprop'; lr: number; beta1: number; beta2: number; eps: number; t: number },
  active: boolean[],
): void {
  tf.tidy(() => assignActive(active, OPTIMIZERS[s.optimizer].ops(tf, p, m, v, g, s)));
}

/** Assigns each updated tensor to its variable, for the members whose `active` entry is true (the others keep their rows). Inside a tidy. */
function assignActive(active: boolean[], updates: [tf.Variable, tf.Tensor][]): void {
  const keep = active.includes(false) ? tf.tensor2d(active, [active.length, 1], 'bool') : null;
  for (const [variable, next] of updates) variable.assign(keep === null ? next : tf.where(keep, next, variable));
}

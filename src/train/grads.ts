import { tf } from './tf.js';

/**
 * Gradients of a population's losses: `loss()` returns one loss per member ([K]); the gradient is
 * taken of their sum, so each member's parameters receive exactly that member's gradient (members
 * share no parameters). Returns the per-member losses (read back once) and the gradients, which the
 * caller disposes with `dispose()`.
 */
export function memberGrads(loss: () => tf.Tensor1D, vars: tf.Variable[]): { losses: Float32Array; grads: tf.NamedTensorMap; dispose: () => void } {
  let kept: tf.Tensor | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const l = loss();
    kept = tf.keep(l);
    return tf.sum(l) as tf.Scalar;
  }, vars);
  const held = kept as unknown as tf.Tensor;
  const losses = held.dataSync() as Float32Array;
  return { losses, grads, dispose: () => tf.dispose([value, held, ...Object.values(grads)]) };
}

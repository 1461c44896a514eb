import { checkFields } from './check.js';
import { checkTensor } from './tensor-check.js';
import { tf } from './tf.js';
import type { TabularConfig } from './tabular-config.js';

/**
 * D's loss −V(D; p, q) and G's loss Σ qᵢ fᵢ, f = −ln σ(d) (ns) or ln(1 − σ(d)) (saturating), per
 * member, for [K, n] tables; also the weights qᵢ fᵢ.
 */
function lossesOn(c: TabularConfig, p: tf.Tensor2D, q: tf.Tensor2D, d: tf.Tensor2D): { dLoss: tf.Tensor1D; gLoss: tf.Tensor1D; w: tf.Tensor2D } {
  // ln σ(d) = −softplus(−d), ln(1 − σ(d)) = −softplus(d): stable for any logit
  const logD = tf.neg(tf.softplus(tf.neg(d)));
  const log1mD = tf.neg(tf.softplus(d));
  const dLoss = tf.neg(tf.add(tf.sum(tf.mul(p, logD), 1), tf.sum(tf.mul(q, log1mD), 1))) as tf.Tensor1D;
  const w = tf.mul(q, c.loss === 'ns' ? tf.neg(logD) : log1mD) as tf.Tensor2D;
  return { dLoss, gLoss: tf.sum(w, 1) as tf.Tensor1D, w };
}

/**
 * D's loss −V and G's loss, per member ([K] each), for logits d, g of shape [K, n] (exact expectations, q = softmax(g)).
 * @throws {@link TrainError} when `c` has no string `loss` or a tensor is not of rank 2.
 */
export function tabularLosses(
  c: TabularConfig,
  p: tf.Tensor2D,
  d: tf.Tensor2D,
  g: tf.Tensor2D,
): {
  /** −V(D; p, q) = −Σ pᵢ ln σ(dᵢ) − Σ qᵢ ln(1 − σ(dᵢ)), [K]. */
  dLoss: tf.Tensor1D;
  /** Σ qᵢ fᵢ with f = −ln σ(d) (ns) or ln(1 − σ(d)) (saturating), [K]. */
  gLoss: tf.Tensor1D;
} {
  checkFields('tabularLosses', 'c', c, { loss: 'string' });
  for (const [arg, t] of [
    ['p', p],
    ['d', d],
    ['g', g],
  ] as const)
    checkTensor('tabularLosses', arg, t, 2);
  const { dLoss, gLoss } = lossesOn(c, p, tf.softmax(g), d);
  return { dLoss, gLoss };
}

/**
 * The minibatch losses for histograms pHat (of B real points) and qHat (of B fakes), [K, n] each:
 * D's loss −V(D; p̂, q̂); G's loss estimate Σ q̂ᵢ f(dᵢ) with f = −ln σ (ns) or ln(1 − σ)
 * (saturating); and G's surrogate Σ (q̂ᵢ f(dᵢ)) ln qᵢ, whose gradient in g, Σ q̂ᵢ fᵢ (eᵢ − q), is the
 * score-function estimate (the weights q̂ᵢ fᵢ do not depend on g). With q̂ = q the surrogate's
 * gradient is the exact ∇_g of the G loss.
 */
export function tabularBatchLosses(
  c: TabularConfig,
  pHat: tf.Tensor2D,
  qHat: tf.Tensor2D,
  d: tf.Tensor2D,
  g: tf.Tensor2D,
): {
  /** −V(D; p̂, q̂), [K]. */
  dLoss: tf.Tensor1D;
  /** G's loss estimate Σ q̂ᵢ f(dᵢ), [K]. */
  gLoss: tf.Tensor1D;
  /** Σ q̂ᵢ f(dᵢ) ln qᵢ, [K]: differentiated in g it gives the score-function gradient. */
  gSurrogate: tf.Tensor1D;
} {
  checkFields('tabularBatchLosses', 'c', c, { loss: 'string' });
  for (const [arg, t] of [
    ['pHat', pHat],
    ['qHat', qHat],
    ['d', d],
    ['g', g],
  ] as const)
    checkTensor('tabularBatchLosses', arg, t, 2);
  const { dLoss, gLoss, w } = lossesOn(c, pHat, qHat, d);
  return { dLoss, gLoss, gSurrogate: tf.sum(tf.mul(w, tf.logSoftmax(g)), 1) as tf.Tensor1D };
}

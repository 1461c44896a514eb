/**
 * The logistic function and its logarithms, stably for every logit l (the forms tfjs and PyTorch
 * use for sigmoid cross-entropy):
 * - softplus(l) = ln(1 + eˡ) = max(l, 0) + ln(1 + e^−|l|): no overflow for large l, no loss for
 *   very negative l; softplus(+∞) = +∞, softplus(−∞) = 0.
 * - σ(l) = 1/(1 + e^−l) for l ≥ 0 and e^l/(1 + e^l) below, so that σ of a very negative l keeps its
 *   relative precision instead of rounding 1 + e^−l.
 * - ln σ(l) = −softplus(−l) and ln(1 − σ(l)) = −softplus(l): the log-likelihoods of a
 *   discriminator with logit l, exact in log form where σ(l) itself would round to 0 or 1
 *   (ln(1 − σ(100)) = −100 − ln(1 + e^−100), not ln 0).
 */

/** softplus(l) = ln(1 + eˡ), stably. */
export function softplus(l: number): number {
  return Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
}

/** σ(l), stably. */
export function sigmoid(l: number): number {
  if (l >= 0) return 1 / (1 + Math.exp(-l));
  const e = Math.exp(l);
  return e / (1 + e);
}

/**
 * softplus(l) into out.loss and its derivative σ(l) into out.slope, from one exponential
 * e = e^−|l|: the values of softplus(l) and sigmoid(l) above (for l < 0, e^−|l| = eˡ), for loops
 * that need both (the trainer's losses).
 */
export function softplusWithSlope(l: number, out: { loss: number; slope: number }): void {
  const e = Math.exp(-Math.abs(l));
  out.slope = l >= 0 ? 1 / (1 + e) : e / (1 + e);
  out.loss = Math.max(l, 0) + Math.log1p(e);
}

/** ln σ(l) = −softplus(−l). */
export const logSigmoid = (l: number): number => -softplus(-l);

/** ln(1 − σ(l)) = −softplus(l). */
export const logOneMinusSigmoid = (l: number): number => -softplus(l);

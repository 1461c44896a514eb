/** Claim `saturating-gradient-small-in-d` of seed document 002. */
import * as tf from '@tensorflow/tfjs';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt, linspace } from '../../util.js';
import { src } from './setup.js';
import { deriv } from '../../util.js';

export const saturatingGradient = defineClaim({
  id: 'saturating-gradient-small-in-d',
  source: src(
    'The function $\\log(1 - d)$ is nearly flat near $d \\approx 0$, so its gradient $\\partial/\\partial d [\\log(1-d)] = -1/(1-d)$ is small in magnitude ' +
      'when $d \\approx 0$.',
  ),
  statement:
    "the derivative formula against a central difference, and its magnitude at d = 10⁻³; the gradient with respect to D's logit (TensorFlow.js autodiff) at " +
    'the same point',
  method: 'exact',
  expected: 'imprecise',
  subject: (d: number) => -1 / (1 - d),
  mutant: { description: 'derivative −1/(1+d)', subject: (d: number) => -1 / (1 + d) },
  check: (dformula) => {
    const d = 1e-3;
    const formulaRight = linspace(0.001, 0.9, 50).every((x) => Math.abs(dformula(x) - deriv((y) => Math.log(1 - y), x)) < 1e-6);
    const magnitude = Math.abs(dformula(d));
    const l = Math.log(d / (1 - d));
    const logitGrad = tf.tidy(
      () =>
        tf
          .grad((x: tf.Tensor) => tf.log(tf.sub(1, tf.sigmoid(x))))(tf.scalar(l))
          .dataSync()[0] as number,
    );
    const smallInD = magnitude < 0.1;
    const smallInLogit = Math.abs(logitGrad) < 0.01;
    return {
      verdict: verdictOf({ asStated: formulaRight && smallInD, corrected: formulaRight && smallInLogit }),
      evidence:
        `formula ${formulaRight ? 'matches' : 'does not match'} the derivative; |∂/∂d log(1−d)| = ${fmt(magnitude, 4)} at d = 10⁻³ (not small); ` +
        `w.r.t. the logit it is ${fmt(logitGrad, 3)}`,
      numbers: { formulaRight, magnitudeInD: magnitude, gradientInLogit: logitGrad },
      correction:
        'the derivative in d is −1/(1−d) ≈ −1 near d = 0, not small; what vanishes is the gradient through the sigmoid, ∂/∂l log(1−σ(l)) = −σ(l) = −d → 0',
    };
  },
});

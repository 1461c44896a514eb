/** Claim `non-saturating-gradient-strong` of seed document 002. */
import * as tf from '@tensorflow/tfjs';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const nsGradient = defineClaim({
  id: 'non-saturating-gradient-strong',
  source: src('Near $d \\approx 0$, the gradient of $\\log d$ is $1/d$, which is large - providing strong signal when the discriminator is winning.'),
  statement:
    "the generator loss's gradient with respect to D's logit (TensorFlow.js autodiff) at d = 10⁻³ against d = 1/2: larger when D is winning; its " +
    'd-derivative ≥ 100 in magnitude there',
  method: 'exact',
  expected: 'holds',
  subject: (d: tf.Tensor): tf.Tensor => tf.neg(tf.log(d)),
  mutant: { description: 'the saturating loss log(1 − d) in its place', subject: (d: tf.Tensor): tf.Tensor => tf.log(tf.sub(1, d)) },
  check: (loss) => {
    const at = (d: number) =>
      tf.tidy(() => {
        const l = Math.log(d / (1 - d));
        const gl = tf
          .grad((x: tf.Tensor) => loss(tf.sigmoid(x)))(tf.scalar(l))
          .dataSync()[0] as number;
        const gd = tf
          .grad((x: tf.Tensor) => loss(x))(tf.scalar(d))
          .dataSync()[0] as number;
        return { gl, gd };
      });
    const winning = at(1e-3);
    const even = at(0.5);
    const ok = Math.abs(winning.gl) > Math.abs(even.gl) && Math.abs(winning.gd) >= 100;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence:
        `|∂loss/∂logit| = ${fmt(Math.abs(winning.gl))} at d = 10⁻³ vs ${fmt(Math.abs(even.gl))} at d = 1/2; |∂loss/∂d| = ` +
        `${fmt(Math.abs(winning.gd))} at 10⁻³`,
      numbers: { logitGradWinning: winning.gl, logitGradEven: even.gl, dGradWinning: winning.gd },
    };
  },
});

/** Claim `bce-real-fake-terms` of seed document 000. */
import * as tf from '@tensorflow/tfjs';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt, linspace, relGap, sigmoid } from '../../util.js';
import { src } from './setup.js';

export const bceReal = defineClaim({
  id: 'bce-real-fake-terms',
  source: src(
    'For real samples, the true label is always $y = 1$, so the cross-entropy becomes: $$ \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -1 \\cdot \\log ' +
      'D(x) - (1 - 1) \\cdot \\log(1 - D(x)) \\right] = \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -\\log D(x) \\right] $$ For fake samples, the true ' +
      'label is always $y = 0$, so the cross-entropy becomes:',
  ),
  statement: 'BCE(D(x), 1) = −log D(x) and BCE(D(G(z)), 0) = −log(1 − D(G(z))), compared with TensorFlow.js sigmoidCrossEntropy on 161 logits in [−8, 8]',
  method: 'exact',
  expected: 'holds',
  subject: { real: (d: number) => -Math.log(d), fake: (d: number) => -Math.log(1 - d) },
  mutant: { description: 'labels swapped: real term −log(1 − D)', subject: { real: (d: number) => -Math.log(1 - d), fake: (d: number) => -Math.log(d) } },
  check: (s) => {
    const logits = linspace(-8, 8, 161);
    const [ref1, ref0] = tf.tidy(() => {
      const l = tf.tensor1d(logits);
      const bce = (y: number) => tf.losses.sigmoidCrossEntropy(tf.fill([logits.length], y), l, undefined, undefined, tf.Reduction.NONE).dataSync();
      return [Array.from(bce(1)), Array.from(bce(0))];
    });
    const gapReal = relGap(
      logits.map((l) => s.real(sigmoid(l))),
      ref1,
    );
    const gapFake = relGap(
      logits.map((l) => s.fake(sigmoid(l))),
      ref0,
    );
    const ok = gapReal < 1e-5 && gapFake < 1e-5;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `largest relative gap to tf's BCE: real ${fmt(gapReal)}, fake ${fmt(gapFake)} (float32 reference)`,
      numbers: { gapReal, gapFake, logits: logits.length },
    };
  },
});

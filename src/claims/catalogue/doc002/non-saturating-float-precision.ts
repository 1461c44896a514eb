/** Claim `non-saturating-float-precision` of seed document 002. */
import * as tf from '@tensorflow/tfjs';
import { defineClaim, verdictOf } from '../../define.js';
import { src } from './setup.js';

export const floatPrecision = defineClaim({
  id: 'non-saturating-float-precision',
  source: src('Even the non-saturating loss suffers: when $\\log D(G(z))$ becomes very negative, floating-point representations lose precision.'),
  statement:
    'float32 (TensorFlow.js) −log D(G(z)) at logits −10…−120: computed as −log(sigmoid(l)) (probability form, the subject) against the exact value log(1 + ' +
    'e^{−l}) (float64); and in the logit form softplus(−l)',
  method: 'exact',
  expected: 'holds-under-conditions',
  review: {
    by: 'two referees, issue 23',
    said: 'rests on logits ≤ −104 (float32 σ underflow); measures loss values, not gradients.',
    decision: 'kept',
    because:
      'the sentence is about precision lost in float32, and the loss computed from D = σ(l) does lose it (from l = −110 on; at ' +
      '2 of 9 logits) while the logit form keeps it: true under that condition, so holds-under-conditions stands. The referees ' +
      'are right that only loss values are measured and only at extreme logits; the gradient is not yet checked',
  },
  subject: (l: tf.Tensor): tf.Tensor => tf.neg(tf.log(tf.sigmoid(l))),
  mutant: { description: 'the loss computed in logit form, softplus(−l)', subject: (l: tf.Tensor): tf.Tensor => tf.softplus(tf.neg(l)) },
  check: (loss) => {
    const logits = [-10, -20, -40, -60, -80, -90, -100, -110, -120];
    const exact = logits.map((l) => -l + Math.log1p(Math.exp(l)));
    const rel = (f: (t: tf.Tensor) => tf.Tensor) => {
      const got = tf.tidy(() => Array.from(f(tf.tensor1d(logits)).dataSync()));
      return got.map((g, i) => (Number.isFinite(g) ? Math.abs(g - (exact[i] as number)) / (exact[i] as number) : Infinity));
    };
    const stated = rel(loss);
    const logitForm = rel((l) => tf.softplus(tf.neg(l)));
    const lost = stated.filter((e) => e > 1e-3).length;
    const logitLost = logitForm.filter((e) => e > 1e-3).length;
    const first = logits[stated.findIndex((e) => e > 1e-3)];
    return {
      // as stated, the loss itself loses precision, however it is computed: then the logit form would lose it too
      verdict: verdictOf({ asStated: lost > 0 && logitLost > 0, underConditions: lost > 0 && logitLost === 0 }),
      evidence:
        `probability form: precision lost at ${lost}/${logits.length} logits${first !== undefined ? ` (from l = ${first})` : ''}; logit form: at ` +
        `${logitLost}`,
      numbers: { logits: logits.length, lostStated: lost, lostLogitForm: logitLost },
      conditions:
        'only when the loss is computed from the probability D = σ(l) in float32 (σ underflows near l = −88 and the log is −∞); the logit form ' +
        'softplus(−l), used by the trainer and by BCEWithLogits, keeps full precision',
    };
  },
});

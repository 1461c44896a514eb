/** Claim `value-is-cross-entropy` of seed document 002. */
import * as tf from '@tensorflow/tfjs';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { softplus } from '../../../numeric/logistic.js';
import { src } from './setup.js';

export const vIsBce = defineClaim({
  id: 'value-is-cross-entropy',
  source: src('Notice that the value function $V$ is also the cross-entropy loss for a binary classifier.'),
  statement:
    'on random logits for n real and n fake samples: V̂ (sample value) against the mean binary cross-entropy over the balanced set of 2n (TensorFlow.js ' +
    'sigmoidCrossEntropy)',
  method: 'exact',
  expected: 'imprecise',
  subject: (meanBce: number) => meanBce,
  mutant: { description: 'V = −2 × mean BCE', subject: (meanBce: number) => -2 * meanBce },
  check: (relation, ctx) => {
    const n = 256;
    let asStated = true;
    let corrected = true;
    let example = '';
    for (let t = 0; t < ctx.size(5, 20); t++) {
      const lr = Array.from({ length: n }, () => 4 * ctx.rng.normal());
      const lf = Array.from({ length: n }, () => 4 * ctx.rng.normal());
      // ln σ(l) = −softplus(−l) and ln(1 − σ(l)) = −softplus(l), in the stable form (numeric/logistic.ts)
      const v = lr.reduce((s, l) => s - softplus(-l), 0) / n + lf.reduce((s, l) => s - softplus(l), 0) / n;
      const bce = tf.tidy(
        () => tf.losses.sigmoidCrossEntropy(tf.tensor1d([...lr.map(() => 1), ...lf.map(() => 0)]), tf.tensor1d([...lr, ...lf])).dataSync()[0] as number,
      );
      const tol = 1e-5 * Math.max(1, Math.abs(v));
      if (Math.abs(relation(bce) - v) > tol) {
        asStated = false;
        if (example === '') example = `V̂ = ${fmt(v, 5)}, mean BCE = ${fmt(bce, 5)}`;
      }
      if (Math.abs(-2 * bce - v) > tol) corrected = false;
    }
    return {
      verdict: verdictOf({ asStated, corrected }),
      evidence: asStated
        ? 'V equals the relation on every trial'
        : `${example}: V is not the BCE; V = −2 × (the BCE averaged over the 2n pooled samples) ${corrected ? 'on every trial' : 'fails too'}; ` +
          'the 2 is only that averaging: with each class averaged on its own, as L_D = −V sums them, V = −(L_real + L_fake)',
      numbers: { asStated, corrected },
      correction:
        'V is the negative of the binary cross-entropy (−2 × its mean over the 2n pooled samples, or −(L_real + L_fake) with each class ' +
        'averaged on its own): maximising V is minimising the BCE, but V is its negative, not the loss itself',
      ...(example ? { counterexample: example } : {}),
    };
  },
});

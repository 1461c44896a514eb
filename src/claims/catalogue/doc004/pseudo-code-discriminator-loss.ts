/** Claim `pseudo-code-discriminator-loss` of seed document 004. */
import * as tf from '@tensorflow/tfjs';
import { dLossOf } from '../../../train/engines/autodiff.js';
import { makeConfig } from '../../../train/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const dLossCode = defineClaim({
  id: 'pseudo-code-discriminator-loss',
  source: src('D_loss = -mean(log(D(real)) + log(1 - D(fake)))'),
  statement: "on random logit batches of equal size, the pseudo-code's D_loss (float64) against the trainer's logit-form BCE (dLossOf, float32)",
  method: 'trainer',
  expected: 'holds',
  subject: (dr: number[], df: number[]) => -dr.reduce((s, d, i) => s + Math.log(d) + Math.log(1 - (df[i] as number)), 0) / dr.length,
  mutant: {
    description: '−mean(log D(real) − log(1 − D(fake)))',
    subject: (dr: number[], df: number[]) => -dr.reduce((s, d, i) => s + Math.log(d) - Math.log(1 - (df[i] as number)), 0) / dr.length,
  },
  positive: {
    description: 'the BCE of the two batches written term by term with log1p, −(Σ log d_r + Σ log1p(−d_f))/n',
    subject: (dr: number[], df: number[]) => -(dr.reduce((s, d) => s + Math.log(d), 0) + df.reduce((s, d) => s + Math.log1p(-d), 0)) / dr.length,
  },
  check: (loss, ctx) => {
    const c = makeConfig('seed-toy');
    let worst = 0;
    for (let t = 0; t < ctx.size(10, 40); t++) {
      const n = 16;
      const lr = Array.from({ length: n }, () => 3 * ctx.rng.normal());
      const lf = Array.from({ length: n }, () => 3 * ctx.rng.normal());
      const ref = tf.tidy(() => dLossOf(c, tf.tensor3d(lr, [1, n, 1]), tf.tensor3d(lf, [1, n, 1])).dataSync()[0] as number);
      const sig = (l: number) => 1 / (1 + Math.exp(-l));
      worst = Math.max(worst, Math.abs(loss(lr.map(sig), lf.map(sig)) - ref) / Math.max(1, ref));
    }
    const ok = worst < 1e-5;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `largest relative gap to the trainer's loss ${fmt(worst)} (float32 reference)`,
      numbers: { worstGap: worst },
    };
  },
});

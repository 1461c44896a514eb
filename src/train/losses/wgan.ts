/**
 * The Wasserstein GAN (Arjovsky et al. 2017, Algorithm 1): the critic minimises E f(G(z)) − E f(x) (its
 * negative estimates W1 when f is 1-Lipschitz: weight clipping here, the gradient penalty in wgan-gp), G
 * minimises −E f(G(z)); the derivatives are ±1 per row.
 */
import { memberMean, type GanLossDef } from './types.js';

/** The critic's rows and ops, shared with wgan-gp (which adds its penalty in the engine). */
export const criticRows: NonNullable<GanLossDef['rows']> = {
  d(real, l, _y, out) {
    out.slope = real ? -1 : 1;
    out.loss = real ? -l : l;
  },
  g(l, out) {
    out.slope = -1;
    out.loss = -l;
  },
};
export const criticOps: GanLossDef['ops'] = {
  d: (tf, real, fake) => tf.sub(memberMean(tf, fake), memberMean(tf, real)) as ReturnType<GanLossDef['ops']['d']>,
  g: (tf, fake) => tf.neg(memberMean(tf, fake)) as ReturnType<GanLossDef['ops']['g']>,
};

export const WGAN: GanLossDef = {
  id: 'wgan',
  title: 'Wasserstein with weight clipping: critic E f(G(z)) − E f(x), G −E f(G(z)) (Arjovsky et al. 2017)',
  critic: true,
  raw: true,
  rows: criticRows,
  ops: criticOps,
  kernelCode: 3,
};

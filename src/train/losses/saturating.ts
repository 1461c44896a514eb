/**
 * The saturating (minimax) GAN loss (Goodfellow et al. 2014, eq. 1): D as in the non-saturating loss
 * (binary cross-entropy); G minimises E ln(1 − D(G(z))) = −E softplus(l), derivative −σ(l).
 */
import { softplusWithSlope } from '../../numeric/logistic.js';
import { bceDOps, bceDRow } from './ns.js';
import { memberMean, type GanLossDef } from './types.js';

export const SATURATING: GanLossDef = {
  id: 'saturating',
  title: 'saturating (minimax): G minimises E ln(1 − D(G(z))) (Goodfellow et al. 2014, eq. 1)',
  critic: false,
  raw: false,
  rows: {
    d: bceDRow,
    g(l, out) {
      softplusWithSlope(l, out);
      out.slope = -out.slope;
      out.loss = -out.loss;
    },
  },
  ops: {
    d: bceDOps,
    g: (tf, fake) => tf.neg(memberMean(tf, tf.softplus(fake))) as ReturnType<GanLossDef['ops']['g']>,
  },
  kernelCode: 1,
};

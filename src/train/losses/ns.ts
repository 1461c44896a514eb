/**
 * The non-saturating GAN loss (Goodfellow et al. 2014, §3): D minimises the binary cross-entropy
 * BCE(σ(l), y) = softplus(l) − y·l on real rows (label y) and softplus(l) on fake rows (label 0);
 * G minimises −E ln D(G(z)) = E softplus(−l) = E[softplus(l) − l]. ln σ(l) = l − softplus(l),
 * ln(1 − σ(l)) = −softplus(l); the derivatives are σ(l) − y and σ(l) − 1. softplus and σ come from one
 * exponential (numeric/logistic.ts softplusWithSlope).
 */
import { softplusWithSlope } from '../../numeric/logistic.js';
import { memberMean, type GanLossDef, type RowLoss } from './types.js';

/** D's BCE row, shared with the saturating loss (the two differ only in G's loss). */
export function bceDRow(real: boolean, l: number, y: number, out: RowLoss): void {
  softplusWithSlope(l, out);
  if (real) {
    out.slope -= y;
    out.loss -= y * l;
  }
}

/** D's BCE as ops: E[softplus(l) − y·l] on the real batch plus E softplus(l) on the fake one. */
export const bceDOps: GanLossDef['ops']['d'] = (tf, real, fake, label) =>
  tf.add(memberMean(tf, tf.sub(tf.softplus(real), tf.mul(real, label))), memberMean(tf, tf.softplus(fake))) as ReturnType<GanLossDef['ops']['d']>;

export const NS: GanLossDef = {
  id: 'ns',
  title: 'non-saturating: D by binary cross-entropy, G minimises −E ln D(G(z)) (Goodfellow et al. 2014, §3)',
  critic: false,
  raw: false,
  rows: {
    d: bceDRow,
    g(l, out) {
      softplusWithSlope(l, out);
      out.slope -= 1;
      out.loss -= l;
    },
  },
  ops: {
    d: bceDOps,
    g: (tf, fake) => memberMean(tf, tf.softplus(tf.neg(fake))),
  },
  kernelCode: 0,
};

/**
 * The least-squares GAN (Mao et al. 2017, eq. 2 with a = 0, b = c = 1): D minimises (l − y)² on real
 * rows and l² on fake rows (y = 1 − label smoothing), G minimises (l − 1)²; derivatives 2(l − y), 2l, 2(l − 1).
 */
import { memberMean, type GanLossDef } from './types.js';

export const LSGAN: GanLossDef = {
  id: 'lsgan',
  title: 'least squares: D (l − 1)² on real, l² on fake; G (l − 1)² (Mao et al. 2017)',
  critic: false,
  raw: false,
  rows: {
    d(real, l, y, out) {
      const dl = real ? l - y : l;
      out.slope = 2 * dl;
      out.loss = dl * dl;
    },
    g(l, out) {
      out.slope = 2 * (l - 1);
      out.loss = (l - 1) * (l - 1);
    },
  },
  ops: {
    d: (tf, real, fake, label) => tf.add(memberMean(tf, tf.square(tf.sub(real, label))), memberMean(tf, tf.square(fake))) as ReturnType<GanLossDef['ops']['d']>,
    g: (tf, fake) => memberMean(tf, tf.square(tf.sub(fake, 1))),
  },
  kernelCode: 2,
};

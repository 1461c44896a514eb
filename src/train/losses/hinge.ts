/**
 * The hinge loss (Lim & Ye 2017; Miyato et al. 2018, eq. 16): D minimises E max(0, 1 − D(x)) +
 * E max(0, 1 + D(G(z))), G minimises −E D(G(z)). On the autodiff engine only (rows: null).
 */
import { memberMean, type GanLossDef } from './types.js';

export const HINGE: GanLossDef = {
  id: 'hinge',
  title: 'hinge: D E max(0, 1 − D(x)) + E max(0, 1 + D(G(z))), G −E D(G(z)) (Lim & Ye 2017; Miyato et al. 2018)',
  critic: false,
  raw: true,
  rows: null,
  ops: {
    d: (tf, real, fake) => tf.add(memberMean(tf, tf.relu(tf.sub(1, real))), memberMean(tf, tf.relu(tf.add(1, fake)))) as ReturnType<GanLossDef['ops']['d']>,
    g: (tf, fake) => tf.neg(memberMean(tf, fake)) as ReturnType<GanLossDef['ops']['g']>,
  },
  kernelCode: null,
};

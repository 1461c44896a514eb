import { checkOptions } from '../errors.js';
import { softplus } from '../logistic.js';
import { meanVariance } from '../sum.js';
import { type Estimate, type EstimateOptions, type Source, settings, draw, needDensity, sameKind, logDensityAt, finish } from './common.js';

/**
 * JSD(P‖Q) = ½E_P[ln(2p/(p+q))] + ½E_Q[ln(2q/(p+q))] with both densities known, from independent
 * samples of P and Q (each log-ratio as ln 2 − softplus(ln q − ln p), which is finite everywhere).
 * Interval: CLT for the two sample means.
 */
export function estimateJsd(p: Source, q: Source, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateJsd', options);
  const fn = 'estimateJsd';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const P = needDensity(fn, 'p', p);
  const Q = needDensity(fn, 'q', q);
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const a = new Float64Array(X.n);
  const b = new Float64Array(Y.n);
  for (let i = 0; i < X.n; i++) a[i] = Math.LN2 - softplus(logDensityAt(Q, X.data, i) - logDensityAt(P, X.data, i));
  for (let j = 0; j < Y.n; j++) b[j] = Math.LN2 - softplus(logDensityAt(P, Y.data, j) - logDensityAt(Q, Y.data, j));
  const A = meanVariance(a);
  const B = meanVariance(b);
  return finish(
    'jsd',
    (A.mean + B.mean) / 2,
    Math.sqrt(A.variance / X.n + B.variance / Y.n) / 2,
    s,
    { p: X.n, q: Y.n },
    'half the sum of the mean log-ratios over P and over Q; CLT interval',
  );
}

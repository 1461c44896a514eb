import { checkOptions } from '../errors.js';
import { meanVariance } from '../sum.js';
import { type Estimate, type EstimateOptions, type Source, settings, draw, needDensity, sameKind, logDensityAt, finish } from './common.js';

/**
 * KL(P‖Q) = E_P[ln p(x) − ln q(x)] with both densities known, from a sample of P; +∞ when a draw
 * lands where q = 0 (Q drops a mode of P). Interval: CLT for the mean of the log-ratios.
 */
export function estimateKl(p: Source, q: Source, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateKl', options);
  const fn = 'estimateKl';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const P = needDensity(fn, 'p', p);
  const Q = needDensity(fn, 'q', q);
  const X = draw(fn, 'p', p, s, 0);
  const t = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    const lq = logDensityAt(Q, X.data, i);
    if (lq === -Infinity) {
      return finish('kl', Infinity, 0, s, { p: X.n, q: 0 }, 'a draw from P fell where q = 0: KL(P‖Q) = +∞');
    }
    t[i] = logDensityAt(P, X.data, i) - lq;
  }
  const m = meanVariance(t);
  return finish('kl', m.mean, Math.sqrt(m.variance / X.n), s, { p: X.n, q: 0 }, 'mean of ln p − ln q over P; CLT interval');
}

import { checkOptions, NumericError, showValue } from '../errors.js';
import { logOneMinusSigmoid, logSigmoid, softplus } from '../logistic.js';
import { meanVariance } from '../sum.js';
import {
  type Estimate,
  type EstimateOptions,
  type Discriminator,
  type Source,
  settings,
  draw,
  needDensity,
  sameKind,
  logDensityAt,
  point,
  finish,
} from './common.js';

/**
 * V(D, G) = E_P[ln D(x)] + E_Q[ln(1 − D(y))] by independent samples from P and Q. With
 * `discriminator: 'optimal'`, D = D* and the estimate is C(G) = 2·JSD − ln 4 (ln D* evaluated as
 * −softplus(ln q − ln p), never ln of a rounded ratio). Interval: CLT for the two sample means.
 */
export function estimateValue(p: Source, q: Source, discriminator: Discriminator, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateValue', options);
  const fn = 'estimateValue';
  const s = settings(fn, options);
  sameKind(fn, p, q);
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const a = new Float64Array(X.n);
  const b = new Float64Array(Y.n);
  if (discriminator === 'optimal') {
    const P = needDensity(fn, 'p', p);
    const Q = needDensity(fn, 'q', q);
    for (let i = 0; i < X.n; i++) a[i] = -softplus(logDensityAt(Q, X.data, i) - logDensityAt(P, X.data, i));
    for (let j = 0; j < Y.n; j++) b[j] = -softplus(logDensityAt(P, Y.data, j) - logDensityAt(Q, Y.data, j));
  } else if (typeof discriminator === 'object' && discriminator !== null && typeof (discriminator as { logit?: unknown }).logit === 'function') {
    const logit = (discriminator as { logit: (x: number, y: number) => number }).logit;
    const at = (data: Float64Array, dim: 1 | 2, i: number) => {
      const [x, y] = point(data, dim, i);
      const l = logit(x, y);
      if (typeof l !== 'number' || Number.isNaN(l))
        throw new NumericError(fn, 'discriminator.logit', `must return numbers (±Infinity allowed); got ${showValue(l)} at x = ${x}`);
      return l;
    };
    for (let i = 0; i < X.n; i++) a[i] = logSigmoid(at(X.data, X.dim, i));
    for (let j = 0; j < Y.n; j++) b[j] = logOneMinusSigmoid(at(Y.data, Y.dim, j));
  } else {
    if (typeof discriminator !== 'function')
      throw new NumericError(fn, 'discriminator', `must be 'optimal', a function or { logit }; got ${showValue(discriminator)}`);
    const at = (data: Float64Array, dim: 1 | 2, i: number) => {
      const [x, y] = point(data, dim, i);
      const d = discriminator(x, y);
      if (typeof d !== 'number' || !(d >= 0 && d <= 1))
        throw new NumericError(fn, 'discriminator', `must return values in [0, 1]; got ${showValue(d)} at x = ${x}`);
      return d;
    };
    for (let i = 0; i < X.n; i++) a[i] = Math.log(at(X.data, X.dim, i));
    for (let j = 0; j < Y.n; j++) b[j] = Math.log1p(-at(Y.data, Y.dim, j));
  }
  // D = 0 at a draw from P (or D = 1 at a draw from Q): ln 0 = −∞, so the estimate of V is −∞ exactly
  const atP = a.indexOf(-Infinity);
  const atQ = b.indexOf(-Infinity);
  if (atP >= 0 || atQ >= 0) {
    const where = atP >= 0 ? `D = 0 at a draw from P (x = ${point(X.data, X.dim, atP)[0]})` : `D = 1 at a draw from Q (x = ${point(Y.data, Y.dim, atQ)[0]})`;
    return finish('value', -Infinity, 0, s, { p: X.n, q: Y.n }, 'mean of ln D over P plus mean of ln(1 − D) over Q', `${where}: ln 0 = −∞, so V = −∞`);
  }
  const A = meanVariance(a);
  const B = meanVariance(b);
  return finish(
    'value',
    A.mean + B.mean,
    Math.sqrt(A.variance / X.n + B.variance / Y.n),
    s,
    { p: X.n, q: Y.n },
    'mean of ln D over P plus mean of ln(1 − D) over Q; CLT interval',
  );
}

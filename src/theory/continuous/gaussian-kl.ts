import { lnRatio } from '../_internals/fixed.js';
import * as B from '../_internals/ball.js';
import { certifyLog, type LogOptions, type LogQuantity } from '../_internals/logquantity.js';
import { checkOptions } from '../errors.js';
import { add, div, mul, rational, sub } from '../rational.js';
import { toGaussian, type GaussianLike } from './mixture.js';

/**
 * KL(N₁‖N₂) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½, certified (one logarithm of a rational).
 * Source: e.g. Bishop, Pattern Recognition and Machine Learning (2006), exercise 1.30.
 */
export function gaussianKl(p: GaussianLike, q: GaussianLike, options: LogOptions = {}): LogQuantity {
  options = checkOptions('gaussianKl', options);
  const fn = 'gaussianKl';
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const r = sub(div(add(mul(a.sigma, a.sigma), mul(dmu, dmu)), mul(rational(2n), mul(b.sigma, b.sigma))), rational(1n, 2n));
  return certifyLog(fn, options, 2, (prec) => {
    const l = lnRatio(b.sigma.num * a.sigma.den, b.sigma.den * a.sigma.num, prec);
    const rb = B.fromRatio(r.num, r.den, prec);
    return { kind: 'ball', ball: B.add(l, rb) };
  });
}

import * as E from '../_internals/elementary.js';
import { certify, checkDigits, type Enclosure } from '../enclosure.js';
import { checkOptions } from '../errors.js';
import { add, mul, rational, sub } from '../rational.js';
import { toGaussian, type ContinuousOptions, type GaussianLike } from './mixture.js';

/**
 * W2(N₁, N₂) = √((μ₁ − μ₂)² + (σ₁ − σ₂)²) (the 1-D Gaussian case of the Fréchet distance);
 * exact when the radicand is the square of a rational.
 */
export function gaussianW2(p: GaussianLike, q: GaussianLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('gaussianW2', options);
  const fn = 'gaussianW2';
  const digits = checkDigits(fn, options.digits);
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const ds = sub(a.sigma, b.sigma);
  const r2 = add(mul(dmu, dmu), mul(ds, ds));
  const rn = E.isqrt(r2.num);
  const rd = E.isqrt(r2.den);
  if (rn * rn === r2.num && rd * rd === r2.den) return certify(fn, digits, 0, () => ({ kind: 'exact', value: rational(rn, rd) }));
  return certify(fn, digits, 4, (prec) => ({ kind: 'ball', ball: E.sqrtExact(r2.num, r2.den, prec) }));
}

import * as B from '../_internals/ball.js';
import { certify, checkDigits, type Enclosure } from '../enclosure.js';
import { checkOptions } from '../errors.js';
import { div, rational, sub } from '../rational.js';
import { ball, toGaussian, type ContinuousOptions, type GaussianLike } from './mixture.js';
import { PhiBall, phiBall } from './normal.js';

/** Guard bits of the working precision over the target (the Φ and φ balls are reduced back). */
const GUARD = 16;

/**
 * W1 between 1-D Gaussians. Under the monotone coupling X₂ − X₁ = Δμ + Δσ·Z, so
 * W1 = E|Δμ + Δσ·Z| = |Δμ| when Δσ = 0, and otherwise, with s = |Δσ| and c = Δμ/s,
 * W1 = Δμ·(2Φ(c) − 1) + 2s·φ(c) (the quantile difference changes sign once).
 */
export function gaussianW1(p: GaussianLike, q: GaussianLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('gaussianW1', options);
  const fn = 'gaussianW1';
  const digits = checkDigits(fn, options.digits);
  const a = toGaussian(fn, 'p', p);
  const b = toGaussian(fn, 'q', q);
  const dmu = sub(a.mu, b.mu);
  const ds = sub(a.sigma, b.sigma);
  if (ds.num === 0n) return certify(fn, digits, 0, () => ({ kind: 'exact', value: dmu.num < 0n ? rational(-dmu.num, dmu.den) : dmu }));
  const s = ds.num < 0n ? rational(-ds.num, ds.den) : ds;
  const c = div(dmu, s);
  return certify(fn, digits, 8, (prec) => {
    const w = prec + GUARD;
    const twoPhiMinus1 = B.sub(B.scale(PhiBall(c, w), 2n, 1n), B.fromInt(1n, w));
    const t1 = B.mul(ball(dmu, w), twoPhiMinus1, w);
    const t2 = B.scale(phiBall(c, w), 2n * s.num, s.den);
    return { kind: 'ball', ball: B.reduce(B.add(t1, t2), w, prec) };
  });
}

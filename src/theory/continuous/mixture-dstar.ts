import * as B from '../_internals/ball.js';
import * as E from '../_internals/elementary.js';
import { certify, checkDigits, type Enclosure } from '../enclosure.js';
import { checkOptions, TheoryError, show } from '../errors.js';
import { rational, toRational, type RationalLike } from '../rational.js';
import { sameMixture, toMixture, type ComponentLike, type ContinuousOptions } from './mixture.js';
import { exponents, logSumExp } from './quadrature.js';

/** Guard bits of the working precision over the target (the result is reduced back). */
const GUARD = 24;

/**
 * The optimal discriminator between two Gaussian mixtures at a point:
 * D*(x) = p(x)/(p(x) + q(x)), certified. The exponents are shifted by their maximum before
 * exponentiating, so far in the tails (D* ≈ 1e-300) the value keeps its relative accuracy.
 */
export function mixtureDstar(p: readonly ComponentLike[], q: readonly ComponentLike[], x: RationalLike, options: ContinuousOptions = {}): Enclosure {
  options = checkOptions('mixtureDstar', options);
  const fn = 'mixtureDstar';
  const digits = checkDigits(fn, options.digits);
  const P = toMixture(fn, 'p', p);
  const Q = toMixture(fn, 'q', q);
  const at = toRational(x, fn, 'x');
  if (sameMixture(P, Q)) return certify(fn, digits, 0, () => ({ kind: 'exact', value: rational(1n, 2n) }));
  return certify(fn, digits, 8, (prec) => {
    const w = prec + GUARD;
    // ln D* = −softplus(ln q − ln p), both logs by log-sum-exp around their largest exponent.
    // the common ½·ln(2π) of the densities cancels in ln q − ln p: leave it out (offset 0)
    const none = { mid: 0n, rad: 0n };
    const d = B.sub(logSumExp(exponents(Q, at, w, none), w), logSumExp(exponents(P, at, w, none), w));
    const one = B.fromInt(1n, w);
    const softplus = d.mid > 0n ? B.add(d, E.ln(B.add(one, E.exp(B.neg(d), w)), w)) : E.ln(B.add(one, E.exp(d, w)), w);
    const lnD = B.neg(softplus);
    if (lnD.mid > -(600n << BigInt(w))) return { kind: 'ball', ball: B.reduce(E.exp(lnD, w), w, prec) };
    // Far tails: D* = m·10^k with k = ⌊ln D*/ln 10⌋ and m = 10^{frac} ∈ [1, 10), so the value keeps
    // its relative accuracy at any magnitude (e^{−8·10⁸} included).
    const ln10 = E.lnExact(10n, 1n, w);
    const t = B.div(lnD, ln10, w);
    const k = t.mid >> BigInt(w); // floor
    const frac = { mid: t.mid - (k << BigInt(w)), rad: t.rad };
    const mant = E.exp(B.mul(frac, ln10, w), w);
    return { kind: 'ball', ball: B.reduce(mant, w, prec), exp10: Number(k) };
  });
}

/** {@link mixtureDstar} on a grid of points (the trainer compares its D with this). */
export function mixtureDstarGrid(
  p: readonly ComponentLike[],
  q: readonly ComponentLike[],
  xs: readonly RationalLike[],
  options: ContinuousOptions = {},
): Enclosure[] {
  options = checkOptions('mixtureDstarGrid', options);
  if (!Array.isArray(xs)) throw new TheoryError('mixtureDstarGrid', 'xs', `must be an array of points; got ${show(xs)}`);
  return xs.map((x) => mixtureDstar(p, q, x, options));
}

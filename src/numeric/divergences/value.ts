import { checkOptions, NumericError, showValue } from '../errors.js';
import { CompensatedSum } from '../sum.js';
import { pairOf, scaleFor, type FloatOptions } from './input.js';

/** ln d, via log1p(d − 1) near 1 where d − 1 is exact (Sterbenz). */
function logOf(d: number): number {
  return d > 0.5 ? Math.log1p(d - 1) : Math.log(d);
}

/** ln(1 − d), via ln of the exact 1 − d near 1. */
function log1mOf(d: number): number {
  return d < 0.5 ? Math.log1p(-d) : Math.log(1 - d);
}

/**
 * V(D, G) = Σ pᵢ ln Dᵢ + Σ qᵢ ln(1 − Dᵢ) in float64; a zero mass contributes nothing; −∞ where log 0
 * meets positive mass. V ≤ 0.
 */
export function value(p: ArrayLike<number>, q: ArrayLike<number>, d: ArrayLike<number>, options: FloatOptions = {}): number {
  options = checkOptions('value', options);
  const fn = 'value';
  const [P, Q] = pairOf(fn, p, q, options.normalize === true);
  const scale = scaleFor(fn, options.base);
  if (d === null || typeof d !== 'object' || d.length !== P.length) {
    throw new NumericError(fn, 'd', `must have one value per mass (${P.length}); got ${showValue(d?.length ?? d)}`);
  }
  const acc = new CompensatedSum();
  for (let i = 0; i < P.length; i++) {
    const di = d[i] as number;
    if (!(di >= 0 && di <= 1)) throw new NumericError(fn, `d[${i}]`, `must lie in [0, 1]; got ${showValue(di)}`);
    const pi = P[i] as number;
    const qi = Q[i] as number;
    if (pi > 0) {
      if (di === 0) return -Infinity;
      acc.add(pi * logOf(di));
    }
    if (qi > 0) {
      if (di === 1) return -Infinity;
      acc.add(qi * log1mOf(di));
    }
  }
  return Math.min(acc.value, 0) * scale;
}

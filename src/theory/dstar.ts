import { checkOptions } from './errors.js';
import { crossTerms, toPair, type MassOptions } from './distribution.js';
import { checkDigits, exactEnclosure, type Enclosure } from './enclosure.js';
import { rational, type Rational, type RationalLike } from './rational.js';

/** Options of {@link dstar}. */
export interface DStarOptions extends MassOptions {
  /** @defaultValue 50 */
  digits?: number;
}

/**
 * The optimal discriminator for a fixed generator, pointwise: D*(xᵢ) = pᵢ/(pᵢ + qᵢ).
 *
 * Exact (a rational); each entry's `exact` holds the fraction. Special cases: where pᵢ = qᵢ = 0,
 * D* is undefined and the entry is `null` (never NaN); D* = 1/2 wherever pᵢ = qᵢ > 0 (at
 * equilibrium, P = Q, everywhere); D* = 1 off the support of Q and 0 off the support of P.
 *
 * Source: Goodfellow et al. (2014), Proposition 1; seed document 000_3ee4abfec5abb774.txt
 * ("D*(x) = p_data(x)/(p_data(x)+p_G(x))").
 */
export function dstar(p: readonly RationalLike[], q: readonly RationalLike[], options: DStarOptions = {}): (Enclosure | null)[] {
  options = checkOptions('dstar', options);
  const digits = checkDigits('dstar', options.digits);
  return dstarExact(p, q, options).map((v) => (v === null ? null : exactEnclosure(v, digits)));
}

/** {@link dstar} as exact rationals (null where undefined). */
export function dstarExact(p: readonly RationalLike[], q: readonly RationalLike[], options: MassOptions = {}): (Rational | null)[] {
  options = checkOptions('dstarExact', options);
  return crossTerms(toPair('dstar', p, q, options)).map((t) => (t.pq + t.qp === 0n ? null : rational(t.pq, t.pq + t.qp)));
}

import { checkOptions } from './errors.js';
import { toPair } from './distribution.js';
import { certifyLog, LogSum, type LogOptions, type LogQuantity } from './_internals/logquantity.js';
import type { Rational, RationalLike } from './rational.js';

function klOf(fn: string, from: Rational[], to: Rational[], options: LogOptions): LogQuantity {
  // Mass that `to` lacks makes the divergence infinite (mode dropping, seen from `from`).
  const infinite = from.some((pi, i) => pi.num > 0n && (to[i] as Rational).num === 0n);
  return certifyLog(fn, options, from.length, (prec) => {
    if (infinite) return { kind: 'infinite', sign: 1 };
    const s = new LogSum(prec);
    from.forEach((pi, i) => {
      const qi = to[i] as Rational;
      if (pi.num > 0n) s.add(pi, pi.num * qi.den, pi.den * qi.num);
    });
    return { kind: 'ball', ball: s.ball() };
  });
}

/**
 * Kullback–Leibler divergence KL(P‖Q) = Σᵢ pᵢ·ln(pᵢ/qᵢ).
 *
 * Special cases: terms with pᵢ = 0 vanish (0·log 0 = 0); KL = +∞ when some pᵢ > 0 has qᵢ = 0
 * (reported as `"inf"`). KL ≥ 0 with equality iff P = Q (Gibbs' inequality), and in general
 * KL(P‖Q) ≠ KL(Q‖P).
 *
 * Source: Kullback & Leibler, "On information and sufficiency" (1951); seed document
 * 002_1e9b12e68fa134a2.txt on the asymmetry of KL and its infinity under mode dropping.
 */
export function kl(p: readonly RationalLike[], q: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('kl', options);
  const pair = toPair('kl', p, q, options);
  return klOf('kl', pair.p, pair.q, options);
}

/**
 * Reverse Kullback–Leibler divergence KL(Q‖P) = Σᵢ qᵢ·ln(qᵢ/pᵢ), the divergence the
 * non-saturating generator loss is associated with; +∞ when some qᵢ > 0 has pᵢ = 0.
 * Same special cases as {@link kl} with the roles of P and Q exchanged.
 */
export function klReverse(p: readonly RationalLike[], q: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('klReverse', options);
  const pair = toPair('klReverse', p, q, options);
  return klOf('klReverse', pair.q, pair.p, options);
}

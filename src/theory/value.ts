import { checkOptions } from './errors.js';
import { crossTerms, toDiscriminator, toPair } from './distribution.js';
import { certifyLog, LogSum, type LogOptions, type LogQuantity } from './_internals/logquantity.js';
import type { Rational, RationalLike } from './rational.js';

/**
 * The GAN value function for a discriminator table D:
 * V(D, G) = Σᵢ pᵢ·ln D(xᵢ) + Σᵢ qᵢ·ln(1 − D(xᵢ)),
 * the discrete form of E_{x∼p_data}[log D(x)] + E_{z∼p_z}[log(1 − D(G(z)))] with Q = p_G.
 *
 * Special cases: a term with zero mass vanishes even where its logarithm is −∞; V = −∞ where
 * pᵢ > 0 meets D(xᵢ) = 0 or qᵢ > 0 meets D(xᵢ) = 1 (reported as `"-inf"`). V ≤ 0 always, and
 * V(D, G) ≤ V(D*, G) for every D (see {@link valueAtOptimum}). The discriminator's BCE loss is
 * L_D = −V.
 *
 * Source: Goodfellow et al. (2014), eq. (1); seed document 000_3ee4abfec5abb774.txt, "Loss
 * Functions".
 */
export function value(p: readonly RationalLike[], q: readonly RationalLike[], d: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  const fn = 'value';
  const pair = toPair(fn, p, q, options);
  const D = toDiscriminator(fn, d, pair.p.length);
  const minusInfinity = pair.p.some((pi, i) => {
    const di = D[i] as Rational;
    const qi = pair.q[i] as Rational;
    return (pi.num > 0n && di.num === 0n) || (qi.num > 0n && di.num === di.den);
  });
  return certifyLog(fn, options, 2 * D.length, (prec) => {
    if (minusInfinity) return { kind: 'infinite', sign: -1 };
    const s = new LogSum(prec);
    pair.p.forEach((pi, i) => {
      const qi = pair.q[i] as Rational;
      const di = D[i] as Rational;
      if (pi.num > 0n) s.add(pi, di.num, di.den);
      if (qi.num > 0n) s.add(qi, di.den - di.num, di.den);
    });
    return { kind: 'ball', ball: s.ball() };
  });
}

/**
 * The value at the optimal discriminator, C(G) = V(D*, G) = Σᵢ pᵢ·ln(pᵢ/(pᵢ+qᵢ)) + Σᵢ qᵢ·ln(qᵢ/(pᵢ+qᵢ)).
 *
 * It equals 2·JSD(P‖Q) − ln 4 (Goodfellow et al. 2014, Theorem 1), so C(G) ≥ −ln 4 with equality iff
 * P = Q, and C(G) = 0 iff the supports are disjoint. Computed here directly from D*, not from JSD,
 * so the identity can be checked between two independent evaluations. Points with pᵢ = qᵢ = 0, where
 * D* is undefined, carry no mass and contribute nothing.
 *
 * Source: Goodfellow et al. (2014), Theorem 1 and Proposition 1; seed document
 * 000_3ee4abfec5abb774.txt.
 */
export function valueAtOptimum(p: readonly RationalLike[], q: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('valueAtOptimum', options);
  const fn = 'valueAtOptimum';
  const terms = crossTerms(toPair(fn, p, q, options));
  return certifyLog(fn, options, 2 * terms.length, (prec) => {
    const s = new LogSum(prec);
    for (const t of terms) {
      if (t.p.num > 0n) s.add(t.p, t.pq, t.pq + t.qp);
      if (t.q.num > 0n) s.add(t.q, t.qp, t.pq + t.qp);
    }
    return { kind: 'ball', ball: s.ball() };
  });
}

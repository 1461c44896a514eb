import { checkOptions } from './errors.js';
import { crossTerms, toDistribution, toPair } from './distribution.js';
import { TheoryError, show } from './errors.js';
import { certifyLog, LogSum, type LogOptions, type LogQuantity } from './_internals/logquantity.js';
import { scale } from './_internals/ball.js';
import { mul, sum, type Rational, type RationalLike } from './rational.js';

/**
 * Jensen–Shannon divergence of P and Q over the same points.
 *
 * JSD(P‖Q) = ½·KL(P‖M) + ½·KL(Q‖M), M = (P + Q)/2, evaluated as
 * ½·Σᵢ [pᵢ·ln(2pᵢ/(pᵢ+qᵢ)) + qᵢ·ln(2qᵢ/(pᵢ+qᵢ))].
 *
 * Special cases: terms with pᵢ = 0 (or qᵢ = 0) vanish (0·log 0 = 0), so JSD is always finite;
 * 0 ≤ JSD ≤ ln 2, with 0 iff P = Q and ln 2 iff the supports are disjoint. In bits (`base: 2`) the
 * bound is 1.
 *
 * Source: Goodfellow et al., "Generative Adversarial Nets" (2014), Theorem 1, where
 * C(G) = −log 4 + 2·JSD(p_data‖p_g); seed document 000_3ee4abfec5abb774.txt ("Jensen-Shannon
 * divergence == 0 so that p_G = p_data").
 */
export function jsd(p: readonly RationalLike[], q: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('jsd', options);
  const fn = 'jsd';
  const terms = crossTerms(toPair(fn, p, q, options));
  return certifyLog(fn, options, 2 * terms.length, (prec) => {
    const s = new LogSum(prec);
    for (const t of terms) {
      if (t.p.num > 0n) s.add(t.p, 2n * t.pq, t.pq + t.qp);
      if (t.q.num > 0n) s.add(t.q, 2n * t.qp, t.pq + t.qp);
    }
    return { kind: 'ball', ball: scale(s.ball(), 1n, 2n) };
  });
}

/**
 * Weighted Jensen–Shannon divergence of k distributions:
 * JSD_w(P₁,…,P_k) = H(Σ wⱼPⱼ) − Σ wⱼ·H(Pⱼ) = Σⱼ wⱼ·KL(Pⱼ‖M), M = Σ wⱼPⱼ.
 *
 * The weights are exact, nonnegative and sum to 1 (or are rescaled with `normalize`, which also
 * rescales each distribution). With k = 2 and w = (½, ½) this is {@link jsd}. 0 ≤ JSD_w ≤ H(w).
 *
 * Source: Lin, "Divergence measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37 (1991),
 * eq. (5.1).
 */
export function weightedJsd(distributions: readonly (readonly RationalLike[])[], weights: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  const fn = 'weightedJsd';
  if (!Array.isArray(distributions) || distributions.length === 0) {
    throw new TheoryError(fn, 'distributions', `must be a nonempty array of distributions; got ${show(distributions)}`);
  }
  const w = toDistribution(fn, 'weights', weights, options);
  if (w.length !== distributions.length) {
    throw new TheoryError(fn, 'weights', `must have one weight per distribution (${distributions.length}); got ${w.length}`);
  }
  const P = distributions.map((d, j) => toDistribution(fn, `distributions[${j}]`, d, options));
  const n = (P[0] as Rational[]).length;
  P.forEach((d, j) => {
    if (d.length !== n) {
      throw new TheoryError(fn, `distributions[${j}]`, `must have as many masses as distributions[0] (${n}); got ${d.length}`);
    }
  });
  const m: Rational[] = [];
  for (let i = 0; i < n; i++) {
    m.push(sum(P.map((d, j) => mul(w[j] as Rational, d[i] as Rational))));
  }
  return certifyLog(fn, options, n * P.length, (prec) => {
    const s = new LogSum(prec);
    P.forEach((d, j) => {
      const wj = w[j] as Rational;
      d.forEach((pij, i) => {
        if (pij.num === 0n || wj.num === 0n) return;
        const mi = m[i] as Rational;
        s.add(mul(wj, pij), pij.num * mi.den, pij.den * mi.num);
      });
    });
    return { kind: 'ball', ball: s.ball() };
  });
}

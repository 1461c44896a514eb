import { checkOptions } from './errors.js';
import { toDistribution } from './distribution.js';
import { certifyLog, LogSum, type LogOptions, type LogQuantity } from './_internals/logquantity.js';
import type { RationalLike } from './rational.js';

/**
 * Shannon entropy H(P) = −Σᵢ pᵢ·ln pᵢ = Σᵢ pᵢ·ln(1/pᵢ).
 *
 * Special cases: terms with pᵢ = 0 vanish (0·log 0 = 0); 0 ≤ H(P) ≤ ln n, with 0 iff P is a point
 * mass and ln n iff P is uniform. Masses as small as 1e-300 or 1e-5000 contribute their exact,
 * tiny terms: nothing underflows.
 *
 * Source: Shannon, "A Mathematical Theory of Communication" (1948), Theorem 2; the weighted JSD
 * of {@link weightedJsd} is H(mixture) minus the mixed entropies.
 */
export function entropy(p: readonly RationalLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('entropy', options);
  const P = toDistribution('entropy', 'p', p, options);
  return certifyLog('entropy', options, P.length, (prec) => {
    const s = new LogSum(prec);
    for (const pi of P) if (pi.num > 0n) s.add(pi, pi.den, pi.num);
    return { kind: 'ball', ball: s.ball() };
  });
}

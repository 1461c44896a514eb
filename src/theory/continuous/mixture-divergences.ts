import type * as B from '../_internals/ball.js';
import { lnRatio } from '../_internals/fixed.js';
import { certifyLog, type LogOptions, type LogQuantity } from '../_internals/logquantity.js';
import { checkOptions } from '../errors.js';
import { ZERO } from '../rational.js';
import { sameMixture, toMixture, type ComponentLike, type GaussianLike } from './mixture.js';
import { budgetOf, integrate, type Integrand } from './quadrature.js';

/** The certified integral of `kind` (JSD, KL or C(G)) between two mixtures, through the quadrature's Ziv loop. */
export function mixtureIntegral(fn: string, kind: Integrand, p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions): LogQuantity {
  const P = toMixture(fn, 'p', p);
  const Q = toMixture(fn, 'q', q);
  const same = sameMixture(P, Q);
  let atPrecision: ((prec: number) => B.Ball) | null = null; // planned on first use, then reused by the Ziv loop
  const budget = budgetOf(fn, options);
  return certifyLog(fn, options, 64, (prec) => {
    if (same) {
      // JSD = KL = 0; C(G) = −ln 4
      if (kind !== 'cg') return { kind: 'exact', value: ZERO };
      const l = lnRatio(1n, 4n, prec);
      return { kind: 'ball', ball: l };
    }
    atPrecision ??= integrate(kind, P, Q, fn, budget);
    return { kind: 'ball', ball: atPrecision(prec) };
  });
}

/**
 * JSD(P‖Q) between Gaussian mixtures (a single Gaussian is a one-component mixture), certified by
 * the trapezoidal rule with the analytic-strip error bound of `quadrature.ts`:
 * JSD = ½∫ p ln(2p/(p+q)) + q ln(2q/(p+q)).
 */
export function mixtureJsd(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureJsd', options);
  return mixtureIntegral('mixtureJsd', 'jsd', p, q, options);
}

/** KL(P‖Q) = ∫ p ln(p/q) between Gaussian mixtures, certified (see {@link mixtureJsd}). */
export function mixtureKl(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureKl', options);
  return mixtureIntegral('mixtureKl', 'kl', p, q, options);
}

/**
 * C(G) = V(D*, G) = ∫ p ln(p/(p+q)) + q ln(q/(p+q)) between Gaussian mixtures, certified and
 * computed directly (not from the JSD), so C(G) = 2·JSD − ln 4 can be checked.
 */
export function mixtureValueAtOptimum(p: readonly ComponentLike[], q: readonly ComponentLike[], options: LogOptions = {}): LogQuantity {
  options = checkOptions('mixtureValueAtOptimum', options);
  return mixtureIntegral('mixtureValueAtOptimum', 'cg', p, q, options);
}

/** JSD between two Gaussians: {@link mixtureJsd} of one-component mixtures. */
export function gaussianJsd(p: GaussianLike, q: GaussianLike, options: LogOptions = {}): LogQuantity {
  options = checkOptions('gaussianJsd', options);
  return mixtureIntegral('gaussianJsd', 'jsd', [{ weight: '1', ...p }], [{ weight: '1', ...q }], options);
}

/**
 * gan-verify/theory: exact GAN quantities, each with a certified enclosure [lower, upper] of its exact
 * value: for discrete distributions (one quantity per file here) and for Gaussians and finite Gaussian
 * mixtures (one per file under `continuous/`).
 *
 * @example
 * ```ts
 * import { dstar, gaussianW1, jsd } from 'gan-verify/theory';
 *
 * const r = jsd(['1/2', '1/2', '0'], ['0', '1/2', '1/2'], { digits: 20 });
 * console.log(r.value, r.unit); // prints: 0.34657359027997265471 nats
 * console.log(r.lower <= r.value && r.value <= r.upper); // prints: true
 * console.log(gaussianW1({ mu: '0', sigma: '1' }, { mu: '1', sigma: '2' }, { digits: 15 }).value); // prints: 1.16663094117537
 * console.log(dstar(['1/4', '3/4'], ['1/2', '1/2']).map((e) => e.exact).join(' ')); // prints: 1/3 3/5
 * ```
 * @module
 */
export { InputError, TheoryError } from './errors.js';
export { toRational, formatRational, exactFloat, type Rational, type RationalLike } from './rational.js';
export { toDistribution, toSupport, type MassOptions } from './distribution.js';
export { DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS, type Enclosure } from './enclosure.js';
export type { LogOptions, LogQuantity, LogUnit } from './_internals/logquantity.js';
export { dstar, dstarExact, type DStarOptions } from './dstar.js';
export { value, valueAtOptimum } from './value.js';
export { kl, klReverse } from './kl.js';
export { jsd, weightedJsd } from './jsd.js';
export { entropy } from './entropy.js';
export { w1, type W1Options, type W1Result } from './wasserstein.js';
export { toMixture, type GaussianLike, type ComponentLike, type Component, type ContinuousOptions } from './continuous/mixture.js';
export { gaussianKl } from './continuous/gaussian-kl.js';
export { gaussianW1 } from './continuous/gaussian-w1.js';
export { gaussianW2 } from './continuous/gaussian-w2.js';
export { mixtureDstar, mixtureDstarGrid } from './continuous/mixture-dstar.js';
export { mixtureW1 } from './continuous/mixture-w1.js';
export { mixtureJsd, mixtureKl, mixtureValueAtOptimum, gaussianJsd } from './continuous/mixture-divergences.js';
export { shiftSeries, type ShiftRow } from './continuous/shift-series.js';

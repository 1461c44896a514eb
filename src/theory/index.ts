/**
 * gan-verify/theory: exact GAN quantities for discrete distributions, each with a certified
 * enclosure [lower, upper] of its exact value.
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
export {
  gaussianKl,
  gaussianW1,
  gaussianW2,
  mixtureDstar,
  mixtureDstarGrid,
  mixtureW1,
  mixtureJsd,
  mixtureKl,
  mixtureValueAtOptimum,
  gaussianJsd,
  shiftSeries,
  parseMixtureSpec,
  toMixture,
  type GaussianLike,
  type ComponentLike,
  type Component,
  type ContinuousOptions,
  type ShiftRow,
} from './gaussian.js';

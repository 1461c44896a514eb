/**
 * gan-verify/numeric: float64 divergences that stay accurate where GAN theory lives, seeded
 * sampling, and Monte Carlo estimators that say how uncertain they are.
 */
export { NumericError } from './errors.js';
export { Rng, checkSeed, MAX_SEED, type RngState } from './rng.js';
export { erfc, normalCdf, normalSf, normalQuantile, normalLogPdf } from './special.js';
export { CompensatedSum, compensatedSum, meanVariance } from './sum.js';
export {
  normal,
  uniform,
  mixture,
  categorical,
  ring8,
  grid25,
  gaussianMixture2D,
  parseDistributionSpec,
  type Dist1D,
  type Dist2D,
  type Distribution,
  type SampleSet,
} from './distributions/index.js';
export { parseDistribution, readSampleFile } from './read-file.js';
export { kl, jsd, jsDistance, entropy, value, dstar, klTerm, jsdTerm, toProbabilities, SUM_TOLERANCE, type FloatOptions } from './divergences/index.js';
export { w1, w1Sweep, w1ToDistribution, type W1FloatOptions, type W1Sweep } from './wasserstein.js';
export {
  estimateValue,
  estimateKl,
  estimateJsd,
  estimateW1,
  estimateKlKnn,
  estimateJsdLowerBound,
  type Estimate,
  type EstimateOptions,
  type W1EstimateOptions,
  type KnnOptions,
  type Discriminator,
  type Source,
} from './estimators.js';

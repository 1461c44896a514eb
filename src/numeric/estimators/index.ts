/**
 * Monte Carlo estimators with confidence intervals, one quantity per file. Every estimator draws P's
 * sample from stream 0 and Q's from stream 1 of `seed` (files of samples are used as they are), so the
 * same seed gives the same numbers, and reports how uncertain it is.
 */
export type { Discriminator, Estimate, EstimateOptions, Source } from './common.js';
export { estimateValue } from './value.js';
export { estimateKl } from './kl.js';
export { estimateJsd } from './jsd.js';
export { estimateW1, type W1EstimateOptions } from './w1.js';
export { estimateKlKnn, type KnnOptions } from './kl-knn.js';
export { estimateJsdLowerBound } from './jsd-lower-bound.js';

/**
 * `gan-verify/testing`: check your own GAN code against the theorems, in vitest, jest or node:test.
 * Arbitraries (fast-check), matchers against the exact module, and {@link assertTheorems}.
 * @module
 */
export {
  massesFromCounts,
  probabilityVector,
  distributionPair,
  disjointPair,
  modeDroppingPair,
  discriminatorTable,
  gaussian,
  mixture,
  hardExamples,
  HARD_PAIRS,
  type DistributionPair,
  type Gaussian,
  type Mixture,
  type SizeOptions,
} from './arbitraries.js';
export { closeTo, withinEnclosure, ulpDistance, exact, ganMatchers, type MatchResult, type Tolerance } from './matchers.js';
export { TestingError } from './errors.js';
export { assertTheorems, THEOREMS, type Implementations, type TheoremOptions, type TheoremsReport } from './theorems.js';

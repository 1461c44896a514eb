/**
 * Confidence intervals for the statistics of population experiments: a share of members
 * (Clopper–Pearson), a median (distribution-free, from order statistics) and a rank correlation
 * (Spearman's ρ with Fisher's z). Each returns the estimate with its interval, the level and n, so a
 * verdict can be decided from the interval alone.
 *
 * Oracle: `fixtures/reference/generate_intervals.py` (scipy's `binomtest(k, n).proportion_ci(
 * method='exact')`, `binom.cdf`, `spearmanr`), checked in `test/numeric-intervals.test.ts`.
 */
export type { Interval } from './common.js';
export { binomialUpperTail, clopperPearson } from './binomial.js';
export { median, medianInterval, quantile } from './quantiles.js';
export { ranks, spearman } from './spearman.js';

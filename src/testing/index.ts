/**
 * `gan-verify/testing`: check your own GAN code against the theorems, in vitest, jest or node:test.
 * Arbitraries (fast-check), matchers against the exact module, and {@link assertTheorems}.
 *
 * @example
 * ```ts
 * import { assertTheorems } from 'gan-verify/testing';
 *
 * // your own KL and JSD (any code taking probability vectors), held to the theorems that concern them
 * const kl = (p: number[], q: number[]) => p.reduce((s, x, i) => s + (x === 0 ? 0 : x * Math.log(x / (q[i] as number))), 0);
 * const jsd = (p: number[], q: number[]) => {
 *   const m = p.map((x, i) => (x + (q[i] as number)) / 2);
 *   return 0.5 * kl(p, m) + 0.5 * kl(q, m);
 * };
 * const report = await assertTheorems({ jsd, kl }, { numRuns: 100, seed: 1 }); // throws on a counterexample, with its seed
 * console.log(report.theorems.join(' ')); // prints: jsd-exact jsd-symmetric jsd-bounds kl-exact kl-gibbs
 * ```
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
  countsPair,
  type CountsPair,
  type DistributionPair,
  type Gaussian,
  type Mixture,
  type SizeOptions,
} from './arbitraries.js';
export { closeTo, withinEnclosure, ulpDistance, exact, ganMatchers, type MatchResult, type Tolerance } from './matchers.js';
export { TestingError } from './errors.js';
export { critic, makeCritic, points, type Critic, type CriticSpec } from './critics.js';
export { logitBatch } from './families/logits.js';
export { execImplementations, ExecError, EXEC_PROTOCOL, type ExecClient, type ExecOptions } from './exec.js';
export { assertTheorems, THEOREMS, type Implementations, type TheoremOptions, type TheoremsReport } from './theorems.js';

/**
 * gan-verify/checks: the public library of parameterised checks. A claim is its quote, its
 * statement and one library check spread in:
 *
 * ```ts
 * import { claim, optimum } from 'gan-verify/checks';
 * export default [
 *   claim({
 *     id: 'optimal-d', quote: 'D^*(x) = \\frac{p(x)}{p(x)+q(x)}',
 *     statement: 'p/(p+q) maximises p·log D + q·log(1 − D) over D ∈ [0, 1]',
 *     ...optimum({ f: 'p\\log D + q\\log(1-D)', claimed: '\\frac{p}{p+q}', kind: 'max', over: ['D', 0, 1],
 *       vars: { p: 'positive', q: 'positive' } }),
 *   }),
 * ];
 * ```
 *
 * Each check takes the document's formula (LaTeX, parsed by @cortex-js/compute-engine) or setting as
 * its subject, returns an Outcome with evidence (how many cases, from which seed, exact or float64),
 * and has a natural mutant (a wrong claim or setup) that `gan-verify check --controls` runs.
 */
export { claim, THIS_DOCUMENT, type LibraryCheck } from './claim.js';
export { all, corrected, type AnyCheck } from './combine.js';
export {
  identity,
  inequality,
  derivative,
  optimum,
  type FormulaCheckOptions,
  type IdentitySubject,
  type InequalitySubject,
  type DerivativeSubject,
  type OptimumSubject,
  type Relation,
} from './algebra.js';
export { divergence, type DivergenceSubject, type Measure } from './divergence.js';
export { game, spectralRadius, type GameSubject, type GameBehaviour } from './game.js';
export type { Order } from '../checks/dirac-gan.js';
export { shift, type ShiftSubject } from './shift.js';
export { pairFact, type PairFactSubject } from './pairs.js';
export { lipschitz, lipschitzBounds, type LipschitzSubject } from './lipschitz.js';
export { populationShare, type PopulationSubject } from './population.js';
export { constantValue, parseFormula, type Formula, type FormulaOptions, type Json } from './latex.js';
export { drawCases, type Domain, type Case } from './cases.js';
export type { Expr } from './expr.js';

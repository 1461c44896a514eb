/**
 * gan-verify/claims: the claims ledger. `defineClaim` declares a claim with its check; `runLedger`
 * runs claims; `CATALOGUE` holds the built-in claims of the five seed documents.
 *
 * @example
 * ```ts
 * import { defineClaim, runLedger, verdictOf } from 'gan-verify/claims';
 *
 * const half = defineClaim({
 *   id: 'dstar-half',
 *   source: { doc: 'notes.md', quote: 'When p_G = p_data the optimal discriminator is 1/2.' },
 *   statement: 'p/(p + q) at q = p equals 1/2 for p in {0.001, 0.3, 7}',
 *   method: 'exact',
 *   subject: (p: number, q: number) => p / (p + q),
 *   mutant: { description: 'D* = p/(p + 2q)', subject: (p: number, q: number) => p / (p + 2 * q) },
 *   check: (dstar) => {
 *     const ok = [0.001, 0.3, 7].every((p) => dstar(p, p) === 0.5);
 *     return { verdict: verdictOf({ asStated: ok }), evidence: ok ? 'exactly 1/2 at 3 points' : 'not 1/2', numbers: { ok } };
 *   },
 * });
 * const [entry] = await runLedger([half], { seed: 0 });
 * console.log(entry?.id, entry?.verdict, entry?.evidence); // prints: dstar-half holds exactly 1/2 at 3 points
 * ```
 * @module
 */
export {
  defineClaim,
  verdictOf,
  verdictOfInterval,
  notCheckable,
  ClaimError,
  VERDICTS,
  METHODS,
  type Claim,
  type AnyClaim,
  type ClaimSpec,
  type ClaimSource,
  type CheckContext,
  type Outcome,
  type Plot,
  type Verdict,
  type Method,
  type IntervalEvidence,
  type GridCell,
  type Review,
} from './define.js';
export { shareEvidence, medianEvidence, showShare, showMedian } from './checks/statistics.js';
export { gridOf, gridVerdict, conditionsFrom } from './checks/robustness.js';
export {
  runLedger,
  runClaim,
  runControls,
  controlProblems,
  makeContext,
  shard,
  type LedgerEntry,
  type RunOptions,
  type Controls,
  type ControlResult,
} from './runner.js';
export { population, sequential, lookAt, configOf, quantile, median, share, spearman, type Setup, type Population, type Look } from './experiments.js';
export type { Interval } from '../numeric/intervals/index.js';
export { ledgerJson, ledgerTable, writeReport, LEDGER_SCHEMA, type LedgerMeta } from './report.js';
export { junitXml, xmlEscape } from './junit.js';
export { renderSvg, convergencePlot, histogramPlot, dPlot, shiftPlot, modesPlot } from './plots.js';
export { solveMixed, pureSaddles, pureValues, guarantees, type Game, type MixedSolution } from './games.js';
export { CATALOGUE } from './catalogue/index.js';

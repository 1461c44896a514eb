/**
 * gan-verify/claims: the claims ledger. `defineClaim` declares a claim with its check; `runLedger`
 * runs claims; `CATALOGUE` holds the built-in claims of the five seed documents.
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
export type { Interval } from '../numeric/intervals.js';
export { ledgerJson, ledgerTable, writeReport, LEDGER_SCHEMA, type LedgerMeta } from './report.js';
export { junitXml, xmlEscape } from './junit.js';
export { renderSvg, convergencePlot, histogramPlot, dPlot, shiftPlot, modesPlot } from './plots.js';
export { solveMixed, pureSaddles, pureValues, guarantees, type Game, type MixedSolution } from './games.js';
export { CATALOGUE } from './catalogue/index.js';

/**
 * gan-verify/claims: the claims ledger. `defineClaim` declares a claim with its check; `runLedger`
 * runs claims; `CATALOGUE` holds the built-in claims of the five seed documents.
 */
export { defineClaim, verdictOf, verdictOfShare, notCheckable, ClaimError, VERDICTS, METHODS, type Claim, type AnyClaim, type ClaimSpec, type ClaimSource, type CheckContext, type Outcome, type Plot, type Verdict, type Method } from './define.js';
export { runLedger, runClaim, makeContext, shard, type LedgerEntry, type RunOptions } from './runner.js';
export { population, quantile, median, share, spearman, type Setup, type Population } from './experiments.js';
export { ledgerJson, ledgerTable, junitXml, writeReport, LEDGER_SCHEMA, type LedgerMeta } from './report.js';
export { renderSvg, convergencePlot, histogramPlot, dPlot, shiftPlot, modesPlot } from './plots.js';
export { solveMixed, pureSaddles, pureValues, guarantees, type Game, type MixedSolution } from './games.js';
export { CATALOGUE } from './catalogue/index.js';

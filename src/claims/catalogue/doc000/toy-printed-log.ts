/** Claim `toy-printed-log` of seed document 000. */
import { defineClaim } from '../../define.js';
import { lookAt, sequential } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { makeConfig, train, type MemberLog } from '../../../train/index.js';
import { fmt } from '../../format.js';
import { src, TOY, DOCUMENT_LOG, TOY_SEQ, type PrintedLog } from './setup.js';
import { logDepth, type LogRow } from '../../checks/log-depth.js';

export const printedLog = defineClaim({
  id: 'toy-printed-log',
  source: src(
    'Step 0: D_loss=1.6131, G_loss=0.8809 Step 200: D_loss=1.3623, G_loss=0.9018 Step 400: D_loss=1.3865, G_loss=0.6928 Step 600: D_loss=1.3863, ' +
      'G_loss=0.6930 Step 800: D_loss=1.3855, G_loss=0.6933',
  ),
  statement:
    "the printed log is a typical log of the document's toy: a Monte Carlo rank test. Its unusualness T (the largest robust z-score of its 10 printed " +
    "values against the population at each step) is compared with every member's own T; the share of members at least as unusual (the p-value) must " +
    'exceed 5%, decided by its Clopper–Pearson interval (64 → 128 → 256 seeds)',
  method: 'population',
  expected: 'holds',
  subject: { log: DOCUMENT_LOG } as PrintedLog,
  mutant: {
    description: 'a log with D_loss = 0.1 at step 800 (a D that wins outright)',
    subject: { log: DOCUMENT_LOG.map((r) => (r.step === 800 ? { ...r, d: 0.1 } : r)) } as PrintedLog,
  },
  positive: {
    description: "the trainer's own log for a seed outside the population (seed + 100000), printed to 4 decimals",
    subject: { freshSeed: 100_000 } as PrintedLog,
  },
  check: async (subject, ctx) => {
    let log: LogRow[];
    if ('log' in subject) log = subject.log;
    else {
      const one = await train(makeConfig(TOY.preset, TOY.overrides as Record<string, unknown>), { seed: ctx.seed + subject.freshSeed });
      log = one.logs
        .map((l) => l[0] as MemberLog)
        .filter((m) => m.step <= 800)
        .map((m) => ({ step: m.step, d: Number(m.dLoss.toFixed(4)), g: Number(m.gLoss.toFixed(4)) }));
    }
    const r = await sequential(ctx, TOY_SEQ, (pop, level) => {
      const t = logDepth(log, pop);
      const rows = (k: number) =>
        pop.logs.filter((l) => (l[0]?.step as number) <= 800).map((l) => ({ step: l[0]?.step as number, d: l[k]?.dLoss as number, g: l[k]?.gLoss as number }));
      const asExtreme = pop.final.filter((_, k) => logDepth(rows(k), pop) >= t).length;
      return {
        ...lookAt(shareEvidence(asExtreme, pop.final.length, level, 'share of seeds whose own log is at least as unusual as the printed one', 0.05), 'above'),
        t,
      };
    });
    return {
      verdict: r.verdict,
      evidence:
        `the printed log is at most ${fmt(r.t)} robust standard deviations from the toy's typical values at its steps; ${showShare(r.interval)} ` +
        'of the toy print a log at least as far off, so the printed log is an ordinary one (it would be suspect if fewer than 5% did)',
      numbers: {
        unusualness: Number.isFinite(r.t) ? r.t : 'inf',
        pValue: r.interval.estimate,
        low: r.interval.low,
        high: r.interval.high,
        seeds: r.pop.final.length,
      },
      interval: r.interval,
      ...(r.verdict !== 'holds' ? { counterexample: `the log's largest robust z-score is ${fmt(r.t)}` } : {}),
    };
  },
});

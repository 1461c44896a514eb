/** Claim `toy-generates-target` of seed document 000. */
import { defineClaim, type GridCell } from '../../define.js';
import { lookAt, median, quantile, sequential, type Setup } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { conditionsFrom, gridOf, gridVerdict } from '../../checks/robustness.js';
import { convergencePlot, histogramPlot, dPlot } from '../../plots.js';
import { fmt } from '../../format.js';
import { src, TOY_REACHABLE, TOY_SEQ, type Reading, normalOf } from './setup.js';

export const toyConverges = defineClaim({
  id: 'toy-generates-target',
  source: src('Generator: Takes random noise as input and generates data resembling the target Gaussian distribution.'),
  statement:
    "the document's toy (seed-toy preset: its networks, Adam 0.01, batch 16, 1000 steps): the share of seeds whose generated distribution ends within W1 < " +
    '0.25 of the target N(3, 1) (4096 samples, exact CDF) exceeds ½, decided by its Clopper–Pearson interval (64 → 128 → 256 seeds while it straddles ½); ' +
    'recomputed over lr ∈ {0.01, 0.001} × steps ∈ {1000, 3000}',
  method: 'population',
  expected: 'refuted',
  subject: { setup: TOY_SEQ, reading: 'within' as Reading, tolerance: 0.25, grid: true },
  mutant: {
    description: 'a wrong reading: "resembling" taken as "closer to the target than at step 0" (improvement, not resemblance)',
    subject: { setup: TOY_SEQ, reading: 'improves' as Reading, tolerance: 0.25, grid: false },
  },
  positive: {
    description: 'the same networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps, where they reach the target',
    subject: { setup: TOY_REACHABLE, reading: 'within' as Reading, tolerance: 0.25, grid: false },
  },
  check: async ({ setup, reading, tolerance, grid }, ctx) => {
    const decide = (su: Setup) =>
      sequential(ctx, su, (pop, level) => {
        const { mu, sigma } = normalOf(pop.config.target);
        const ok = (k: number) =>
          reading === 'within' ? (pop.final[k]?.w1 as number) < tolerance : (pop.final[k]?.w1 as number) < (pop.logs[0]?.[k]?.w1 as number);
        const k = pop.final.filter((_, i) => ok(i)).length;
        const what =
          reading === 'within' ? `share of seeds within W1 < ${tolerance} of N(${mu}, ${sigma})` : `share of seeds closer to N(${mu}, ${sigma}) than at step 0`;
        return lookAt(shareEvidence(k, pop.final.length, level, what, 0.5), 'above');
      });
    const main = await decide(setup);
    const pop = main.pop;
    const { mu, sigma } = normalOf(pop.config.target);
    const stds = pop.final.map((m) => m.gStd as number);
    const w1 = pop.final.map((m) => m.w1 as number);
    const cells: GridCell[] = [];
    if (grid) {
      for (const settings of gridOf(ctx.quick ? { lr: [0.01, 0.001], steps: [300, 1000] } : { lr: [0.01, 0.001], steps: [1000, 3000] })) {
        const su: Setup = {
          ...setup,
          overrides: { ...setup.overrides, lrD: settings.lr as number, lrG: settings.lr as number },
          steps: [settings.steps as number, settings.steps as number],
        };
        const r = await decide(su);
        cells.push({ settings, verdict: r.verdict, interval: r.interval });
      }
    }
    const verdict = grid ? gridVerdict(cells) : main.verdict;
    const why =
      reading === 'within'
        ? `; median W1 ${fmt(median(w1))}, median G std ${fmt(median(stds))} (target ${sigma})${median(stds) < 0.7 * sigma ? ': the spread collapses' : ''}`
        : '';
    return {
      verdict,
      evidence:
        `${showShare(main.interval)} ` +
        `${reading === 'within' ? `within W1 < ${tolerance} of N(${mu},${sigma})` : 'closer to the target than at step 0'} after ${pop.config.steps} ` +
        `steps${why}${grid ? `; over the grid: ${cells.map((c) => c.verdict).join(', ')}` : ''}`,
      numbers: {
        seeds: pop.final.length,
        share: main.interval.estimate,
        low: main.interval.low,
        high: main.interval.high,
        medianW1: median(w1),
        medianGStd: median(stds),
        q90W1: quantile(w1, 0.9),
        steps: pop.config.steps,
        looks: main.looks,
      },
      interval: main.interval,
      ...(grid ? { grid: cells, conditions: conditionsFrom(cells) } : {}),
      plots: [convergencePlot(pop), histogramPlot(pop), dPlot(pop)],
    };
  },
});

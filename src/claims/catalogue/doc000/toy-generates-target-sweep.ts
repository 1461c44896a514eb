/** Claim `toy-generates-target-sweep` of seed document 000: the toy's convergence over a sweep larger than one machine runs in the ledger. */
import { auditedSweep, REACHABLE_SWEEP, TOY_SWEEP } from '../../sweep/committed.js';
import { defineClaim, type GridCell, type Verdict } from '../../define.js';
import { conditionsFrom, gridVerdict } from '../../checks/robustness.js';
import { clopperPearson } from '../../../numeric/intervals/index.js';
import { verdictOfInterval } from '../../define.js';
import { src } from './setup.js';

type Reading = 'withinTolerance' | 'improved';

export const toySweep = defineClaim({
  id: 'toy-generates-target-sweep',
  source: src('Generator: Takes random noise as input and generates data resembling the target Gaussian distribution.'),
  statement:
    "the document's toy over a sweep of lr_D ∈ {0.01, 0.001} × steps ∈ {1000, 3000} × batch ∈ {16, 64}, 1000 seeds per cell (examples/scale/toy-sweep.json; " +
    'its 160 committed units audited: hashes, the summary recomputed, a seeded sample retrained): in each cell, the share of seeds whose G is within ' +
    'W1 < 0.25 of N(3, 1) after the last step exceeds ½ (Clopper–Pearson at the Bonferroni level over the 8 cells)',
  method: 'population',
  expected: 'refuted',
  subject: { sweep: TOY_SWEEP, reading: 'withinTolerance' as Reading },
  mutant: {
    description: 'a wrong reading: "resembling" taken as "closer to the target than at step 0" (improvement, not resemblance)',
    subject: { sweep: TOY_SWEEP, reading: 'improved' as Reading },
  },
  positive: {
    description: 'the same networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps, 200 seeds (examples/scale/toy-reachable-sweep.json)',
    subject: { sweep: REACHABLE_SWEEP, reading: 'withinTolerance' as Reading },
  },
  // decided from the committed sweep, audited first: every unit's hash, the summary recomputed from
  // the units, and a seeded sample of units retrained here and compared byte for byte
  check: async ({ sweep, reading }, ctx) => {
    const audit = await auditedSweep(ctx, sweep);
    const file = sweep.summary;
    const cs = audit.summaries as unknown as {
      settings: Record<string, number | string>;
      members: number;
      statistics: Record<string, { k: number; n: number }>;
    }[];
    const level = 1 - 0.05 / cs.length;
    const grid: GridCell[] = cs.map((c) => {
      const s = c.statistics[reading];
      if (s === undefined) throw new Error(`${file}: cell ${JSON.stringify(c.settings)} has no ${reading} statistic`);
      const iv = clopperPearson(s.k, s.n, level);
      const interval = { statistic: reading === 'improved' ? 'share closer to the target than at step 0' : 'share within W1 < 0.25', ...iv, threshold: 0.5 };
      return { settings: c.settings, verdict: verdictOfInterval(iv, 0.5, 'above') as Verdict, interval };
    });
    const verdict = gridVerdict(grid);
    const members = cs.reduce((a, c) => a + c.members, 0);
    const show = (g: GridCell) =>
      `${
        Object.keys(g.settings).length === 0
          ? 'the one cell'
          : Object.entries(g.settings)
              .map(([k, v]) => `${k} ${v}`)
              .join(' ')
      }: ${(100 * (g.interval?.estimate ?? 0)).toFixed(1)}%`;
    // the interval reported beside the grid: the cell most favourable to the claim (highest upper bound)
    const best = grid.reduce((a, g) => ((g.interval?.high ?? 0) > (a.interval?.high ?? 0) ? g : a));
    return {
      verdict,
      interval: best.interval as NonNullable<GridCell['interval']>,
      evidence:
        `${members} members in ${cs.length} cells; ${reading === 'improved' ? 'closer than at step 0' : 'within W1 < 0.25'} at the last step: ` +
        `${grid.map(show).join(', ')}. Numbers ${audit.text}`,
      numbers: {
        cells: cs.length,
        members,
        cellsHolding: grid.filter((g) => g.verdict === 'holds').length,
        level,
        unitsAudited: audit.units,
        unitsRecomputed: audit.recomputed.length,
      },
      grid,
      conditions: conditionsFrom(grid),
    };
  },
});

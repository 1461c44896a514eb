/** Claim `discriminator-half-at-convergence` of seed document 001. */
import { defineClaim, type IntervalEvidence, type Verdict } from '../../define.js';
import { lookAt, median, sequential } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { convergedToy, tabularNash, type ConvergedMember } from '../../checks/converged.js';
import { fmt } from '../../format.js';
import { TOY_SEQ } from '../doc000/setup.js';
import { src, type AtConvergence } from './setup.js';

export const halfAtConvergence = defineClaim({
  id: 'discriminator-half-at-convergence',
  source: src(
    'At convergence, the generator is expected to be strong enough that it can create realistic examples that are indistinguishable from real data. At this ' +
      'stage, the discriminator is confused and outputs \\( \\frac{1}{2} \\) everywhere.',
  ),
  statement:
    "under the sentence's condition: among the toy's seeds whose generator converged (W1 < 0.5 to N(3,1), half the data's σ, after 1000 steps), the share " +
    "whose D is within 0.1 of ½ exceeds ½ — everywhere (the grid over the data's 0.01–99.99% range) and on the data's bulk μ ± 2σ = [1, 5]; " +
    'Clopper–Pearson intervals, 64 → 128 → 256 seeds while they straddle ½',
  method: 'population',
  expected: 'inconclusive',
  subject: { kind: 'toy', value: 0.5 } as AtConvergence,
  mutant: { description: 'a wrong value: the discriminator outputs ¾ at convergence', subject: { kind: 'toy', value: 0.75 } as AtConvergence },
  positive: {
    description: 'the tabular GAN at its Nash point (G frozen at p_data, D trained alone from random tables)',
    subject: { kind: 'tabular-nash', value: 0.5 } as AtConvergence,
  },
  check: async (s, ctx) => {
    const tol = 0.1;
    const decide = (
      members: ConvergedMember[],
      level: number,
    ): { verdict: Verdict; interval: IntervalEvidence; wide: IntervalEvidence | null; members: ConvergedMember[] } => {
      const bulk = members.filter((m) => m.bulkGap(s.value) <= tol).length;
      const wide = members.filter((m) => m.wideGap(s.value) <= tol).length;
      if (members.length === 0)
        return {
          verdict: 'inconclusive',
          interval: { statistic: 'no converged member', estimate: 0, low: 0, high: 1, level, n: 0, threshold: 0.5 },
          wide: null,
          members,
        };
      const bulkIv = shareEvidence(bulk, members.length, level, `share of converged seeds with |D − ${s.value}| ≤ ${tol} on the data's bulk`, 0.5);
      const wideIv = shareEvidence(wide, members.length, level, `share of converged seeds with |D − ${s.value}| ≤ ${tol} everywhere`, 0.5);
      const b = lookAt(bulkIv, 'above').verdict;
      const w = lookAt(wideIv, 'above').verdict;
      // holds-under-conditions needs both: the bulk shown to hold and "everywhere" shown to fail
      const verdict: Verdict = w === 'holds' ? 'holds' : b === 'holds' ? (w === 'refuted' ? 'holds-under-conditions' : 'inconclusive') : b;
      return { verdict, interval: bulkIv, wide: wideIv, members };
    };
    const r =
      s.kind === 'toy'
        ? await sequential(ctx, TOY_SEQ, (pop, level) => decide(convergedToy(pop, 0.5, [1, 5]), level))
        : { ...decide(await tabularNash(ctx, ctx.size(8, 16)), 0.95), pop: null, looks: 1 };
    const wideText = r.wide ? showShare(r.wide, 'converged seeds') : 'none';
    const seeds = r.pop ? r.pop.final.length : r.members.length;
    return {
      verdict: r.verdict,
      evidence:
        `${r.members.length} of ${seeds} seeds converged; |D − ${s.value}| ≤ ${tol} on the bulk: ` +
        `${r.members.length ? showShare(r.interval, 'converged seeds') : 'none'}; everywhere: ${wideText}`,
      numbers: {
        seeds,
        converged: r.members.length,
        bulkShare: r.interval.estimate,
        wideShare: r.wide?.estimate ?? 0,
        medianBulkGap: r.members.length ? median(r.members.map((m) => m.bulkGap(s.value))) : 'none',
      },
      interval: r.interval,
      conditions:
        `on the data's bulk [1, 5] (${r.members.length ? showShare(r.interval, 'converged seeds') : 'none'}), not everywhere (${wideText}): D is ` +
        `never trained where neither p_data nor p_G has mass`,
      ...(r.verdict === 'refuted'
        ? { counterexample: `median |D − ${s.value}| on the bulk ${fmt(median(r.members.map((m) => m.bulkGap(s.value))))} among converged seeds` }
        : {}),
    };
  },
});

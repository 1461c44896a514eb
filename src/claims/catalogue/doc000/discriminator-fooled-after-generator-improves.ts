/** Claim `discriminator-fooled-after-generator-improves` of seed document 000. */
import { defineClaim } from '../../define.js';
import { lookAt, median, sequential } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { fmt } from '../../format.js';
import { dOnSamples } from './discriminator-same-label-after-training.js';
import { src, TOY_REACHABLE, TOY_SEQ } from './setup.js';
import type { Setup } from '../../experiments.js';

/** What the claim says of D once G has improved: fooled (it cannot tell real from fake) or, the wrong claim, not. */
interface Fooled {
  claimed: 'fooled' | 'catches';
  setup: Setup;
}

export const fooledAfterImprovement = defineClaim({
  id: 'discriminator-fooled-after-generator-improves',
  source: src('but after the generator improved, the discriminator will be fooled'),
  statement:
    "the document's toy (seed-toy preset, 1000 steps, N(3, 1)), under the sentence's condition: among the seeds whose generator improved (W1 to " +
    'N(3, 1) at the end below its value at step 0), the share whose D is fooled at the end — |mean D(real) − mean D(fake)| < 0.1 over 1000 ' +
    'quantiles of N(3, 1) and G’s 4096 samples — exceeds ½ (Clopper–Pearson, 64 → 128 → 256 → 512 seeds while it straddles ½)',
  method: 'population',
  expected: 'holds',
  subject: { claimed: 'fooled', setup: TOY_SEQ } as Fooled,
  mutant: {
    description: 'a wrong claim: after the generator improved, the discriminator still catches it (gap ≥ 0.1)',
    subject: { claimed: 'catches', setup: TOY_SEQ } as Fooled,
  },
  positive: {
    description: 'the same networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps (Radford et al. 2015), where G reaches the target',
    subject: { claimed: 'fooled', setup: TOY_REACHABLE } as Fooled,
  },
  check: async ({ claimed, setup }, ctx) => {
    const r = await sequential(ctx, setup, (pop, level) => {
      const improved = pop.final.map((_, k) => k).filter((k) => (pop.final[k]?.w1 as number) < (pop.logs[0]?.[k]?.w1 as number));
      const gaps = improved.map((k) => {
        const s = dOnSamples(pop, k);
        return Math.abs(s.real - s.fake);
      });
      const k = gaps.filter((g) => (claimed === 'fooled' ? g < 0.1 : g >= 0.1)).length;
      const what = `share of improved seeds whose D ${claimed === 'fooled' ? 'is fooled (gap < 0.1)' : 'still separates (gap ≥ 0.1)'}`;
      return { ...lookAt(shareEvidence(k, Math.max(1, gaps.length), level, what, 0.5), 'above'), gaps, seeds: pop.final.length };
    });
    const med = r.gaps.length ? median(r.gaps) : 0;
    return {
      verdict: r.verdict,
      evidence:
        `${r.gaps.length} of ${r.seeds} seeds improved (W1 below its step-0 value); ${showShare(r.interval, 'improved seeds')} ` +
        `${claimed === 'fooled' ? 'end with D fooled' : 'end with D still separating'} (median |mean D(real) − mean D(fake)| ${fmt(med)})`,
      numbers: { seeds: r.seeds, improved: r.gaps.length, share: r.interval.estimate, low: r.interval.low, high: r.interval.high, medianGap: med },
      interval: r.interval,
      ...(r.verdict === 'refuted' ? { counterexample: `median gap ${fmt(med)} among the seeds whose generator improved` } : {}),
    };
  },
});

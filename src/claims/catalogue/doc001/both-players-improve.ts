/** Claim `both-players-improve` of seed document 001 (also read by 004's "As training progresses, both improve"). */
import { defineClaim } from '../../define.js';
import { lookAt, population, sequential, type Setup } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { dOnSamples, TOY_G_FROZEN } from '../doc000/discriminator-same-label-after-training.js';
import { TOY_REACHABLE, TOY_SEQ } from '../doc000/setup.js';
import { src } from './setup.js';

/** The step at which the earlier discriminator is taken: the same seeds trained for this many steps. */
const EARLY = 50;

export const bothImprove = defineClaim({
  id: 'both-players-improve',
  source: src(
    "Over time, the generator begins to get better at fooling the discriminator and the discriminator gets better at catching the generator's fake " +
      'examples.',
  ),
  statement:
    "improvement of both players, in 000's toy GAN (seed-toy preset: Adam 0.01, batch 16, 1000 steps, N(3, 1)): G gets better — W1 to the target at " +
    `the end below its value at step 0 — and D gets better at catching G's fakes — the final D's BCE on the target (1000 quantiles) and on the ` +
    `final G's 4096 samples below that of the D the same seed had after ${EARLY} steps, on the same samples; the share of seeds where both hold ` +
    'exceeds ½ (Clopper–Pearson, 64 → 128 → 256 → 512 seeds while it straddles ½)',
  method: 'population',
  expected: 'holds',
  subject: TOY_SEQ,
  mutant: { description: 'a wrong setup: G never trained (lr_G 0), so it cannot get better at fooling D', subject: TOY_G_FROZEN },
  positive: {
    description: "000's networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps (Radford et al. 2015), where G reaches the target",
    subject: TOY_REACHABLE,
  },
  check: async (setup, ctx) => {
    const early: Setup = { ...setup, steps: [EARLY, EARLY] };
    const r = await sequential(ctx, setup, async (pop, level) => {
      const before = await population(ctx, early, pop.final.length);
      let g = 0;
      let d = 0;
      let both = 0;
      pop.final.forEach((m, k) => {
        const gBetter = (m.w1 as number) < (pop.logs[0]?.[k]?.w1 as number);
        const dBetter = dOnSamples(pop, k).bce < dOnSamples(pop, k, before).bce;
        g += gBetter ? 1 : 0;
        d += dBetter ? 1 : 0;
        both += gBetter && dBetter ? 1 : 0;
      });
      return { ...lookAt(shareEvidence(both, pop.final.length, level, 'share of seeds where both G and D improved', 0.5), 'above'), g, d };
    });
    const n = r.pop.final.length;
    return {
      verdict: r.verdict,
      evidence:
        `${showShare(r.interval)} improve on both sides after ${r.pop.config.steps} steps: G closer to the target than at step 0 in ${r.g} of ${n}, ` +
        `the final D's BCE on real and final fakes below the step-${EARLY} D's in ${r.d} of ${n}`,
      numbers: { seeds: n, share: r.interval.estimate, low: r.interval.low, high: r.interval.high, gImproved: r.g, dImproved: r.d },
      interval: r.interval,
      ...(r.verdict === 'refuted' ? { counterexample: `G improved in ${r.g} of ${n} seeds, D in ${r.d} of ${n}` } : {}),
    };
  },
});

/** Claim `discriminator-good-initially` of seed document 000. */
import { defineClaim } from '../../define.js';
import { lookAt, sequential, type Setup } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The toy's first step only (D's first update), for many seeds: 512 → 1024 → 2048 → 4096. */
const FIRST_STEP: Setup = {
  preset: 'seed-toy',
  overrides: { logEvery: 1, evalSamples: 256 },
  population: [256, 512],
  steps: [1, 1],
  stages: [
    [256, 1024, 4096],
    [512, 1024, 2048, 4096],
  ],
};

export const discriminatorGoodInitially = defineClaim({
  id: 'discriminator-good-initially',
  source: src('Initially, the discriminator is good at distinguish real and fake, but after the generator improved, the discriminator will be fooled.'),
  statement:
    "the document's toy: after D's first update (step 0, the document's first printed line), D beats a coin flip — its loss is below ln 4, the loss of D ≡ " +
    '½ — in most seeds: the share of seeds with D_loss(step 0) < ln 4 exceeds ½ (Clopper–Pearson, 512 → 1024 → 2048 → 4096 seeds)',
  method: 'population',
  expected: 'refuted',
  subject: { dSteps: 1 },
  mutant: { description: 'a wrong setup: D given 5 updates before the first G update (the document gives it one)', subject: { dSteps: 5 } },
  positive: { description: 'D given 25 updates before the first G update, when it has had time to learn the two distributions', subject: { dSteps: 25 } },
  check: async ({ dSteps }, ctx) => {
    const setup: Setup = { ...FIRST_STEP, overrides: { ...FIRST_STEP.overrides, dSteps } };
    const r = await sequential(ctx, setup, (pop, level) => {
      const d = (pop.logs[0] ?? []).map((m) => m.dLoss);
      return {
        ...lookAt(shareEvidence(d.filter((x) => x < Math.log(4)).length, d.length, level, 'share of seeds whose D loss at step 0 is below ln 4', 0.5), 'above'),
        d,
      };
    });
    const sorted = [...r.d].sort((a, b) => a - b);
    const med = sorted[Math.floor(sorted.length / 2)] as number;
    return {
      verdict: r.verdict,
      evidence:
        `${showShare(r.interval)} have D_loss < ln 4 after ${dSteps} D update${dSteps === 1 ? '' : 's'} (median ${fmt(med, 4)}; the document's own ` +
        `log starts at 1.6131 > ln 4 = 1.3863)`,
      numbers: { seeds: r.d.length, share: r.interval.estimate, low: r.interval.low, high: r.interval.high, medianInitialDLoss: med, dSteps },
      interval: r.interval,
      ...(r.verdict === 'refuted'
        ? {
            counterexample:
              `D loss at step 0 is at or above ln 4 in ${r.d.length - Math.round(r.interval.estimate * r.d.length)} of ${r.d.length} seeds, ` +
              `and 1.6131 in the document's own log`,
          }
        : {}),
    };
  },
});

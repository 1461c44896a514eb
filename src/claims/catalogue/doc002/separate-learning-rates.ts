/** Claim `separate-learning-rates` of seed document 002. */
import { defineClaim } from '../../define.js';
import { lookAt, population, sequential, type Population, type Setup } from '../../experiments.js';
import { medianEvidence, showMedian } from '../../checks/statistics.js';
import { convergencePlot } from '../../plots.js';
import { src, type LrPair, SEPARATE_BASE } from './setup.js';

export const separateLr = defineClaim({
  id: 'separate-learning-rates',
  source: src('Separate learning rates: often $\\eta_D < \\eta_G$ to keep the discriminator from running too far ahead.'),
  statement:
    "seed toy, the subject's η_D, η_G against η_D = η_G = 0.01, same seeds (paired): how far D is ahead early on, ln 4 − D_loss averaged over the logged " +
    'steps 50–300 (positive when D beats the coin flip); the claim is that the median paired difference (subject − equal) is below 0, decided by its ' +
    'order-statistic interval (32 → 64 → 128 seeds)',
  method: 'population',
  expected: 'inconclusive',
  subject: { lrD: 0.001, lrG: 0.01 } as LrPair,
  mutant: { description: 'the opposite setting, η_D > η_G (η_D = 0.1, η_G = 0.01)', subject: { lrD: 0.1, lrG: 0.01 } as LrPair },
  positive: { description: 'η_D = 1e-5 ≪ η_G = 0.01, a discriminator that can hardly learn', subject: { lrD: 1e-5, lrG: 0.01 } as LrPair },
  check: async (lr, ctx) => {
    const alt: Setup = { ...SEPARATE_BASE, overrides: { ...SEPARATE_BASE.overrides, lrD: lr.lrD, lrG: lr.lrG } };
    const ahead = (pop: Population) =>
      pop.final.map((_, k) => {
        const xs = pop.logs.filter((l) => (l[0]?.step as number) >= 50 && (l[0]?.step as number) <= 300).map((l) => Math.log(4) - (l[k]?.dLoss as number));
        return xs.reduce((a, b) => a + b, 0) / xs.length;
      });
    const r = await sequential(ctx, SEPARATE_BASE, async (base, level) => {
      const other = await population(ctx, alt, base.final.length);
      const a0 = ahead(base);
      const diff = ahead(other).map((x, i) => x - (a0[i] as number));
      return { ...lookAt(medianEvidence(diff, level, 'median paired difference in how far D is ahead (nats)', 0), 'below'), other };
    });
    return {
      verdict: r.verdict,
      evidence: `D ahead by (η_D = ${lr.lrD}, η_G = ${lr.lrG}) − (both 0.01): ${showMedian(r.interval)} nats; the claim needs it below 0`,
      numbers: { medianDifference: r.interval.estimate, low: r.interval.low, high: r.interval.high, seeds: r.interval.n, lrD: lr.lrD, lrG: lr.lrG },
      interval: r.interval,
      plots: [convergencePlot(r.other, 'convergence-separate-lr')],
    };
  },
});

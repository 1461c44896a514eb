/** Claim `discriminator-same-label-after-training` of seed document 000, and the toy's D read on real and fake samples. */
import { normalQuantile } from '../../../numeric/special.js';
import { defineClaim } from '../../define.js';
import { lookAt, median, sequential, type Population, type Setup } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { fmt } from '../../format.js';
import { normalOf, src, TOY_REACHABLE, TOY_SEQ } from './setup.js';

/** D at x, linear between the probe's grid points (constant beyond its ends). */
function dAt(grid: Float32Array, d: Float32Array, x: number): number {
  const n = grid.length;
  const lo = grid[0] as number;
  const hi = grid[n - 1] as number;
  if (x <= lo) return d[0] as number;
  if (x >= hi) return d[n - 1] as number;
  const h = (hi - lo) / (n - 1);
  const i = Math.min(n - 2, Math.floor((x - lo) / h));
  const t = (x - (grid[i] as number)) / h;
  return (d[i] as number) * (1 - t) + (d[i + 1] as number) * t;
}

/**
 * Member k's D at the end of a population's training, read on the target (1000 quantiles of its
 * normal) and on G's samples of the evaluation noise: the mean of D on each and the two BCE terms.
 */
export function dOnSamples(pop: Population, k: number, dOf: Population = pop): { real: number; fake: number; bce: number } {
  const { mu, sigma } = normalOf(pop.config.target);
  const grid = dOf.probe.grid;
  const G = grid.length;
  const d = dOf.probe.d.subarray(k * G, (k + 1) * G);
  const S = pop.config.evalSamples;
  const fakes = pop.probe.samples.subarray(k * S, (k + 1) * S);
  let real = 0;
  let bce = 0;
  for (let i = 0; i < 1000; i++) {
    const v = dAt(grid, d, mu + sigma * normalQuantile((i + 0.5) / 1000));
    real += v / 1000;
    bce -= Math.log(v) / 1000;
  }
  let fake = 0;
  for (const x of fakes) {
    const v = dAt(grid, d, x);
    fake += v / S;
    bce -= Math.log(1 - v) / S;
  }
  return { real, fake, bce };
}

/** The toy's G frozen at its initialisation (lr_G 0): D is trained alone against G's initial fakes. */
export const TOY_G_FROZEN: Setup = { ...TOY_SEQ, overrides: { ...TOY_SEQ.overrides, lrG: 0 } };

export const sameLabelAfterTraining = defineClaim({
  id: 'discriminator-same-label-after-training',
  source: src('After training, it will predict the fake and real data to the same label.'),
  statement:
    "the document's toy (seed-toy preset: its networks, Adam 0.01, batch 16, 1000 steps, N(3, 1)), every seed, no condition: after training D " +
    'gives real and fake data the same label on average — |mean D(real) − mean D(fake)| < 0.1, over 1000 quantiles of N(3, 1) and G’s 4096 ' +
    'samples — in most seeds: the share exceeds ½ (Clopper–Pearson, 64 → 128 → 256 → 512 seeds while it straddles ½)',
  method: 'population',
  expected: 'holds',
  subject: TOY_SEQ,
  mutant: { description: 'a wrong setup: G never trained (lr_G 0), D trained for the 1000 steps against G’s initial fakes', subject: TOY_G_FROZEN },
  positive: {
    description: 'the same networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps (Radford et al. 2015), where G reaches the target',
    subject: TOY_REACHABLE,
  },
  check: async (setup, ctx) => {
    const r = await sequential(ctx, setup, (pop, level) => {
      const gaps = pop.final.map((_, k) => {
        const s = dOnSamples(pop, k);
        return Math.abs(s.real - s.fake);
      });
      const k = gaps.filter((g) => g < 0.1).length;
      return { ...lookAt(shareEvidence(k, gaps.length, level, 'share of seeds with |mean D(real) − mean D(fake)| < 0.1 after training', 0.5), 'above'), gaps };
    });
    return {
      verdict: r.verdict,
      evidence:
        `${showShare(r.interval)} end with |mean D(real) − mean D(fake)| < 0.1 after ${r.pop.config.steps} steps (median gap ${fmt(median(r.gaps))}` +
        `${setup === TOY_G_FROZEN ? ', G frozen' : ''})`,
      numbers: { seeds: r.gaps.length, share: r.interval.estimate, low: r.interval.low, high: r.interval.high, medianGap: median(r.gaps) },
      interval: r.interval,
      ...(r.verdict === 'refuted' ? { counterexample: `D still separates real from fake (gap ≥ 0.1) in most seeds; median gap ${fmt(median(r.gaps))}` } : {}),
    };
  },
});

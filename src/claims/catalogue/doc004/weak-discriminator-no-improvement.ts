/** Claim `weak-discriminator-no-improvement` of seed document 004. */
import { defineClaim } from '../../define.js';
import { lookAt, median, sequential, type Setup } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { TOY_REACHABLE } from '../doc000/setup.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/**
 * The toy of 000 in the setting where its generator does reach the target with a working D
 * (TOY_REACHABLE: DCGAN's Adam, Radford et al. 2015 §4: lr 1e-3 here, β₁ ½, batch 64), 3000 steps;
 * the discriminator's learning rate is what makes it weak.
 */
const weakened = (lrD: number): Setup => ({ ...TOY_REACHABLE, overrides: { ...TOY_REACHABLE.overrides, lrD } });

export const weakD = defineClaim({
  id: 'weak-discriminator-no-improvement',
  source: src('Delicate balance required—if D is too good, G gets no gradient; if D is too weak, G doesn’t improve.'),
  statement:
    "if D is too weak (its learning rate 1e-5, a hundredth of G's), G does not improve: in the toy's networks and loss on N(0, 1) with Adam (lr_G 1e-3, β₁ " +
    '½), batch 64, 3000 steps, the share of seeds whose W1 to the target ends below its value at step 0 is under ½ (Clopper–Pearson; 16 → 32 → 64 seeds ' +
    'while it straddles ½)',
  method: 'population',
  expected: 'holds',
  subject: { lrD: 1e-5 },
  mutant: { description: 'a wrong setup: D not weak (lr 1e-3, the same as G), where G improves', subject: { lrD: 1e-3 } },
  positive: { description: 'a discriminator that never learns (lr 0): G follows the gradient of a fixed random D', subject: { lrD: 0 } },
  check: async ({ lrD }, ctx) => {
    const r = await sequential(ctx, weakened(lrD), (pop, level) => {
      const w0 = pop.logs[0]?.map((m) => m.w1 as number) ?? [];
      const w = pop.final.map((m) => m.w1 as number);
      const improved = w.filter((x, i) => x < (w0[i] as number)).length;
      return { ...lookAt(shareEvidence(improved, w.length, level, 'share of seeds whose W1 to N(0, 1) ends below its step-0 value', 0.5), 'below'), w0, w };
    });
    return {
      verdict: r.verdict,
      evidence:
        `lr_D ${lrD}: ${showShare(r.interval)} end closer to N(0, 1) than they started (median W1 ${fmt(median(r.w0))} at step 0 → ` +
        `${fmt(median(r.w))} after ${r.pop.config.steps} steps)`,
      numbers: {
        lrD,
        seeds: r.w.length,
        share: r.interval.estimate,
        low: r.interval.low,
        high: r.interval.high,
        medianW1Start: median(r.w0),
        medianW1End: median(r.w),
      },
      interval: r.interval,
      ...(r.verdict === 'refuted' ? { counterexample: `G improves in most seeds with lr_D ${lrD}` } : {}),
    };
  },
});

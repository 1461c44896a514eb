/** Claim `optimal-discriminator-is-bayes-posterior` of seed document 002. */
import { normalCdf } from '../../../numeric/special.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const bayes = defineClaim({
  id: 'optimal-discriminator-is-bayes-posterior',
  source: src(
    'This is the Bayes-optimal classifier for the binary task of distinguishing $p_{\\text{data}}$ from $p_G$. Given a point $x$ drawn with equal ' +
      'probability from either distribution, the posterior probability that it came from $p_{\\text{data}}$ is exactly $D^*(x)$.',
  ),
  statement:
    'Monte Carlo: points drawn with probability 1/2 from N(0,1) (real) or N(2,1) (generated); in each of 30 bins on [−2, 4] the share of real points has a ' +
    '99.9% Wilson interval that must contain the formula applied to the bin masses',
  method: 'monte-carlo',
  expected: 'holds',
  subject: (p: number, q: number) => p / (p + q),
  mutant: { description: 'D* = q/(p+q)', subject: (p: number, q: number) => q / (p + q) },
  check: (formula, ctx) => {
    const n = ctx.size(60_000, 400_000);
    const bins = 30;
    const lo = -2;
    const hi = 4;
    const w = (hi - lo) / bins;
    const real = new Array<number>(bins).fill(0);
    const all = new Array<number>(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const isReal = ctx.rng.uniform() < 0.5;
      const x = isReal ? ctx.rng.normal() : 2 + ctx.rng.normal();
      const b = Math.floor((x - lo) / w);
      if (b < 0 || b >= bins) continue;
      all[b] = (all[b] as number) + 1;
      if (isReal) real[b] = (real[b] as number) + 1;
    }
    const z = 3.2905; // two-sided 99.9%
    let outside = 0;
    let worst = '';
    for (let b = 0; b < bins; b++) {
      const a = lo + b * w;
      const P = normalCdf(a + w) - normalCdf(a);
      const Q = normalCdf(a + w - 2) - normalCdf(a - 2);
      const m = all[b] as number;
      const ph = (real[b] as number) / m;
      const centre = (ph + (z * z) / (2 * m)) / (1 + (z * z) / m);
      const half = (z / (1 + (z * z) / m)) * Math.sqrt((ph * (1 - ph)) / m + (z * z) / (4 * m * m));
      const f = formula(P, Q);
      if (Math.abs(f - centre) > half) {
        outside++;
        if (worst === '') worst = `bin [${fmt(a)}, ${fmt(a + w)}): share real ${fmt(ph, 4)} ± ${fmt(half, 2)}, formula ${fmt(f, 4)}`;
      }
    }
    // at 99.9% per bin, more than 2 of 30 bins outside has probability < 5e-6 when the formula is right
    const ok = outside <= 2;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `${outside}/${bins} bins outside the 99.9% interval (${n} draws, seed ${ctx.seed})${worst ? `; ${worst}` : ''}`,
      numbers: { draws: n, bins, outside },
      ...(ok ? {} : { counterexample: worst }),
    };
  },
});

/** Claim `generator-loss-drops-constant` of seed document 000. */
import { value } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

export const genDropsTerm = defineClaim({
  id: 'generator-loss-drops-constant',
  source: src(
    'Note that the generator loss does not include the term $\\mathbb{E}_{x \\sim p_{\\text{data}}} [\\log D(x)]$ but the minimax objective does. But this ' +
      'term is independent of the generator $G$',
  ),
  statement: 'V(D, G) − L_G^sat(D, G) is the same for every p_G (certified V; L_G^sat = Σ q ln(1 − D))',
  method: 'exact',
  expected: 'holds',
  subject: (q: number[], d: number[]) => q.reduce((s, qi, i) => s + qi * Math.log(1 - (d[i] as number)), 0),
  mutant: { description: 'L_G = Σ q ln D', subject: (q: number[], d: number[]) => q.reduce((s, qi, i) => s + qi * Math.log(d[i] as number), 0) },
  check: (lg, ctx) => {
    let worst = 0;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k);
      const d = randomTable(ctx.rng, k);
      const rest = [randomDist(ctx.rng, k), randomDist(ctx.rng, k), randomDist(ctx.rng, k)].map(
        (q) => Number(value(p, q, d, { digits: 30 }).value) - lg(q.map(frac), d.map(frac)),
      );
      worst = Math.max(worst, Math.max(...rest) - Math.min(...rest));
    }
    const ok = worst < 1e-12;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `V − L_G varies by at most ${fmt(worst)} across generators (${n} tables × 3 generators)`,
      numbers: { tables: n, spread: worst },
    };
  },
});

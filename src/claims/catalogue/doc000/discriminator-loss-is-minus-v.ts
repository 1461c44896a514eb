/** Claim `discriminator-loss-is-minus-v` of seed document 000. */
import { value } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

export const lossIsMinusV = defineClaim({
  id: 'discriminator-loss-is-minus-v',
  source: src('$$ \\mathcal{L}_D = - \\mathbb{E}_{x \\sim p_{\\text{data}}} [\\log D(x)] - \\mathbb{E}_{z \\sim p_z} [\\log (1 - D(G(z)))] $$'),
  statement: 'L_D(D, G) = −V(D, G) on random tables (p_data, p_G, D), L_D in float64 against V certified by theory at 30 digits',
  method: 'exact',
  expected: 'holds',
  subject: (p: number[], q: number[], d: number[]) =>
    -p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(d[i] as number) : 0), 0) -
    q.reduce((s, qi, i) => s + (qi > 0 ? qi * Math.log(1 - (d[i] as number)) : 0), 0),
  mutant: {
    description: 'fake term with a plus sign',
    subject: (p: number[], q: number[], d: number[]) =>
      -p.reduce((s, pi, i) => s + pi * Math.log(d[i] as number), 0) + q.reduce((s, qi, i) => s + qi * Math.log(1 - (d[i] as number)), 0),
  },
  check: (ld, ctx) => {
    let worst = 0;
    const n = ctx.size(20, 100);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 7);
      const p = randomDist(ctx.rng, k, 0.2);
      const q = randomDist(ctx.rng, k, 0.2);
      const d = randomTable(ctx.rng, k);
      const v = Number(value(p, q, d, { digits: 30 }).value);
      worst = Math.max(worst, Math.abs(ld(p.map(frac), q.map(frac), d.map(frac)) + v) / Math.max(1, Math.abs(v)));
    }
    const ok = worst < 1e-12;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `|L_D + V| ≤ ${fmt(worst)} (relative) on ${n} random tables`,
      numbers: { tables: n, worstRelativeGap: worst },
    };
  },
});

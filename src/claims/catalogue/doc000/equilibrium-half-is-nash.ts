/** Claim `equilibrium-half-is-nash` of seed document 000. */
import { dstarExact, value } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

export const nash = defineClaim({
  id: 'equilibrium-half-is-nash',
  source: src(
    'That is, $$ p_G = p_{\\text{data}} \\quad \\text{and} \\quad D^*(x) = \\frac{1}{2},\\; \\forall x $$ … This is exactly the Nash equilibrium, since ' +
      'neither the generator nor the discriminator can unilaterally change their strategy to improve their own objective.',
  ),
  statement:
    'at (p_G = p_data, D ≡ 1/2): D* is exactly 1/2; no table D′ gives V(D′, p_data) > −ln 4 (certified); no p_G′ gives V(1/2, p_G′) < −ln 4 (V does not ' +
    'depend on p_G there)',
  method: 'exact',
  expected: 'holds',
  subject: { d: '1/2', generator: 'data' as 'data' | 'rotated' },
  mutant: {
    description: 'a wrong setup: the pair (p_G ≠ p_data, D ≡ 1/2), p_G being p_data with its masses rotated by one point',
    subject: { d: '1/2', generator: 'rotated' as 'data' | 'rotated' },
  },
  check: (s, ctx) => {
    const n = ctx.size(10, 30);
    let counter: string | null = null;
    let dev = 0;
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k);
      // the generator of the pair: the data itself, or (the mutant) the data's masses rotated by one point
      const g = s.generator === 'data' ? p : [...p.slice(1), p[0] as string];
      const half = p.map(() => s.d);
      const star = dstarExact(p, g);
      if (!star.every((r) => r !== null && `${r.num}/${r.den}` === s.d.replace(/^(\d+)$/, '$1/1')) && counter === null)
        counter = `D*(p_data, p_G) = ${star.map((r) => (r ? `${r.num}/${r.den}` : 'undefined')).join(',')}, not ${s.d}`;
      const v0 = value(p, g, half, { digits: 30 });
      for (let t = 0; t < 4; t++) {
        dev++;
        const dAlt = randomTable(ctx.rng, k);
        if (!new D(value(p, g, dAlt, { digits: 30 }).upper).lte(new D(v0.upper)) && counter === null) counter = `D′=(${dAlt}) improves on D at p=(${p})`;
        const qAlt = randomDist(ctx.rng, k);
        if (new D(value(p, qAlt, half, { digits: 30 }).upper).lt(new D(v0.lower)) && counter === null)
          counter = `p_G′=(${qAlt}) improves on p_data against D=${s.d}`;
      }
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `D* = 1/2 exactly; ${dev} deviations of D and ${dev} of G: none improves (V = −ln 4)` : (counter as string),
      numbers: { tables: n, deviations: 2 * dev },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

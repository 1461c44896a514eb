/** Claim `global-minimum-minus-log4` of seed document 000. */
import { valueAtOptimum } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { contains, D, frac, LN4, randomDist } from '../../util.js';
import { src } from './setup.js';

export const globalMin = defineClaim({
  id: 'global-minimum-minus-log4',
  source: src(
    'Since JS divergence is always non-negative and equals zero iff $p_G = p_{\\text{data}}$, the global minimum of the GAN game is achieved when the JS ' +
      'divergence is zero.',
  ),
  statement: 'min over p_G of V(D*, G) = −ln 4, attained at p_G = p_data and only there: C(p, p) = −ln 4 exactly and C(p, q) > −ln 4 (certified) for q ≠ p',
  method: 'exact',
  expected: 'holds',
  subject: { minimum: LN4.neg() },
  mutant: { description: 'minimum −log 2', subject: { minimum: new D(2).ln().neg() } },
  check: (s, ctx) => {
    let atEqual = 0;
    let above = 0;
    let counter: string | null = null;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const p = randomDist(ctx.rng, 2 + (i % 6), 0.2);
      const e = valueAtOptimum(p, p, { digits: 40 });
      if (contains(e, s.minimum)) atEqual++;
      else if (counter === null) counter = `C(p,p) = ${e.value.slice(0, 12)} for p=(${p})`;
      let q = randomDist(ctx.rng, p.length, 0.2);
      if (q.join() === p.join()) q = [...p.slice(1), p[0] as string];
      if (q.map(frac).join() === p.map(frac).join()) continue;
      const c = valueAtOptimum(p, q, { digits: 40 });
      if (new D(c.lower).gt(s.minimum)) above++;
      else if (counter === null) counter = `C = ${c.value.slice(0, 12)} ≤ minimum for p=(${p}) q=(${q})`;
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `C(p,p) = −ln 4 on ${atEqual} tables; C(p,q) > −ln 4 certified on ${above} pairs q ≠ p` : (counter as string),
      numbers: { equalCases: atEqual, strictlyAbove: above },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

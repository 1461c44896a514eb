/** Claim `kl-asymmetric-infinite-jsd-bounded` of seed document 002. */
import { jsd, kl, klReverse } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { contains, D, fmt, LN2, randomDist, type Dec } from '../../util.js';
import { src } from './setup.js';

export const klJsd = defineClaim({
  id: 'kl-asymmetric-infinite-jsd-bounded',
  source: src(
    'KL divergence is asymmetric and infinite when $p_G$ assigns zero probability to regions where $p_{\\text{data}}$ is positive (mode dropping). JSD is ' +
      'symmetric and always finite',
  ),
  statement:
    'exact: KL(p‖q) ≠ KL(q‖p) on random pairs; KL(p_data‖p_G) = ∞ when p_G drops a mode of p_data; JSD symmetric and ≤ the claimed bound ln 2 on random ' +
    'pairs including disjoint ones',
  method: 'exact',
  expected: 'holds',
  subject: { jsdBound: LN2 as Dec },
  mutant: { description: 'JSD bound ln 2 / 2', subject: { jsdBound: LN2.div(2) as Dec } },
  check: (s, ctx) => {
    let asym = 0;
    let sym = 0;
    let bounded = 0;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k, 0.3);
      const q = i % 4 === 0 ? p.map((_, j) => (j === 0 ? '1/1' : '0/1')) : randomDist(ctx.rng, k, 0.3);
      const a = kl(p, q, { digits: 20 });
      const b = klReverse(p, q, { digits: 20 });
      if (a.value !== b.value) asym++;
      const j1 = jsd(p, q, { digits: 30 });
      const j2 = jsd(q, p, { digits: 30 });
      if (j1.value === j2.value) sym++;
      if (new D(j1.upper).lte(s.jsdBound) || contains(j1, s.jsdBound)) bounded++;
    }
    const dropped = kl(['1/2', '1/2'], ['1/1', '0/1']);
    const reverse = kl(['1/1', '0/1'], ['1/2', '1/2']);
    const disjoint = jsd(['1/1', '0/1'], ['0/1', '1/1'], { digits: 30 });
    const disjointOk = contains(disjoint, s.jsdBound) || new D(disjoint.upper).lte(s.jsdBound);
    const ok = asym >= n / 2 && sym === n && bounded === n && dropped.value === 'inf' && reverse.value !== 'inf' && disjointOk;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence:
        `KL(p‖q) ≠ KL(q‖p) in ${asym}/${n}; KL(data‖G) with a dropped mode = ${dropped.value}, reverse ${fmt(Number(reverse.value))}; JSD symmetric ` +
        `${sym}/${n}, within bound ${bounded}/${n}, disjoint JSD = ${disjoint.value.slice(0, 10)}`,
      numbers: { pairs: n, asymmetric: asym, symmetric: sym, bounded, disjointJsd: Number(disjoint.value) },
      ...(ok ? {} : { counterexample: `disjoint supports: JSD = ${disjoint.value.slice(0, 12)} vs bound ${s.jsdBound.toSignificantDigits(12).toString()}` }),
    };
  },
});

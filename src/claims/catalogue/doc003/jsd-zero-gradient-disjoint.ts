/** Claim `jsd-zero-gradient-disjoint` of seed document 003. */
import { shiftSeries } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D, type Dec } from '../../precise.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const jsdGradient = defineClaim({
  id: 'jsd-zero-gradient-disjoint',
  source: src(
    'When and have disjoint supports (common in high dimensions), the JSD saturates at , providing zero gradient to the generator. This is the vanishing ' +
      'gradient problem of GANs.',
  ),
  statement:
    'under the sentence’s hypothesis (disjoint supports): P = U[0,1] and Q = U[t, t+1] for t > 1 (exact): JSD = ln 2 and d/dt JSD = 0 (certified JSD at t ± ' +
    '1/1000); beside it, for reference outside the hypothesis, the same for N(0,1) vs N(t,1), whose supports overlap',
  method: 'exact',
  expected: 'holds',
  subject: { family: 'uniform' as 'gaussian' | 'uniform' },
  mutant: {
    description: 'a wrong claim: the JSD saturates with zero gradient for overlapping supports too (Gaussians)',
    subject: { family: 'gaussian' as 'gaussian' | 'uniform' },
  },
  check: (s, ctx) => {
    const ts = ctx.quick ? [2, 6] : [2, 4, 6, 8];
    const at = (family: 'gaussian' | 'uniform', t: number) => {
      const rows = shiftSeries(family, 1, [`${t * 1000 - 1}/1000`, `${t * 1000 + 1}/1000`], { digits: 30 });
      const j = rows.map((r) => new D((r as { jsd: { value: string } }).jsd.value));
      return {
        jsd: (j[0] as Dec).plus(j[1] as Dec).div(2),
        gradient: (j[1] as Dec)
          .minus(j[0] as Dec)
          .div(new D(2).div(1000))
          .toNumber(),
      };
    };
    const stated = ts.map((t) => at(s.family, t));
    const other = ts.map((t) => at(s.family === 'uniform' ? 'gaussian' : 'uniform', t));
    const ln2 = new D(2).ln();
    const ok = stated.every((r) => r.gradient === 0 && r.jsd.minus(ln2).abs().lt(new D(10).pow(-25)));
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence:
        `${s.family}: JSD ${stated.every((r) => r.jsd.minus(ln2).abs().lt(new D(10).pow(-25))) ? '= ln 2' : '< ln 2'}, dJSD/dt = ` +
        `${stated.map((r, i) => `${fmt(r.gradient)} at t=${ts[i]}`).join(', ')}; ` +
        `${s.family === 'uniform' ? 'overlapping Gaussians (outside the hypothesis)' : 'disjoint uniforms'}: ${other.map((r) => fmt(r.gradient)).join(', ')}`,
      numbers: Object.fromEntries(ts.map((t, i) => [`gradient t=${t}`, (stated[i] as { gradient: number }).gradient])),
      ...(ok ? {} : { counterexample: `d/dt JSD = ${fmt((stated[0] as { gradient: number }).gradient)} at t = ${ts[0]} for ${s.family} distributions` }),
    };
  },
});

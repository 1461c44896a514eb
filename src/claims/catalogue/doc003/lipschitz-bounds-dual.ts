/** Claim `lipschitz-bounds-dual` of seed document 003. */
import { defineClaim, verdictOf } from '../../define.js';
import { dualBound, ONE_LIPSCHITZ, UNCONSTRAINED } from '../../checks/dual-bound.js';
import { cmp, formatRational, ONE } from '../../../theory/rational.js';
import { src } from './setup.js';

export const lipschitzBounds = defineClaim({
  id: 'lipschitz-bounds-dual',
  source: src('The Lipschitz constraint ensures the dual is bounded.'),
  statement:
    "over 1-Lipschitz critics the dual objective E_P f − E_Q f never exceeds W1(P, Q) and reaches it (exact rationals: the theory module's witness and " +
    'random admitted critics, random discrete pairs on the line), so the sup is finite; without the constraint, scaling the witness by c gives c·W1',
  method: 'exact',
  expected: 'holds',
  subject: ONE_LIPSCHITZ,
  mutant: { description: 'a wrong claim: the dual is bounded with no Lipschitz constraint', subject: UNCONSTRAINED },
  check: (cls, ctx) => {
    const r = dualBound(cls, ctx.rng, ctx.size(20, 80));
    const bounded = cmp(r.largestRatio, ONE) <= 0;
    return {
      verdict: verdictOf({ asStated: bounded && r.attained }),
      evidence:
        `${cls.name}: the largest objective over W1 on ${r.pairs} pairs is ` +
        `${formatRational(r.largestRatio)}` +
        `${bounded ? ' (never above W1)' : ` — it grows with the critic's scale (up to ${formatRational(r.largestScale)} tried): unbounded`}; the witness ` +
        `reaches W1 ${r.attained ? 'on every pair' : 'not on every pair'}`,
      numbers: { pairs: r.pairs, largestRatio: formatRational(r.largestRatio), largestScale: formatRational(r.largestScale), attained: r.attained },
      ...(bounded ? {} : { counterexample: r.example }),
    };
  },
});

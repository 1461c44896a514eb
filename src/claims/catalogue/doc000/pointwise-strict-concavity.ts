/** Claim `pointwise-strict-concavity` of seed document 000. */
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

export const concavity = defineClaim({
  id: 'pointwise-strict-concavity',
  source: src("$$ f''(d)=-\\frac{P}{d^{2}}-\\frac{Q}{(1-d)^{2}}<0\\qquad\\text{for }d\\in(0,1)\\text{ if }P+Q>0. $$"),
  statement: "f''(d) of f(d) = P ln d + Q ln(1−d) equals the formula (against a central second difference) and is < 0 for P, Q ≥ 0, P + Q > 0, d in (0, 1)",
  method: 'exact',
  expected: 'holds',
  subject: (P: number, Q: number, d: number) => -P / d ** 2 - Q / (1 - d) ** 2,
  mutant: { description: "f'' = −P/d² + Q/(1−d)²", subject: (P: number, Q: number, d: number) => -P / d ** 2 + Q / (1 - d) ** 2 },
  check: (f2, ctx) => {
    let worst = 0;
    let positive = 0;
    const n = ctx.size(200, 2000);
    for (let i = 0; i < n; i++) {
      const P = i % 10 === 0 ? 0 : ctx.rng.uniform();
      const Q = i % 10 === 5 ? 0 : ctx.rng.uniform();
      const d = 0.05 + 0.9 * ctx.rng.uniform();
      const f = (x: number) => (P > 0 ? P * Math.log(x) : 0) + (Q > 0 ? Q * Math.log(1 - x) : 0);
      const h = 1e-4;
      const fd = (f(d + h) - 2 * f(d) + f(d - h)) / (h * h);
      const v = f2(P, Q, d);
      worst = Math.max(worst, Math.abs(v - fd) / Math.max(1, Math.abs(fd)));
      if (!(v < 0)) positive++;
    }
    const ok = worst < 1e-4 && positive === 0;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `formula vs second difference: worst relative gap ${fmt(worst)}; f'' ≥ 0 at ${positive} of ${n} points`,
      numbers: { points: n, worstRelativeGap: worst, nonNegative: positive },
    };
  },
});

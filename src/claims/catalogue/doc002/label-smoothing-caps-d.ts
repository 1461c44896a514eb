/** Claim `label-smoothing-caps-d` of seed document 002. */
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../util.js';
import { src } from './setup.js';

export const labelSmoothing = defineClaim({
  id: 'label-smoothing-caps-d',
  source: src('Label smoothing: replace the real label “1” with 0.9 to prevent the discriminator from becoming overconfident.'),
  statement:
    'with real label α = 0.9 the pointwise optimal D is αP/(P+Q) (checked against golden-section maximisation of αP ln d + (1−α)P ln(1−d) + Q ln(1−d)), so ' +
    'D* ≤ 0.9 everywhere',
  method: 'exact',
  expected: 'holds',
  subject: (P: number, Q: number, alpha: number) => (alpha * P) / (P + Q),
  mutant: { description: 'D* = P/(P+Q) unchanged by smoothing', subject: (P: number, Q: number) => P / (P + Q) },
  check: (formula, ctx) => {
    const alpha = 0.9;
    let worst = 0;
    let maxD = 0;
    const n = ctx.size(200, 1000);
    for (let i = 0; i < n; i++) {
      const P = i % 25 === 0 ? 1 : ctx.rng.uniform();
      const Q = i % 25 === 0 ? 0 : ctx.rng.uniform();
      const f = (d: number) => alpha * P * Math.log(d) + ((1 - alpha) * P + Q) * Math.log(1 - d);
      let a = 1e-12;
      let b = 1 - 1e-12;
      const g = (Math.sqrt(5) - 1) / 2;
      for (let it = 0; it < 200; it++) {
        const c = b - g * (b - a);
        const d = a + g * (b - a);
        if (f(c) > f(d)) b = d;
        else a = c;
      }
      const argmax = (a + b) / 2;
      worst = Math.max(worst, Math.abs(formula(P, Q, alpha) - argmax));
      maxD = Math.max(maxD, argmax);
    }
    const ok = worst < 1e-6 && maxD <= alpha + 1e-6;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `formula vs numerical maximiser: worst gap ${fmt(worst)} over ${n} (P, Q); largest optimal D ${fmt(maxD, 6)} (≤ 0.9)`,
      numbers: { pairs: n, worstGap: worst, largestOptimalD: maxD },
    };
  },
});

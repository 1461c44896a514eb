/** Claim `same-fixed-point-both-losses` of seed document 002. */
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';

export const sameFixedPoint = defineClaim({
  id: 'same-fixed-point-both-losses',
  source: src(
    'The two objectives have the same Nash equilibrium (both are minimized at $D^* = 1/2$, $p_G = p_{\\text{data}}$) but have completely different gradient ' +
      'landscapes.',
  ),
  statement:
    "with D = D*(p_G) the generator's objective under each loss, E_q[ℓ(D*)], is minimised at p_G = p_data (200 random and 200 nearby p_G, float64), where " +
    'D* = 1/2',
  method: 'exact',
  expected: 'holds',
  subject: { saturating: (d: number) => Math.log(1 - d), nonSaturating: (d: number) => -Math.log(d) },
  mutant: {
    description: 'non-saturating replaced by log d',
    subject: { saturating: (d: number) => Math.log(1 - d), nonSaturating: (d: number) => Math.log(d) },
  },
  check: (losses, ctx) => {
    const p = randomDist(ctx.rng, 6).map(frac);
    const objective = (loss: (d: number) => number, q: number[]) =>
      q.reduce((s, qi, i) => (qi > 0 ? s + qi * loss((p[i] as number) / ((p[i] as number) + qi)) : s), 0);
    const fails: string[] = [];
    for (const [name, loss] of Object.entries(losses)) {
      const atData = objective(loss, p);
      for (let t = 0; t < ctx.size(200, 1000); t++) {
        const near = t % 2 === 0;
        const raw = p.map((pi) => (near ? Math.max(1e-9, pi * (1 + 0.05 * (ctx.rng.uniform() - 0.5))) : ctx.rng.uniform()));
        const s = raw.reduce((a, b) => a + b, 0);
        const q = raw.map((x) => x / s);
        if (objective(loss, q) < atData - 1e-12) {
          fails.push(`${name}: q=(${q.map((x) => fmt(x)).join(',')}) gives ${fmt(objective(loss, q), 6)} < ${fmt(atData, 6)} at p_data`);
          break;
        }
      }
    }
    const ok = fails.length === 0;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok
        ? `both objectives are minimised at p_G = p_data among ${2 * ctx.size(200, 1000)} candidates (saturating: −ln 4 + E_p ln D*, non-saturating: ln 2)`
        : (fails[0] as string),
      numbers: { candidates: 2 * ctx.size(200, 1000), failures: fails.length },
      ...(ok ? {} : { counterexample: fails[0] as string }),
    };
  },
});

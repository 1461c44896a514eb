/** Claim `objective-minimises-jsd` of seed document 004. */
import { jsd, kl } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { add, div, rational, toRational } from '../../../theory/rational.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist } from '../../random-inputs.js';
import { src, type GLoss } from './setup.js';

export const minimisesJsd = defineClaim({
  id: 'objective-minimises-jsd',
  source: src('The GAN objective minimizes the Jensen-Shannon divergence'),
  statement:
    "with D = D*, does the generator's objective order pairs (p_data, p_G) as JSD does? For the subject's loss and for the non-saturating one used in " +
    'practice (random discrete pairs, certified JSD and KL; non-saturating objective = KL(q‖p) − KL(q‖m) + ln 2, an identity checked exactly)',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: 'saturating' as GLoss,
  mutant: { description: 'the non-saturating loss examined', subject: 'non-saturating' as GLoss },
  check: (loss, ctx) => {
    const p = randomDist(ctx.rng, 4);
    const P = p.map(frac);
    const objective = (l: GLoss, q: string[]) => {
      const Q = q.map(frac);
      return P.reduce((s, pi, i) => {
        const qi = Q[i] as number;
        const dstar = pi / (pi + qi);
        const data = pi > 0 ? pi * Math.log(dstar) : 0;
        if (l === 'saturating') return s + data + (qi > 0 ? qi * Math.log(1 - dstar) : 0); // V(D*, G)
        return s + (qi > 0 ? -qi * Math.log(dstar) : 0); // E_q[−log D*]
      }, 0);
    };
    const qs = Array.from({ length: ctx.size(20, 60) }, () => randomDist(ctx.rng, 4));
    const js = qs.map((q) => Number(jsd(p, q, { digits: 20 }).value));
    const agree = (l: GLoss) => {
      let bad = 0;
      let total = 0;
      for (let i = 0; i < qs.length; i++)
        for (let j = i + 1; j < qs.length; j++) {
          if (Math.abs((js[i] as number) - (js[j] as number)) < 1e-9) continue;
          total++;
          if (Math.sign(objective(l, qs[i] as string[]) - objective(l, qs[j] as string[])) !== Math.sign((js[i] as number) - (js[j] as number))) bad++;
        }
      return { bad, total };
    };
    // the non-saturating objective at D*: E_q[−ln D*] = KL(q‖p) − KL(q‖m) + ln 2
    const q0 = qs[0] as string[];
    const m = p.map((pi, i) => {
      const r = div(add(toRational(pi, 'check', 'p'), toRational(q0[i] as string, 'check', 'q')), rational(2n));
      return `${r.num}/${r.den}`;
    });
    const identity = Math.abs(
      objective('non-saturating', q0) - (Number(kl(q0, p, { digits: 20 }).value) - Number(kl(q0, m, { digits: 20 }).value) + Math.log(2)),
    );
    const stated = agree(loss);
    const ns = agree('non-saturating');
    return {
      verdict: verdictOf({ asStated: stated.bad === 0 && ns.bad === 0, underConditions: stated.bad === 0 }),
      evidence:
        `${loss}: order disagrees with JSD in ${stated.bad}/${stated.total} pairs; non-saturating: ${ns.bad}/${ns.total} (identity gap ` + `${fmt(identity)})`,
      numbers: { pairs: stated.total, disagreeStated: stated.bad, disagreeNonSaturating: ns.bad, identityGap: identity },
      conditions:
        'with the optimal discriminator and the minimax (saturating) generator loss, where V(D*, G) = 2·JSD − ln 4; the non-saturating loss used in ' +
        'practice minimises KL(q‖p) − KL(q‖m) instead, which orders distributions differently',
    };
  },
});

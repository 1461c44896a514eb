/** Claim `discriminator-loss-near-log4` of seed document 003. */
import { defineClaim, type Verdict } from '../../define.js';
import { lookAt, sequential } from '../../experiments.js';
import { shareEvidence, showShare } from '../../checks/statistics.js';
import { convergedToy, tabularNash, type ConvergedMember } from '../../checks/converged.js';
import { fmt } from '../../format.js';
import { TOY_SEQ } from '../doc000/setup.js';
import { src, type Hover } from './setup.js';

export const dLossHover = defineClaim({
  id: 'discriminator-loss-near-log4',
  source: src('Good GAN training has the discriminator loss hovering near (random guessing).'),
  statement:
    "as stated (good training ⇒ D loss near ln 4, the loss of D ≡ ½): among the toy's seeds whose training was good (final W1 < 0.5 to N(3,1)), the share " +
    'whose D loss, averaged over the last 40% of training, is within 0.1 of ln 4 exceeds ½ (Clopper–Pearson, 64 → 128 → 256 seeds). The converse (near ln ' +
    '4 ⇒ good) is reported, not judged',
  method: 'population',
  expected: 'holds',
  subject: { kind: 'toy', loss: 'discriminator' } as Hover,
  mutant: {
    description: 'a wrong claim: good training has the generator\u2019s loss hovering near ln 4 (its non-saturating loss −log D(G(z)) goes to ln 2)',
    subject: { kind: 'toy', loss: 'generator' } as Hover,
  },
  positive: {
    description: 'the tabular GAN at its Nash point (G frozen at p_data, D trained alone): L_D → ln 4 by the theory',
    subject: { kind: 'tabular-nash', loss: 'discriminator' } as Hover,
  },
  check: async (s, ctx) => {
    const band = 0.1;
    const level = Math.log(4);
    const lossOf = (m: ConvergedMember) => (s.loss === 'discriminator' ? m.lateDLoss : (m.lateGLoss ?? Number.NaN));
    const near = (m: ConvergedMember) => Math.abs(lossOf(m) - level) <= band;
    const who = s.loss === 'discriminator' ? 'D' : 'G';
    const what = `share of good seeds with late ${who} loss within ${band} of ln 4`;
    let converse = '';
    const r =
      s.kind === 'toy'
        ? await sequential(ctx, TOY_SEQ, (pop, at) => {
            const good = convergedToy(pop, 0.5, [1, 5]);
            const all = convergedToy(pop, Infinity, [1, 5]);
            const hovering = all.filter(near);
            const goodSeeds = new Set(good.map((m) => m.seed));
            const goodHovering = hovering.filter((m) => goodSeeds.has(m.seed)).length;
            converse = `; conversely only ${goodHovering} of the ${hovering.length} seeds near ln 4 are good`;
            if (good.length === 0)
              return {
                verdict: 'inconclusive' as Verdict,
                interval: { statistic: 'no good seed', estimate: 0, low: 0, high: 1, level: at, n: 0, threshold: 0.5 },
              };
            return lookAt(shareEvidence(good.filter(near).length, good.length, at, what, 0.5), 'above');
          })
        : { ...lookAt(shareEvidence((await tabularNash(ctx, ctx.size(8, 16))).filter(near).length, ctx.size(8, 16), 0.95, what, 0.5), 'above'), pop: null };
    const seeds = r.pop ? `${r.pop.final.length} seeds` : `${ctx.size(8, 16)} tabular members`;
    return {
      verdict: r.verdict,
      evidence:
        `${r.interval.n ? showShare(r.interval, 'good seeds') : 'no good seed'} have ${who}\u2019s late loss within ${band} of ln 4 = ` +
        `${fmt(level, 4)} (${seeds})${converse}`,
      numbers: { good: r.interval.n, share: r.interval.estimate, low: r.interval.low, high: r.interval.high },
      interval: r.interval,
    };
  },
});

/** Claim `saturating-loss-not-mean-d` of seed document 002. */
import { defineClaim, verdictOf } from '../../define.js';
import { meanDEquivalence, saturating, type ScoreLoss } from '../../checks/mean-d.js';
import { D } from '../../util.js';
import { src } from './setup.js';

export const satNotMeanD = defineClaim({
  id: 'saturating-loss-not-mean-d',
  source: src('Minimizing $\\mathbb{E}[\\log(1 - D(G(z)))]$ is equivalent to maximizing $\\mathbb{E}[D(G(z))]$.'),
  statement:
    'minimising E[log(1 − D(G(z)))] ranks generators as maximising E[D(G(z))] does, for distributions of scores (every two-point score distribution on the ' +
    'grid k/16 against every constant score, 80-digit logarithms), not only pointwise',
  method: 'exact',
  expected: 'imprecise',
  subject: saturating as ScoreLoss,
  mutant: {
    description: 'a wrong loss: −E[log(1 − D(G(z)))] (the sign flipped), which minimising pushes D(G(z)) down',
    subject: ((d) => new D(1).minus(d).ln().neg()) as ScoreLoss,
  },
  check: (phi) => {
    const r = meanDEquivalence(phi);
    return {
      verdict: verdictOf({ asStated: r.pointwise && r.disagreements === 0, corrected: r.pointwise }),
      evidence:
        `${r.pointwise ? 'pointwise: decreasing in d (equivalent for a single score)' : 'pointwise: not decreasing in d'}; for the expectations the ` +
        `two criteria disagree on ${r.disagreements} of ${r.pairs} pairs${r.example ? `, e.g. ${r.example}` : ''}`,
      numbers: { pointwise: r.pointwise, pairs: r.pairs, disagreements: r.disagreements },
      ...(r.pointwise && r.disagreements > 0
        ? {
            correction:
              'equivalent pointwise (log(1 − d) decreases in d); for the expectations, minimising E[log(1 − D(G(z)))] is not maximising E[D(G(z))]: log(1 − ' +
              'd) is concave, so spreading the scores lowers the loss at a fixed mean',
          }
        : {}),
      ...(r.example ? { counterexample: r.example } : {}),
    };
  },
});

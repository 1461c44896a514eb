/** Claim `saturating-loss-not-mean-d` of seed document 002. */
import { defineClaim } from '../../define.js';
import { meanDOutcome, saturating, type ScoreLoss } from '../../checks/mean-d.js';
import { D } from '../../precise.js';
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
  check: (phi) =>
    meanDOutcome(
      phi,
      'equivalent pointwise (log(1 − d) decreases in d); for the expectations, minimising E[log(1 − D(G(z)))] is not maximising E[D(G(z))]: log(1 − ' +
        'd) is concave, so spreading the scores lowers the loss at a fixed mean',
    ),
});

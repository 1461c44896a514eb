/** Claim `nonsaturating-loss-not-mean-d` of seed document 000. */
import { defineClaim, verdictOf } from '../../define.js';
import { meanDEquivalence, nonSaturating, type ScoreLoss } from '../../checks/mean-d.js';
import { src } from './setup.js';

export const nsNotMeanD = defineClaim({
  id: 'nonsaturating-loss-not-mean-d',
  source: src('Minimizing loss is equivalent with maximizing $D(G(z))$.'),
  statement:
    'as written (no expectation: the loss −log D(G(z)) of a fake against its score D(G(z))): the loss is strictly decreasing in the score on the grid ' +
    'k/16 (80-digit logarithms), so minimising it is maximising D(G(z)). Decided by the referees’ reading (issue 23); the expectation version, which 002 ' +
    'writes, is reported here and judged in saturating-loss-not-mean-d',
  method: 'exact',
  expected: 'holds',
  review: {
    by: 'two referees, issue 23',
    said: "000's sentence has no expectation; pointwise it holds and the maximisers coincide. (002's version writes E[·]: imprecise accepted.)",
    decision: 'changed',
    because:
      "the check reads 000's sentence pointwise, as written (the loss of a fake against its score): strictly decreasing on the " +
      'grid k/16 → holds; the expectation version stays imprecise in saturating-loss-not-mean-d (002), where the sentence ' +
      'writes E[·]',
  },
  subject: nonSaturating as ScoreLoss,
  mutant: { description: 'a wrong loss: +log D(G(z)) (the sign dropped), which minimising pushes D(G(z)) down', subject: ((d) => d.ln()) as ScoreLoss },
  check: (phi) => {
    const r = meanDEquivalence(phi);
    return {
      verdict: verdictOf({ asStated: r.pointwise }),
      evidence:
        `${r.pointwise ? 'strictly decreasing in d: minimising the loss of a fake is maximising its score' : 'not decreasing in d'}; reported, not ` +
        `judged: for expectations over fakes the two criteria disagree on ${r.disagreements} of ${r.pairs} pairs (Jensen)`,
      numbers: { pointwise: r.pointwise, pairs: r.pairs, disagreements: r.disagreements },
    };
  },
});

/** Claim `nonsaturating-loss-not-mean-d` of seed document 000. */
import { defineClaim } from '../../define.js';
import { meanDOutcome, nonSaturating, type ScoreLoss } from '../../checks/mean-d.js';
import { src } from './setup.js';

export const nsNotMeanD = defineClaim({
  id: 'nonsaturating-loss-not-mean-d',
  source: src('Minimizing loss is equivalent with maximizing $D(G(z))$.'),
  statement:
    'minimising L_G = −E[log D(G(z))] ranks generators as maximising E[D(G(z))] does: pointwise (fakes all scored d: both prefer larger d) and for ' +
    'distributions of scores (every two-point score distribution on the grid k/16 against every constant score, 80-digit logarithms)',
  method: 'exact',
  expected: 'imprecise',
  subject: nonSaturating as ScoreLoss,
  mutant: { description: 'a wrong loss: +E[log D(G(z))] (the sign dropped), which minimising pushes D(G(z)) down', subject: ((d) => d.ln()) as ScoreLoss },
  check: (phi) =>
    meanDOutcome(
      phi,
      'equivalent pointwise (for every fixed z, lower −log D(G(z)) means larger D(G(z))); for the expectations, minimising −E[log D(G(z))] is not ' +
        'maximising E[D(G(z))] (Jensen: the log penalises low scores more than the mean does)',
    ),
});

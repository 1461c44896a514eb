/** Claim `payoff-rewards-d-near-1-on-data` of seed document 001. */
import { defineClaim } from '../../define.js';
import { fakeTerm, realTerm, termOutcome, type PayoffTerm } from '../../checks/payoff-terms.js';
import { src } from './setup.js';

export const realTermRewards = defineClaim({
  id: 'payoff-rewards-d-near-1-on-data',
  source: src(
    'We wish \\( d(\\vx) \\) for all examples drawn from the training distribution \\( \\vx \\sim p_{\\text{data}} \\) to be close to 1, implying an ' +
      'accurate detection of true examples. This will achieve a high value for the payoff.',
  ),
  statement:
    "the payoff's real-data term E_data[log d(x)] rises strictly whenever d moves toward 1 on the data (random discrete distributions with zeros, random " +
    'critic tables k/64, moved ¼, ½, ¾ of the way; 80-digit logarithms) and approaches its supremum 0 as d → 1',
  method: 'exact',
  expected: 'holds',
  subject: realTerm as PayoffTerm,
  mutant: { description: "a wrong payoff: the real term written E_data[log(1 − d(x))] (the fake term's form)", subject: fakeTerm as PayoffTerm },
  check: (term, ctx) => termOutcome(term, 1, ctx.rng, ctx.size(20, 80)),
});

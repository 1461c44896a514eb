/** Claim `payoff-rewards-d-near-0-on-fakes` of seed document 001. */
import { defineClaim } from '../../define.js';
import { fakeTerm, realTerm, termOutcome, type PayoffTerm } from '../../checks/payoff-terms.js';
import { src } from './setup.js';

export const fakeTermRewards = defineClaim({
  id: 'payoff-rewards-d-near-0-on-fakes',
  source: src('This will achieve a high value for the payoff since we are taking a logarithm of \\( \\left(1 - d(\\vx) \\right) \\).'),
  statement:
    "the payoff's fake term E_model[log(1 − d(x))] rises strictly whenever d moves toward 0 on the generator's samples (random discrete distributions with " +
    'zeros, random critic tables k/64, moved ¼, ½, ¾ of the way; 80-digit logarithms) and approaches its supremum 0 as d → 0',
  method: 'exact',
  expected: 'holds',
  subject: fakeTerm as PayoffTerm,
  mutant: { description: 'a wrong payoff: the fake term written E_model[log d(x)], without the (1 − d)', subject: realTerm as PayoffTerm },
  check: (term, ctx) => termOutcome(term, 0, ctx.rng, ctx.size(20, 80)),
});

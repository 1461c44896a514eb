/** Claim `saturating-gradient-small-in-d` of seed document 002, on gan-verify/checks: the quote's own formulas, one part corrected. */
import { all, corrected } from '../../library/combine.js';
import { claim } from '../../library/claim.js';
import { derivative, inequality } from '../../library/algebra.js';
import { DOC2 } from '../../catalogue/seeds.js';

const sigma = { '\\sigma(l)': '\\frac{1}{1+e^{-l}}' };

export const saturatingGradient = claim({
  id: 'saturating-gradient-small-in-d',
  doc: DOC2,
  quote:
    'The function $\\log(1 - d)$ is nearly flat near $d \\approx 0$, so its gradient $\\partial/\\partial d [\\log(1-d)] = -1/(1-d)$ is small in magnitude ' +
    'when $d \\approx 0$.',
  statement: '(1) d/dd log(1 − d) = −1/(1 − d) on (0, 1); (2) its magnitude is below 1/10 at d = 0.001 and 0.01',
  expected: 'imprecise',
  ...corrected(
    all([
      derivative({ f: '$1', claimed: '$3.rhs', wrt: 'd', vars: { d: 'probability' }, mutant: { description: 'derivative −1/(1+d)', claimed: '-1/(1+d)' } }),
      inequality({ lhs: '\\left|$3.rhs\\right|', rhs: '\\frac{1}{10}', relation: '<', vars: { d: ['0.001', '0.01'] } }),
    ]),
    {
      part: 1,
      statement:
        'the derivative in d is −1/(1−d) ≈ −1 near d = 0, not small; what vanishes is the gradient through the sigmoid, ∂/∂l log(1−σ(l)) = −σ(l) = −d → 0',
      ...all([
        derivative({ f: '\\log(1-\\sigma(l))', claimed: '-\\sigma(l)', wrt: 'l', vars: { l: 'real' }, symbols: sigma }),
        inequality({ lhs: '\\sigma(l)', rhs: '\\frac{1}{100}', relation: '<', vars: { l: ['-6.9', '-5'] }, symbols: sigma }),
      ]),
    },
  ),
});

/** Claim `log-one-minus-d-near-zero` of seed document 002, on gan-verify/checks' `inequality`. */
import { claim } from '../../library/claim.js';
import { inequality } from '../../library/algebra.js';
import { DOC2 } from '../../catalogue/seeds.js';

export const logNearZero = claim({
  id: 'log-one-minus-d-near-zero',
  doc: DOC2,
  quote: 'Plugging in, $\\log(1 - D(G(z))) \\approx \\log(1) = 0$.',
  statement:
    'log(1 − d) ≈ 0 when d = D(G(z)) ≈ 0: |ln(1 − d)| ≤ 2d at d = ½, ¼, 0.1, 0.05, 0.01, 10⁻³, 10⁻⁴, 10⁻⁸ (so below 0.02 for d ≤ 0.01); ' +
    'it evaluates the loss, not its ' +
    'derivative (that is the next sentence’s claim)',
  expected: 'holds',
  ...inequality({ lhs: '-\\ln(1 - d)', rhs: '2 d', relation: '<=', vars: { d: [0.5, 0.25, 0.1, 0.05, 0.01, 0.001, 0.0001, 1e-8] } }),
});

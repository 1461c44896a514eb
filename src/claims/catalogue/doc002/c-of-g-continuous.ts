/** Claim `c-of-g-continuous` of seed document 002. */
import { defineClaim } from '../../define.js';
import { checkCg, documentCg, wrongCg } from '../../checks/cg.js';
import { src } from './setup.js';

export const cgContinuous = defineClaim({
  id: 'c-of-g-continuous',
  source: src('$$\\boxed{C(G) = 2 \\cdot \\text{JSD}(p_{\\text{data}} | p_G) - \\log 4}$$'),
  statement:
    'V(D*, G) by certified quadrature of the D* form equals 2·JSD − ln 4 (JSD by its own certified quadrature) for Gaussian and mixture pairs, 30 digits',
  method: 'exact',
  expected: 'holds',
  subject: documentCg,
  mutant: { description: 'C(G) = JSD − log 4', subject: wrongCg },
  check: (f, ctx) => checkCg(f, ctx, 'gaussian'),
});

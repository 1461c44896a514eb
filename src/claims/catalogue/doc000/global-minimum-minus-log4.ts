/** Claim `global-minimum-minus-log4` of seed document 000, on gan-verify/checks: the two JSD facts the sentence rests on, over the testing kit's pairs. */
import { claim } from '../../library/claim.js';
import { all } from '../../library/combine.js';
import { pairFact } from '../../library/pairs.js';
import { DOC0 } from '../../catalogue/seeds.js';

export const globalMin = claim({
  id: 'global-minimum-minus-log4',
  doc: DOC0,
  quote:
    'Since JS divergence is always non-negative and equals zero iff $p_G = p_{\\text{data}}$, the global minimum of the GAN game is achieved when the JS ' +
    'divergence is zero.',
  statement:
    "JSD(p, q) ≥ 0, and JSD(p, q) = 0 exactly when p = q (certified, on the testing kit's hard pairs and random ones); with C(G) = 2·JSD − ln 4 " +
    '(c-of-g-is-2jsd-minus-log4) the minimum −ln 4 is reached at p_G = p_data and only there',
  expected: 'holds',
  ...all([pairFact({ measure: 'jsd', fact: 'nonnegative' }), pairFact({ measure: 'jsd', fact: 'zero-iff-equal' })]),
});

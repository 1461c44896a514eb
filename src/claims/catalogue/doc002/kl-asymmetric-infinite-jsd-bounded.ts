/** Claim `kl-asymmetric-infinite-jsd-bounded` of seed document 002, on gan-verify/checks (certified divergences; JSD over the testing kit's pairs). */
import { claim } from '../../library/claim.js';
import { all } from '../../library/combine.js';
import { divergence } from '../../library/divergence.js';
import { pairFact } from '../../library/pairs.js';
import { DOC2 } from '../../catalogue/seeds.js';

const p = ['1/2', '1/2'];
const q = ['1/4', '3/4'];

export const klJsd = claim({
  id: 'kl-asymmetric-infinite-jsd-bounded',
  doc: DOC2,
  quote:
    'KL divergence is asymmetric and infinite when $p_G$ assigns zero probability to regions where $p_{\\text{data}}$ is positive (mode dropping). JSD is ' +
    'symmetric and always finite',
  statement:
    'JSD(p, q) = JSD(q, p) on every pair tried; KL((1/2, 1/2)‖(1/4, 3/4)) = ½ln 2 + ½ln(2/3) ≈ 0.14384 while the reverse is ' +
    '¼ln ½ + ¾ln(3/2) ≈ 0.13081 (asymmetric); KL(p_data‖p_G) = ∞ when p_G ' +
    "drops a mode p_data has; JSD(p, q) ≤ ln 2 (finite) on every pair tried: the testing kit's hard pairs (disjoint ones included) and random ones",
  expected: 'holds',
  // the symmetry of the JSD first: the mutant is the first part's, the same asked of the KL (a wrong claim, not a moved constant)
  ...all([
    pairFact({ measure: 'jsd', fact: 'symmetric' }),
    divergence({ measure: 'kl', p, q, claimed: '0.14384' }),
    divergence({ measure: 'reverse-kl', p, q, claimed: '0.13081' }),
    divergence({ measure: 'kl', p: ['1/2', '1/2'], q: [1, 0], claimed: 'infinite' }),
    pairFact({ measure: 'jsd', fact: { atMost: '\\ln 2' } }),
  ]),
});

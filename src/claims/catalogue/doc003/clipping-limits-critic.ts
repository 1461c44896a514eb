/** Claim `clipping-limits-critic` of seed document 003, on gan-verify/checks' `lipschitz` (Arjovsky et al. 2017, Algorithm 1: c = 0.01). */
import { claim } from '../../library/claim.js';
import { lipschitz } from '../../library/lipschitz.js';
import { DOC3 } from '../../catalogue/seeds.js';

export const clippingLimits = claim({
  id: 'clipping-limits-critic',
  doc: DOC3,
  quote: "Weight clipping (the original WGAN approach) limits the critic's capacity and can cause training instabilities.",
  statement:
    'weight clipping to ±0.01 (Arjovsky et al. 2017, Algorithm 1) limits the critic’s capacity: the ReLU critic 1 → 16 → 1 of the ledger’s WGAN setup ' +
    'can then only be a 0.0016-Lipschitz function (Π‖Wᵢ‖₂ ≤ Π c·√(nᵢnᵢ₊₁), attained); "can cause training instabilities" is not tested here',
  expected: 'holds',
  ...lipschitz({ widths: [1, 16, 1], constraint: { clip: 0.01 }, claimed: 0.0016 }),
});

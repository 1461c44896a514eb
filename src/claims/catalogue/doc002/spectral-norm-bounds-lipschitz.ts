/** Claim `spectral-norm-bounds-lipschitz` of seed document 002, on gan-verify/checks' `lipschitz` (Miyato et al. 2018). */
import { claim } from '../../library/claim.js';
import { lipschitz } from '../../library/lipschitz.js';
import { DOC2 } from '../../catalogue/seeds.js';

export const spectralNorm = claim({
  id: 'spectral-norm-bounds-lipschitz',
  doc: DOC2,
  quote: '• Spectral normalization of discriminator weights: clips the discriminator’s Lipschitz constant, preventing it from becoming too powerful.',
  statement:
    'spectral normalisation of every weight matrix (Miyato et al. 2018: Wᵢ / σ_max(Wᵢ)) bounds the Lipschitz constant of a ReLU discriminator ' +
    '2 → 64 → 64 → 1 by Π‖Wᵢ‖₂ = 1, attained by a critic of the class; it rescales every layer (it also raises a layer whose σ_max is below 1), so ' +
    '"clips" is loose; "too powerful" is not tested',
  expected: 'holds',
  ...lipschitz({ widths: [2, 64, 64, 1], constraint: 'spectral-norm', claimed: 1 }),
});

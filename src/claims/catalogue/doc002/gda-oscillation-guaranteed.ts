/** Claim `gda-oscillation-guaranteed` of seed document 002, on gan-verify/checks' `game` (exact: the Dirac-GAN's linearised step, Jury's conditions). */
import { claim } from '../../library/claim.js';
import { game } from '../../library/game.js';
import { DOC2 } from '../../catalogue/seeds.js';

export const oscillationGuaranteed = claim({
  id: 'gda-oscillation-guaranteed',
  doc: DOC2,
  quote: 'This oscillation is theoretically guaranteed to happen for some loss landscapes and learning rates.',
  statement:
    "on the Dirac-GAN's landscape (Mescheder et al. 2018, §2.2; slope −f′(0) = ½ of the GAN loss), the linearised gradient step at the equilibrium has, for " +
    'every learning rate η ∈ {1/100, 1/10, 1/2, 1, 3/2, 3}, no eigenvalue strictly inside the unit circle — simultaneous steps: |λ|² = 1 + η²/4 > 1; ' +
    "alternating: det 1, both on the circle — decided exactly in rational arithmetic (Jury's conditions)",
  expected: 'holds',
  ...game({
    a: '1/2',
    lr: ['1/100', '1/10', '1/2', '1', '3/2', '3'],
    update: 'both',
    claimed: 'does-not-converge',
    mutant: { description: 'a wrong setup: the landscape with R1 regularisation γ = 1, where small steps contract to the equilibrium', gamma: 1 },
  }),
});

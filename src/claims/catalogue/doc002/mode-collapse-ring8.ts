/** Claim `mode-collapse-ring8` of seed document 002. */
import { defineClaim } from '../../define.js';
import { checkModeCollapse, type FailureKind } from '../../checks/mode-collapse.js';
import { GRID } from '../doc004/setup.js';
import { src, RING, RING_NARROW_G } from './setup.js';

export const modeCollapse = defineClaim({
  id: 'mode-collapse-ring8',
  source: src(
    'Mode collapse is the most common failure: the generator produces a narrow range of outputs that fool the discriminator, but ignores large portions of ' +
      'the true data distribution.',
  ),
  statement:
    'ring8 (8 modes, σ = 0.01), non-saturating GAN, G and D with two hidden layers of 32, Adam 1e-3 β₁ ½, batch 64, 3000 steps: among seeds that miss ' +
    'modes, the share whose output is narrow (covariance trace below half the data’s: collapse) rather than wide (undertrained) exceeds ½ ' +
    '(Clopper–Pearson, 8 → 16 seeds)',
  method: 'population',
  expected: 'inconclusive',
  subject: { setup: RING, kind: 'collapse' as FailureKind },
  mutant: {
    description: "a wrong setup: the statistic on grid25's GAN (same networks and training), whose failing seeds are diffuse, not collapsed",
    subject: { setup: GRID, kind: 'collapse' as FailureKind },
  },
  positive: {
    description: 'a generator with a single hidden ReLU unit (outputs on a ray), which cannot cover the ring',
    subject: { setup: RING_NARROW_G, kind: 'collapse' as FailureKind },
  },
  check: (subject, ctx) => checkModeCollapse(subject, ctx, subject.setup.preset === 'ring8' ? 'ring8-modes' : 'ring8-mutant-modes'),
});

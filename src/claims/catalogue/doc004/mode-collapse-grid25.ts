/** Claim `mode-collapse-grid25` of seed document 004. */
import { defineClaim } from '../../define.js';
import { checkModeCollapse, type FailureKind } from '../../checks/mode-collapse.js';
import { src, GRID, GRID_NARROW_G } from './setup.js';

export const collapse = defineClaim({
  id: 'mode-collapse-grid25',
  source: src('Mode Collapse Generator produces limited variety, ignoring modes of the data distribution.'),
  statement:
    'grid25 (25 modes, σ = 0.05), non-saturating GAN, two hidden layers of 32, Adam 1e-3 β₁ ½, batch 64, 3000 steps: when the generator ignores modes, it ' +
    'is by limited variety — among seeds that miss modes, the share whose output is narrow (covariance trace below half the data’s) exceeds ½ ' +
    '(Clopper–Pearson, 8 seeds)',
  method: 'population',
  expected: 'refuted',
  subject: { setup: GRID, kind: 'collapse' as FailureKind },
  mutant: {
    description: 'the competing claim: seeds that miss modes produce a wide, diffuse output',
    subject: { setup: GRID, kind: 'diffuse' as FailureKind },
  },
  positive: {
    description: 'a generator with a single hidden ReLU unit (outputs on a ray through the grid)',
    subject: { setup: GRID_NARROW_G, kind: 'collapse' as FailureKind },
  },
  check: (subject, ctx) => checkModeCollapse(subject, ctx, 'grid25-modes'),
});

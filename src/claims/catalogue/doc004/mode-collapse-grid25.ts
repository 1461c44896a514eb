/** Claim `mode-collapse-grid25` of seed document 004. */
import { defineClaim } from '../../define.js';
import { checkCollapse, type CollapseSubject } from '../../checks/sweep-collapse.js';
import { PAPER_2D } from '../../sweep/committed.js';
import { src, GRID_NARROW_G } from './setup.js';

export const collapse = defineClaim<CollapseSubject>({
  id: 'mode-collapse-grid25',
  source: src('Mode Collapse Generator produces limited variety, ignoring modes of the data distribution.'),
  statement:
    'the sentence defines mode collapse; what it says happens is tested: the standard (non-saturating) GAN on the 5×5 grid (spacing 2, σ 0.05) in the ' +
    'networks and training of Metz et al. 2017, App. A, which Srivastava et al. 2017 (VEEGAN, §5.1) use for the grid (G two hidden ReLU layers of 128 on ' +
    '256-dimensional noise, D one of 128; Adam 1e-4, β₁ ½; batch 512; 25,000 steps), 8 seeds (examples/scale/paper/gan-2d.json, committed units, ' +
    'audited): among trained seeds (at least half of the samples within 3σ of a mode), the share with limited variety (covering at most 12 of the 25 ' +
    'modes) exceeds ½ (Clopper–Pearson 95%); runs that are not trained decide nothing (inconclusive)',
  method: 'population',
  expected: 'inconclusive',
  review: {
    by: 'two referees, issue 23',
    said:
      'undertrained, not collapsed (as ring8); 004\'s "Generator produces limited variety…" defines mode collapse, and the ' +
      'check tested the converse ("misses modes ⇒ narrow output").',
    decision: 'changed',
    because:
      'the check now runs the paper setup on grid25 and decides only among trained seeds: none is trained → inconclusive; the ' +
      "accounting now files 004's definition as a definition (no experiment decides it). Open: the claim's quote still names " +
      'that sentence',
  },
  subject: { sweep: PAPER_2D, target: 'grid25', reading: 'collapse' },
  mutant: {
    description: 'a wrong claim about the same runs: "the paper-setup runs are trained" (most seeds put at least half of their samples near a mode)',
    subject: { sweep: PAPER_2D, target: 'grid25', reading: 'trained' },
  },
  positive: {
    description: 'a generator with a single hidden ReLU unit (outputs on a ray through the grid; trained here, 2×32 D, 3000 steps)',
    subject: { setup: GRID_NARROW_G, kind: 'collapse' },
  },
  check: (subject, ctx) => checkCollapse(subject, ctx, 'grid25-narrow-g-modes'),
});

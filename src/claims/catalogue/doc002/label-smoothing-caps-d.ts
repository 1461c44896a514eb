/** Claim `label-smoothing-caps-d` of seed document 002, on gan-verify/checks' `optimum` (smoothing with any real label α and fake label β). */
import { claim } from '../../library/claim.js';
import { optimum } from '../../library/algebra.js';
import { DOC2 } from '../../catalogue/seeds.js';

export const labelSmoothing = claim({
  id: 'label-smoothing-caps-d',
  doc: DOC2,
  quote: 'Label smoothing: replace the real label “1” with 0.9 to prevent the discriminator from becoming overconfident.',
  statement:
    'with real label α = 0.9 (fake label β = 0) the pointwise optimal D, the maximiser of (αP + βQ) ln d + ((1−α)P + (1−β)Q) ln(1−d) over d ∈ [0, 1], ' +
    'is (αP + βQ)/(P + Q) = 0.9·P/(P + Q) ≤ 0.9, for P > 0, Q ≥ 0',
  expected: 'holds',
  ...optimum({
    f: '(\\alpha P + \\beta Q) \\ln d + ((1-\\alpha) P + (1-\\beta) Q) \\ln(1-d)',
    claimed: '\\frac{\\alpha P + \\beta Q}{P + Q}',
    kind: 'max',
    over: ['d', 0, 1],
    vars: { P: 'positive', Q: 'unit', alpha: [0.9], beta: [0] },
    symbols: { '\\alpha': 'alpha', '\\beta': 'beta' },
    mutant: { description: 'D* = P/(P+Q), unchanged by smoothing', claimed: '\\frac{P}{P+Q}' },
  }),
});

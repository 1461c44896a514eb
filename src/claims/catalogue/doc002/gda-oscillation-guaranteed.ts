/** Claim `gda-oscillation-guaranteed` of seed document 002. */
import { defineClaim, verdictOf } from '../../define.js';
import { linearStep, spectralClass, type Order } from '../../checks/dirac-gan.js';
import { formatRational, rational } from '../../../theory/rational.js';
import { src } from './setup.js';

const RATES = [
  [1n, 100n],
  [1n, 10n],
  [1n, 2n],
  [1n, 1n],
  [3n, 2n],
  [3n, 1n],
] as const;

export const oscillationGuaranteed = defineClaim({
  id: 'gda-oscillation-guaranteed',
  source: src('This oscillation is theoretically guaranteed to happen for some loss landscapes and learning rates.'),
  statement:
    "on the Dirac-GAN's landscape (Mescheder et al. 2018, §2.2; slope −f′(0) = ½ of the GAN loss), the linearised gradient step at the equilibrium has, for " +
    'every learning rate η ∈ {1/100, 1/10, 1/2, 1, 3/2, 3}, no eigenvalue strictly inside the unit circle — simultaneous steps: |λ|² = 1 + η²/4 > 1; ' +
    "alternating: det 1, both on the circle — decided exactly in rational arithmetic (Jury's conditions)",
  method: 'exact',
  expected: 'holds',
  subject: { gamma: 0n },
  mutant: { description: 'a wrong setup: the landscape with R1 regularisation γ = 1, where small steps contract to the equilibrium', subject: { gamma: 1n } },
  check: ({ gamma }) => {
    const rows = (['simultaneous', 'alternating'] as Order[]).flatMap((order) =>
      RATES.map(([a, b]) => ({ order, eta: `${a}/${b}`, ...spectralClass(linearStep(order, rational(a, b), rational(1n, 2n), rational(gamma))) })),
    );
    const contracting = rows.filter((r) => r.cls === 'inside');
    const summary = (order: Order) =>
      rows
        .filter((r) => r.order === order)
        .map((r) => `η ${r.eta}: ${r.cls} (det ${formatRational(r.det)})`)
        .join(', ');
    return {
      verdict: verdictOf({ asStated: contracting.length === 0 }),
      evidence: `simultaneous: ${summary('simultaneous')}; alternating: ${summary('alternating')}`,
      numbers: { learningRates: RATES.length, contracting: contracting.length, oscillatingOrDiverging: rows.length - contracting.length },
      ...(contracting.length > 0 ? { counterexample: `converges locally at ${contracting.map((r) => `${r.order} η ${r.eta}`).join(', ')}` } : {}),
    };
  },
});

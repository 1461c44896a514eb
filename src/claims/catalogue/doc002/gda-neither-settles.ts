/** Claim `gda-neither-settles` of seed document 002. */
import { defineClaim, verdictOf } from '../../define.js';
import { diracOrbit, type Order } from '../../checks/dirac-gan.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

const ORDERS: Order[] = ['simultaneous', 'alternating'];
const RATES = [0.01, 0.1, 0.5];

export const neitherSettles = defineClaim({
  id: 'gda-neither-settles',
  source: src('The generator overshoots to beat the current discriminator; the discriminator updates to catch the new generator; neither settles.'),
  statement:
    'on the Dirac-GAN of Mescheder et al. (2018, §2.2: data δ₀, generator δ_θ, critic σ(ψx), the GAN loss), gradient steps from (θ, ψ) = (1, 1), ' +
    'simultaneous and alternating, lr ∈ {0.01, 0.1, 0.5}, 20000 steps (float64): the generator passes the data point repeatedly (θ changes sign ≥ 2 ' +
    'times), D reverses its sign each time, and the distance to the equilibrium (0, 0) stays above half its start over the second half of every run',
  method: 'exact',
  expected: 'holds',
  subject: { gammaR1: 0 },
  mutant: {
    description: 'a wrong setup: D regularised with the R1 penalty γ = 1 (Mescheder et al. 2018, Theorem 4.1), under which the same steps settle',
    subject: { gammaR1: 1 },
  },
  check: ({ gammaR1 }, ctx) => {
    const steps = ctx.size(5000, 20000);
    const runs = ORDERS.flatMap((order) => RATES.map((lr) => ({ order, lr, o: diracOrbit({ order, lr, gammaR1 }, 1, 1, steps) })));
    const settled = runs.filter((r) => r.o.minLateDistance < 0.5 * r.o.start || r.o.generatorCrossings < 2);
    const show = (r: (typeof runs)[number]) => `${r.order} lr ${r.lr}: ${r.o.generatorCrossings} overshoots, distance ${fmt(r.o.start)} → ${fmt(r.o.end)}`;
    return {
      verdict: verdictOf({ asStated: settled.length === 0 }),
      evidence: `${runs.length - settled.length} of ${runs.length} runs never settle${gammaR1 > 0 ? ` (R1 γ = ${gammaR1})` : ''}; ${runs.map(show).join('; ')}`,
      numbers: {
        runs: runs.length,
        unsettled: runs.length - settled.length,
        steps,
        minCrossings: Math.min(...runs.map((r) => r.o.generatorCrossings)),
        smallestLateDistance: Math.min(...runs.map((r) => r.o.minLateDistance)),
      },
      ...(settled.length > 0 ? { counterexample: `settles: ${settled.map(show).join('; ')}` } : {}),
    };
  },
});

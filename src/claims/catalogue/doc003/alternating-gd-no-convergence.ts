/** Claim `alternating-gd-no-convergence` of seed document 003. */
import { defineClaim, verdictOf } from '../../define.js';
import { diracOrbit } from '../../checks/dirac-gan.js';
import { twoModeRun } from '../../checks/two-mode-game.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

const RATES = [0.01, 0.1, 0.5];

export const alternatingNoConvergence = defineClaim({
  id: 'alternating-gd-no-convergence',
  source: src('In practice, alternating gradient descent does not guarantee convergence to the minimax solution.'),
  statement:
    'alternating gradient steps (D first) on the Dirac-GAN of Mescheder et al. (2018, §2.2), lr ∈ {0.01, 0.1, 0.5}, 20000 steps from (θ, ψ) = (1, 1): the ' +
    'distance to the minimax solution (0, 0) stays above half its start over the second half of some run (float64); beside it, the two-mode table game, ' +
    'where the same kind of steps do converge, shows that convergence depends on the game',
  method: 'exact',
  expected: 'holds',
  subject: { gammaR1: 0 },
  mutant: {
    description: 'a wrong setup: D regularised with the R1 penalty γ = 1 (Mescheder et al. 2018, Theorem 4.1), under which alternating steps converge',
    subject: { gammaR1: 1 },
  },
  check: ({ gammaR1 }, ctx) => {
    const steps = ctx.size(5000, 20000);
    const runs = RATES.map((lr) => ({ lr, o: diracOrbit({ order: 'alternating', lr, gammaR1 }, 1, 1, steps) }));
    const stuck = runs.filter((r) => r.o.minLateDistance >= 0.5 * r.o.start);
    const twoMode = twoModeRun({ lrD: 0.1, lrG: 0.1, steps, start: 0.95 });
    return {
      verdict: verdictOf({ asStated: stuck.length > 0 }),
      evidence:
        `Dirac-GAN${gammaR1 > 0 ? ` with R1 γ = ${gammaR1}` : ''}: ` +
        `${runs.map((r) => `lr ${r.lr}: distance ${fmt(r.o.start)} → ${fmt(r.o.end)} (smallest late ${fmt(r.o.minLateDistance)})`).join('; ')}; ` +
        `${stuck.length} of ${runs.length} runs do not converge; the two-mode game ends at g = ${fmt(twoMode.finalShare, 6)} (equilibrium ½)`,
      numbers: { runs: runs.length, notConverging: stuck.length, steps, twoModeFinalShare: twoMode.finalShare },
      ...(stuck.length === 0 ? { counterexample: 'every run converges to (0, 0)' } : {}),
    };
  },
});

/**
 * Claim `reverse-kl-mode-seeking` of seed document 002: KL(p_G‖p_data) "penalizes heavily when p_G puts
 * mass where p_data has none - leading to sharp but incomplete coverage". The fit of
 * `mle-and-gan-objectives-differ` (Gaussians to ½N(−3, ½²) + ½N(3, ½²), quadrature) with the reverse KL:
 * its minimiser sits on one mode with that mode's width (sharp) and leaves the other uncovered; and on
 * finite supports KL(q‖p) is infinite as soon as q puts mass where p has none (certified).
 */
import { kl } from '../../../theory/kl.js';
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { normalCdf } from '../../../numeric/special.js';
import { fitFamily, type Objective } from './mle-and-gan-objectives-differ.js';
import { src } from './setup.js';

export const reverseKlModeSeeking = defineClaim({
  id: 'reverse-kl-mode-seeking',
  source: src(
    '$\\text{KL}(p_G | p_{\\text{data}})$ (mode-seeking) penalizes heavily when $p_G$ puts mass where $p_{\\text{data}}$ has none - leading to sharp but ' +
      'incomplete coverage.',
  ),
  statement:
    'minimising KL(p_G‖p_data) over Gaussians p_G = N(μ, σ²) for p_data = ½N(−3, ½²) + ½N(3, ½²) (quadrature, grid search) gives a sharp, incomplete fit: ' +
    'the minimiser sits on one mode (|μ| within 0.1 of 3, σ ≤ 0.6) and puts less than 0.1% of its mass on the other side of 0; and KL(q‖p) = ∞ on finite ' +
    'supports when q has mass where p has none, q = (½, ½) against p = (1, 0) (certified)',
  method: 'exact',
  expected: 'holds',
  subject: 'reverse-kl' as Objective,
  mutant: { description: 'the other direction: KL(p_data‖p_G), the forward (MLE) divergence', subject: 'kl' },
  check: (o: Objective): Outcome => {
    const f = fitFamily(o, 'gaussian');
    // the fit's mass on the side of 0 away from its mean
    const other = f.a >= 0 ? normalCdf(-f.a / f.b) : normalCdf(f.a / f.b);
    const sharp = Math.abs(Math.abs(f.a) - 3) < 0.1 && f.b <= 0.6 && other < 1e-3;
    const infinite = kl(['1/2', '1/2'], ['1', '0'], { digits: 20 }).value === 'inf';
    const name = o === 'reverse-kl' ? 'KL(p_G‖p_data)' : 'KL(p_data‖p_G)';
    const text =
      `argmin ${name} over N(μ, σ²) is N(${fmt(f.a, 3)}, ${fmt(f.b, 3)}²) (value ${fmt(f.value, 4)}), with ${fmt(100 * other, 3)}% of its mass beyond 0 ` +
      `on the other side; KL((½, ½)‖(1, 0)) ${infinite ? '= ∞' : 'is finite'} (certified)`;
    return sharp && infinite
      ? { verdict: 'holds', evidence: `sharp and incomplete: ${text}`, numbers: { mu: f.a, sigma: f.b, otherSide: other, infinite } }
      : {
          verdict: 'refuted',
          evidence: `not a sharp fit of one mode: ${text}`,
          counterexample: text,
          numbers: { mu: f.a, sigma: f.b, otherSide: other, infinite },
        };
  },
});

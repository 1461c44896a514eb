/**
 * Claim `forward-kl-needs-no-ratio` of seed document 002: KL(p_data‖p_G) "requires computing the density
 * ratio". Its value does (E_data[ln p_data/p_G]); minimising it does not: KL(p_data‖p_θ) = −E_data[ln p_θ]
 * + const, so its gradient is −E_data[∇θ ln p_θ(x)], estimated from samples of p_data and the model's own
 * density alone — maximum likelihood. Checked for p_θ = N(μ, σ²) against p_data = ½N(−3, ½²) + ½N(3, ½²):
 * the gradient of the quadrature KL (central differences; it uses both densities) against the
 * ratio-free sample estimate with its CLT interval.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { divergenceOf, member, type Objective } from './mle-and-gan-objectives-differ.js';
import { src } from './setup.js';

export const forwardKlNoRatio = defineClaim({
  id: 'forward-kl-needs-no-ratio',
  source: src(
    '$\\text{KL}(p_{\\text{data}} | p_G)$ (mode-covering) penalizes missing modes of $p_{\\text{data}}$ - but requires computing the density ratio, ' +
      'which is intractable in high dimensions.',
  ),
  statement:
    'minimising KL(p_data‖p_G) requires computing the density ratio p_data/p_G: tested at p_θ = N(½, 2²) against p_data = ½N(−3, ½²) + ½N(3, ½²): the ' +
    'gradient in (μ, σ) of the quadrature KL (which uses both densities) against −mean ∇θ ln p_θ(xᵢ) over samples xᵢ of p_data (no density of p_data, ' +
    'no ratio), within 4 standard errors; imprecise when they agree: the ratio is needed for the value, not for the minimisation (maximum likelihood)',
  method: 'monte-carlo',
  expected: 'imprecise',
  subject: 'kl' as Objective,
  mutant: { description: 'the other direction: KL(p_G‖p_data), whose gradient the ratio-free estimator does not give', subject: 'reverse-kl' },
  check: (o: Objective, ctx): Outcome => {
    const [mu, sigma] = [0.5, 2];
    const h = 1e-4;
    const at = (m: number, s: number) => divergenceOf(o, member('gaussian', m, s));
    const quad = [(at(mu + h, sigma) - at(mu - h, sigma)) / (2 * h), (at(mu, sigma + h) - at(mu, sigma - h)) / (2 * h)];
    const n = ctx.size(20000, 200000);
    const sums = [0, 0];
    const squares = [0, 0];
    for (let i = 0; i < n; i++) {
      const x = (ctx.rng.uniform() < 0.5 ? -3 : 3) + 0.5 * ctx.rng.normal();
      // −∇θ ln p_θ(x) for N(μ, σ²): the model's score only
      const g = [-(x - mu) / sigma ** 2, 1 / sigma - (x - mu) ** 2 / sigma ** 3];
      for (let k = 0; k < 2; k++) {
        sums[k] = (sums[k] as number) + (g[k] as number);
        squares[k] = (squares[k] as number) + (g[k] as number) ** 2;
      }
    }
    const est = sums.map((s) => s / n);
    const se = squares.map((s, k) => Math.sqrt((s / n - (est[k] as number) ** 2) / n));
    const agree = quad.every((q, k) => Math.abs(q - (est[k] as number)) <= 4 * (se[k] as number) + 1e-6);
    const name = o === 'kl' ? 'KL(p_data‖p_θ)' : 'KL(p_θ‖p_data)';
    const text =
      `∇${name} by quadrature = (${fmt(quad[0] as number, 4)}, ${fmt(quad[1] as number, 4)}); ratio-free estimate from ${n} samples of p_data = ` +
      `(${fmt(est[0] as number, 4)} ± ${fmt(se[0] as number, 2)}, ${fmt(est[1] as number, 4)} ± ${fmt(se[1] as number, 2)})`;
    return agree
      ? {
          verdict: 'imprecise',
          evidence: `${text}: they agree, so the minimisation needs no density ratio`,
          counterexample: text,
          correction:
            'minimising KL(p_data‖p_G) needs only samples of p_data and the density of p_G (it is maximum likelihood: −E_data[ln p_G] + const); the ' +
            'ratio is needed for its value, and an explicit density of p_G is what GANs lack',
          numbers: { n, gradMu: quad[0] as number, gradSigma: quad[1] as number, estMu: est[0] as number, estSigma: est[1] as number },
        }
      : {
          // this direction's gradient needs p_data's density: the estimate without it misses, as the sentence says
          verdict: 'holds',
          evidence: `${text}: the estimate without p_data's density does not give this gradient`,
          numbers: { n, gradMu: quad[0] as number, gradSigma: quad[1] as number, estMu: est[0] as number, estSigma: est[1] as number },
        };
  },
});

/**
 * Theorems for the gradient penalties, given a critic as a function: WGAN-GP's penalty
 * E(‖∇f(x̂)‖ − 1)² on interpolates x̂ = t·real + (1 − t)·fake (Gulrajani et al. 2017, Algorithm 1) and
 * R1's E‖∇f(x)‖² on real points (Mescheder et al. 2018, eq. 9), both without their weights. The
 * critics are linear (‖∇f‖ = |a| everywhere: the penalty is (|a| − 1)², zero for an optimal 1-Lipschitz
 * critic) or quadratic (‖∇f(x)‖ = |a|·‖x − c‖ changes from point to point, so the points the penalty is
 * taken at matter).
 */
import fc from 'fast-check';
import { critic, gradNorm, points } from '../critics.js';
import { closeTo } from '../matchers.js';
import { mean, require_, type Theorem } from '../theorem.js';

/** Gradients from autodiff are exact up to rounding; 1e-9 relative leaves room for float64 arithmetic in the user's code. */
const GRAD_TOL = { rtol: 1e-9, atol: 1e-12 };
const clone = (xs: readonly number[][]) => xs.map((x) => [...x]);

const setup = fc.record({ n: fc.integer({ min: 1, max: 6 }), dim: fc.integer({ min: 1, max: 3 }) }).chain(({ n, dim }) =>
  fc.record({
    critic: critic(dim),
    real: points(n, dim),
    fake: points(n, dim),
    t: fc.array(
      fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
      { minLength: n, maxLength: n },
    ),
  }),
);

/** The theorems on penalties, in the order they run. */
export function penaltyTheorems(): Theorem[] {
  return [
    {
      id: 'gradient-penalty',
      statement:
        'the gradient penalty is mean (‖∇f(x̂)‖ − 1)² at the interpolates x̂ = t·real + (1 − t)·fake: (|a| − 1)² for a linear critic of slope |a|, ' +
        '0 for a 1-Lipschitz critic of unit slope (Gulrajani et al. 2017, Algorithm 1)',
      needs: ['gradientPenalty'],
      property: (impl) =>
        fc.asyncProperty(setup, async ({ critic: f, real, fake, t }) => {
          const got = await impl.gradientPenalty(f, clone(real), clone(fake), [...t]);
          const at = real.map((r, i) => r.map((ri, k) => (t[i] as number) * ri + (1 - (t[i] as number)) * ((fake[i] as number[])[k] as number)));
          const want = mean(at.map((x) => (gradNorm(f, x) - 1) ** 2));
          require_(closeTo(got, want, GRAD_TOL).pass, () => `gradientPenalty = ${got} for the critic ${JSON.stringify(f.spec)}; expected ${want}`);
        }),
    },
    {
      id: 'r1',
      statement: 'the R1 penalty is mean ‖∇f(x)‖² over the real points: a² for a linear critic of slope |a|, 0 for a constant one (Mescheder et al. 2018)',
      needs: ['r1'],
      property: (impl) =>
        fc.asyncProperty(setup, async ({ critic: f, real }) => {
          const got = await impl.r1(f, clone(real));
          const want = mean(real.map((x) => gradNorm(f, x) ** 2));
          require_(closeTo(got, want, GRAD_TOL).pass, () => `r1 = ${got} for the critic ${JSON.stringify(f.spec)}; expected ${want}`);
        }),
    },
  ];
}

/** Claim `gradient-penalty-unit-norm` of seed document 002. */
import { defineClaim, type IntervalEvidence, verdictOf } from '../../define.js';
import { shareEvidence } from '../../checks/statistics.js';
import { pct } from '../../format.js';
import { src, type Sampler, clamp01 } from './setup.js';

export const gpUnitNorm = defineClaim({
  id: 'gradient-penalty-unit-norm',
  source: src(
    'the optimal transport function has $|\\nabla f|_2 = 1$ along transport paths. So we penalize deviations from norm 1 along straight lines between real ' +
      'and generated samples',
  ),
  statement:
    'P = ½U[0,1] + ½U[5,6], Q = ½U[0,1] + ½U[7,8]: every optimal critic has f′ = −sign(F_P − F_Q) where F_P ≠ F_Q and is free (any slope in [−1, 1]) where ' +
    'F_P = F_Q; share of interpolates x̂ = εx + (1−ε)y at which optimality forces |f′(x̂)| = 1, for pairs drawn as the subject says, and along the ' +
    "optimal coupling's transport paths; each share decided by its Clopper–Pearson interval (97.5%, Bonferroni over the two) against 99%",
  method: 'monte-carlo',
  expected: 'holds-under-conditions',
  subject: 'independent' as Sampler,
  mutant: { description: 'interpolates along the optimal coupling', subject: 'optimal-coupling' as Sampler },
  check: (sampler, ctx) => {
    const FP = (x: number) => 0.5 * clamp01(x) + 0.5 * clamp01(x - 5);
    const FQ = (x: number) => 0.5 * clamp01(x) + 0.5 * clamp01(x - 7);
    // Every optimal critic has f′ = −sign(F_P − F_Q) wherever F_P ≠ F_Q (the transport moves mass
    // across x there); where F_P = F_Q nothing crosses x and any slope in [−1, 1] is optimal (f(x) = −x
    // is one optimal critic). So |∇f| = 1 is forced by optimality exactly where F_P ≠ F_Q.
    const slope = (x: number) => (FP(x) !== FQ(x) ? 1 : 0);
    const invP = (u: number) => (u < 0.5 ? 2 * u : 5 + 2 * (u - 0.5));
    const invQ = (u: number) => (u < 0.5 ? 2 * u : 7 + 2 * (u - 0.5));
    const n = ctx.size(20_000, 200_000);
    const shareFor = (s: Sampler) => {
      let unit = 0;
      let counted = 0;
      for (let i = 0; i < n; i++) {
        const u = ctx.rng.uniform();
        const x = invP(u);
        const y = s === 'independent' ? invQ(ctx.rng.uniform()) : invQ(u);
        if (x === y) continue; // a path of length 0 moves nothing
        const e = ctx.rng.uniform();
        counted++;
        if (slope(e * x + (1 - e) * y) === 1) unit++;
      }
      // the Monte Carlo share with its exact interval, 97.5% each (Bonferroni over the two shares)
      return shareEvidence(unit, counted, 0.975, `share of ${s} interpolates where optimality forces |f′| = 1`, 0.99);
    };
    const statedIv = shareFor(sampler);
    const pathsIv = shareFor('optimal-coupling');
    const [stated, onPaths] = [statedIv.estimate, pathsIv.estimate];
    const sideOf = (iv: IntervalEvidence) => (iv.low > 0.99 ? 'above' : iv.high < 0.99 ? 'below' : 'straddles');
    const [a, b] = [sideOf(statedIv), sideOf(pathsIv)];
    const undecided = a === 'straddles' || (a === 'below' && b === 'straddles');
    return {
      verdict: undecided ? 'inconclusive' : verdictOf({ asStated: a === 'above', underConditions: b === 'above' }),
      interval: statedIv,
      evidence:
        `|∇f| = 1 forced for every optimal critic at ${pct(stated)} of ${sampler} interpolates (97.5% CI ${pct(statedIv.low)}–${pct(statedIv.high)}), ` +
        `at ${pct(onPaths)} of points on the optimal coupling's transport paths (97.5% CI ${pct(pathsIv.low)}–${pct(pathsIv.high)}; ${n} draws each; ` +
        'the claim needs more than 99%)',
      numbers: { draws: n, shareUnitStated: stated, shareUnitOnPaths: onPaths },
      conditions:
        "on the optimal coupling's transport paths; between independently drawn real and generated samples optimality does not force a unit norm where P " +
        'and Q already agree (any slope in [−1, 1] is optimal there), so the penalty constrains the critic beyond what the theory says',
      counterexample: `x̂ in (1, 5), between a real point in [0,1] and a generated one in [0,1] or [7,8]: both f′ = 0 and f′ = −1 give optimal critics there`,
    };
  },
});

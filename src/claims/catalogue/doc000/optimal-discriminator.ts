/** Claim `optimal-discriminator` of seed document 000. */
import { value, valueAtOptimum } from '../../../theory/index.js';
import { add, cmp, div, rational, sub, toRational, type Rational } from '../../../theory/rational.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D } from '../../precise.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';

/** f(d) = P·ln d + Q·ln(1 − d) at a pointwise maximiser candidate, exactly (2-point tables). */
export const dstarClaim = defineClaim({
  id: 'optimal-discriminator',
  source: src('D^*(x) = \\frac{P(x)}{P(x) + Q(x)} = \\frac{p_{\\text{data}}(x)}{p_{\\text{data}}(x) + p_G(x)}'),
  statement: 'the table D*(x) = P/(P+Q) maximises V(·, G): its certified value equals V(D*, G) and every perturbed table gives a certified smaller V',
  method: 'exact',
  expected: 'holds',
  subject: (P: Rational, Q: Rational): Rational => div(P, add(P, Q)),
  mutant: { description: 'D* = Q/(P+Q)', subject: (P: Rational, Q: Rational): Rational => div(Q, add(P, Q)) },
  check: (formula, ctx) => {
    let worse = 0;
    let cases = 0;
    let counter: string | null = null;
    for (let i = 0; i < ctx.size(8, 30); i++) {
      const k = 2 + (i % 4);
      const p = randomDist(ctx.rng, k);
      const q = randomDist(ctx.rng, k);
      const P = p.map((s) => toRational(s, 'check', 'p'));
      const Q = q.map((s) => toRational(s, 'check', 'q'));
      const d = P.map((pi, j) => formula(pi, Q[j] as Rational));
      const ds = d.map((r) => `${r.num}/${r.den}`);
      const best = valueAtOptimum(p, q, { digits: 30 });
      const at = value(p, q, ds, { digits: 30 });
      cases++;
      if (at.value !== best.value && counter === null)
        counter = `P=(${p}) Q=(${q}): V(formula) = ${at.value.slice(0, 10)} < V(D*) = ${best.value.slice(0, 10)}`;
      for (let t = 0; t < 3; t++) {
        const j = Math.floor(ctx.rng.uniform() * k);
        const eps = rational(BigInt(1 + Math.floor(ctx.rng.uniform() * 9)), 1000n);
        const pert = d.map((r, m) => (m !== j ? r : cmp(r, rational(1n, 2n)) < 0 ? add(r, eps) : sub(r, eps)));
        const v = value(
          p,
          q,
          pert.map((r) => `${r.num}/${r.den}`),
          { digits: 30 },
        );
        if (new D(v.upper).lt(new D(at.lower))) worse++;
        else if (counter === null) counter = `P=(${p}) Q=(${q}): perturbing D at point ${j} did not lower V`;
      }
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `V(formula) = V(D*) exactly on ${cases} tables; all ${worse} perturbations strictly lower V` : (counter as string),
      numbers: { tables: cases, perturbationsLower: worse },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

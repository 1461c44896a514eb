/** C(G) = V(D*, G) against a formula in JSD, on discrete and Gaussian pairs (exact). */
import { valueAtOptimum, jsd, type Enclosure } from '../../theory/index.js';
import { mixtureJsd, mixtureValueAtOptimum, type ComponentLike } from '../../theory/index.js';
import { verdictOf, type CheckContext, type Outcome } from '../define.js';
import { contains, D, LN4, type Dec } from '../precise.js';
import { fmt } from '../format.js';
import { randomDist } from '../random-inputs.js';

/** The document's relation C(G) as a function of JSD (both in nats, exact decimals). */
export type CgFormula = (jsd: Dec) => Dec;

/** C(G) = V(D*, G) computed from D* against the subject's formula in JSD, on discrete and Gaussian pairs. */
export function checkCg(formula: CgFormula, ctx: CheckContext, kind: 'discrete' | 'gaussian'): Outcome {
  const digits = 40;
  let worst = new D(0);
  let cases = 0;
  let failed = null as string | null;
  const one = (c: Enclosure, j: { value: string }, label: string) => {
    cases++;
    const predicted = formula(new D(j.value));
    const gap = predicted.minus(c.value).abs();
    if (gap.gt(worst)) worst = gap;
    if (!contains(c, predicted) && gap.gt(new D(10).pow(-digits + 2)) && failed === null)
      failed = `${label}: V(D*,G) = ${c.value.slice(0, 12)}…, formula gives ${predicted.toSignificantDigits(12).toString()}`;
  };
  if (kind === 'discrete') {
    for (let i = 0; i < ctx.size(10, 40); i++) {
      const n = 2 + (i % 6);
      const p = randomDist(ctx.rng, n, 0.2);
      const q = randomDist(ctx.rng, n, 0.2);
      one(valueAtOptimum(p, q, { digits }), jsd(p, q, { digits: digits + 5 }), `P=(${p}) Q=(${q})`);
    }
  } else {
    const pairs: [ComponentLike[], ComponentLike[]][] = [
      [[{ weight: 1, mu: 0, sigma: 1 }], [{ weight: 1, mu: 1, sigma: 1 }]],
      [[{ weight: 1, mu: 0, sigma: 1 }], [{ weight: 1, mu: 0, sigma: 2 }]],
      [
        [
          { weight: '1/2', mu: -2, sigma: '1/2' },
          { weight: '1/2', mu: 2, sigma: '1/2' },
        ],
        [{ weight: 1, mu: 0, sigma: 1 }],
      ],
      [[{ weight: 1, mu: 3, sigma: 1 }], [{ weight: 1, mu: '3/2', sigma: '3/2' }]],
    ];
    for (const [p, q] of pairs.slice(0, ctx.size(2, 4)))
      one(mixtureValueAtOptimum(p, q, { digits: 30 }), mixtureJsd(p, q, { digits: 35 }), `P=${JSON.stringify(p)} Q=${JSON.stringify(q)}`);
  }
  const ok = failed === null;
  return {
    verdict: verdictOf({ asStated: ok }),
    evidence: ok ? `V(D*,G) from D* matches the formula in JSD on ${cases} ${kind} pairs (largest gap ${fmt(worst.toNumber())})` : `differs: ${String(failed)}`,
    numbers: { cases, largestGap: worst.toNumber() },
    ...(ok ? {} : { counterexample: String(failed) }),
  };
}

export const documentCg: CgFormula = (j) => j.times(2).minus(LN4);
export const wrongCg: CgFormula = (j) => j.minus(LN4);

/**
 * Theorems for the critic losses: WGAN (Arjovsky et al. 2017), hinge (Lim & Ye 2017; Miyato et al.
 * 2018) and least squares (Mao et al. 2017), each by its formula on batches of scores and by its
 * optimal critic and optimal value on a discrete pair (batches repeat each point by its count, so a
 * mean over a batch is an expectation under p or q):
 * - WGAN: over 1-Lipschitz critics on the points, min E_q f − E_p f = −W1(p, q), attained by the
 *   Kantorovich–Rubinstein witness (theory's `w1`).
 * - hinge: min over f of E_p max(0, 1 − f) + E_q max(0, 1 + f) = 2 − 2·TV(p, q), at f = sign(p − q).
 * - least squares: min over f of ½E_p (f − 1)² + ½E_q f² = ½·Σ pq/(p + q), at f = p/(p + q) = D*.
 */
import fc from 'fast-check';
import { w1 } from '../../theory/index.js';
import { countsPair, type CountsPair } from '../arbitraries.js';
import { closeTo } from '../matchers.js';
import { copy, mean, require_, TOL, type Impl, type Theorem } from '../theorem.js';

const scores = fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 16 });
/** Each point's value repeated by its count. */
const batch = (counts: readonly number[], f: readonly number[]) => counts.flatMap((c, i) => Array<number>(c).fill(f[i] as number));

type Loss = 'criticWgan' | 'criticHinge' | 'criticLeastSquares';

/** The formula on arbitrary batches. */
function formula(id: string, loss: Loss, statement: string, want: (r: number[], f: number[]) => number): Theorem {
  return {
    id,
    statement,
    needs: [loss],
    property: (impl: Impl) =>
      fc.asyncProperty(scores, scores, async (r, f) => {
        const got = await impl[loss](copy(r), copy(f));
        const w = want(r, f);
        require_(closeTo(got, w, TOL).pass, () => `${loss}(real, fake) = ${got}, expected ${w}`);
      }),
  };
}

/** The optimum: the loss at the optimal critic equals the optimal value, and a competitor does no better. */
function optimum(
  id: string,
  loss: Loss,
  statement: string,
  pair: fc.Arbitrary<CountsPair>,
  best: (c: CountsPair) => { f: number[]; value: number },
  competitor: (c: CountsPair) => fc.Arbitrary<number[]>,
): Theorem {
  return {
    id,
    statement,
    needs: [loss],
    property: (impl: Impl) =>
      fc.asyncProperty(
        pair.chain((c) => competitor(c).map((g) => [c, g] as const)),
        async ([c, g]) => {
          const { f, value } = best(c);
          const at = await impl[loss](batch(c.pc, f), batch(c.qc, f));
          require_(closeTo(at, value, TOL).pass, () => `at the optimal critic ${JSON.stringify(f)} the loss is ${at}; the optimum is ${value}`);
          const other = await impl[loss](batch(c.pc, g), batch(c.qc, g));
          require_(other >= value - 1e-9, () => `the critic ${JSON.stringify(g)} reaches ${other}, below the optimum ${value}`);
        },
      ),
  };
}

const table = (c: CountsPair, lo: number, hi: number) =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: c.x.length, maxLength: c.x.length });

/** The theorems on critic losses, in the order they run. */
export function criticTheorems(): Theorem[] {
  return [
    formula('critic-wgan', 'criticWgan', "the WGAN critic's loss is mean f(fake) − mean f(real)", (r, f) => mean(f) - mean(r)),
    optimum(
      'critic-wgan-optimum',
      'criticWgan',
      "over 1-Lipschitz critics the WGAN critic's loss is at least −W1(p, q), with equality at the Kantorovich–Rubinstein witness (Arjovsky et al. 2017, " +
        'Theorem 3; W1 exact)',
      countsPair(),
      (c) => {
        const [P, Q] = [c.pc.reduce((a, b) => a + b, 0), c.qc.reduce((a, b) => a + b, 0)];
        const r = w1(
          c.pc.map((v) => `${v}/${P}`),
          c.qc.map((v) => `${v}/${Q}`),
          c.x.map(String),
        );
        return { f: r.witness.map((v) => Number(v.num) / Number(v.den)), value: -Number(r.exact.distance.num) / Number(r.exact.distance.den) };
      },
      (c) =>
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: c.x.length, maxLength: c.x.length }).map((s) => {
          // a 1-Lipschitz table: f(x₀) = 0, each increment at most the gap between the points
          const f = [0];
          for (let i = 1; i < s.length; i++) f.push((f[i - 1] as number) + (s[i] as number) * ((c.x[i] as number) - (c.x[i - 1] as number)));
          return f;
        }),
    ),
    formula(
      'critic-hinge',
      'criticHinge',
      'the hinge loss is mean max(0, 1 − f(real)) + mean max(0, 1 + f(fake))',
      (r, f) => mean(r.map((x) => Math.max(0, 1 - x))) + mean(f.map((x) => Math.max(0, 1 + x))),
    ),
    optimum(
      'critic-hinge-optimum',
      'criticHinge',
      'the hinge loss is at least 2 − 2·TV(p, q), with equality at f = sign(p − q) (TV exact from the counts)',
      countsPair(),
      (c) => {
        const [P, Q] = [c.pc.reduce((a, b) => a + b, 0), c.qc.reduce((a, b) => a + b, 0)];
        const diff = c.pc.map((pi, i) => pi * Q - (c.qc[i] as number) * P); // (p − q)·PQ, exact integers
        const tv = diff.reduce((s, d) => s + Math.abs(d), 0) / (2 * P * Q);
        return { f: diff.map((d) => Math.sign(d)), value: 2 - 2 * tv };
      },
      (c) => table(c, -3, 3),
    ),
    formula(
      'critic-least-squares',
      'criticLeastSquares',
      'the least-squares loss is ½·mean (f(real) − 1)² + ½·mean f(fake)²',
      (r, f) => 0.5 * mean(r.map((x) => (x - 1) ** 2)) + 0.5 * mean(f.map((x) => x * x)),
    ),
    optimum(
      'critic-least-squares-optimum',
      'criticLeastSquares',
      'the least-squares loss is at least ½·Σ pq/(p + q), with equality at f = D* = p/(p + q) (Mao et al. 2017, Proposition 1 with a = 0, b = 1)',
      countsPair(),
      (c) => {
        const [P, Q] = [c.pc.reduce((a, b) => a + b, 0), c.qc.reduce((a, b) => a + b, 0)];
        const f = c.p.map((pi, i) => (pi + (c.q[i] as number) === 0 ? 0 : pi / (pi + (c.q[i] as number))));
        // pq/(p + q) = pc·qc/(pc·Q + qc·P), exact integers over an exact integer
        const v = c.pc.reduce((s, pi, i) => (pi === 0 || c.qc[i] === 0 ? s : s + (pi * (c.qc[i] as number)) / (pi * Q + (c.qc[i] as number) * P)), 0);
        return { f, value: 0.5 * v };
      },
      (c) => table(c, -1, 2),
    ),
  ];
}

/**
 * Each term of the discriminator's payoff v = E_data[log d(x)] + E_model[log(1 − d(x))] (Goodfellow
 * et al. 2014, eq. 1) read on its own: the real-data term rises as d moves toward 1 on the data
 * (∂/∂d [p log d] = p/d > 0) and the fake term rises as d moves toward 0 on the fakes
 * (∂/∂d [q log(1 − d)] = −q/(1 − d) < 0), each with supremum 0, reached only in the limit d → 1
 * (resp. 0). Together they conflict wherever p and q overlap: there the payoff's maximiser is
 * D* = p/(p + q), not 0 or 1.
 *
 * The check moves a random critic table d (values k/64) a fraction t ∈ {¼, ½, ¾} of the way toward
 * the wished value on every point and compares the term before and after, in 80-digit decimals, on
 * random discrete distributions with zeros.
 */
import { D, type Dec } from '../precise.js';
import { randomDist, randomTable } from '../random-inputs.js';
import type { Rng } from '../../numeric/rng.js';
import { verdictOf, type Outcome } from '../define.js';

/** A payoff term: the masses of the distribution it averages over, and the critic's table. */
export type PayoffTerm = (masses: readonly Dec[], d: readonly Dec[]) => Dec;

/** E[log d] (the real-data term) and E[log(1 − d)] (the fake term), as 001 writes them. */
export const realTerm: PayoffTerm = (p, d) => p.reduce((s, m, i) => (m.isZero() ? s : s.plus(m.times((d[i] as Dec).ln()))), new D(0));
export const fakeTerm: PayoffTerm = (q, d) => q.reduce((s, m, i) => (m.isZero() ? s : s.plus(m.times(new D(1).minus(d[i] as Dec).ln()))), new D(0));

export interface TermResult {
  moves: number;
  /** Moves toward the wished value that raised the term strictly. */
  raised: number;
  /** The lowest value of the term over the pairs at d one part in 10³⁰ from the wished value (its supremum is 0). */
  nearSup: Dec;
  example: string | null;
}

export function termRewards(term: PayoffTerm, toward: 0 | 1, rng: Rng, n: number): TermResult {
  let moves = 0;
  let raised = 0;
  let example: string | null = null;
  let nearSup = new D(0);
  for (let k = 0; k < n; k++) {
    const size = 2 + (k % 5);
    const m = randomDist(rng, size, 0.2).map((s) => new D(s.split('/')[0] as string).div(s.split('/')[1] as string));
    const d = randomTable(rng, size).map((s) => new D(s.split('/')[0] as string).div(64));
    const before = term(m, d);
    for (const t of [0.25, 0.5, 0.75]) {
      const moved = d.map((x) => (toward === 1 ? x.plus(new D(1).minus(x).times(t)) : x.minus(x.times(t))));
      const after = term(m, moved);
      moves++;
      if (after.gt(before)) raised++;
      else if (example === null)
        example =
          `masses (${m.map((x) => x.toSignificantDigits(3)).join(', ')}), d (${d.map((x) => x.toSignificantDigits(3)).join(', ')}) moved ${t} of ` +
          `the way toward ${toward}: term ${before.toSignificantDigits(4)} → ${after.toSignificantDigits(4)}`;
    }
    const limit = d.map(() => (toward === 1 ? new D(1).minus(new D(10).pow(-30)) : new D(10).pow(-30)));
    const v = term(m, limit);
    if (v.lt(nearSup)) nearSup = v;
  }
  return { moves, raised, nearSup, example };
}

/** The verdict on a term: every move toward the wished value raised it, and it nears its supremum 0. */
export function termOutcome(term: PayoffTerm, toward: 0 | 1, rng: Rng, n: number): Outcome {
  const r = termRewards(term, toward, rng, n);
  const ok = r.raised === r.moves && r.nearSup.gt(-1e-20);
  return {
    verdict: verdictOf({ asStated: ok }),
    evidence:
      `moving d toward ${toward} raised the term in ${r.raised} of ${r.moves} moves; at d within 10⁻³⁰ of ${toward} the term is ` +
      `${r.nearSup.toSignificantDigits(3).toString()} (supremum 0)`,
    numbers: { moves: r.moves, raised: r.raised, nearSupremum: r.nearSup.toNumber() },
    ...(r.example ? { counterexample: r.example } : {}),
  };
}

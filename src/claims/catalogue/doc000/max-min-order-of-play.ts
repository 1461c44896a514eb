/** Claim `max-min-order-of-play` of seed document 000. */
import { valueAtOptimum } from '../../../theory/index.js';
import { defineClaim, type Outcome, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { linspace } from '../../calculus.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';

type Objective = 'maxD-minG' | 'maxG-minD';

export const orderOfPlay = defineClaim({
  id: 'max-min-order-of-play',
  source: src('which will combine into a minimax objective: $$ \\max_D \\min_G V(D, G). $$'),
  statement:
    'the objective as written, max_D min_G V, on tabular games (5 points, random p_data): its value equals min_G max_D V = −ln 4, the D that ' +
    'attains the max is D ≡ ½, and p_data is a best reply of G to that D (the pair is a saddle point); reported, not judged: G\u2019s best reply ' +
    'to D ≡ ½ is not unique, and to any non-constant D it is a point mass',
  method: 'exact',
  expected: 'holds',
  subject: 'maxD-minG' as Objective,
  mutant: { description: 'a wrong objective: the players\u2019 roles swapped, max_G min_D V', subject: 'maxG-minD' as Objective },
  review: {
    by: 'two referees, issue 23',
    said: 'the "generator found under max-min" answers D = ½ + 0.01·sin(i), not the max-min D ≡ ½.',
    decision: 'changed',
    because:
      'the check now takes the D that attains max_D min_G V (D ≡ ½, found by search) and asks whether p_data is a best reply to it: it is, ' +
      'with value −ln 4 = min_G max_D V, so the objective as written has the GAN\u2019s value and saddle point (it was imprecise)',
  },
  check: (objective, ctx): Outcome => {
    const pStr = randomDist(ctx.rng, 5);
    const p = pStr.map(frac);
    const V = (d: number[], q: number[]) =>
      p.reduce(
        (a, pi, i) => a + (pi > 0 ? pi * Math.log(d[i] as number) : 0) + ((q[i] as number) > 0 ? (q[i] as number) * Math.log(1 - (d[i] as number)) : 0),
        0,
      );
    const minmax = Number(valueAtOptimum(pStr, pStr).value); // min_G max_D V = C(p_data) = −ln 4, certified
    const candidates = [
      p,
      ...p.map((_, j) => p.map((_, i) => (i === j ? 1 : 0))),
      ...Array.from({ length: ctx.size(200, 2000) }, () => randomDist(ctx.rng, p.length).map(frac)),
    ];
    if (objective === 'maxG-minD') {
      // min over D of a separable sum, each coordinate on a grid reaching 1e-6 from the ends: unbounded below as the grid widens
      const grid = [1e-6, ...linspace(0.01, 0.99, 99), 1 - 1e-6];
      const innerD = (q: number[]) =>
        p.reduce(
          (a, pi, i) => a + Math.min(...grid.map((d) => (pi > 0 ? pi * Math.log(d) : 0) + ((q[i] as number) > 0 ? (q[i] as number) * Math.log(1 - d) : 0))),
          0,
        );
      const value = Math.max(...candidates.map(innerD));
      const equal = Math.abs(value - minmax) < 1e-3;
      return {
        verdict: verdictOf({ asStated: equal }),
        evidence: `max_G min_D V ≤ ${fmt(value, 5)} with D kept 10⁻⁶ from 0 and 1 (unbounded below as D → 0 or 1), against min_G max_D V = ${fmt(minmax, 6)}`,
        numbers: { value, minMax: minmax },
      };
    }
    // max_D min_G V: for a table D the inner min over p_G puts all mass where D is largest, so
    // min_G V(D, G) = Σ pᵢ ln Dᵢ + ln(1 − max D); searched over constant tables and random ones
    const inner = (d: number[]) => p.reduce((a, pi, i) => a + pi * Math.log(d[i] as number), 0) + Math.log(1 - Math.max(...d));
    let best = -Infinity;
    let bestD: number[] = [];
    const consider = (d: number[]) => {
      const v = inner(d);
      if (v > best) [best, bestD] = [v, d];
    };
    for (const c of linspace(0.01, 0.99, 99)) consider(p.map(() => c));
    for (let i = 0; i < ctx.size(2000, 20000); i++) consider(p.map(() => 0.01 + 0.98 * ctx.rng.uniform()));
    const valuesEqual = Math.abs(best - minmax) < 1e-3;
    const dIsHalf = bestD.every((x) => Math.abs(x - 0.5) < 0.01);
    // G's best replies to the maximising D: the least V over the candidates, and whether p_data attains it
    const replies = candidates.map((q) => V(bestD, q));
    const least = Math.min(...replies);
    const dataIsBestReply = V(bestD, p) <= least + 1e-9;
    const spread = Math.max(...replies) - least;
    // reported: against a non-constant D the best reply is the point mass on argmax D
    const d = p.map((_, i) => 0.5 + 0.01 * Math.sin(i + 1));
    const argmax = d.indexOf(Math.max(...d));
    const pointMass = p.map((_, i) => (i === argmax ? 1 : 0));
    return {
      verdict: verdictOf({ asStated: valuesEqual && dIsHalf && dataIsBestReply }),
      evidence:
        `max_D min_G V = ${fmt(best, 6)} at D = (${bestD.map((x) => fmt(x, 3)).join(', ')}); min_G max_D V = ${fmt(minmax, 6)}; against that D, ` +
        `p_data is ${dataIsBestReply ? '' : 'not '}a best reply of G (V over ${candidates.length} generators spreads by ${fmt(spread, 3)}: ` +
        `every generator is one). Reported: against D = ½ + 0.01·sin(i) the best reply is a point mass (V ${fmt(V(d, pointMass), 5)} < ` +
        `${fmt(V(d, p), 5)} at p_data)`,
      numbers: { maxMin: best, minMax: minmax, dIsHalf, dataIsBestReply, spread },
    };
  },
});

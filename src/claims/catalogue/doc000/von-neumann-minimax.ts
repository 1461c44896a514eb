/** Claim `von-neumann-minimax` of seed document 000. */
import { add, cmp, rational, ONE, ZERO, type Rational } from '../../../theory/rational.js';
import { defineClaim, verdictOf } from '../../define.js';
import { guarantees, pureSaddles, solveMixed, type Game, type MixedSolution } from '../../games.js';
import { src } from './setup.js';
import { randomGame } from '../../games.js';

export const vonNeumann = defineClaim({
  id: 'von-neumann-minimax',
  source: src(
    'In zero-sum games with finite strategies, there exists a saddle point (minimax solution) where each player is playing their optimal strategy. — John ' +
      "von Neumann, 1928 (Von Neumann's Minimax Theorem)",
  ),
  statement:
    'random integer matrix games (2–6 strategies each): a saddle point exists in mixed strategies (exact LP solution whose guarantees meet: min_j (xᵀA)_j = ' +
    'max_i (Ay)_i); in pure strategies it often does not',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: (A: Game): MixedSolution => solveMixed(A),
  mutant: {
    description: 'solver that returns uniform strategies',
    subject: (A: Game): MixedSolution => ({
      value: ZERO,
      row: A.map(() => rational(1n, BigInt(A.length))),
      col: (A[0] as Rational[]).map(() => rational(1n, BigInt((A[0] as Rational[]).length))),
    }),
  },
  check: (solver, ctx) => {
    const n = ctx.size(40, 200);
    let mixedOk = 0;
    let pure = 0;
    let example = '';
    for (let i = 0; i < n; i++) {
      const A = randomGame(ctx, 2 + (i % 5), 2 + ((i * 7) % 5));
      const sol = solver(A);
      const g = guarantees(A, sol.row, sol.col);
      const valid = [sol.row, sol.col].every(
        (s) =>
          s.every((v) => v.num >= 0n) &&
          cmp(
            s.reduce((a, b) => add(a, b), ZERO),
            ONE,
          ) === 0,
      );
      if (valid && cmp(g.rowFloor, g.colCeiling) === 0) mixedOk++;
      if (pureSaddles(A).length > 0) pure++;
      else if (example === '') example = `no pure saddle point in ${JSON.stringify(A.map((r) => r.map((a) => Number(a.num))))}`;
    }
    return {
      verdict: verdictOf({ asStated: pure === n && mixedOk === n, underConditions: mixedOk === n }),
      evidence: `mixed-strategy saddle point certified in ${mixedOk}/${n} games; pure saddle point in only ${pure}/${n}`,
      numbers: { games: n, mixedSaddles: mixedOk, pureSaddles: pure },
      conditions: 'in mixed strategies (probability distributions over the finite strategies), not in pure ones',
      ...(example !== '' ? { counterexample: example } : {}),
    };
  },
});

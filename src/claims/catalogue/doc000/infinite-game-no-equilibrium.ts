/** Claim `infinite-game-no-equilibrium` of seed document 000. */
import { defineClaim, verdictOf } from '../../define.js';
import { guaranteeGap, largerWins, type IntegerGame } from '../../checks/infinite-game.js';
import { cmp, formatRational, ZERO } from '../../../theory/rational.js';
import { src } from './setup.js';

/** "Larger number wins, up to 10": an infinite strategy space with a saddle point (both play ≥ 10). */
const cappedLargerWins: IntegerGame = (a, b) => BigInt(Math.sign(Math.min(a, 10) - Math.min(b, 10)));

export const infiniteGame = defineClaim({
  id: 'infinite-game-no-equilibrium',
  source: src(
    'However, in infinite or continuous strategy spaces, a Nash equilibrium is not always guaranteed (unlike the finite case where the minimax theorem ' +
      'applies).',
  ),
  statement:
    '"name the larger positive integer" (B pays A sign(a − b)) has infinitely many strategies and no Nash equilibrium, even in mixed strategies: every ' +
    'mixed strategy of B tried leaves A a reply worth +1 and every one of A a reply worth −1 (exact; every point mass up to 12 and random finite ' +
    'supports), so the guarantees differ by 2, while each truncation to {1 … n} has a saddle point (exact LP)',
  method: 'exact',
  expected: 'holds',
  subject: largerWins,
  mutant: { description: 'a wrong claim: the game "larger number wins, up to 10", also infinite, which has a saddle point', subject: cappedLargerWins },
  check: (game, ctx) => {
    const r = guaranteeGap(game, ctx.rng, ctx.size(30, 120), 12);
    const gapPositive = cmp(r.gap, ZERO) > 0;
    const f = formatRational;
    return {
      verdict: verdictOf({ asStated: gapPositive }),
      evidence:
        `over ${r.strategies} mixed strategies each: the least A can be held to is ${f(r.colCeiling)}, the most A can guarantee is ${f(r.rowFloor)} ` +
        `(gap ${f(r.gap)}); truncations {1…n}: value ${r.truncations.map((t) => `${f(t.value)} (n = ${t.n})`).join(', ')}`,
      numbers: {
        strategies: r.strategies,
        colCeiling: f(r.colCeiling),
        rowFloor: f(r.rowFloor),
        gap: f(r.gap),
        truncatedValue8: f((r.truncations[2] ?? r.truncations[0])!.value),
      },
      ...(gapPositive ? {} : { counterexample: 'the guarantees meet: this game has an equilibrium' }),
    };
  },
});

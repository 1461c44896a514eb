/** Claim `zero-sum-gains-minus-losses` of seed document 001 (the identity in words; the display's index slip is zero-sum-accounting-001). */
import { defineClaim } from '../../define.js';
import { src } from './setup.js';

/** The balance the sentence computes from the gains and losses (non-negative integers) of a game's players. */
type Balance = (gains: number[], losses: number[]) => number;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const gainsMinusLosses = defineClaim({
  id: 'zero-sum-gains-minus-losses',
  source: src(
    'In other words, if \\( g_i \\) denotes the gain of an \\(i\\)-th participant and \\( l_j \\) denotes the loss of the \\( j \\)-th participant, then, ' +
      'the sum of all loses subtracted from the sum over all gains is zero.',
  ),
  statement:
    'in random zero-sum games among 2–6 players (integer payoffs in [−50, 50] summing to 0, the last player’s payoff set to balance the others), with ' +
    'g_i the payoff of a player who gains and l_j minus the payoff of a player who loses: Σ_i g_i − Σ_j l_j = 0 exactly, in every game',
  method: 'exact',
  expected: 'holds',
  subject: ((g, l) => sum(g) - sum(l)) as Balance,
  mutant: { description: 'a wrong claim: the sum of all losses added to the sum over all gains is zero', subject: ((g, l) => sum(g) + sum(l)) as Balance },
  check: (balance, ctx) => {
    const n = ctx.size(200, 2000);
    let bad: string | null = null;
    let games = 0;
    for (let t = 0; t < n; t++) {
      const players = 2 + (t % 5);
      const pay = Array.from({ length: players - 1 }, () => Math.floor(ctx.rng.uniform() * 101) - 50);
      pay.push(-sum(pay));
      if (pay.every((x) => x === 0)) continue;
      games++;
      const gains = pay.filter((x) => x > 0);
      const losses = pay.filter((x) => x < 0).map((x) => -x);
      const b = balance(gains, losses);
      if (b !== 0 && bad === null) bad = `payoffs (${pay.join(', ')}): gains (${gains.join(', ')}), losses (${losses.join(', ')}) give ${b}`;
    }
    return {
      verdict: bad === null ? 'holds' : 'refuted',
      evidence: bad === null ? `the balance is 0 in all ${games} random zero-sum games (exact integers)` : `not 0: ${bad}`,
      numbers: { games },
      ...(bad === null ? {} : { counterexample: bad }),
    };
  },
});

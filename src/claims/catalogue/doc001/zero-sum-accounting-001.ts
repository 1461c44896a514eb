/** Claim `zero-sum-accounting-001` of seed document 001. */
import { defineClaim, verdictOf } from '../../define.js';
import { add, mul, rational, sub, ZERO, type Rational } from '../../../theory/rational.js';
import { src } from './setup.js';

export const zeroSum = defineClaim({
  id: 'zero-sum-accounting-001',
  source: src('$$ \\sum_{i} g_i - \\sum_{j} l_i = 0 $$'),
  statement: 'random zero-sum games among 2–6 players (payoffs summing to 0, exact integers): total gains minus total losses is 0',
  method: 'exact',
  expected: 'holds',
  subject: (gains: Rational[], losses: Rational[]): Rational => sub(gains.reduce(add, ZERO), losses.reduce(add, ZERO)),
  mutant: {
    description: 'sum of gains plus sum of losses',
    subject: (gains: Rational[], losses: Rational[]): Rational => add(gains.reduce(add, ZERO), losses.reduce(add, ZERO)),
  },
  check: (balance, ctx) => {
    const n = ctx.size(100, 1000);
    let zero = 0;
    for (let t = 0; t < n; t++) {
      const players = 2 + (t % 5);
      const pay = Array.from({ length: players - 1 }, () => rational(BigInt(Math.floor(ctx.rng.uniform() * 41) - 20)));
      pay.push(mul(pay.reduce(add, ZERO), rational(-1n))); // zero-sum: the last player balances the rest
      const gains = pay.filter((v) => v.num > 0n);
      const losses = pay.filter((v) => v.num < 0n).map((v) => mul(v, rational(-1n)));
      if (balance(gains, losses).num === 0n) zero++;
    }
    return {
      verdict: verdictOf({ asStated: zero === n }),
      evidence: `gains − losses = 0 in ${zero}/${n} random zero-sum games`,
      numbers: { games: n, balanced: zero },
    };
  },
});

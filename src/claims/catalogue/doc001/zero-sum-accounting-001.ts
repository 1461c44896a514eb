/** Claim `zero-sum-accounting-001` of seed document 001. */
import { defineClaim, verdictOf } from '../../define.js';
import { add, mul, rational, sub, ZERO, type Rational } from '../../../theory/rational.js';
import { src } from './setup.js';

/** The printed formula, Σ_i g_i − Σ_j l_i, read literally: the second sum's summand does not depend on j, so it is (number of j) × l_i. */
type Balance = (gains: Rational[], losses: Rational[], i: number) => Rational;

export const zeroSum = defineClaim({
  id: 'zero-sum-accounting-001',
  source: src('$$ \\sum_{i} g_i - \\sum_{j} l_i = 0 $$'),
  statement:
    'random zero-sum games among 2–6 players (payoffs summing to 0, exact integers): the printed Σ_i g_i − Σ_j l_i, read as written (the summand l_i ' +
    'does not vary with j, so the sum is m·l_i for m losers, for each loser i), is 0; corrected: total gains minus total losses, Σ_i g_i − Σ_j l_j, is 0',
  method: 'exact',
  expected: 'imprecise',
  review: {
    by: 'two referees, issue 23',
    said: "the printed Σ_i g_i − Σ_j l_i has a mismatched index; the subject silently corrects it, while 000's similar slip is imprecise.",
    decision: 'changed',
    because:
      'the subject is now the formula as printed (Σ_j l_i = m·l_i), which fails the zero-sum identity, while the corrected ' +
      "index holds → imprecise, as 000's slip",
  },
  subject: ((gains, losses, i) => sub(gains.reduce(add, ZERO), mul(rational(BigInt(losses.length)), losses[i] as Rational))) as Balance,
  mutant: {
    description: 'sum of gains plus sum of losses',
    subject: ((gains, losses, i) => add(gains.reduce(add, ZERO), mul(rational(BigInt(losses.length)), losses[i] as Rational))) as Balance,
  },
  check: (printed, ctx) => {
    const n = ctx.size(100, 1000);
    let literal = 0;
    let corrected = 0;
    let example = '';
    for (let t = 0; t < n; t++) {
      const players = 2 + (t % 5);
      const pay = Array.from({ length: players - 1 }, () => rational(BigInt(Math.floor(ctx.rng.uniform() * 41) - 20)));
      pay.push(mul(pay.reduce(add, ZERO), rational(-1n))); // zero-sum: the last player balances the rest
      const gains = pay.filter((v) => v.num > 0n);
      const losses = pay.filter((v) => v.num < 0n).map((v) => mul(v, rational(-1n)));
      if (losses.length === 0) {
        literal++; // no loser: every payoff 0, both readings are 0
        corrected++;
        continue;
      }
      const asPrinted = losses.map((_, i) => printed(gains, losses, i));
      if (asPrinted.every((v) => v.num === 0n)) literal++;
      else if (example === '')
        example = `gains (${gains.map((g) => g.num).join(', ')}), losses (${losses.map((l) => l.num).join(', ')}): Σ_j l_i = ${losses.length}·l_i`;
      // the corrected formula from the printed one: averaging it over the free index i turns m·l_i into Σ_j l_j
      const averaged = mul(asPrinted.reduce(add, ZERO), rational(1n, BigInt(losses.length)));
      if (averaged.num === 0n) corrected++;
    }
    return {
      verdict: verdictOf({ asStated: literal === n, corrected: corrected === n && literal < n }),
      evidence: `the printed formula (Σ_j l_i = m·l_i) is 0 in ${literal}/${n} random zero-sum games; Σ_i g_i − Σ_j l_j is 0 in ${corrected}/${n}`,
      numbers: { games: n, literalZero: literal, correctedZero: corrected },
      correction: 'Σ_i g_i − Σ_j l_j = 0 (the loser index summed over itself)',
      ...(example !== '' ? { counterexample: example } : {}),
    };
  },
});

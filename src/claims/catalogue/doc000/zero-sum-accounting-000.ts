/** Claim `zero-sum-accounting-000` of seed document 000. */
import { add, mul, rational, sub, type Rational } from '../../../theory/rational.js';
import { defineClaim, verdictOf } from '../../define.js';
import { payoff } from '../../games.js';
import { src } from './setup.js';
import { randomGame, randomMixed } from '../../games.js';

export const zeroSum = defineClaim({
  id: 'zero-sum-accounting-000',
  source: src('$$ \\text{Gain}_{\\text{Player A}} + \\text{Loss}_{\\text{Player B}} = 0 $$'),
  statement: "on random zero-sum matrix games and mixed strategies, the document's identity Gain_A + Loss_B = 0, with Loss_B = −(B's payoff) = Gain_A",
  method: 'exact',
  expected: 'imprecise',
  subject: (gainA: Rational, lossB: Rational): Rational => add(gainA, lossB),
  mutant: { description: 'Gain_A − Loss_B = 0', subject: (gainA: Rational, lossB: Rational): Rational => sub(gainA, lossB) },
  check: (identity, ctx) => {
    const n = ctx.size(50, 200);
    let zero = 0;
    let corrected = 0;
    let example = '';
    for (let i = 0; i < n; i++) {
      const A = randomGame(ctx, 2 + (i % 3), 2 + ((i >> 1) % 3));
      const x = randomMixed(ctx, A.length);
      const y = randomMixed(ctx, (A[0] as Rational[]).length);
      const gainA = payoff(A, x, y);
      const payoffB = mul(gainA, rational(-1n)); // zero-sum: B receives −A's payoff
      const lossB = mul(payoffB, rational(-1n));
      if (identity(gainA, lossB).num === 0n) zero++;
      else if (example === '')
        example = `Gain_A = ${gainA.num}/${gainA.den}, Loss_B = ${lossB.num}/${lossB.den}: the sum is ${add(gainA, lossB).num}/${add(gainA, lossB).den}`;
      if (add(gainA, payoffB).num === 0n && sub(gainA, lossB).num === 0n) corrected++;
    }
    return {
      verdict: verdictOf({ asStated: zero === n, corrected: corrected === n }),
      evidence: `identity true in ${zero}/${n} games; Gain_A + Gain_B = 0 (Gain_A = Loss_B) in ${corrected}/${n}`,
      numbers: { games: n, identityTrue: zero, correctedTrue: corrected },
      correction: 'Gain_A + Gain_B = 0, i.e. Gain_A = Loss_B (or Gain_A − Loss_B = 0)',
      ...(example !== '' ? { counterexample: example } : {}),
    };
  },
});

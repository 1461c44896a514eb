/**
 * Claim `conditional-d-rejects-wrong-class` of seed document 002 (the conditional GAN's discriminator,
 * and pix2pix's, which sees the output and the conditioning input): on a tabular conditional game,
 * three conditions y (equally likely) and outputs x ∈ {0, …, 9}, p(x | y) on {3y, 3y + 1, 3y + 2} with
 * masses (0.5, 0.3, 0.2), x = 9 never real. Two faulty generators: "wrong class", q(x | y) = p(x | y + 1
 * mod 3), whose outputs are realistic (their marginal is p_data's), and "unrealistic", all its mass on
 * x = 9. The optimal discriminator that sees (x, y), D*(x, y) = p(x | y)/(p(x | y) + q(x | y)), is 0 on
 * every fake pair of both, and C(G) = max_D V = 2·E_y JSD(p(·|y), q(·|y)) − log 4 puts both at 0, the
 * game's worst value for G, against −log 4 at q = p; a discriminator that sees x alone gives the
 * wrong-class generator D* = ½ and C = −log 4, the value of a perfect generator.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** What the discriminator sees: the pair (output, condition), or the output alone. */
export type Sees = 'output-and-condition' | 'output-only';

const Y = 3;
const X = 10;
const LN4 = Math.log(4);
const real = (y: number) => Array.from({ length: X }, (_, x) => (x === 3 * y ? 0.5 : x === 3 * y + 1 ? 0.3 : x === 3 * y + 2 ? 0.2 : 0));
const GENERATORS: Record<string, (y: number) => number[]> = {
  perfect: real,
  'wrong class': (y) => real((y + 1) % Y),
  unrealistic: () => Array.from({ length: X }, (_, x) => (x === 9 ? 1 : 0)),
};
const xlog = (a: number, b: number) => (a > 0 ? a * Math.log(a / b) : 0);

/** C(G) = max_D V and the largest D* on a fake pair, for a discriminator that sees (x, y) or x alone. */
function game(sees: Sees, q: (y: number) => number[]): { value: number; dOnFakes: number } {
  // the joint tables p(x, y), q(x, y) with p(y) = 1/3; an output-only D sees their x-marginals
  const P = Array.from({ length: Y }, (_, y) => real(y).map((m) => m / Y));
  const Q = Array.from({ length: Y }, (_, y) => q(y).map((m) => m / Y));
  const seen = (T: number[][]) => (sees === 'output-and-condition' ? T : [T.reduce((s, row) => s.map((v, x) => v + (row[x] as number)))]);
  const [Ps, Qs] = [seen(P), seen(Q)];
  let value = 0;
  let dOnFakes = 0;
  Ps.forEach((row, k) => {
    row.forEach((p, x) => {
      const f = (Qs[k] as number[])[x] as number;
      value += xlog(p, p + f) + xlog(f, p + f);
      if (f > 0) dOnFakes = Math.max(dOnFakes, p / (p + f));
    });
  });
  return { value, dOnFakes };
}

export const conditionalDRejects = defineClaim({
  id: 'conditional-d-rejects-wrong-class',
  source: src('This prevents the generator from producing realistic samples of the wrong class.'),
  statement:
    'a discriminator that sees the condition rejects realistic samples of the wrong class (and unrealistic ones): on a tabular conditional game ' +
    '(3 conditions, 10 outputs), the optimal D*(x, y) is 0 on every fake pair of a generator whose outputs are realistic but of the wrong class ' +
    '(marginal equal to p_data’s) and of one whose outputs are unrealistic, and C(G) = max_D V puts both at 0, the worst value, against −log 4 for ' +
    'q = p: the game’s minimiser produces no wrong-class samples; holds under conditions: at the optimal discriminator (a finite, trained D is not ' +
    'judged)',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: 'output-and-condition' as Sees,
  mutant: {
    description: 'a wrong setup: the discriminator sees the output alone (an unconditional D)',
    subject: 'output-only' as Sees,
  },
  check: (sees: Sees): Outcome => {
    type Result = { value: number; dOnFakes: number };
    const [perfect, wrong, unreal] = (['perfect', 'wrong class', 'unrealistic'] as const).map((k) => game(sees, GENERATORS[k] as (y: number) => number[])) as [
      Result,
      Result,
      Result,
    ];
    const rejects = (g: Result) => g.dOnFakes < 1e-12 && g.value > perfect.value + 0.1;
    const both = rejects(wrong) && rejects(unreal);
    const who = sees === 'output-and-condition' ? 'D(x, y)' : 'D(x)';
    const text =
      `${who}: C(G) = max_D V is ${fmt(perfect.value, 6)} for q = p (−log 4 = ${fmt(-LN4, 6)}), ${fmt(wrong.value, 6)} for the wrong-class ` +
      `generator (largest D* on its fakes ${fmt(wrong.dOnFakes, 3)}), ${fmt(unreal.value, 6)} for the unrealistic one (largest D* on its fakes ` +
      `${fmt(unreal.dOnFakes, 3)})`;
    const numbers = {
      cPerfect: perfect.value,
      cWrongClass: wrong.value,
      dWrongClass: wrong.dOnFakes,
      cUnrealistic: unreal.value,
      dUnrealistic: unreal.dOnFakes,
    };
    return both
      ? {
          verdict: 'holds-under-conditions',
          evidence: `${text}: the optimal conditional D rejects both, at the worst value 0; q = p reaches −log 4`,
          conditions: 'at the optimal discriminator D*(x, y) (and the minimiser of C(G)); a finite D trained for finitely many steps is not judged',
          numbers,
        }
      : {
          verdict: 'refuted',
          evidence: `${text}: the wrong-class generator is not rejected`,
          counterexample: `${text}: realistic samples of the wrong class reach the value of a perfect generator`,
          numbers,
        };
  },
});

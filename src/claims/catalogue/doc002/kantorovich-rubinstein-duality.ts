/** Claim `kantorovich-rubinstein-duality` of seed document 002. */
import { w1 as w1Exact } from '../../../theory/index.js';
import { abs, add, cmp, mul, sub, toRational, ZERO, type Rational } from '../../../theory/rational.js';
import { defineClaim, verdictOf } from '../../define.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';
import { northWest } from '../../checks/coupling.js';

export const krDuality = defineClaim({
  id: 'kantorovich-rubinstein-duality',
  source: src(
    'by the Kantorovich-Rubinstein duality theorem, there is an equivalent formulation: $$W_1(P, Q) = \\sup_{|f|L \\leq 1} \\left[ \\mathbb{E}{x \\sim ' +
      'P}[f(x)] - \\mathbb{E}_{x \\sim Q}[f(x)] \\right]$$',
  ),
  statement:
    "random discrete P, Q on the line: the dual value of theory's 1-Lipschitz witness (exactly 1-Lipschitz, checked) equals the cost of the monotone " +
    '(north-west corner) coupling, computed here independently; equal values certify both optimal',
  method: 'exact',
  expected: 'holds',
  subject: (f: Rational[], p: Rational[], q: Rational[]): Rational => p.reduce((s, pi, i) => add(s, mul(sub(pi, q[i] as Rational), f[i] as Rational)), ZERO),
  mutant: {
    description: 'E_P f + E_Q f',
    subject: (f: Rational[], p: Rational[], q: Rational[]): Rational => p.reduce((s, pi, i) => add(s, mul(add(pi, q[i] as Rational), f[i] as Rational)), ZERO),
  },
  check: (dual, ctx) => {
    const n = ctx.size(20, 100);
    let equal = 0;
    let example = '';
    for (let t = 0; t < n; t++) {
      const k = 2 + (t % 7);
      const p = randomDist(ctx.rng, k, 0.2);
      const q = randomDist(ctx.rng, k, 0.2);
      const xs: number[] = [];
      let x = 0;
      for (let i = 0; i < k; i++) {
        x += 1 + Math.floor(ctx.rng.uniform() * 5);
        xs.push(x);
      }
      const r = w1Exact(p, q, xs);
      const P = p.map((v) => toRational(v, 'check', 'p'));
      const Q = q.map((v) => toRational(v, 'check', 'q'));
      const X = xs.map((v) => toRational(v, 'check', 'x'));
      const lipschitz = r.witness.every((f, i) => i === 0 || cmp(abs(sub(f, r.witness[i - 1] as Rational)), sub(X[i] as Rational, X[i - 1] as Rational)) <= 0);
      const coupling = northWest(P, Q, X);
      const d = dual([...r.witness], P, Q);
      if (lipschitz && cmp(d, coupling) === 0) equal++;
      else if (example === '') example = `P=(${p}) Q=(${q}) x=(${xs}): dual ${d.num}/${d.den}, coupling cost ${coupling.num}/${coupling.den}`;
    }
    const ok = equal === n;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `dual value = coupling cost exactly on ${n}/${n} random pairs (witness 1-Lipschitz)` : example,
      numbers: { pairs: n, equal },
      ...(ok ? {} : { counterexample: example }),
    };
  },
});

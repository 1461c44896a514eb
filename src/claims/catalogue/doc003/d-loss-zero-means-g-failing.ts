/**
 * Claim `d-loss-zero-means-g-failing` of seed document 003: "This indicates the generator is failing"
 * (of a discriminator loss approaching zero). On the population loss it does, for every D: L(D) ≥
 * ln 2 − JSD(p_data, p_G) (the tables of `d-loss-zero-not-success`), so L ≤ ε forces JSD ≥ ln 2 − ε. On
 * the loss D reports on its own training samples it need not: a discriminator that memorises its n real
 * training points reaches a training loss near 0 while p_G = p_data exactly.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { lossBound } from './d-loss-zero-not-success.js';
import { src } from './setup.js';

/** Which loss is read: D's population loss (expectations over p_data and p_G), or its loss on its own training minibatch. */
type Read = 'population' | 'training-sample';

/** p_data = p_G = N(0, 1); D memorises n real training points (1 − δ within 10⁻⁶ of one, δ elsewhere): its training and population losses. */
function memorising(read: Read, rng: { normal(): number }, n: number): { loss: number; population: number } {
  const delta = 1e-4;
  const real = Array.from({ length: n }, () => rng.normal());
  const fake = Array.from({ length: n }, () => rng.normal());
  const near = (x: number) => real.some((r) => Math.abs(r - x) < 1e-6);
  const d = (x: number) => (near(x) ? 1 - delta : delta);
  const train = (real.reduce((a, x) => a - Math.log(d(x)), 0) / n + fake.reduce((a, x) => a - Math.log1p(-d(x)), 0) / n) / 2;
  // on fresh samples (the population), almost surely no point is within 10⁻⁶ of a training point
  const freshReal = Array.from({ length: n }, () => rng.normal());
  const freshFake = Array.from({ length: n }, () => rng.normal());
  const population = (freshReal.reduce((a, x) => a - Math.log(d(x)), 0) / n + freshFake.reduce((a, x) => a - Math.log1p(-d(x)), 0) / n) / 2;
  return { loss: read === 'population' ? population : train, population };
}

export const dLossFailing = defineClaim({
  id: 'd-loss-zero-means-g-failing',
  source: src('This indicates the generator is failing.'),
  statement:
    'a discriminator loss near zero indicates a failing generator: on the population loss, every D has L(D) ≥ ln 2 − JSD(p_data, p_G) (random tables, ' +
    'random D, certified JSD), so L ≤ ε forces JSD ≥ ln 2 − ε; under that condition only: a D that memorises its training points (p_data = p_G = N(0, 1)) ' +
    'has a training loss near 0 with the generator exactly right, and with disjoint supports a D has a loss near 0 while p_G is 0.01 from p_data in W1',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: 'population' as Read,
  mutant: {
    description: 'the wrong loss read: D’s loss on its own training minibatch, which a memorising D drives to 0 while p_G = p_data',
    subject: 'training-sample',
  },
  check: (read: Read, ctx): Outcome => {
    const n = 256;
    const m = memorising(read, ctx.rng, n);
    const memo =
      `a D memorising ${n} real training points (p_data = p_G = N(0, 1)): training loss ${fmt(memorising('training-sample', ctx.rng, n).loss, 3)}, ` +
      `population loss ${fmt(m.population, 3)}`;
    if (read === 'training-sample')
      return {
        verdict: 'refuted',
        evidence: `${memo}: a training loss near 0 with p_G = p_data`,
        counterexample: memo,
        numbers: { n, loss: m.loss, population: m.population },
      };
    const b = lossBound(ctx.rng, ctx.size(40, 200));
    const ok = b.minSlack > -1e-12;
    // disjoint supports (Arjovsky & Bottou 2017): p_data uniform on the segment {0} × [0, 1], p_G the same segment moved by δ = 0.01;
    // D(x) = σ(k(δ/2 − x₁)) with k = 10⁴ has population loss softplus(−kδ/2) = ln(1 + e⁻⁵⁰) on both terms, while W1(p_data, p_G) = δ
    const shift = 0.01;
    const zeroLoss = Math.log1p(Math.exp((-1e4 * shift) / 2));
    const disjoint =
      `disjoint supports (p_G = p_data moved by ${shift}): a D with population loss ${zeroLoss.toExponential(1)} while W1(p_data, p_G) = ${shift}, ` +
      'so the loss says only that the JSD is at its maximum ln 2, not that the generator is far in W1';
    return ok
      ? {
          verdict: 'holds-under-conditions',
          evidence: `L(D) − (ln 2 − JSD) ≥ ${b.minSlack.toExponential(2)} over ${b.ds} discriminators on ${b.tables} random tables; ${memo}; ${disjoint}`,
          conditions:
            'the loss is D’s population (held-out) loss, and "failing" means failing in the JSD (L ≤ ε forces JSD ≥ ln 2 − ε); on its own training ' +
            'samples an overfitting D reaches a loss near 0 even when p_G = p_data, and with disjoint supports a loss near 0 goes with a generator ' +
            'that may be as close as one likes in W1',
          numbers: { ...b, memorisingPopulation: m.population },
        }
      : { verdict: 'refuted', evidence: `the bound fails: slack ${b.minSlack}`, counterexample: `slack ${b.minSlack}`, numbers: { ...b } };
  },
});

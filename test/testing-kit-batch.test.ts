/**
 * gan-verify/testing on the code GAN practitioners write: losses on logits and batches, critic losses,
 * penalties given a critic, W1 of samples and label-smoothed D*. Plain float64 implementations, as a
 * user writes them, satisfy every theorem; one planted bug per family is caught, naming the theorem.
 */
import { describe, expect, it } from 'vitest';
import { assertTheorems, makeCritic, THEOREMS, type Critic, type Implementations } from '../src/testing/index.js';
import { theoremFailure } from './helpers.js';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const softplus = (l: number) => Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
const relu = (x: number) => Math.max(0, x);
const norm = (v: number[]) => Math.hypot(...v);

/** W1 of two 1-D samples: ∫|F − G| over the merged sorted values. */
function w1Samples(x: number[], y: number[]): number {
  const all = [...x, ...y].sort((a, b) => a - b);
  const F = (s: number[], t: number) => s.filter((v) => v <= t).length / s.length;
  let total = 0;
  for (let i = 0; i + 1 < all.length; i++) total += Math.abs(F(x, all[i] as number) - F(y, all[i] as number)) * ((all[i + 1] as number) - (all[i] as number));
  return total;
}

const GOOD: Implementations = {
  bceWithLogits: (l, t) => mean(l.map((x, i) => (t[i] as number) * softplus(-x) + (1 - (t[i] as number)) * softplus(x))),
  dLossLogits: (r, f) => mean(r.map((x) => softplus(-x))) + mean(f.map(softplus)),
  gLossNonSaturating: (f) => mean(f.map((x) => softplus(-x))),
  gLossSaturating: (f) => -mean(f.map(softplus)),
  criticWgan: (r, f) => mean(f) - mean(r),
  criticHinge: (r, f) => mean(r.map((x) => relu(1 - x))) + mean(f.map((x) => relu(1 + x))),
  criticLeastSquares: (r, f) => 0.5 * mean(r.map((x) => (x - 1) ** 2)) + 0.5 * mean(f.map((x) => x * x)),
  gradientPenalty: (c: Critic, real, fake, t) =>
    mean(real.map((r, i) => (norm(c.grad(r.map((ri, k) => (t[i] as number) * ri + (1 - (t[i] as number)) * ((fake[i] as number[])[k] as number)))) - 1) ** 2)),
  r1: (c: Critic, real) => mean(real.map((x) => norm(c.grad(x)) ** 2)),
  w1Samples,
  dstarSmoothed: (p, q, a, b) => p.map((x, i) => (a * x + b * (q[i] as number)) / (x + (q[i] as number))),
};

const failure = (impl: Implementations) => theoremFailure(impl, 100);

describe('the theorems for batch and logit code', () => {
  it('correct float64 implementations satisfy all of them', async () => {
    const r = await assertTheorems(GOOD, { numRuns: 100, seed: 3 });
    expect(r.theorems).toEqual(THEOREMS.filter((t) => t.needs.every((k) => k in GOOD)).map((t) => t.id));
    expect(r.theorems).toHaveLength(15);
  });

  it('a critic given as a spec computes the gradient the theorems use', () => {
    const c = makeCritic({ kind: 'quadratic', a: 2, c: [1, -1] });
    expect(c([2, 1])).toBe(5); // ½·2·(1 + 4)
    expect(c.grad([2, 1])).toEqual([2, 4]);
  });
});

describe('a planted bug in each family is caught, naming the theorem, the counterexample and the seed', () => {
  it('logits: BCE written with σ and log overflows to Infinity at large logits (bce-logits)', async () => {
    const sig = (l: number) => 1 / (1 + Math.exp(-l));
    const naive = (l: number[], t: number[]) => mean(l.map((x, i) => -(t[i] as number) * Math.log(sig(x)) - (1 - (t[i] as number)) * Math.log(1 - sig(x))));
    const msg = await failure({ bceWithLogits: naive });
    expect(msg).toMatch(/theorem "bce-logits"/);
    expect(msg).toMatch(/counterexample \(shrunk\): \[\[/);
    expect(msg).toMatch(/replay: assertTheorems\(impl, \{ seed: 0, path: "[\d:]+", only: \["bce-logits"\] \}\)/);
  });

  it('logits: the saturating loss passed as the non-saturating one (gloss-non-saturating-logits); D loss with the labels swapped (dloss-logits)', async () => {
    expect(await failure({ gLossNonSaturating: (f) => -mean(f.map(softplus)) })).toMatch(/theorem "gloss-non-saturating-logits"/);
    expect(await failure({ dLossLogits: (r, f) => mean(r.map(softplus)) + mean(f.map((x) => softplus(-x))) })).toMatch(/theorem "dloss-logits"/);
  });

  it('critics: a WGAN loss with the sign flipped, a hinge on the wrong side, an LS loss with target −1 for fakes', async () => {
    expect(await failure({ criticWgan: (r, f) => mean(r) - mean(f) })).toMatch(/theorem "critic-wgan"/);
    expect(await failure({ criticHinge: (r, f) => mean(r.map((x) => relu(1 + x))) + mean(f.map((x) => relu(1 - x))) })).toMatch(/theorem "critic-hinge"/);
    expect(await failure({ criticLeastSquares: (r, f) => 0.5 * mean(r.map((x) => (x - 1) ** 2)) + 0.5 * mean(f.map((x) => (x + 1) ** 2)) })).toMatch(
      /theorem "critic-least-squares"/,
    );
  });

  it('critics: the hinge loss summed over the batch instead of averaged (critic-hinge)', async () => {
    const summed = (r: number[], f: number[]) => r.reduce((s, x) => s + relu(1 - x), 0) + f.reduce((s, x) => s + relu(1 + x), 0);
    expect(await failure({ criticHinge: summed })).toMatch(/theorem "critic-hinge"/);
  });

  it('penalties: GP at the fakes instead of the interpolates; GP with (‖∇f‖² − 1)²; R1 without the square', async () => {
    const atFake: Implementations['gradientPenalty'] = (c, _real, fake) => mean(fake.map((x) => (norm(c.grad(x)) - 1) ** 2));
    expect(await failure({ gradientPenalty: atFake })).toMatch(/theorem "gradient-penalty"/);
    const squared: Implementations['gradientPenalty'] = (c, real, fake, t) =>
      mean(
        real.map(
          (r, i) => (norm(c.grad(r.map((ri, k) => (t[i] as number) * ri + (1 - (t[i] as number)) * ((fake[i] as number[])[k] as number)))) ** 2 - 1) ** 2,
        ),
      );
    expect(await failure({ gradientPenalty: squared })).toMatch(/theorem "gradient-penalty"/);
    expect(await failure({ r1: (c, real) => mean(real.map((x) => norm(c.grad(x)))) })).toMatch(/theorem "r1"/);
  });

  it('samples: W1 as the mean gap of unsorted samples (w1-samples); smoothing applied as α·D* + β (dstar-smoothed)', async () => {
    expect(await failure({ w1Samples: (x, y) => mean(x.map((v, i) => Math.abs(v - (y[i % y.length] as number)))) })).toMatch(/theorem "w1-samples"/);
    expect(await failure({ dstarSmoothed: (p, q, a, b) => p.map((x, i) => (a * x) / (x + (q[i] as number)) + b) })).toMatch(/theorem "dstar-smoothed"/);
  });
});

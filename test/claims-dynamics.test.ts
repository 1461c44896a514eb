/**
 * The checks behind the game-dynamics and exact-structure claims, against oracles that do not use
 * the code under test: hand-derived values, finite differences, and the quadratic formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diracOrbit, diracStep, linearStep, spectralClass, type Order } from '../src/claims/checks/dirac-gan.js';
import { twoModeRun } from '../src/claims/checks/two-mode-game.js';
import { guaranteeGap, largerWins } from '../src/claims/checks/infinite-game.js';
import { chordTest, MASS_WEIGHTS, objective, TOY_NETWORK } from '../src/claims/checks/parameter-convexity.js';
import { meanDEquivalence, nonSaturating, saturating } from '../src/claims/checks/mean-d.js';
import { dualBound, ONE_LIPSCHITZ, UNCONSTRAINED } from '../src/claims/checks/dual-bound.js';
import { fakeTerm, realTerm, termRewards } from '../src/claims/checks/payoff-terms.js';
import { formatRational, rational } from '../src/theory/rational.js';
import { Rng } from '../src/numeric/rng.js';
import { D } from '../src/claims/precise.js';
import { expectClose } from './helpers.js';

const toNum = (r: { num: bigint; den: bigint }) => Number(r.num) / Number(r.den);

describe('Dirac-GAN (Mescheder et al. 2018, §2.2)', () => {
  it('a simultaneous step multiplies ‖(θ, ψ)‖² by exactly 1 + η²σ(θψ)² (the step is orthogonal to the position)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (th, ps, lr) => {
          const [a, b] = diracStep({ order: 'simultaneous', lr, gammaR1: 0 }, th, ps);
          const s = 1 / (1 + Math.exp(-th * ps));
          const expected = (th * th + ps * ps) * (1 + lr * lr * s * s);
          expect(Math.abs(a * a + b * b - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
        },
      ),
    );
  });

  it('the exact linearisation equals the finite-difference Jacobian of the float step at the equilibrium', () => {
    for (const order of ['simultaneous', 'alternating'] as Order[]) {
      for (const [lr, g] of [
        [0.1, 0],
        [0.5, 1],
        [1.5, 0.25],
      ] as [number, number][]) {
        const M = linearStep(order, rational(BigInt(lr * 100), 100n), rational(1n, 2n), rational(BigInt(g * 100), 100n)).map((r) => r.map(toNum));
        const h = 1e-7;
        for (const [j, e] of [
          [0, [h, 0]],
          [1, [0, h]],
        ] as [number, [number, number]][]) {
          const [a, b] = diracStep({ order, lr, gammaR1: g }, e[0], e[1]);
          // the step is linear, so (step(h e_j))/h is column j up to rounding; some entries are 0, so
          // the bound is absolute, on entries of order 1
          expect(Math.abs(a / h - (M[0]?.[j] as number))).toBeLessThan(1e-6);
          expect(Math.abs(b / h - (M[1]?.[j] as number))).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('spectralClass agrees with the eigenvalues from the quadratic formula', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 4, maxLength: 4 }), (xs) => {
        const [a, b, c, d] = xs.map((x) => rational(BigInt(x), 8n));
        const cls = spectralClass([
          [a!, b!],
          [c!, d!],
        ]).cls;
        const [A, B, C, Dd] = xs.map((x) => x / 8) as [number, number, number, number];
        const t = A + Dd;
        const det = A * Dd - B * C;
        const disc = t * t - 4 * det;
        const radius = disc < 0 ? Math.sqrt(det) : Math.max(Math.abs((t + Math.sqrt(disc)) / 2), Math.abs((t - Math.sqrt(disc)) / 2));
        if (Math.abs(radius - 1) < 1e-9) return; // on the boundary: exact arithmetic decides, floats cannot
        if (radius < 1) expect(cls).toBe('inside');
        else expect(cls).not.toBe('inside');
      }),
    );
  });

  it('with R1 the orbit settles; without it, it does not', () => {
    expect(diracOrbit({ order: 'alternating', lr: 0.1, gammaR1: 1 }, 1, 1, 2000).end).toBeLessThan(1e-6);
    const o = diracOrbit({ order: 'alternating', lr: 0.1, gammaR1: 0 }, 1, 1, 2000);
    expect(o.minLateDistance).toBeGreaterThan(1);
    expect(o.generatorCrossings).toBeGreaterThan(10);
  });
});

describe('two-mode game', () => {
  it('its gradient steps are the finite-difference gradients of V (for D) and of the non-saturating loss (for G)', () => {
    // one step from a chosen point, by hand: D ascends V, G descends −[g log D(a) + (1 − g) log D(b)]
    const s = (t: number) => 1 / (1 + Math.exp(-t));
    const g0 = 0.7;
    const V = (ua: number, ub: number) => 0.5 * Math.log(s(ua)) + 0.5 * Math.log(s(ub)) + g0 * Math.log(1 - s(ua)) + (1 - g0) * Math.log(1 - s(ub));
    const h = 1e-6;
    const dua = (V(h, 0) - V(-h, 0)) / (2 * h);
    const dub = (V(0, h) - V(0, -h)) / (2 * h);
    const lr = 0.01;
    const ua = lr * dua;
    const ub = lr * dub;
    const L = (th: number) => -(s(th) * Math.log(s(ua)) + (1 - s(th)) * Math.log(s(ub)));
    const th0 = Math.log(g0 / (1 - g0));
    const th1 = th0 - (lr * (L(th0 + h) - L(th0 - h))) / (2 * h);
    const r = twoModeRun({ lrD: lr, lrG: lr, steps: 1, start: g0 });
    // the central difference's error is O(h²) = 1e-12 of a share near ½: relative 1e-9 is its bound with room
    expectClose(r.finalShare, s(th1), { rtol: 1e-9 });
  });

  it('a frozen critic never makes G hop', () => {
    expect(twoModeRun({ lrD: 0, lrG: 0.1, steps: 3000, start: 0.95 }).hops).toBe(0);
  });
});

describe('larger number wins', () => {
  it('every mixed strategy leaves the opponent a winning reply; truncations have value 0', () => {
    const r = guaranteeGap(largerWins, Rng.fromSeed(3), 20, 6);
    expect(formatRational(r.colCeiling)).toBe('1');
    expect(formatRational(r.rowFloor)).toBe('-1');
    expect(r.truncations.map((t) => formatRational(t.value))).toEqual(['0', '0', '0']);
  });
});

describe('non-convexity in the parameters', () => {
  it('C at the known chord matches the hand computation: −log 4 at both ends, ⅓ log 2 + log 1.5 − log 4 at the midpoint', () => {
    const [a, b] = TOY_NETWORK.known;
    for (const t of [a, b]) expectClose(objective(TOY_NETWORK, t).value.toNumber(), -Math.log(4), { rtol: 1e-13 });
    const mid = a.map((x, i) => rational(x.num * (b[i] as typeof x).den + (b[i] as typeof x).num * x.den, 2n * x.den * (b[i] as typeof x).den));
    // JSD(U{2,3,4}, δ₃): M = (1/6, 2/3, 1/6); KL(P‖M) = ⅓ log 2, KL(δ₃‖M) = log(3/2)
    expectClose(objective(TOY_NETWORK, mid).value.toNumber(), Math.log(2) / 3 + Math.log(1.5) - Math.log(4), { rtol: 1e-13 });
  });

  it('masses as parameters give no violation (JSD is convex)', () => {
    expect(chordTest(MASS_WEIGHTS, Rng.fromSeed(5), 30).violations).toBe(0);
  });
});

describe('losses against the mean score', () => {
  it('the hand counterexample: {1/16, 6/16} has the larger mean score but the larger non-saturating loss than 3/16', () => {
    const lossA = -(Math.log(1 / 16) + Math.log(6 / 16)) / 2;
    expect(lossA).toBeGreaterThan(-Math.log(3 / 16));
    expect((1 / 16 + 6 / 16) / 2).toBeGreaterThan(3 / 16);
    expect(meanDEquivalence(nonSaturating).disagreements).toBeGreaterThan(0);
    expect(meanDEquivalence(saturating).disagreements).toBeGreaterThan(0);
  });

  it('an affine loss ranks exactly as the mean score does (Jensen with equality)', () => {
    const r = meanDEquivalence((d) => new D(2).minus(d.times(3)));
    expect(r.pointwise).toBe(true);
    expect(r.disagreements).toBe(0);
  });
});

describe('the Kantorovich–Rubinstein dual with and without the Lipschitz bound', () => {
  it('1-Lipschitz: never above W1; unconstrained: the scaled witness reaches 10⁶·W1', () => {
    const a = dualBound(ONE_LIPSCHITZ, Rng.fromSeed(7), 20);
    expect(formatRational(a.largestRatio)).toBe('1');
    expect(a.attained).toBe(true);
    expect(formatRational(dualBound(UNCONSTRAINED, Rng.fromSeed(7), 20).largestRatio)).toBe('1000000');
  });
});

describe('payoff terms', () => {
  it('each term rises toward its wished value and not toward the other', () => {
    const n = 10;
    expect(termRewards(realTerm, 1, Rng.fromSeed(9), n).raised).toBe(3 * n);
    expect(termRewards(realTerm, 0, Rng.fromSeed(9), n).raised).toBe(0);
    expect(termRewards(fakeTerm, 0, Rng.fromSeed(9), n).raised).toBe(3 * n);
    expect(termRewards(fakeTerm, 1, Rng.fromSeed(9), n).raised).toBe(0);
  });
});

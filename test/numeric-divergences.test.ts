import { describe, expect, it } from 'vitest';
import { dstar, entropy, jsd, jsDistance, kl, NumericError, Rng, value, w1 } from '../src/numeric/index.js';
import * as th from '../src/theory/index.js';
import { expectClose } from './helpers.js';

describe('float64 divergences: special cases', () => {
  it('disjoint supports: JSD = ln 2 exactly, 1 bit, KL = +∞, C(G) = 0', () => {
    expect(jsd([0.5, 0.5, 0, 0], [0, 0, 0.25, 0.75])).toBe(Math.LN2);
    expect(jsd([1, 0], [0, 1], { base: 2 })).toBe(1);
    expect(kl([0.5, 0.5, 0], [0, 0.5, 0.5])).toBe(Infinity);
    expect(value([1, 0], [0, 1], [1, 0])).toBe(0);
    expect(value([1, 0], [0, 1], [0, 0.5])).toBe(-Infinity);
  });
  it('equal vectors: JSD = KL = 0 and D* = 1/2; zero masses give null D*', () => {
    expect(jsd([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(kl([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(dstar([0.2, 0.8, 0], [0.2, 0.8, 0])).toEqual([0.5, 0.5, null]);
    expect(jsDistance([0.5, 0.5], [1, 0])).toBe(Math.sqrt(jsd([0.5, 0.5], [1, 0])));
  });
  it.each([10, 30, 45, 52])('near-equal by 2^-%i: KL and JSD within 4 ulps of the exact values', (k) => {
    const e = 2 ** -k;
    const p = [0.5 + e, 0.5 - e];
    const q = [0.5, 0.5];
    const P = [`${2n ** BigInt(k - 1) + 1n}/${2n ** BigInt(k)}`, `${2n ** BigInt(k - 1) - 1n}/${2n ** BigInt(k)}`];
    expectClose(kl(p, q), Number(th.kl(P, ['1/2', '1/2'], { digits: 20 }).value), { ulps: 4 });
    expectClose(jsd(p, q), Number(th.jsd(P, ['1/2', '1/2'], { digits: 20 }).value), { ulps: 4 });
    expectClose(kl(q, p), Number(th.kl(['1/2', '1/2'], P, { digits: 20 }).value), { ulps: 4 });
  });
  it('10⁴ masses: JSD and KL agree with the exact module to 1e-14 relative', () => {
    const rng = Rng.fromSeed(4);
    const n = 10_000;
    const K = 2 ** 24;
    const counts = () => {
      const c = Array.from({ length: n - 1 }, () => Math.floor(rng.uniform() * ((2 * K) / n)));
      c.push(K - c.reduce((a, b) => a + b, 0));
      return c;
    };
    const cp = counts();
    const cq = counts().map((v) => v);
    expect(cq.every((v) => v >= 0) && cp.every((v) => v >= 0)).toBe(true);
    const p = cp.map((c) => c / K);
    const q = cq.map((c) => c / K);
    const P = cp.map((c) => `${c}/${K}`);
    const Q = cq.map((c) => `${c}/${K}`);
    expectClose(jsd(p, q), Number(th.jsd(P, Q, { digits: 20 }).value), { rtol: 1e-14 });
    expectClose(entropy(p), Number(th.entropy(P, { digits: 20 }).value), { rtol: 1e-14 });
  });
});

describe('float64 divergences: bad input names the function, the argument and the value', () => {
  const cases: [() => unknown, string][] = [
    [() => jsd([0.5, 0.5], [1]), 'jsd: q must have as many entries as p (2); got 1'],
    [() => jsd([], []), 'jsd: p must not be empty; got []'],
    [() => jsd([0.5, Number.NaN], [0.5, 0.5]), 'jsd: p[1] must be a finite number; got NaN'],
    [() => kl([0.5, 0.5], [1.5, -0.5]), 'kl: q[1] must be nonnegative; got -0.5'],
    [() => kl([0.5, 0.5], [0.5, Infinity]), 'kl: q[1] must be a finite number; got Infinity'],
    [() => jsd([0.5, 0.4], [0.5, 0.5]), 'jsd: p must sum to 1 within 1e-9 (or pass normalize); got a sum of 0.9'],
    [() => jsd([0, 0], [0.5, 0.5]), 'jsd: p must have positive total mass; got all zeros (2 entries)'],
    [() => entropy([0.5, 0.6]), 'entropy: p must sum to 1 within 1e-9 (or pass normalize); got a sum of 1.1'],
    [() => value([0.5, 0.5], [0.5, 0.5], [0.5, 1.5]), 'value: d[1] must lie in [0, 1]; got 1.5'],
    [() => jsd([1], [1], { base: 10 as never }), "jsd: base must be 'e' or 2; got 10"],
    [() => w1([], [1]), 'w1: x must hold at least 1 value; got 0'],
    [() => w1([0, Number.NaN], [1]), 'w1: x[1] must be a finite number; got NaN'],
    [
      () => w1([0, 1], [1], { xWeights: [0.5, 0.6] }),
      'w1: xWeights must sum to 1 within 1e-9 (or pass normalize: true, as scipy normalises); got a sum of 1.1',
    ],
    [() => w1([0, 1], [1], { xWeights: [1.5, -0.5] }), 'w1: xWeights[1] must be nonnegative; got -0.5'],
    [() => w1([0, 1], [1], { xWeights: [0, 0], normalize: true }), 'w1: xWeights must have a positive finite sum to normalise; got a sum of 0'],
    [() => w1([0, 1], [1], { normalize: 'yes' as never }), 'w1: options.normalize must be a boolean; got "yes"'],
  ];
  it.each(cases)('%#: %s', (f, message) => {
    expect(f).toThrow(NumericError);
    expect(f).toThrow(message);
  });
  it("scipy's own examples run as written with normalize (scipy.stats.wasserstein_distance docs; values from Debian's scipy 1.x)", () => {
    expectClose(w1([0, 1], [0, 1], { xWeights: [3, 1], yWeights: [2, 2], normalize: true }), 0.25, { ulps: 2 });
    expectClose(w1([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], { xWeights: [1.4, 0.9, 3.1, 7.2], yWeights: [3.2, 3.5], normalize: true }), 4.078133143804786, {
      ulps: 8,
    });
    expectClose(w1([0, 1, 3], [5, 6, 8]), 5, { ulps: 2 });
  });

  it('normalize rescales counts', () => {
    expect(jsd([1, 1], [2, 0], { normalize: true })).toBe(jsd([0.5, 0.5], [1, 0]));
    expect(kl([1, 3], [2, 2], { normalize: true })).toBe(kl([0.25, 0.75], [0.5, 0.5]));
  });
});

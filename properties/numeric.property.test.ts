import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import * as num from '../src/numeric/index.js';
import * as th from '../src/theory/index.js';
import { Dec, expectClose, ulpDistance } from '../test/helpers.js';
import { sigmoid, softplus, softplusWithSlope } from '../src/numeric/logistic.js';

/**
 * The float64 paths of src/numeric against the exact theory module. Masses are dyadic (c/2²⁰ with
 * integer counts summing to 2²⁰), so the float vectors and the exact rationals are the same numbers
 * and any difference is the float code's own error. Bounds, in ulps of the correctly rounded value:
 */
const ULPS = { jsd: 8, kl: 8, entropy: 4, value: 4 };
const K = 2 ** 20;

interface Case {
  p: number[];
  q: number[];
  P: string[];
  Q: string[];
}
const toCase = (cp: number[], cq: number[]): Case => ({
  p: cp.map((c) => c / K),
  q: cq.map((c) => c / K),
  P: cp.map((c) => `${c}/${K}`),
  Q: cq.map((c) => `${c}/${K}`),
});

/** n counts summing to exactly 2²⁰ (zeros included). */
const dyadicCounts = (n: number) =>
  fc
    .array(fc.nat({ max: Math.floor(K / n) }), { minLength: n - 1, maxLength: n - 1 })
    .chain((c) => fc.shuffledSubarray([...c, K - c.reduce((a, b) => a + b, 0)], { minLength: n, maxLength: n }));

/** Random pairs, plus near-equal ones (one count moved by 1: JSD ~ 1e-12). */
const caseArb: fc.Arbitrary<Case> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(dyadicCounts(n), dyadicCounts(n), fc.boolean(), fc.nat(), fc.nat()))
  .map(([cp, cq, nearEqual, i, j]) => {
    if (!nearEqual) return toCase(cp, cq);
    const q = [...cp];
    const a = i % q.length;
    const b = j % q.length;
    if (a !== b && (q[a] as number) > 0) {
      q[a] = (q[a] as number) - 1;
      q[b] = (q[b] as number) + 1;
    }
    return toCase(cp, q);
  });

const h = 2 ** -40;
const HARD: Case[] = [
  // near-equal by 2⁻⁴⁰ and by 2⁻⁵²: the textbook JSD and KL lose every digit here
  { p: [0.5 + h, 0.5 - h], q: [0.5, 0.5], P: [`${2 ** 39 + 1}/${2 ** 40}`, `${2 ** 39 - 1}/${2 ** 40}`], Q: ['1/2', '1/2'] },
  { p: [0.5 + 2 ** -52, 0.5 - 2 ** -52], q: [0.5, 0.5], P: [`${2 ** 51 + 1}/${2 ** 52}`, `${2 ** 51 - 1}/${2 ** 52}`], Q: ['1/2', '1/2'] },
  // disjoint supports
  { p: [0.5, 0.5, 0, 0], q: [0, 0, 0.25, 0.75], P: ['1/2', '1/2', '0', '0'], Q: ['0', '0', '1/4', '3/4'] },
  // equal
  { p: [0.25, 0.75], q: [0.25, 0.75], P: ['1/4', '3/4'], Q: ['1/4', '3/4'] },
];
// Tiny and subnormal masses cannot sit in a vector that sums to exactly 1 in binary64; they are
// checked below against the exact value of the float vector as given.
const EXACT_HARD = HARD;

function exactValue(s: string): number {
  return s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s);
}

function checkAll({ p, q, P, Q }: Case): void {
  const d = p.map((_, i) => (i + 1) / (p.length + 1));
  const D = p.map((_, i) => `${i + 1}/${p.length + 1}`);
  const pairs: [keyof typeof ULPS, number, string][] = [
    ['jsd', num.jsd(p, q), th.jsd(P, Q, { digits: 25 }).value],
    ['jsd', num.jsd(p, q, { base: 2 }), th.jsd(P, Q, { digits: 25, base: 2 }).value],
    ['kl', num.kl(p, q), th.kl(P, Q, { digits: 25 }).value],
    ['kl', num.kl(q, p), th.kl(Q, P, { digits: 25 }).value],
    ['entropy', num.entropy(p), th.entropy(P, { digits: 25 }).value],
    ['value', num.value(p, q, d), th.value(P, Q, D, { digits: 25 }).value],
  ];
  for (const [name, got, exact] of pairs) {
    expect(Number.isNaN(got), `${name} is NaN`).toBe(false);
    const e = exactValue(exact);
    expect(ulpDistance(got, e), `${name}: ${got} vs exact ${exact}`).toBeLessThanOrEqual(ULPS[name]);
  }
}

describe('float64 divergences against the exact theory module', () => {
  test.prop([caseArb], { examples: EXACT_HARD.map((c) => [c]) })(
    `JSD within ${ULPS.jsd} ulps, KL ${ULPS.kl}, entropy ${ULPS.entropy}, V ${ULPS.value}; never NaN`,
    checkAll,
  );

  test.prop([caseArb], { examples: EXACT_HARD.map((c) => [c]) })('never negative; JSD ≤ ln 2; √JSD is named jsDistance', ({ p, q }) => {
    const j = num.jsd(p, q);
    expect(j >= 0 && j <= Math.LN2).toBe(true);
    expect(num.kl(p, q) >= 0).toBe(true);
    expect(num.jsDistance(p, q)).toBe(Math.sqrt(j));
    expect(num.jsd(p, q, { base: 2 }) <= 1).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 20 })])('subnormal and tiny masses: finite, nonnegative, close to exact', (e1, k) => {
    // p = (t, 1/2, 1/2 − t) is not exact in binary64 for tiny t; compare with the exact value of
    // the float vector as given (theory normalises it exactly).
    const t = 2 ** -(1074 - e1) * k;
    const p = [t, 0.5, 0.5];
    const q = [k * 2 ** -1074, 0.25, 0.75];
    const P = p.map((v) => floatToFraction(v));
    const Q = q.map((v) => floatToFraction(v));
    const j = num.jsd(p, q);
    const kk = num.kl(p, q);
    expect(Number.isFinite(j) && j >= 0 && Number.isFinite(kk) && kk >= 0).toBe(true);
    expectClose(j, Number(th.jsd(P, Q, { normalize: true, digits: 20 }).value), { rtol: 1e-14 });
    expectClose(kk, Number(th.kl(P, Q, { normalize: true, digits: 20 }).value), { rtol: 1e-14 });
    expectClose(num.entropy(p), Number(th.entropy(P, { normalize: true, digits: 20 }).value), { rtol: 1e-14 });
  });
});

const floatToFraction = th.exactFloat;

describe('float64 W1 and D* against theory', () => {
  const support = (n: number) => fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b));
  test.prop([fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(dyadicCounts(n), dyadicCounts(n), support(n)))])(
    'weighted W1 on support points equals the exact W1 within 4 ulps; D* exact to rounding',
    ([cp, cq, xs]) => {
      const c = toCase(cp, cq);
      const got = num.w1(xs, xs, { xWeights: c.p, yWeights: c.q });
      const exact = th.w1(c.P, c.Q, xs.map(String)).exact.distance;
      const e = Number(new Dec(exact.num.toString()).div(exact.den.toString()));
      expect(ulpDistance(got, e), `${got} vs ${e}`).toBeLessThanOrEqual(4);
      const ds = num.dstar(c.p, c.q);
      th.dstarExact(c.P, c.Q).forEach((r, i) => {
        if (r === null) expect(ds[i]).toBeNull();
        else expect(ulpDistance(ds[i] as number, Number(new Dec(r.num.toString()).div(r.den.toString())))).toBeLessThanOrEqual(1);
      });
    },
  );

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })])(
    'two samples: W1(x, x + c) = |c| and W1(x, x) = 0',
    (xs, c) => {
      expect(num.w1(xs, xs)).toBe(0);
      const shifted = xs.map((v) => v + c);
      // (x + c) − x is not exactly c in binary64: allow the rounding of the shift itself
      const tol = 4 * Number.EPSILON * Math.max(1, ...xs.map(Math.abs));
      expect(Math.abs(num.w1(xs, shifted) - Math.abs(c))).toBeLessThanOrEqual(tol + 4 * Number.EPSILON * Math.abs(c));
    },
  );
});

describe('the logistic function', () => {
  // the one-exponential form the trainer's losses use gives the separate definitions' values, bit for bit
  test.prop([fc.double({ noNaN: true, min: -800, max: 800 })])('softplusWithSlope(l) = (softplus(l), sigmoid(l))', (l) => {
    const out = { loss: NaN, slope: NaN };
    softplusWithSlope(l, out);
    expect(Object.is(out.loss, softplus(l))).toBe(true);
    expect(Object.is(out.slope, sigmoid(l))).toBe(true);
  });
});

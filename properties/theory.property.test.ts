import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { dstarExact, entropy, jsd, kl, klReverse, toRational, value, valueAtOptimum, w1, weightedJsd, formatRational } from '../src/theory/index.js';
import type { Enclosure } from '../src/theory/index.js';
import { Dec } from '../test/helpers.js';
import { HARD_PAIRS, pairArb, tableArb, type Pair } from './arbitraries.js';

// Independent constants: decimal.js at 200 digits, not the library's own logarithm.
const LN2 = new Dec(Dec.clone({ precision: 200 }).ln(2));
const LN4 = LN2.times(2);
const DIGITS = 30;
const ulpRel = new Dec(10).pow(1 - DIGITS);

const asExamples = (pairs: Pair[]): [Pair][] => pairs.map((p) => [p]);
const hard = { examples: asExamples(HARD_PAIRS) };

function exactEqual(a: string, b: string): boolean {
  const x = toRational(a, 'test', 'a');
  const y = toRational(b, 'test', 'b');
  return x.num === y.num && x.den === y.den;
}
const isZero = (m: string) => toRational(m, 'test', 'm').num === 0n;
const samePair = ({ p, q }: Pair) => p.every((pi, i) => exactEqual(pi, q[i] as string));
const disjoint = ({ p, q }: Pair) => p.every((pi, i) => isZero(pi) || isZero(q[i] as string));
const lo = (e: Enclosure) => new Dec(e.lower);
const hi = (e: Enclosure) => new Dec(e.upper);

describe('C(G) = V(D*, G) = 2·JSD − log 4 (Goodfellow et al. 2014, Theorem 1)', () => {
  test.prop([pairArb], hard)('the two independent evaluations agree to the requested digits', ({ p, q }) => {
    const c = valueAtOptimum(p, q, { digits: DIGITS });
    const j = jsd(p, q, { digits: DIGITS });
    // Interval arithmetic on certified bounds must overlap…
    const identityLo = lo(j).times(2).minus(LN4);
    const identityHi = hi(j).times(2).minus(LN4);
    expect(identityLo.lte(hi(c)) && identityHi.gte(lo(c))).toBe(true);
    // …and the rounded values agree to DIGITS digits of log 4, the scale of both sides.
    const diff = new Dec(c.value).minus(new Dec(j.value).times(2).minus(LN4)).abs();
    expect(diff.lte(ulpRel.times(2))).toBe(true);
  });

  test.prop([pairArb], hard)('C(G) ≥ −log 4, with equality iff P = Q; D* = 1/2 wherever p = q > 0', (pair) => {
    const c = valueAtOptimum(pair.p, pair.q, { digits: DIGITS });
    expect(hi(c).gte(LN4.neg())).toBe(true);
    const j = jsd(pair.p, pair.q, { digits: DIGITS });
    if (samePair(pair)) {
      expect(lo(c).lte(LN4.neg())).toBe(true);
      expect(j.value).toBe('0');
    } else {
      // C + log 4 = 2·JSD, and JSD is certified with relative accuracy: strictly positive.
      expect(lo(j).gt(0)).toBe(true);
    }
    dstarExact(pair.p, pair.q).forEach((d, i) => {
      if (exactEqual(pair.p[i] as string, pair.q[i] as string) && !isZero(pair.p[i] as string)) {
        expect(d === null ? null : formatRational(d)).toBe('1/2');
      }
      if (isZero(pair.p[i] as string) && isZero(pair.q[i] as string)) expect(d).toBeNull();
    });
  });
});

describe('the discriminator game', () => {
  test.prop([pairArb.chain((pair) => fc.tuple(fc.constant(pair), tableArb(pair.p.length)))], {
    examples: HARD_PAIRS.map((pair) => [[pair, pair.p.map(() => '1/2')]] as [[Pair, string[]]]),
  })('V(D, G) ≤ V(D*, G) for every D', ([{ p, q }, d]) => {
    const v = value(p, q, d, { digits: DIGITS });
    const c = valueAtOptimum(p, q, { digits: DIGITS });
    if (v.value === '-inf') return;
    expect(lo(v).lte(hi(c))).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 998 }), fc.integer({ min: 1, max: 998 })])(
    'f(d) = p·log d + q·log(1 − d) is strictly concave on (0, 1)',
    (pk, qk, a, b) => {
      fc.pre(a !== b);
      // P = (p, 1 − p), Q = (q, 1 − q); D's second entry is fixed so only f(d) varies.
      const p = [`${pk}/1000`, `${1000 - pk}/1000`];
      const q = [`${qk}/1000`, `${1000 - qk}/1000`];
      const f = (d: string) => value(p, q, [d, '1/2'], { digits: DIGITS });
      const fa = f(`${a}/1000`);
      const fb = f(`${b}/1000`);
      const fm = f(`${a + b}/2000`);
      // f(mid) > (f(a) + f(b))/2, decided on certified bounds.
      expect(lo(fm).gt(hi(fa).plus(hi(fb)).div(2))).toBe(true);
    },
  );
});

describe('divergences', () => {
  test.prop([pairArb], hard)('JSD is symmetric, 0 ≤ JSD ≤ log 2, and = log 2 iff the supports are disjoint', (pair) => {
    const a = jsd(pair.p, pair.q, { digits: DIGITS });
    const b = jsd(pair.q, pair.p, { digits: DIGITS });
    expect(a.value).toBe(b.value);
    expect(lo(a).gte(0)).toBe(true);
    expect(lo(a).lte(LN2)).toBe(true);
    // JSD < log 2 ⇔ C(G) = 2·(JSD − log 2) < 0; C(G) is certified with relative accuracy even where
    // JSD is within 1e-300 of log 2, so the strict inequality is decided on it.
    const c = valueAtOptimum(pair.p, pair.q, { digits: DIGITS });
    if (disjoint(pair)) {
      expect(lo(a).lte(LN2) && hi(a).gte(LN2)).toBe(true);
      expect(c.value).toBe('0');
    } else {
      expect(hi(c).lt(0)).toBe(true);
    }
    const bits = jsd(pair.p, pair.q, { digits: DIGITS, base: 2 });
    expect(lo(bits).lte(1) && hi(bits).lte(new Dec(1).plus(ulpRel))).toBe(true);
  });

  test.prop([pairArb], hard)('KL ≥ 0 with 0 iff P = Q; infinite under mode dropping while JSD stays finite', (pair) => {
    const forward = kl(pair.p, pair.q, { digits: DIGITS });
    const dropped = pair.p.some((pi, i) => !isZero(pi) && isZero(pair.q[i] as string));
    if (dropped) {
      expect(forward.value).toBe('inf');
      expect(hi(jsd(pair.p, pair.q, { digits: DIGITS })).lte(LN2.plus(ulpRel))).toBe(true);
      return;
    }
    expect(lo(forward).gte(0)).toBe(true);
    if (samePair(pair)) expect(forward.value).toBe('0');
    else expect(lo(forward).gt(0)).toBe(true);
  });

  test.prop([pairArb], hard)('KL(Q‖P) is KL with the arguments exchanged', (pair) => {
    expect(klReverse(pair.p, pair.q, { digits: DIGITS })).toEqual(kl(pair.q, pair.p, { digits: DIGITS }));
  });

  test.prop([pairArb], hard)('weighted JSD with weights (1/2, 1/2) is JSD; = H(mixture) − mean H', (pair) => {
    const w = weightedJsd([pair.p, pair.q], ['1/2', '1/2'], { digits: DIGITS });
    expect(w).toEqual(jsd(pair.p, pair.q, { digits: DIGITS }));
    // H(M) − (H(P) + H(Q))/2 by interval arithmetic on the certified entropies.
    const mix = pair.p.map((pi, i) => {
      const a = toRational(pi, 't', 'p');
      const b = toRational(pair.q[i] as string, 't', 'q');
      return `${a.num * b.den + b.num * a.den}/${2n * a.den * b.den}`;
    });
    const hm = entropy(mix, { digits: DIGITS });
    const hp = entropy(pair.p, { digits: DIGITS });
    const hq = entropy(pair.q, { digits: DIGITS });
    const low = lo(hm).minus(hi(hp).plus(hi(hq)).div(2));
    const high = hi(hm).minus(lo(hp).plus(lo(hq)).div(2));
    expect(low.lte(hi(w)) && high.gte(lo(w))).toBe(true);
  });
});

describe('Wasserstein-1', () => {
  const support = (n: number) =>
    fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b).map(String));
  const triple = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.tuple(
      pairArb.filter((pr) => pr.p.length === n),
      pairArb.filter((pr) => pr.p.length === n),
      support(n),
    ),
  );
  const asDec = (r: string) => {
    const [a, b] = r.split('/');
    return b === undefined ? new Dec(a as string) : new Dec(a as string).div(b);
  };
  const w = (p: string[], q: string[], x: string[]) => w1(p, q, x).exact.distance;

  test.prop([triple])('is a metric: W1(P,P) = 0, symmetric, triangle inequality', ([a, b, x]) => {
    const P = a.p;
    const Q = a.q;
    const R = b.p;
    expect(w1(P, P, x).distance.value).toBe('0');
    expect(w1(P, Q, x).exact.distance).toEqual(w1(Q, P, x).exact.distance);
    // Exact rationals: equality is common (Q between P and R), so no decimal rounding here.
    const pr = w(P, R, x);
    const pq = w(P, Q, x);
    const qr = w(Q, R, x);
    expect(pr.num * pq.den * qr.den <= (pq.num * qr.den + qr.num * pq.den) * pr.den).toBe(true);
    expect(pq.num > 0n).toBe(!samePair({ p: P, q: Q }));
  });

  test.prop([pairArb, fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 7 })])('W1(P, P shifted by c) = |c|', ({ p }, cNum, cDen) => {
    const c = cNum / cDen;
    fc.pre(c !== 0);
    // P on 0, 1, …, n−1; Q = the same masses on x + c. Merge both supports (exactly, in sevenths·k).
    const pts = new Map<string, { x: number; p: string; q: string }>();
    const key = (num: number) => `${num}`;
    p.forEach((m, i) => {
      const at = i * cDen; // in units of 1/cDen
      pts.set(key(at), { x: at, p: m, q: pts.get(key(at))?.q ?? '0' });
      const shifted = i * cDen + cNum;
      const cur = pts.get(key(shifted));
      pts.set(key(shifted), { x: shifted, p: cur?.p ?? '0', q: m });
    });
    const rows = [...pts.values()].sort((u, v) => u.x - v.x);
    const r = w1(
      rows.map((r0) => r0.p),
      rows.map((r0) => r0.q),
      rows.map((r0) => `${r0.x}/${cDen}`),
    );
    expect(asDec(r.distance.exact as string).eq(new Dec(Math.abs(cNum)).div(cDen))).toBe(true);
  });

  test.prop([triple])('primal ∫|F_P − F_Q| equals the dual E_P f − E_Q f, and the witness is 1-Lipschitz', ([a, , x]) => {
    const r = w1(a.p, a.q, x);
    expect(r.exact.dual).toEqual(r.exact.distance);
    for (let i = 1; i < x.length; i++) {
      const df = asDec(formatRational(r.witness[i]!))
        .minus(asDec(formatRational(r.witness[i - 1]!)))
        .abs();
      expect(df.lte(new Dec(x[i] as string).minus(x[i - 1] as string))).toBe(true);
    }
  });
});

describe('certified enclosures', () => {
  const quantities = {
    jsd: (pr: Pair, digits: number) => jsd(pr.p, pr.q, { digits }),
    'jsd-bits': (pr: Pair, digits: number) => jsd(pr.p, pr.q, { digits, base: 2 }),
    kl: (pr: Pair, digits: number) => kl(pr.p, pr.q, { digits }),
    entropy: (pr: Pair, digits: number) => entropy(pr.p, { digits }),
    'value-at-optimum': (pr: Pair, digits: number) => valueAtOptimum(pr.p, pr.q, { digits }),
    value: (pr: Pair, digits: number) =>
      value(
        pr.p,
        pr.q,
        pr.p.map((_, i) => `${i + 1}/${pr.p.length + 1}`),
        { digits },
      ),
  };
  test.prop([pairArb, fc.constantFrom(...(Object.keys(quantities) as (keyof typeof quantities)[])), fc.integer({ min: 1, max: 80 })], {
    examples: HARD_PAIRS.map((pr) => [pr, 'jsd', 40] as [Pair, keyof typeof quantities, number]),
  })('every enclosure contains the value computed at twice the digits', (pair, name, digits) => {
    const once = quantities[name](pair, digits);
    const twice = quantities[name](pair, 2 * digits);
    if (once.value === 'inf' || once.value === '-inf') {
      expect(twice.value).toBe(once.value);
      return;
    }
    const v = new Dec(twice.value);
    expect(lo(once).lte(v) && hi(once).gte(v), `${name} at ${digits}: [${once.lower}, ${once.upper}] vs ${twice.value}`).toBe(true);
  });
});

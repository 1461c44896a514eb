/**
 * gan-verify/testing: correct implementations pass every theorem; each plausible bug is caught by
 * the theorem it breaks, with the theorem, counterexample and seed in the message; bad calls are
 * refused with the argument named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTheorems,
  closeTo,
  distributionPair,
  disjointPair,
  exact,
  ganMatchers,
  HARD_PAIRS,
  mixture,
  modeDroppingPair,
  probabilityVector,
  THEOREMS,
  ulpDistance,
  withinEnclosure,
  type Implementations,
} from '../src/testing/index.js';
import { theoremFailure } from './helpers.js';

/** Plain float64 implementations, as a user would write them. */
const terms = (p: number[], f: (i: number) => number) => p.reduce((s, _, i) => s + f(i), 0);
const klRef = (p: number[], q: number[]) =>
  terms(p, (i) => (p[i] === 0 ? 0 : q[i] === 0 ? Infinity : (p[i] as number) * Math.log((p[i] as number) / (q[i] as number))));
const jsdRef = (p: number[], q: number[]) => {
  const m = p.map((x, i) => (x + (q[i] as number)) / 2);
  return 0.5 * klRef(p, m) + 0.5 * klRef(q, m);
};
const valueRef = (p: number[], q: number[], d: number[]) =>
  terms(p, (i) => (p[i] === 0 ? 0 : (p[i] as number) * Math.log(d[i] as number)) + (q[i] === 0 ? 0 : (q[i] as number) * Math.log(1 - (d[i] as number))));
const GOOD = {
  jsd: jsdRef,
  kl: klRef,
  dstar: (p: number[], q: number[]) => p.map((x, i) => x / (x + (q[i] as number))),
  value: valueRef,
  dLoss: (p: number[], q: number[], d: number[]) => -valueRef(p, q, d),
  gLoss: (d: number[]) => -d.reduce((s, x) => s + Math.log(x), 0) / d.length,
};

const failure = (impl: Implementations) => theoremFailure(impl, 60);

describe('assertTheorems', () => {
  it('correct implementations satisfy every theorem on probability vectors (the other families: testing-kit-batch.test.ts)', async () => {
    const r = await assertTheorems(GOOD, { numRuns: 100, seed: 7 });
    expect(r.theorems).toEqual(THEOREMS.filter((t) => t.needs.every((k) => k in GOOD)).map((t) => t.id));
    expect(r.theorems).toHaveLength(12);
  });

  it('a JSD missing its ½ fails jsd-exact, with the counterexample and the seed to replay', async () => {
    const msg = await failure({ jsd: (p, q) => 2 * jsdRef(p, q) });
    expect(msg).toMatch(/theorem "jsd-exact"/);
    expect(msg).toMatch(/counterexample \(shrunk\): \{"p":\[/);
    expect(msg).toMatch(/replay: assertTheorems\(impl, \{ seed: 0, path: "[\d:]+", only: \["jsd-exact"\] \}\)/);
  });

  it('the replay line reproduces the failure', async () => {
    const bad = { jsd: (p: number[], q: number[]) => 2 * jsdRef(p, q) };
    const msg = await failure(bad);
    const m = /seed: (\d+), path: "([\d:]+)"/.exec(msg);
    await expect(assertTheorems(bad, { numRuns: 60, seed: Number(m?.[1]), path: m?.[2] as string, only: ['jsd-exact'] })).rejects.toThrow(/jsd-exact/);
  });

  it('a KL with p and q swapped fails kl-exact', async () => {
    expect(await failure({ kl: (p, q) => klRef(q, p) })).toMatch(/theorem "kl-exact"/);
  });

  it('a D loss with the wrong sign fails dloss-is-minus-v', async () => {
    expect(await failure({ dLoss: (p, q, d) => valueRef(p, q, d) })).toMatch(/theorem "dloss-is-minus-v"/);
  });

  it('the saturating loss passed as gLoss fails (its value first, then its gradient)', async () => {
    const sat = (d: number[]) => d.reduce((s, x) => s + Math.log(1 - x), 0) / d.length;
    expect(await failure({ gLoss: sat })).toMatch(/theorem "gloss-non-saturating"/);
    await expect(assertTheorems({ gLoss: sat }, { only: ['gloss-gradient-survives'] })).rejects.toThrow(/gradient vanishes/);
  });

  it('D* written q/(p + q) fails dstar-formula; a JSD without the log 2 bound fails', async () => {
    expect(await failure({ dstar: (p, q) => p.map((x, i) => (q[i] as number) / (x + (q[i] as number))) })).toMatch(/theorem "dstar-formula"/);
    expect(await failure({ jsd: (p, q) => jsdRef(p, q) / Math.log(2) })).toMatch(/theorem "jsd-exact"/);
  });

  it('a D* returning NaN or null where p = q = 0 is accepted', async () => {
    await expect(assertTheorems({ dstar: (p, q) => p.map((x, i) => (x + (q[i] as number) === 0 ? null : x / (x + (q[i] as number)))) })).resolves.toBeDefined();
  });

  it('refuses bad calls, naming the argument', async () => {
    await expect(assertTheorems({})).rejects.toThrow(/no implementation/);
    await expect(assertTheorems({ jsdd: jsdRef } as never)).rejects.toThrow(/impl\.jsdd is not a known/);
    await expect(assertTheorems({ jsd: 3 } as never)).rejects.toThrow(/impl\.jsd must be a function/);
    await expect(assertTheorems(GOOD, { numRuns: 0 })).rejects.toThrow(/numRuns/);
    await expect(assertTheorems(GOOD, { seed: 1.5 })).rejects.toThrow(/seed/);
    await expect(assertTheorems(GOOD, { only: ['nope'] })).rejects.toThrow(/unknown theorem "nope"/);
  });
});

describe('arbitraries', () => {
  it('probability vectors sum to 1 within rounding and are non-negative', () => {
    fc.assert(fc.property(probabilityVector({ maxLength: 20 }), (p) => Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12 && p.every((x) => x >= 0)));
  });

  it('disjoint pairs are disjoint, mode-dropping pairs drop a mode, pairs reach the hard cases', () => {
    fc.assert(fc.property(disjointPair(), ({ p, q }) => p.every((x, i) => x === 0 || q[i] === 0)));
    fc.assert(fc.property(modeDroppingPair(), ({ p, q }) => p.some((x, i) => x > 0 && q[i] === 0)));
    const seen = fc.sample(distributionPair(), { numRuns: 400, seed: 1 });
    expect(seen.some((s) => HARD_PAIRS.some((h) => JSON.stringify(h) === JSON.stringify(s)))).toBe(true);
  });

  it('mixtures have weights summing to 1 and positive σ', () => {
    fc.assert(fc.property(mixture(), (m) => Math.abs(m.weights.reduce((a, b) => a + b, 0) - 1) < 1e-12 && m.components.every((c) => c.sigma > 0)));
  });

  it('size options are validated', () => {
    expect(() => probabilityVector({ minLength: 0 })).toThrow(/minLength/);
    expect(() => distributionPair({ minLength: 3, maxLength: 2 })).toThrow(/maxLength/);
  });
});

describe('matchers', () => {
  it('ulps, tolerances, NaN and infinities', () => {
    expect(ulpDistance(1, 1 + Number.EPSILON)).toBe(1);
    expect(closeTo(1 + Number.EPSILON, 1, { ulps: 1 }).pass).toBe(true);
    expect(closeTo(1.1, 1, { rtol: 0.05 }).pass).toBe(false);
    expect(closeTo(Number.NaN, Number.NaN, { rtol: 1 }).pass).toBe(false);
    expect(closeTo(Infinity, Infinity).pass).toBe(true);
    expect(closeTo(Infinity, 1e308, { rtol: 1 }).pass).toBe(false);
    expect(() => closeTo(1, 1, { rtol: -1 })).toThrow(/rtol/);
  });

  it('inside the certified enclosure: log 2 for disjoint supports (by hand), ∞ for a dropped mode', () => {
    expect(withinEnclosure(Math.log(2), exact.jsd([1, 0], [0, 1]), { ulps: 1 }).pass).toBe(true);
    expect(withinEnclosure(0.69, exact.jsd([1, 0], [0, 1])).pass).toBe(false);
    expect(withinEnclosure(Infinity, exact.kl([0.5, 0.5], [1, 0])).pass).toBe(true);
    expect(ganMatchers.toBeCloseToExact(Math.log(2), exact.jsd([1, 0], [0, 1]), { rtol: 1e-15 }).pass).toBe(true);
  });

  it('work with expect.extend', () => {
    expect.extend(ganMatchers);
    (expect(Math.log(2)) as unknown as { toBeCloseToExact: (e: unknown, t: unknown) => void }).toBeCloseToExact(exact.jsd([1, 0], [0, 1]), { rtol: 1e-15 });
  });
});

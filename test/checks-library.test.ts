import { describe, expect, it } from 'vitest';
import {
  all,
  corrected,
  claim,
  derivative,
  divergence,
  game,
  identity,
  inequality,
  lipschitz,
  optimum,
  pairFact,
  parseFormula,
  populationShare,
  shift,
  spectralRadius,
} from '../src/claims/library/index.js';
import { type AnyClaim, makeContext, runClaim } from '../src/claims/index.js';
import { expectClose } from './helpers.js';

const run = async (c: AnyClaim, variant: false | 'mutant' = false) => runClaim(c, makeContext(c.id, { quick: true, seed: 7, cache: new Map() }), variant);
const both = async (c: AnyClaim) => [(await run(c)).verdict, (await run(c, 'mutant')).verdict];
const q = (id: string, check: object) => claim({ id, quote: 'q', statement: 's', ...(check as ReturnType<typeof identity>) });

describe('gan-verify/checks: each check decides, and its mutant reaches another verdict', () => {
  it('identity: exact on rationals where it can (p/(p+q) + q/(p+q) = 1; a sign slip is refuted)', async () => {
    const c = q('dstar-sum', identity({ lhs: '\\frac{p}{p+q} + \\frac{q}{p+q}', rhs: '1', vars: { p: 'positive', q: 'positive' } }));
    expect(await both(c)).toEqual(['holds', 'refuted']);
    expect((await run(c)).evidence).toMatch(/all in exact rational arithmetic/);
  });
  it('identity: a mismatched index (the typo a transcription would correct) is refuted', async () => {
    // Σ g_i − Σ l_j written with l_i: (a + b) − (c + a) ≠ (a + b) − (c + d) unless a = d
    const c = q('zero-sum', identity({ lhs: '(a + b) - (c + a)', rhs: '(a + b) - (c + d)', vars: { a: 'real', b: 'real', c: 'real', d: 'real' } }));
    expect((await run(c)).verdict).toBe('refuted');
  });
  it('inequality: ln x ≤ x − 1 holds (mathematics), the reversed relation is refuted', async () => {
    expect(await both(q('log-bound', inequality({ lhs: '\\ln x', rhs: 'x - 1', relation: '<=', vars: { x: 'positive' } })))).toEqual(['holds', 'refuted']);
  });
  it('derivative: d/dD [p ln D + q ln(1 − D)] = p/D − q/(1 − D); the negated derivative is refuted', async () => {
    const c = q(
      'dv',
      derivative({ f: 'p\\ln D + q\\ln(1-D)', claimed: '\\frac{p}{D} - \\frac{q}{1-D}', wrt: 'D', vars: { p: 'positive', q: 'positive', D: 'probability' } }),
    );
    expect(await both(c)).toEqual(['holds', 'refuted']);
  });
  it('optimum: p/(p+q) maximises p ln D + q ln(1 − D) (Goodfellow et al. 2014, Prop. 1); as a minimiser it is refuted', async () => {
    const c = q(
      'dstar',
      optimum({ f: 'p\\ln D + q\\ln(1-D)', claimed: '\\frac{p}{p+q}', kind: 'max', over: ['D', 0, 1], vars: { p: 'positive', q: 'positive' } }),
    );
    expect(await both(c)).toEqual(['holds', 'refuted']);
    // a wrong maximiser, p/(p+2q), is refuted
    const w = q(
      'dstar-wrong',
      optimum({ f: 'p\\ln D + q\\ln(1-D)', claimed: '\\frac{p}{p+2q}', kind: 'max', over: ['D', 0, 1], vars: { p: 'positive', q: 'positive' } }),
    );
    expect((await run(w)).verdict).toBe('refuted');
  });
  it('divergence: KL((1/2,1/2)‖(1/4,3/4)) = ½ln2 + ½ln(2/3) ≈ 0.1438, in base e, 2 and 10', async () => {
    const kl = 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3);
    const p = ['1/2', '1/2'];
    const qq = ['1/4', '3/4'];
    expect((await run(q('kl-e', divergence({ measure: 'kl', p, q: qq, claimed: kl.toFixed(6) })))).verdict).toBe('holds');
    expect((await run(q('kl-2', divergence({ measure: 'kl', p, q: qq, base: 2, claimed: (kl / Math.LN2).toFixed(6) })))).verdict).toBe('holds');
    expect((await run(q('kl-10', divergence({ measure: 'kl', p, q: qq, base: 10, claimed: (kl / Math.LN10).toFixed(6) })))).verdict).toBe('holds');
    // the reverse direction's value claimed for this one: refuted (KL is not symmetric)
    const rev = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
    expect((await run(q('kl-rev', divergence({ measure: 'kl', p, q: qq, claimed: rev.toFixed(4) })))).verdict).toBe('refuted');
    expect(await both(q('jsd-disjoint', divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], claimed: '\\log 2' })))).toEqual(['holds', 'refuted']);
  });
  it('game: exact on rationals — simultaneous steps on c·θψ spiral out at every η (det = 1 + η²c²), alternating ones cycle (det 1) while ηc < 2', async () => {
    // trace 2, det 1 + η²: a complex pair of modulus √(1 + η²)
    for (const eta of [0.01, 0.1, 0.5]) expectClose(spectralRadius(2, 1 + eta * eta), Math.sqrt(1 + eta * eta), { ulps: 2 });
    const lr = ['1/100', '1/10', '1/2', '3/2'];
    expect(await both(q('gda', game({ lr, update: 'simultaneous', claimed: 'diverges' })))).toEqual(['holds', 'refuted']);
    expect(await both(q('alt', game({ lr, update: 'alternating', claimed: 'cycles' })))).toEqual(['holds', 'refuted']);
    // ηc = 5/2 > 2: alternating steps leave the circle (trace 2 − η²c² < −2)
    expect((await run(q('alt-big', game({ lr: '5/2', update: 'alternating', claimed: 'cycles' })))).verdict).toBe('refuted');
    expect((await run(q('gp', game({ lr: '1/10', gamma: 1, update: 'simultaneous', claimed: 'converges' })))).verdict).toBe('holds');
    expect(await both(q('both', game({ lr, update: 'both', claimed: 'does-not-converge' })))).toEqual(['holds', 'refuted']);
  });
  it('shift: JSD of U[0, 1] and its shift by t is ln 2·min(t, 1) (saturates), W1 is t (keeps growing)', async () => {
    const at = ['0', '1/2', '1', '2', '3'];
    expect(await both(q('jsd-sat', shift({ family: 'uniform', scale: 1, measure: 'jsd', at, claimed: 'saturating' })))).toEqual(['holds', 'refuted']);
    const values = ['0', '\\frac{\\ln 2}{2}', '\\ln 2', '\\ln 2', '\\ln 2'];
    expect((await run(q('jsd-values', shift({ family: 'uniform', scale: 1, measure: 'jsd', at, claimed: values })))).verdict).toBe('holds');
    expect((await run(q('w1-inc', shift({ family: 'uniform', scale: 1, measure: 'w1', at, claimed: 'increasing' })))).verdict).toBe('holds');
  });
  it('lipschitz: weights clipped to ±c make a 2→4→1 ReLU critic exactly 4c²√2-Lipschitz (the all-+c critic attains it)', async () => {
    // the attaining critic, by finite difference along (1, 1)/√2: f(x) = Σ₄ c·relu(c·(x₁ + x₂))
    const c = 0.5;
    const f = (x1: number, x2: number) => 4 * c * Math.max(0, c * (x1 + x2));
    const slope = (f(1 + 1e-3 / Math.SQRT2, 1 + 1e-3 / Math.SQRT2) - f(1, 1)) / 1e-3;
    expectClose(slope, 4 * c * c * Math.SQRT2, { rtol: 5e-10 });
    expect((await run(q('clip-1', lipschitz({ widths: [2, 4, 1], constraint: { clip: c }, claimed: 1 })))).verdict).toBe('refuted');
    expect(await both(q('clip-15', lipschitz({ widths: [2, 4, 1], constraint: { clip: c }, claimed: 1.5 })))).toEqual(['holds', 'refuted']);
    expect((await run(q('sn', lipschitz({ widths: [2, 64, 64, 1], constraint: 'spectral-norm', claimed: 1 })))).verdict).toBe('holds');
  });
  it('populationShare: trained seed-toy members end within W1 < 1 in over a quarter of the seeds; untrained ones (1 step) in none', async () => {
    const setup = {
      preset: 'seed-toy',
      population: [16, 16] as [number, number],
      steps: [600, 600] as [number, number],
      stages: [[16], [16]] as [number[], number[]],
    };
    const c = q(
      'toy-pop',
      populationShare({
        setup,
        statistic: 'seeds whose final W1 < 1',
        member: (f) => (f.w1 ?? Infinity) < 1,
        threshold: 0.25,
        side: 'above',
        mutant: { description: 'the generator barely trained (1 step)', setup: { ...setup, steps: [1, 1] } },
      }),
    );
    const [good, bad] = [await run(c), await run(c, 'mutant')];
    expect(good.verdict).toBe('holds');
    expect(good.interval?.low).toBeGreaterThan(0.25);
    expect(bad.verdict).toBe('refuted');
    expect(bad.interval?.high).toBeLessThan(0.25);
  });
  it("pairFact: over the testing kit's pairs (hard ones first), JSD is symmetric and at most ln 2, KL is neither (mathematics)", async () => {
    expect(await both(q('jsd-sym', pairFact({ measure: 'jsd', fact: 'symmetric' })))).toEqual(['holds', 'refuted']);
    expect(await both(q('jsd-bound', pairFact({ measure: 'jsd', fact: { atMost: '\\ln 2' } })))).toEqual(['holds', 'refuted']);
    expect(await both(q('kl-nonneg', pairFact({ measure: 'kl', fact: 'nonnegative' })))).toEqual(['holds', 'refuted']);
    expect(await both(q('jsd-zero', pairFact({ measure: 'jsd', fact: 'zero-iff-equal' })))).toEqual(['holds', 'refuted']);
    const e = await run(q('jsd-sym-2', pairFact({ measure: 'jsd', fact: 'symmetric', base: 2 })));
    expect(e.evidence).toMatch(/on all \d+ pairs \(the testing kit's 7 hard pairs, then distributionPair drawn with seed \d+; certified values\)/);
  });
  it('all: every part must hold; corrected: a refuted statement whose corrected form holds is imprecise', async () => {
    const logBound = inequality({ lhs: '\\ln x', rhs: 'x - 1', relation: '<=', vars: { x: 'positive' } });
    const wrongBound = inequality({ lhs: '\\ln x', rhs: 'x - 1', relation: '>=', vars: { x: 'positive' } });
    const jsd2 = divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], claimed: '\\log 2' });
    expect((await run(q('both-hold', all([logBound, jsd2])))).verdict).toBe('holds');
    const one = await run(q('one-fails', all([jsd2, wrongBound])));
    expect(one.verdict).toBe('refuted');
    expect(one.evidence).toMatch(/^\(1\) holds: .*; \(2\) refuted: /);
    // "ln x ≥ x − 1" is wrong; "ln x ≤ x − 1" is the corrected statement
    const c = q('fixed', corrected(wrongBound, { statement: 'ln x ≤ x − 1', ...logBound }));
    const e = await run(c);
    expect(e.verdict).toBe('imprecise');
    expect(e.correction).toBe('ln x ≤ x − 1');
    // a correction that is itself false leaves the verdict refuted
    const notFixed = corrected(wrongBound, { statement: 'ln x ≥ x', ...inequality({ lhs: '\\ln x', rhs: 'x', relation: '>=', vars: { x: 'positive' } }) });
    expect((await run(q('not-fixed', notFixed))).verdict).toBe('refuted');
  });
  it("claim() runs the quote's own formulas: $1, $2.lhs", async () => {
    const c = claim({
      id: 'quoted',
      quote: 'we use $\\log x \\le x - 1$ for $x > 0$',
      statement: 'ln x ≤ x − 1',
      ...inequality({ lhs: '$1.lhs', rhs: '$1.rhs', relation: '<=', vars: { x: 'positive' } }),
    });
    expect(c.subject).toMatchObject({ lhs: '\\log x', rhs: 'x - 1' });
    expect((await run(c)).verdict).toBe('holds');
    expect(() => claim({ id: 'too-few', quote: 'no math here', statement: 's', ...identity({ lhs: '$1', rhs: '1', vars: {} }) })).toThrow(
      /names formula 1 of the quote, which has 0/,
    );
  });
  it('a check that throws gets the verdict error, never refuted', async () => {
    const c = q('bad', identity({ lhs: '\\frac{p}{p+q}', rhs: 'z', vars: { p: 'positive', q: 'positive' } }));
    const e = await run(c);
    expect(e.verdict).toBe('error');
    expect(e.error).toMatch(/variable z has no value/);
  });
  it('formulas: \\log is natural unless log says otherwise; symbols bind whole names only', () => {
    expectClose(parseFormula('\\log 100').value({}), Math.log(100), { ulps: 2 });
    expectClose(parseFormula('\\log 100', { log: 10 }).value({}), 2, { ulps: 2 });
    expect(parseFormula('\\sqrt{q} + q', { symbols: { q: 'p+1' } }).value({ p: 3 })).toBe(6);
    expect(() => parseFormula('\\frac{1}{')).toThrow(/could not be parsed/);
  });
});

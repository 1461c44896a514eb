import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { gaussianKl, gaussianW1, gaussianW2, mixtureDstar, mixtureDstarGrid, mixtureW1, parseMixtureSpec, TheoryError } from '../src/theory/index.js';
import { Dec, expectContains } from './helpers.js';

const oracle = JSON.parse(readFileSync(new URL('../fixtures/reference/theory-gaussian.json', import.meta.url), 'utf8')) as {
  oracle: string;
  gaussians: { name: string; mu1: string; sigma1: string; mu2: string; sigma2: string; kl: string; w1: string; w2: string; dstar: Record<string, string> }[];
  mixtures: { name: string; p: string; q: string; w1: string }[];
};

const D = 50;
function correctlyRounded(got: { value: string; lower: string; upper: string }, expected: string): void {
  expectContains(got, expected);
  if (expected !== '0') expect(new Dec(got.value).eq(new Dec(expected).toSignificantDigits(D, Decimal.ROUND_HALF_EVEN)), `${got.value} vs ${expected}`).toBe(true);
}

describe(`Gaussian closed forms against mpmath (${oracle.oracle})`, () => {
  it.each(oracle.gaussians)('$name', (g) => {
    const p = { mu: g.mu1, sigma: g.sigma1 };
    const q = { mu: g.mu2, sigma: g.sigma2 };
    correctlyRounded(gaussianKl(p, q, { digits: D }), g.kl);
    correctlyRounded(gaussianW1(p, q, { digits: D }), g.w1);
    correctlyRounded(gaussianW2(p, q, { digits: D }), g.w2);
    const P = [{ weight: '1', ...p }];
    const Q = [{ weight: '1', ...q }];
    for (const [x, expected] of Object.entries(g.dstar)) correctlyRounded(mixtureDstar(P, Q, x, { digits: D }), expected);
  });
});

describe('mixture W1 (certified sign isolation, no quadrature) against mpmath quadrature', () => {
  it.each(oracle.mixtures)('$name', (mx) => {
    correctlyRounded(mixtureW1(parseMixtureSpec(mx.p, 't', 'p'), parseMixtureSpec(mx.q, 't', 'q'), { digits: D }), mx.w1);
  });
});

describe('continuous properties', () => {
  const gauss = fc.record({ mu: fc.integer({ min: -30, max: 30 }), sigma: fc.integer({ min: 1, max: 30 }) }).map((g) => ({ mu: `${g.mu}/4`, sigma: `${g.sigma}/8` }));
  test.prop([gauss, gauss], { numRuns: 15 })('the W1 closed form agrees with ∫|F_P − F_Q| (the mixture path); W1 ≤ W2', (p, q) => {
    const a = gaussianW1(p, q, { digits: 20 });
    const b = mixtureW1([{ weight: '1', ...p }], [{ weight: '1', ...q }], { digits: 20 });
    expect(new Dec(a.lower).lte(b.upper) && new Dec(b.lower).lte(a.upper), `${a.value} vs ${b.value}`).toBe(true);
    expect(new Dec(a.lower).lte(gaussianW2(p, q, { digits: 20 }).upper)).toBe(true);
  });
  test.prop([gauss, gauss])('KL ≥ 0 with 0 iff equal; enclosures shrink as digits grow', (p, q) => {
    const k = gaussianKl(p, q, { digits: 20 });
    const equal = new Dec(eval(p.mu)).eq(eval(q.mu)) && new Dec(eval(p.sigma)).eq(eval(q.sigma));
    if (equal) expect(k.value).toBe('0');
    else expect(new Dec(k.lower).gt(0)).toBe(true);
    const wide = gaussianW1(p, q, { digits: 10 });
    const narrow = gaussianW1(p, q, { digits: 30 });
    const width = (e: { lower: string; upper: string }) => new Dec(e.upper).minus(e.lower);
    expect(width(narrow).lte(width(wide))).toBe(true);
    expect(new Dec(wide.lower).lte(narrow.lower) && new Dec(narrow.upper).lte(wide.upper)).toBe(true);
  });
  it('D* = 1/2 where the densities are equal, and the grid form matches pointwise', () => {
    const P = [{ weight: '1', mu: '0', sigma: '1' }];
    const Q = [{ weight: '1', mu: '1', sigma: '1' }];
    expect(mixtureDstar(P, Q, '1/2', { digits: 20 }).value).toBe('0.5');
    expect(mixtureDstar(P, P, '7', { digits: 20 }).exact).toBe('1/2');
    const grid = mixtureDstarGrid(P, Q, ['-1', '0', '1'], { digits: 15 });
    expect(grid.map((e) => e.value)).toEqual(['-1', '0', '1'].map((x) => mixtureDstar(P, Q, x, { digits: 15 }).value));
  });
  it('bad input names the argument', () => {
    expect(() => gaussianKl({ mu: '0', sigma: '0' }, { mu: '0', sigma: '1' })).toThrow("gaussianKl: p.sigma must be > 0; got \"0\"");
    expect(() => mixtureW1(parseMixtureSpec('1/2:0:1', 'f', 'p'), [{ weight: '1', mu: '0', sigma: '1' }])).toThrow(TheoryError);
    expect(() => parseMixtureSpec('1/2:0', 'mixtureW1', 'p')).toThrow('mixtureW1: p must be w:mu:sigma items separated by commas; got "1/2:0"');
    expect(() => mixtureDstar([{ weight: '1', mu: 'x', sigma: '1' }], [{ weight: '1', mu: '0', sigma: '1' }], '0')).toThrow(/p\[0\].mu must be an exact decimal/);
  });
});

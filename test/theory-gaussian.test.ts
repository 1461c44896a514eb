import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import {
  gaussianJsd,
  gaussianKl,
  gaussianW1,
  gaussianW2,
  mixtureDstar,
  mixtureDstarGrid,
  mixtureJsd,
  mixtureKl,
  mixtureValueAtOptimum,
  mixtureW1,
  shiftSeries,
  TheoryError,
} from '../src/theory/index.js';
import { parseMixtureSpec } from '../src/cli/mixture-spec.js';
import { Dec, expectContains } from './helpers.js';

const oracle = JSON.parse(readFileSync(new URL('../fixtures/reference/theory-gaussian.json', import.meta.url), 'utf8')) as {
  oracle: string;
  gaussians: {
    name: string;
    mu1: string;
    sigma1: string;
    mu2: string;
    sigma2: string;
    kl: string;
    w1: string;
    w2: string;
    jsd?: string;
    cg?: string;
    dstar: Record<string, string>;
  }[];
  mixtures: { name: string; p: string; q: string; w1: string; jsd: string; cg: string; kl: string }[];
};

const D = 50;
function correctlyRounded(got: { value: string; lower: string; upper: string }, expected: string): void {
  expectContains(got, expected);
  if (expected !== '0')
    expect(new Dec(got.value).eq(new Dec(expected).toSignificantDigits(D, Decimal.ROUND_HALF_EVEN)), `${got.value} vs ${expected}`).toBe(true);
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
    if (g.jsd !== undefined && g.cg !== undefined) {
      correctlyRounded(gaussianJsd(p, q, { digits: D }), g.jsd);
      correctlyRounded(mixtureValueAtOptimum(P, Q, { digits: D }), g.cg);
    }
  });
  it('JSD(N(0,1)‖N(1,1)) is the value the issue quotes, 0.11142148218473617971723681221756024425559116016309…', () => {
    const r = gaussianJsd({ mu: '0', sigma: '1' }, { mu: '1', sigma: '1' });
    expectContains(r, '0.111421482184736179717236812217560244255591160163090');
    expect(r.value).toBe('0.11142148218473617971723681221756024425559116016309');
  });
});

describe('mixtures: W1 (certified sign isolation) and JSD, KL, C(G) (certified trapezoid) against mpmath quadrature', () => {
  it.each(oracle.mixtures)('$name', (mx) => {
    const P = parseMixtureSpec(mx.p, 't', 'p');
    const Q = parseMixtureSpec(mx.q, 't', 'q');
    correctlyRounded(mixtureW1(P, Q, { digits: D }), mx.w1);
    correctlyRounded(mixtureJsd(P, Q, { digits: D }), mx.jsd);
    correctlyRounded(mixtureKl(P, Q, { digits: D }), mx.kl);
    correctlyRounded(mixtureValueAtOptimum(P, Q, { digits: D }), mx.cg);
  });
});

describe('continuous properties', () => {
  const gauss = fc
    .record({ mu: fc.integer({ min: -30, max: 30 }), sigma: fc.integer({ min: 1, max: 30 }) })
    .map((g) => ({ mu: `${g.mu}/4`, sigma: `${g.sigma}/8` }));
  test.prop([gauss, gauss], { numRuns: 15 })('the W1 closed form agrees with ∫|F_P − F_Q| (the mixture path); W1 ≤ W2', (p, q) => {
    const a = gaussianW1(p, q, { digits: 20 });
    const b = mixtureW1([{ weight: '1', ...p }], [{ weight: '1', ...q }], { digits: 20 });
    expect(new Dec(a.lower).lte(b.upper) && new Dec(b.lower).lte(a.upper), `${a.value} vs ${b.value}`).toBe(true);
    expect(new Dec(a.lower).lte(gaussianW2(p, q, { digits: 20 }).upper)).toBe(true);
  });
  test.prop([gauss, gauss])('KL ≥ 0 with 0 iff equal; enclosures shrink as digits grow', (p, q) => {
    const k = gaussianKl(p, q, { digits: 20 });
    const frac = (s: string) => new Dec(s.split('/')[0] as string).div(s.split('/')[1] as string);
    const equal = frac(p.mu).eq(frac(q.mu)) && frac(p.sigma).eq(frac(q.sigma));
    if (equal) expect(k.value).toBe('0');
    else expect(new Dec(k.lower).gt(0)).toBe(true);
    const wide = gaussianW1(p, q, { digits: 10 });
    const narrow = gaussianW1(p, q, { digits: 30 });
    const width = (e: { lower: string; upper: string }) => new Dec(e.upper).minus(e.lower);
    expect(width(narrow).lte(width(wide))).toBe(true);
    expect(new Dec(wide.lower).lte(narrow.lower) && new Dec(narrow.upper).lte(wide.upper)).toBe(true);
  });
  const LN2 = new Dec(Decimal.clone({ precision: 100 }).ln(2));
  test.prop([gauss, gauss], { numRuns: 4 })('JSD symmetric, below ln 2; KL by quadrature = closed form; C(G) = 2·JSD − ln 4', (p, q) => {
    const a = gaussianJsd(p, q, { digits: 20 });
    const b = gaussianJsd(q, p, { digits: 20 });
    expect(a.value).toBe(b.value);
    expect(new Dec(a.upper).lte(LN2)).toBe(true);
    const P = [{ weight: '1', ...p }];
    const Q = [{ weight: '1', ...q }];
    const k1 = mixtureKl(P, Q, { digits: 20 });
    const k2 = gaussianKl(p, q, { digits: 20 });
    expect(new Dec(k1.lower).lte(k2.upper) && new Dec(k2.lower).lte(k1.upper), `${k1.value} vs ${k2.value}`).toBe(true);
    const c = mixtureValueAtOptimum(P, Q, { digits: 20 });
    const lo = new Dec(a.lower).times(2).minus(LN2.times(2));
    const hi = new Dec(a.upper).times(2).minus(LN2.times(2));
    expect(lo.lte(c.upper) && hi.gte(c.lower)).toBe(true);
  });
  it('JSD increases with |μ₁ − μ₂| at fixed σ', () => {
    const vals = ['0', '1/4', '1/2', '1', '2', '4'].map((m) => new Dec(gaussianJsd({ mu: '0', sigma: '1' }, { mu: m, sigma: '1' }, { digits: 20 }).value));
    for (let i = 1; i < vals.length; i++) expect((vals[i] as Decimal).gt(vals[i - 1] as Decimal)).toBe(true);
  });
  it('shift series: uniform JSD = ln 2·min(t/w, 1) exactly and W1 = |t|; Gaussian JSD rises towards ln 2', () => {
    const rows = shiftSeries('uniform', '2', ['0', '1/2', '1', '2', '5', '-1'], { digits: 30 });
    const expectJ = ['0', '1/4', '1/2', '1', '1', '1/2'].map((f) =>
      f === '0' ? new Dec(0) : LN2.times(new Dec(f.split('/')[0] as string).div(f.split('/')[1] ?? '1')),
    );
    rows.forEach((r, i) => {
      expectContains(r.jsd, (expectJ[i] as Decimal).toSignificantDigits(60).toString());
      expect(r.w1.exact).toBe(['0', '1/2', '1', '2', '5', '1'][i]);
    });
    const g = shiftSeries('gaussian', '1/10', ['1/10', '1', '2'], { digits: 15 });
    expect(new Dec(g[0]!.jsd.value).lt(g[1]!.jsd.value) && new Dec(g[1]!.jsd.value).lt(g[2]!.jsd.value)).toBe(true);
    expect(new Dec(g[2]!.jsd.lower).lte(LN2)).toBe(true); // the upper bound, rounded up at 15 digits, may pass ln 2
    expect(() => shiftSeries('cauchy' as never, '1', ['0'])).toThrow("shiftSeries: family must be 'uniform' or 'gaussian'; got \"cauchy\"");
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
    expect(() => gaussianKl({ mu: '0', sigma: '0' }, { mu: '0', sigma: '1' })).toThrow('gaussianKl: p.sigma must be > 0; got "0"');
    expect(() => mixtureW1(parseMixtureSpec('1/2:0:1', 'f', 'p'), [{ weight: '1', mu: '0', sigma: '1' }])).toThrow(TheoryError);
    expect(() => parseMixtureSpec('1/2:0', 'mixtureW1', 'p')).toThrow('mixtureW1: p must be w:mu:sigma items separated by commas; got "1/2:0"');
    expect(() => mixtureDstar([{ weight: '1', mu: 'x', sigma: '1' }], [{ weight: '1', mu: '0', sigma: '1' }], '0')).toThrow(
      /p\[0\].mu must be an exact decimal/,
    );
  });
});

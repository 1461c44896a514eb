import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from '../src/numeric/index.js';
import { expectClose, ulpDistance } from './helpers.js';

const oracle = JSON.parse(readFileSync(new URL('../fixtures/reference/numeric-special.json', import.meta.url), 'utf8')) as Record<
  'erfc' | 'normalCdf' | 'normalQuantile',
  [string, string][]
>;

/** Worst ulp error over a fixture table, for the report and the bound. */
function worst(f: (x: number) => number, table: [string, string][]): { ulps: number; at: number } {
  let w = { ulps: 0, at: Number.NaN };
  for (const [x, y] of table) {
    const u = ulpDistance(f(Number(x)), Number(y));
    if (u > w.ulps) w = { ulps: u, at: Number(x) };
  }
  return w;
}

describe('special functions against mpmath (correctly rounded binary64)', () => {
  it('erfc: within 4 ulps on [-27, 27], including the tails down to 1e-318', () => {
    const w = worst(erfc, oracle.erfc);
    expect(w.ulps, `worst at x = ${w.at}`).toBeLessThanOrEqual(4);
  });
  it('normalCdf: within 8 ulps from Φ(-38) ≈ 3e-316 to Φ(8)', () => {
    // Subnormal results carry fewer bits; compare them relatively.
    for (const [x, y] of oracle.normalCdf) {
      const expected = Number(y);
      if (expected < 2.3e-308) expectClose(normalCdf(Number(x)), expected, { rtol: 1e-12 });
      else expectClose(normalCdf(Number(x)), expected, { ulps: 8 });
    }
  });
  it('normalQuantile: within 4 ulps from u = 1e-300 to 1 − 2⁻⁵³', () => {
    const w = worst(normalQuantile, oracle.normalQuantile);
    expect(w.ulps, `worst at u = ${w.at}`).toBeLessThanOrEqual(4);
  });
  it('special cases', () => {
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(Infinity)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    // NaN and out-of-range arguments are refused, naming the function and the argument
    expect(() => erfc(Number.NaN)).toThrow(/^erfc: x must be a number \(not NaN\); got NaN$/);
    expect(() => normalCdf(Number.NaN)).toThrow(/^normalCdf: x must be a number \(not NaN\); got NaN$/);
    expect(() => normalQuantile(1.5)).toThrow(/^normalQuantile: u must be a probability in \[0, 1\]; got 1.5$/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/^normalQuantile: u must be a probability/);
    expect(() => normalQuantile('0.5' as never)).toThrow(/got "0.5"/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clopperPearson, medianInterval, quantile, spearman } from '../src/numeric/intervals/index.js';
import { Rng } from '../src/numeric/rng.js';
import { NumericError } from '../src/numeric/errors.js';
import { expectClose } from './helpers.js';

interface Fixture {
  clopperPearson: [number, number, number, string, string][];
  medianRanks: [number, number, number][];
  spearman: { x: string[]; y: string[]; rho: string; low: string; high: string }[];
}
const oracle = JSON.parse(readFileSync(new URL('../fixtures/reference/numeric-intervals.json', import.meta.url), 'utf8')) as Fixture;

describe('clopperPearson (against mpmath, confirmed by scipy binomtest exact)', () => {
  it.each(oracle.clopperPearson.map((r) => [r[0], r[1], r[2], Number(r[3]), Number(r[4])] as const))('k=%i n=%i level %f', (k, n, level, lo, hi) => {
    const ci = clopperPearson(k, n, level);
    expectClose(ci.low, lo, { rtol: 1e-11, ulps: 4 });
    expectClose(ci.high, hi, { rtol: 1e-11, ulps: 4 });
    expect(ci.estimate).toBe(k / n);
  });
  it('takes n = 200,000 (a Monte Carlo share) without overflowing the stack, and agrees there with the Wilson score interval', () => {
    // at this n the exact and the score interval differ by O(1/n); z for 97.5% two-sided is 2.241403
    const [k, n, z] = [50_000, 200_000, 2.241402727604947];
    const p = k / n;
    const c = 1 + (z * z) / n;
    const mid = (p + (z * z) / (2 * n)) / c;
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / c;
    const ci = clopperPearson(k, n, 0.975);
    expect(Math.abs(ci.low - (mid - half))).toBeLessThan(1e-4);
    expect(Math.abs(ci.high - (mid + half))).toBeLessThan(1e-4);
  });
  it('covers p in at least 95% of seeded repetitions (n = 30, p = 0.2)', () => {
    const rng = Rng.fromSeed(7);
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      let k = 0;
      for (let i = 0; i < 30; i++) if (rng.uniform() < 0.2) k++;
      const ci = clopperPearson(k, 30);
      if (ci.low <= 0.2 && 0.2 <= ci.high) covered++;
    }
    // exact intervals are conservative: coverage ≥ 95% up to Monte Carlo error (3 SE ≈ 1.5%)
    expect(covered / reps).toBeGreaterThan(0.935);
  });
  it('refuses bad counts and levels, naming the argument', () => {
    expect(() => clopperPearson(3, 2)).toThrow(/clopperPearson: k must be at most n = 2; got 3/);
    expect(() => clopperPearson(-1, 2)).toThrow(NumericError);
    expect(() => clopperPearson(1, 0)).toThrow(/n must be an integer ≥ 1/);
    expect(() => clopperPearson(1, 2, 1)).toThrow(/level must be a number in \(0, 1\)/);
    expect(() => clopperPearson(Number.NaN, 2)).toThrow(/k must be an integer/);
  });
});

describe('medianInterval (ranks against scipy binom.cdf)', () => {
  it.each(oracle.medianRanks)('n=%i level %f: rank %i', (n, level, l) => {
    const xs = Array.from({ length: n }, (_, i) => i + 1); // the order statistics are the ranks
    const ci = medianInterval(xs, level);
    if (l === 0) {
      expect(ci.low).toBe(-Infinity);
      expect(ci.high).toBe(Infinity);
    } else {
      expect(ci.low).toBe(l);
      expect(ci.high).toBe(n + 1 - l);
    }
  });
  it('covers the median of an exponential in at least 95% of repetitions (n = 25)', () => {
    const rng = Rng.fromSeed(11);
    const med = Math.log(2);
    let covered = 0;
    for (let r = 0; r < 2000; r++) {
      const xs = Array.from({ length: 25 }, () => -Math.log(1 - rng.uniform()));
      const ci = medianInterval(xs);
      if (ci.low <= med && med <= ci.high) covered++;
    }
    expect(covered / 2000).toBeGreaterThan(0.935);
  });
  it('refuses NaN and empty samples', () => {
    expect(() => medianInterval([])).toThrow(/medianInterval: xs must have at least 1 values; got 0/);
    expect(() => medianInterval([1, Number.NaN])).toThrow(/xs\[1\] must be a number \(not NaN\)/);
    expect(() => quantile([1, 2], 2)).toThrow(/quantile: q must be a number in \[0, 1\]/);
  });
});

describe('spearman (against scipy spearmanr and the Fisher-z formula)', () => {
  it.each(oracle.spearman.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const r = spearman(c.x.map(Number), c.y.map(Number));
    expectClose(r.estimate, Number(c.rho), { rtol: 1e-12, ulps: 8 });
    expectClose(r.low, Number(c.low), { rtol: 1e-9 });
    expectClose(r.high, Number(c.high), { rtol: 1e-9 });
  });
  it('refuses unequal lengths and constant samples', () => {
    expect(() => spearman([1, 2, 3, 4], [1, 2, 3, 4, 5])).toThrow(/spearman: b must have the length of a \(4\); got 5/);
    expect(() => spearman([1, 1, 1, 1], [1, 2, 3, 4])).toThrow(/a is constant/);
  });
});

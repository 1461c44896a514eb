import { describe, expect, it } from 'vitest';
import { expectClose } from './helpers.js';
import { categorical, grid25, mixture, normal, parseDistribution, ring8, Rng, uniform, NumericError, type Dist1D } from '../src/numeric/index.js';

/** Kolmogorov–Smirnov statistic of a sample against an exact CDF. */
function ks(sample: Float64Array, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  xs.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}
/** Asymptotic critical value of √n·D at α = 0.001 (Kolmogorov distribution). */
const KS_001 = 1.9495;

describe('seeded samplers: moments and Kolmogorov–Smirnov against the exact CDF', () => {
  const n = 20_000;
  const cases: [string, Dist1D, number, number][] = [
    ['normal:3,1', normal(3, 1), 3, 1],
    ['uniform:-1,2', uniform(-1, 2), 0.5, 9 / 12],
    [
      'mixture:0.5:-2:1,0.5:2:1',
      mixture([
        { weight: 0.5, mu: -2, sigma: 1 },
        { weight: 0.5, mu: 2, sigma: 1 },
      ]),
      0,
      5,
    ],
  ];
  it.each(cases)('%s', (_, d, mean, variance) => {
    const x = d.sample(Rng.fromSeed(11), n);
    const m = x.reduce((a, b) => a + b, 0) / n;
    const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
    expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    expect(Math.abs(v - variance)).toBeLessThan(0.05 * variance);
    expect(Math.sqrt(n) * ks(x, (t) => d.cdf(t))).toBeLessThan(KS_001);
  });

  it('categorical: frequencies within 4 standard errors of the weights', () => {
    const d = categorical([3, 0, 1], [0.2, 0.5, 0.3]);
    const x = d.sample(Rng.fromSeed(5), n);
    for (const [pt, w] of [
      [0, 0.5],
      [1, 0.3],
      [3, 0.2],
    ] as const) {
      const f = x.filter((v) => v === pt).length / n;
      expect(Math.abs(f - w)).toBeLessThan(4 * Math.sqrt((w * (1 - w)) / n));
    }
    expect(d.quantile(0.5)).toBe(0);
    expect(d.quantile(0.51)).toBe(1);
    expectClose(d.cdfIntegral(2), 0.5 * 2 + 0.3 * 1, { ulps: 2 }); // E[(2 − X)⁺]
  });

  it.each([
    ['ring8', ring8(), 8],
    ['grid25', grid25(), 25],
    ['ring8:2,0.02 (Metz et al. 2017)', parseDistribution('ring8:2,0.02') as ReturnType<typeof ring8>, 8],
    ['grid25:1,0.02', parseDistribution('grid25:1,0.02') as ReturnType<typeof grid25>, 25],
  ] as const)('%s: every mode equally likely; squared distance to its mode / σ² ~ χ²₂', (_, d, k) => {
    const m = 40_000;
    const x = d.sample(Rng.fromSeed(9), m);
    const counts = new Array<number>(k).fill(0);
    const r2 = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let best = Infinity;
      let arg = 0;
      for (let j = 0; j < k; j++) {
        const dd = ((x[2 * i] as number) - (d.modes[2 * j] as number)) ** 2 + ((x[2 * i + 1] as number) - (d.modes[2 * j + 1] as number)) ** 2;
        if (dd < best) {
          best = dd;
          arg = j;
        }
      }
      counts[arg]! += 1;
      r2[i] = best / d.sigma ** 2;
    }
    for (const c of counts) expect(Math.abs(c / m - 1 / k)).toBeLessThan(4 * Math.sqrt(((1 / k) * (1 - 1 / k)) / m));
    expect(Math.sqrt(m) * ks(r2, (t) => 1 - Math.exp(-t / 2))).toBeLessThan(KS_001);
    // the density integrates to about 1 on a fine grid around one mode (σ-scale check of logPdf)
    const h = d.sigma / 10;
    let mass = 0;
    for (let a = -6; a <= 6; a += 0.1)
      for (let b = -6; b <= 6; b += 0.1) mass += Math.exp(d.logPdf((d.modes[0] as number) + a * d.sigma, (d.modes[1] as number) + b * d.sigma)) * h * h;
    expect(Math.abs(mass - 1 / k)).toBeLessThan(1e-3 / k);
  });

  it('ring8:R,SIGMA and grid25:S,SIGMA place their modes from the parameters (mathematics: radius R, spacing S)', () => {
    const r = parseDistribution('ring8:2,0.02') as ReturnType<typeof ring8>;
    expect(r.sigma).toBe(0.02);
    for (let j = 0; j < 8; j++) expectClose(Math.hypot(r.modes[2 * j] as number, r.modes[2 * j + 1] as number), 2, { ulps: 4 });
    const g = parseDistribution('grid25:3,0.1') as ReturnType<typeof grid25>;
    expect([...new Set(g.modes)].sort((a, b) => a - b)).toEqual([-6, -3, 0, 3, 6]);
    // the unparameterised names are the unit ring (σ 0.01) and the grid at spacing 2 (σ 0.05), as before
    expect(ring8().spec).toBe('ring8');
    expect([...(parseDistribution('ring8:1,0.01') as ReturnType<typeof ring8>).modes]).toEqual([...ring8().modes]);
    expect([...new Set(grid25().modes)].sort((a, b) => a - b)).toEqual([-4, -2, 0, 2, 4]);
    for (const bad of ['ring8:2', 'ring8:0,0.1', 'ring8:2,-1', 'grid25:a,b', 'ring8:1,2,3'])
      expect(() => parseDistribution(bad)).toThrow(/parseDistribution: spec .*(takes no parameters or two|needs 0 <|expected a finite number)/);
  });
});

describe('the generator: seeds, streams, save and restore', () => {
  it('the same seed gives the same bytes; different seeds and streams differ', () => {
    const a = normal(0, 1).sample(Rng.fromSeed(42), 1000);
    const b = normal(0, 1).sample(Rng.fromSeed(42), 1000);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(normal(0, 1).sample(Rng.fromSeed(43), 1000)).not.toEqual(a);
    expect(normal(0, 1).sample(Rng.fromSeed(42).stream(1), 1000)).not.toEqual(a);
    expect(normal(0, 1).sample(Rng.fromSeed(42).stream(0), 1000)).toEqual(a);
  });

  it('restore from a saved state continues bit-identically (through JSON)', () => {
    const r = Rng.fromSeed(2026).stream(3);
    normal(0, 1).sample(r, 777);
    const saved = JSON.stringify(r.save());
    const cont = mixture([
      { weight: 0.3, mu: 0, sigma: 1 },
      { weight: 0.7, mu: 5, sigma: 2 },
    ]).sample(r, 500);
    const again = mixture([
      { weight: 0.3, mu: 0, sigma: 1 },
      { weight: 0.7, mu: 5, sigma: 2 },
    ]).sample(Rng.restore(JSON.parse(saved)), 500);
    expect(again).toEqual(cont);
    expect(Rng.restore(JSON.parse(saved)).save()).toEqual(JSON.parse(saved));
  });

  it('rejects bad seeds, streams and states with the argument named', () => {
    expect(() => Rng.fromSeed(-1)).toThrow('Rng.fromSeed: seed must be an integer from 0 to 4294967295; got -1');
    expect(() => Rng.fromSeed(1.5)).toThrow(NumericError);
    expect(() => Rng.fromSeed(1).stream(-2)).toThrow(/Rng.stream: k must be an integer/);
    expect(() => Rng.restore({ algorithm: 'xoroshiro128+', seed: 1, stream: 0, state: [1, 2] })).toThrow(
      /Rng.restore: state must be a saved xoroshiro128\+ state/,
    );
    expect(() => normal(0, -1)).toThrow('normal: sigma must be finite and > 0; got -1');
    expect(() => mixture([{ weight: 0.5, mu: 0, sigma: 1 }])).toThrow(/mixture: weights must sum to 1/);
    expect(() => categorical([1, 1], [0.5, 0.5])).toThrow(/points must be distinct/);
  });
});

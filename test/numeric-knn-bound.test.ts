/**
 * The kNN KL estimator and the classifier-based JSD lower bound, held to closed forms over seeded
 * repetitions (as numeric-coverage.test.ts does for the plug-in estimators), with a planted bias
 * that the same checks catch.
 */
import { describe, expect, it } from 'vitest';
import { categorical, estimateJsdLowerBound, estimateKlKnn, normal, type Estimate } from '../src/numeric/index.js';
import * as th from '../src/theory/index.js';

const R = 200;

/** Mean and standard error of the mean of the estimates over R seeded repetitions. */
function spread(run: (seed: number) => Estimate): { mean: number; se: number } {
  const xs = Array.from({ length: R }, (_, i) => run(i + 1).estimate);
  const mean = xs.reduce((a, b) => a + b, 0) / R;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
  return { mean, se: sd / Math.sqrt(R) };
}

/** The bias check: the mean of R estimates within 4 standard errors of the truth (and within `slack` of it). */
function unbiased(run: (seed: number) => Estimate, truth: number, slack: number): boolean {
  const { mean, se } = spread(run);
  return Math.abs(mean - truth) <= 4 * se && Math.abs(mean - truth) <= slack;
}

// KL(N(0,1) ‖ N(μ,1)) = μ²/2; KL(N(0,1) ‖ N(0,σ²)) = ln σ + 1/(2σ²) − 1/2 (closed forms)
const knn = (seed: number, q = normal(1, 1)) => estimateKlKnn(normal(0, 1), q, { seed, samples: 4000 });

describe('the kNN KL estimator (Wang–Kulkarni–Verdú) against closed forms', () => {
  it('KL(N(0,1)‖N(1,1)) = 1/2: the mean of 200 seeded estimates at n = 4000 is within 4 standard errors and 0.02', () => {
    expect(unbiased((s) => knn(s), 0.5, 0.02)).toBe(true);
  });
  it('KL(N(0,1)‖N(0,4)) = ln 2 + 1/8 − 1/2: the same', () => {
    expect(unbiased((s) => knn(s, normal(0, 2)), Math.LN2 + 1 / 8 - 1 / 2, 0.02)).toBe(true);
  });
  it('the check catches a planted bias of 0.05, and a wrong pair (the KL to N(0,4) taken for the KL to N(1,1))', () => {
    expect(unbiased((s) => ({ ...knn(s), estimate: knn(s).estimate + 0.05 }), 0.5, 0.02)).toBe(false);
    expect(unbiased((s) => knn(s, normal(0, 2)), 0.5, 0.02)).toBe(false);
  });
});

describe('the classifier-based JSD lower bound (V(D,G) + ln 4)/2', () => {
  const P = categorical([0, 1, 3], [0.5, 0.3, 0.2]);
  const Q = categorical([0, 1, 3], [0.2, 0.3, 0.5]);
  const Pm = ['1/2', '3/10', '1/5'];
  const Qm = ['1/5', '3/10', '1/2'];
  const jsd = Number(th.jsd(Pm, Qm, { digits: 20 }).value);
  const table = new Map([
    [0, 0.7],
    [1, 0.5],
    [3, 0.25],
  ]);
  // for a fixed D the bound is (V(D,G) + ln 4)/2 exactly, with V from the theory module
  const bound = (Number(th.value(Pm, Qm, ['7/10', '1/2', '1/4'], { digits: 20 }).value) + 2 * Math.LN2) / 2;
  const coverage = (run: (seed: number) => Estimate, truth: number) => {
    let hit = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const e = run(seed);
      if (e.ci[0] <= truth && truth <= e.ci[1]) hit++;
    }
    return hit / 1000;
  };

  it('is below JSD for a D other than D*, and its 95% interval covers the exact bound 93–97% of the time', () => {
    expect(bound).toBeLessThan(jsd);
    const c = coverage((seed) => estimateJsdLowerBound(P, Q, (x) => table.get(x) as number, { seed, samples: 400 }), bound);
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });
  it('at D = D* it is JSD itself: the interval covers the exact JSD 93–97% of the time', () => {
    const c = coverage((seed) => estimateJsdLowerBound(P, Q, 'optimal', { seed, samples: 400 }), jsd);
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });
  it('the check catches a planted bias: the bound read as V + ln 4 (without the ½) covers JSD almost never', () => {
    const c = coverage((seed) => {
      const e = estimateJsdLowerBound(P, Q, 'optimal', { seed, samples: 400 });
      const shift = e.estimate; // V + ln 4 = 2 × the bound: the estimate moves by the bound itself
      return { ...e, estimate: e.estimate + shift, ci: [e.ci[0] + shift, e.ci[1] + shift] as const };
    }, jsd);
    expect(c).toBeLessThan(0.5);
  });
});

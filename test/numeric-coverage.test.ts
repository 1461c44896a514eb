import { describe, expect, it } from 'vitest';
import { categorical, estimateJsd, estimateKl, estimateValue, estimateW1, normal, type Estimate } from '../src/numeric/index.js';
import * as th from '../src/theory/index.js';

/**
 * Statistical checks, all seeded and replayable: over R seeded repetitions, 95% intervals must
 * contain the exact value (from the theory module, or from mathematics where it is a closed form)
 * between 93% and 97% of the time, for V, KL, JSD and W1 on two pairs each.
 */
const R = 1000;
const n = 400;

const P = categorical([0, 1, 3], [0.5, 0.3, 0.2]);
const Q = categorical([0, 1, 3], [0.2, 0.3, 0.5]);
const P2 = categorical([0, 1, 2, 3], [0.1, 0.2, 0.3, 0.4]);
const Q2 = categorical([0, 1, 2, 3], [0.25, 0.25, 0.25, 0.25]);
const exact = (e: { value: string }) => Number(e.value);
const Pm = ['1/2', '3/10', '1/5'];
const Qm = ['1/5', '3/10', '1/2'];
const P2m = ['1/10', '1/5', '3/10', '2/5'];
const Q2m = ['1/4', '1/4', '1/4', '1/4'];
const table = new Map([
  [0, 0.7],
  [1, 0.5],
  [3, 0.25],
]);
const D = (x: number) => table.get(x) as number;

function coverage(run: (seed: number) => Estimate, truth: number): number {
  let hit = 0;
  for (let seed = 1; seed <= R; seed++) {
    const e = run(seed);
    if (e.ci[0] <= truth && truth <= e.ci[1]) hit++;
  }
  return hit / R;
}

const cases: [string, (seed: number) => Estimate, number][] = [
  [
    'V(D,G), a fixed table D',
    (seed) => estimateValue(P, Q, (x) => D(x), { seed, samples: n }),
    exact(th.value(Pm, Qm, ['7/10', '1/2', '1/4'], { digits: 20 })),
  ],
  ['V(D*,G) = C(G)', (seed) => estimateValue(P2, Q2, 'optimal', { seed, samples: n }), exact(th.valueAtOptimum(P2m, Q2m, { digits: 20 }))],
  ['KL, pair 1', (seed) => estimateKl(P, Q, { seed, samples: n }), exact(th.kl(Pm, Qm, { digits: 20 }))],
  ['KL, pair 2', (seed) => estimateKl(Q2, P2, { seed, samples: n }), exact(th.kl(Q2m, P2m, { digits: 20 }))],
  ['JSD, pair 1', (seed) => estimateJsd(P, Q, { seed, samples: n }), exact(th.jsd(Pm, Qm, { digits: 20 }))],
  ['JSD, pair 2', (seed) => estimateJsd(P2, Q2, { seed, samples: n }), exact(th.jsd(P2m, Q2m, { digits: 20 }))],
  ['W1, two samples', (seed) => estimateW1(P, Q, { seed, samples: n, twoSample: true }), exact(th.w1(Pm, Qm, ['0', '1', '3']).distance)],
  // W1(N(0,1), N(1,1)) = 1 exactly: the quantile functions differ by the shift.
  ['W1, sample against a known CDF', (seed) => estimateW1(normal(0, 1), normal(1, 1), { seed, samples: n }), 1],
];

describe(`95% intervals cover the exact value 93–97% of the time (${R} seeded repetitions, n = ${n})`, () => {
  it.each(cases)('%s', (_, run, truth) => {
    const c = coverage(run, truth);
    console.log(`coverage ${_}: ${c}`);
    expect(c, `coverage ${c}`).toBeGreaterThanOrEqual(0.93);
    expect(c, `coverage ${c}`).toBeLessThanOrEqual(0.97);
  });
});

describe('consistency: the error shrinks like 1/√n over a decade', () => {
  const rmse = (run: (seed: number, m: number) => Estimate, m: number, truth: number) => {
    let s = 0;
    const reps = 200;
    for (let seed = 1; seed <= reps; seed++) s += (run(seed, m).estimate - truth) ** 2;
    return Math.sqrt(s / reps);
  };
  it.each([
    ['JSD', (seed: number, m: number) => estimateJsd(P, Q, { seed, samples: m }), exact(th.jsd(Pm, Qm, { digits: 20 }))],
    ['W1', (seed: number, m: number) => estimateW1(normal(0, 1), normal(1, 1), { seed, samples: m }), 1],
  ] as const)('%s: RMSE(n)/RMSE(10n) ≈ √10', (_, run, truth) => {
    const ratio = rmse(run, 300, truth) / rmse(run, 3000, truth);
    expect(ratio).toBeGreaterThan(Math.sqrt(10) / 1.4);
    expect(ratio).toBeLessThan(Math.sqrt(10) * 1.4);
  });
});

describe('the coverage check can fail', () => {
  it('intervals built from half the standard error cover far less than 93%', () => {
    const truth = exact(th.jsd(Pm, Qm, { digits: 20 }));
    const c = coverage((seed) => {
      const e = estimateJsd(P, Q, { seed, samples: n });
      const half = (e.ci[1] - e.ci[0]) / 4;
      return { ...e, ci: [e.estimate - half, e.estimate + half] as const };
    }, truth);
    expect(c).toBeLessThan(0.93);
  });
});

/**
 * Theorems for W1 between 1-D samples (against the exact W1 of the two empirical distributions, from
 * theory's `w1`) and for the optimal discriminator under label smoothing, D*_{α,β} = (α·p + β·q)/(p + q)
 * for a real label α and a fake label β (one-sided smoothing: β = 0; Salimans et al. 2016, §3.4).
 */
import fc from 'fast-check';
import { w1 } from '../../theory/index.js';
import { distributionPair } from '../arbitraries.js';
import { closeTo } from '../matchers.js';
import { copy, require_, TOL, type Theorem } from '../theorem.js';

const sample = fc.array(
  fc.integer({ min: -40, max: 40 }).map((k) => k / 8),
  { minLength: 1, maxLength: 12 },
);

/** W1 of the empirical distributions of x and y, exactly (masses count/n on the merged support). */
function exactW1(x: readonly number[], y: readonly number[]): number {
  const support = [...new Set([...x, ...y])].sort((a, b) => a - b);
  const mass = (s: readonly number[]) => support.map((v) => `${s.filter((z) => z === v).length}/${s.length}`);
  const d = w1(mass(x), mass(y), support.map(String)).exact.distance;
  return Number(d.num) / Number(d.den);
}

/** The theorems on samples and smoothed labels, in the order they run. */
export function sampleTheorems(): Theorem[] {
  return [
    {
      id: 'w1-samples',
      statement: 'W1 between two 1-D samples is the W1 of their empirical distributions (sizes may differ; ties allowed), against the exact value',
      needs: ['w1Samples'],
      property: (impl) =>
        fc.asyncProperty(sample, sample, async (x, y) => {
          const got = await impl.w1Samples(copy(x), copy(y));
          const want = exactW1(x, y);
          require_(closeTo(got, want, TOL).pass, () => `w1Samples(x, y) = ${got}, expected ${want}`);
        }),
    },
    {
      id: 'dstar-smoothed',
      statement: 'under label smoothing (real label α, fake label β) the optimal discriminator is (α·p + β·q)/(p + q) wherever p + q > 0; with β = 0, α·D*',
      needs: ['dstarSmoothed'],
      property: (impl) =>
        fc.asyncProperty(distributionPair(), fc.constantFrom(1, 0.9, 0.8, 0.75), fc.constantFrom(0, 0, 0.1, 0.2), async ({ p, q }, alpha, beta) => {
          const got = await impl.dstarSmoothed(copy(p), copy(q), alpha, beta);
          require_(
            Array.isArray(got) && got.length === p.length,
            () => `dstarSmoothed must return one value per point (${p.length}); got ${JSON.stringify(got)}`,
          );
          p.forEach((pi, i) => {
            const qi = q[i] as number;
            if (pi + qi === 0) return;
            const want = (alpha * pi + beta * qi) / (pi + qi);
            const g = got[i];
            require_(
              typeof g === 'number' && closeTo(g, want, TOL).pass,
              () => `at x${i} (p = ${pi}, q = ${qi}, α = ${alpha}, β = ${beta}) D* = ${String(g)}, expected ${want}`,
            );
          });
        }),
    },
  ];
}

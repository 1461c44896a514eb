import { fc } from '@fast-check/vitest';

/** A pair of distributions over the same points, as exact fraction strings. */
export interface Pair {
  p: string[];
  q: string[];
}

/** Integer counts → exact masses c/Σc (no float ever touches a mass). */
export function massesFromCounts(counts: readonly number[]): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => `${c}/${total}`);
}

/** n counts in [0, 1000], not all zero. */
export function counts(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 1000 }), { minLength: n, maxLength: n }).filter((c) => c.some((v) => v > 0));
}

/** Realistic pairs: 1 to 12 points, masses from integer counts (zeros included). */
export const pairArb: fc.Arbitrary<Pair> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(counts(n), counts(n)))
  .map(([a, b]) => ({ p: massesFromCounts(a), q: massesFromCounts(b) }));

/** A discriminator table with entries k/1000, k ∈ [0, 1000]. */
export function tableArb(n: number): fc.Arbitrary<string[]> {
  return fc.array(fc.nat({ max: 1000 }), { minLength: n, maxLength: n }).map((d) => d.map((k) => `${k}/1000`));
}

const third48 = `0.${'3'.repeat(48)}`;
const oneMinusTiny = `0.${'9'.repeat(300)}`; // 1 − 1e-300, exactly

/** The hard cases every property is also run on (fast-check `examples`). */
export const HARD_PAIRS: Pair[] = [
  // near-equal by 1e-20: JSD ~ 1e-40, every term cancels
  { p: ['1/2', '1/2'], q: ['0.50000000000000000001', '0.49999999999999999999'] },
  // near-equal by 1e-48 on three points
  { p: ['1/3', '1/3', '1/3'], q: [`${third48.slice(0, -1)}4`, third48, third48] },
  // masses like 1e-300, beyond binary64 products
  { p: ['1e-300', oneMinusTiny], q: ['0.5', '0.5'] },
  { p: ['1', '0'], q: ['1e-300', oneMinusTiny] },
  // disjoint supports
  { p: ['1/2', '1/2', '0', '0'], q: ['0', '0', '1/3', '2/3'] },
  // equal
  { p: ['1/5', '4/5'], q: ['1/5', '4/5'] },
  // mode dropping
  { p: ['1/3', '1/3', '1/3'], q: ['1/2', '1/2', '0'] },
  // a single point
  { p: ['1'], q: ['1'] },
];

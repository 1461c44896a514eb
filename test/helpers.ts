import { Decimal } from 'decimal.js';
import { expect } from 'vitest';

/** Decimal arithmetic for checking results; a local clone, never the global configuration. */
export const Dec = Decimal.clone({ precision: 1100 });

/** True when a agrees with b to `k` significant digits: |a − b| ≤ 10^(−k)·|b| (exact decimal arithmetic). */
export function agreesTo(a: string, b: string, k: number): boolean {
  const x = new Dec(a);
  const y = new Dec(b);
  return x
    .minus(y)
    .abs()
    .lte(y.abs().times(new Dec(10).pow(-k)));
}

/** Asserts lower ≤ exact ≤ upper, with "inf"/"-inf" handled explicitly. */
export function expectContains(enclosure: { lower: string; upper: string }, exact: string): void {
  if (exact === 'inf' || exact === '-inf') {
    expect(enclosure.lower).toBe(exact);
    expect(enclosure.upper).toBe(exact);
    return;
  }
  expect(enclosure.lower === 'inf' || enclosure.lower === '-inf', `finite value ${exact} got infinite bounds`).toBe(false);
  const e = new Dec(exact);
  expect(new Dec(enclosure.lower).lte(e), `lower ${enclosure.lower} > exact ${exact}`).toBe(true);
  expect(new Dec(enclosure.upper).gte(e), `upper ${enclosure.upper} < exact ${exact}`).toBe(true);
}

import { ulpDistance } from '../src/testing/matchers.js';
import { assertTheorems, type Implementations } from '../src/testing/index.js';

export { ulpDistance };

/**
 * Relative closeness for float64 results: |a − b| ≤ rtol·|b|, or within `ulps` units in the last
 * place. NaN never matches; ±Infinity match only themselves (unlike tfjs's areClose).
 */
export function expectClose(actual: number, expected: number, { rtol = 0, ulps = 0 }: { rtol?: number; ulps?: number } = {}): void {
  if (Number.isNaN(actual) || Number.isNaN(expected)) expect.fail(`expectClose: NaN (actual ${actual}, expected ${expected})`);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    expect(actual, 'expectClose: infinities must match exactly').toBe(expected);
    return;
  }
  const ok = Math.abs(actual - expected) <= rtol * Math.abs(expected) || ulpDistance(actual, expected) <= ulps;
  expect(ok, `expectClose: ${actual} vs ${expected} (${ulpDistance(actual, expected)} ulps; rtol ${rtol}, ulps ${ulps})`).toBe(true);
}

/** The message assertTheorems throws for `impl` (default seed 0, `numRuns` cases); fails the test when nothing throws. */
export async function theoremFailure(impl: Implementations, numRuns: number): Promise<string> {
  try {
    await assertTheorems(impl, { numRuns });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected assertTheorems to throw');
}

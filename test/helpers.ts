import { Decimal } from 'decimal.js';
import { expect } from 'vitest';

/** Decimal arithmetic for checking results; a local clone, never the global configuration. */
export const Dec = Decimal.clone({ precision: 1100 });

/** True when a agrees with b to `k` significant digits: |a − b| ≤ 10^(−k)·|b| (exact decimal arithmetic). */
export function agreesTo(a: string, b: string, k: number): boolean {
  const x = new Dec(a);
  const y = new Dec(b);
  return x.minus(y).abs().lte(y.abs().times(new Dec(10).pow(-k)));
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

/** Distance in units in the last place between two doubles (0 when equal, Infinity across NaN/∞). */
export function ulpDistance(a: number, b: number): number {
  if (Object.is(a, b) || a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  // Map the sign-magnitude bit patterns onto a monotone integer line.
  const key = (hi: bigint) => (hi & 0x8000000000000000n ? -(hi & 0x7fffffffffffffffn) : hi);
  const d = key(buf.getBigUint64(0)) - key(buf.getBigUint64(8));
  return Number(d < 0n ? -d : d);
}

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

import { Decimal } from 'decimal.js';
import { expect } from 'vitest';

/** Decimal arithmetic for checking results; a local clone, never the global configuration. */
export const Dec = Decimal.clone({ precision: 400 });

/** Number of agreeing significant digits of a and b: −log10(|a − b|/|b|), Infinity when equal. */
export function agreeingDigits(a: string, b: string): number {
  const x = new Dec(a);
  const y = new Dec(b);
  if (x.eq(y)) return Infinity;
  if (y.isZero()) return -Infinity;
  return -x.minus(y).abs().div(y.abs()).log(10).toNumber();
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

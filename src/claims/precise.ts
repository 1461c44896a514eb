/** 80-digit decimals for the built-in checks: comparing certified enclosures with exact constants. */
import { Decimal } from 'decimal.js';
import type { Enclosure } from '../theory/enclosure.js';

/** Decimal arithmetic at 80 digits (enclosures are compared at 40). */
export const D = Decimal.clone({ precision: 80 });
/** A decimal of {@link D}. */
export type Dec = InstanceType<typeof D>;
/** ln 2 at 80 digits. */
export const LN2 = new D(2).ln();
/** ln 4 at 80 digits. */
export const LN4 = new D(4).ln();

/** A fraction string 'a/b' (or 'a') as a float. */
export const frac = (s: string) => {
  const [a, b] = s.split('/');
  return Number(a) / Number(b ?? 1);
};

/** The enclosure [lower, upper] contains x. */
export const contains = (e: Enclosure, x: Dec) => new D(e.lower).lte(x) && x.lte(new D(e.upper));

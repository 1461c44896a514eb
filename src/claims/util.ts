/** Small helpers shared by the built-in checks. */
import { Decimal } from 'decimal.js';
import type { Rng } from '../numeric/rng.js';
import type { Enclosure } from '../theory/enclosure.js';

/** Decimal arithmetic at 80 digits (enclosures are compared at 40). */
export const D = Decimal.clone({ precision: 80 });
export type Dec = InstanceType<typeof D>;
export const LN2 = new D(2).ln();
export const LN4 = new D(4).ln();

export const DOC0 = '000_3ee4abfec5abb774.txt';
export const DOC1 = '001_74b80b0836e81b2a.txt';
export const DOC2 = '002_1e9b12e68fa134a2.txt';
export const DOC3 = '003_cf77f3856df2833f.txt';
export const DOC4 = '004_f063a6daaec1512b.txt';

/** A random distribution on n points with exact rational masses a/Σa, a ∈ {1…50} (or 0 with probability `zero`). */
export function randomDist(rng: Rng, n: number, zero = 0): string[] {
  const a = Array.from({ length: n }, (): number => (rng.uniform() < zero ? 0 : 1 + Math.floor(rng.uniform() * 50)));
  if (!a.some((x) => x > 0)) a[0] = 1;
  const s = a.reduce((x, y) => x + y, 0);
  return a.map((x) => `${x}/${s}`);
}

/** A random discriminator table with values k/64, k ∈ {1…63}. */
export function randomTable(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => `${1 + Math.floor(rng.uniform() * 63)}/64`);
}

export const frac = (s: string) => {
  const [a, b] = s.split('/');
  return Number(a) / Number(b ?? 1);
};

/** The enclosure [lower, upper] contains x. */
export const contains = (e: Enclosure, x: Dec) => new D(e.lower).lte(x) && x.lte(new D(e.upper));

/** Short numbers for evidence lines. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

export const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** max |a − b| relative to max(1, |b|). */
export function relGap(a: readonly number[], b: readonly number[]): number {
  let w = 0;
  a.forEach((x, i) => (w = Math.max(w, Math.abs(x - (b[i] as number)) / Math.max(1, Math.abs(b[i] as number)))));
  return w;
}

export const linspace = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
export { sigmoid } from '../numeric/logistic.js';

/** d/dt of f at t by a central difference. */
export const deriv = (f: (t: number) => number, t: number, h = 1e-6) => (f(t + h) - f(t - h)) / (2 * h);

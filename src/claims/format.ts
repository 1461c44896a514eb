/** Numbers as evidence lines print them. */

/** A short number: `digits` significant digits, exponent form outside [1e-3, 1e5). */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

/** A share as a whole percentage. */
export const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** A value of an entry's numbers as the report shows it: numbers to 6 significant digits (integers whole), the rest as text. */
export function shownValue(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-4 && a < 1e9 ? String(Number(v.toPrecision(6))) : v.toExponential(5).replace(/\.?0+e/, 'e');
}

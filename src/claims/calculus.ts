/** Float64 grids, differences and gaps for the built-in checks' curves. */

/** max |a − b| relative to max(1, |b|). */
export function relGap(a: readonly number[], b: readonly number[]): number {
  let w = 0;
  a.forEach((x, i) => (w = Math.max(w, Math.abs(x - (b[i] as number)) / Math.max(1, Math.abs(b[i] as number)))));
  return w;
}

/** n evenly spaced points from a to b, both included. */
export const linspace = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

/** d/dt of f at t by a central difference. */
export const deriv = (f: (t: number) => number, t: number, h = 1e-6) => (f(t + h) - f(t - h)) / (2 * h);

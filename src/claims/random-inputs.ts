/** Seeded random inputs of the built-in checks: distributions and discriminator tables with exact rational entries. */
import type { Rng } from '../numeric/rng.js';

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

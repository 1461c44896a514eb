/**
 * Every member's evaluation sample sorted, for the W1 of the metrics (numeric `w1DistanceSorted`): in the SIMD
 * kernel (assembly/sort.ts, the radix sort of numeric/wasserstein.ts in WebAssembly, several times faster than
 * in JavaScript) where it compiles, else by TypedArray sort; the same order either way (−0 before +0).
 */
import { instantiate, simdAvailable, type Kernel } from './engines/fused-simd.js';

/** A kernel instance kept for sorting (per thread), with room for samples of up to `n` values. */
let sorter: { k: Kernel; f32: Float32Array; at: number; tmp: number; count: number; n: number } | null = null;

function sorterFor(n: number): NonNullable<typeof sorter> {
  if (sorter !== null && sorter.n >= n) return sorter;
  const { k, base, f32 } = instantiate(8 * n + 3 * 2048 * 4 + 16);
  sorter = { k, f32, at: base, tmp: base + 4 * n, count: base + 8 * n, n };
  return sorter;
}

/** The result's array, kept from call to call (mapping 16 MB anew at every measurement costs more than the sort). */
let kept = new Float32Array(0);

/**
 * samples [K·n] (member k's n values at k·n) → each member's n values sorted ascending, in an array of this
 * module's that the next call overwrites (the metrics read it at once).
 */
export function sortedMembers(samples: Float32Array, K: number, n: number): Float32Array {
  if (kept.length !== K * n) kept = new Float32Array(K * n);
  const out = kept;
  if (!simdAvailable()) {
    for (let k = 0; k < K; k++)
      out.set(
        samples
          .subarray(k * n, (k + 1) * n)
          .slice()
          .sort(),
        k * n,
      );
    return out;
  }
  const s = sorterFor(n);
  const o = s.at / 4;
  for (let k = 0; k < K; k++) {
    s.f32.set(samples.subarray(k * n, (k + 1) * n), o);
    s.k.sortF32(s.at, n, s.tmp, s.count);
    out.set(s.f32.subarray(o, o + n), k * n);
  }
  return out;
}

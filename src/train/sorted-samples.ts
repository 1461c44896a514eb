/**
 * Every member's evaluation sample, for the metrics of a 1-D target: its mean, its sum of squared deviations
 * (for the standard deviation) and its values sorted (for numeric `w1DistanceSorted`). In the SIMD kernel
 * (assembly/sort.ts: the radix sort of numeric/wasserstein.ts and the two sums, in WebAssembly) where it
 * compiles, else here; the same values either way (the sort's order that of TypedArray sort, −0 before +0; each
 * sum from 0 in index order in float64).
 */
import { instantiate, simdAvailable, type Kernel } from './engines/fused-simd.js';

/** What {@link sortedMembers} gives, per member k: sorted [k·n, (k + 1)·n), mean[k] and ss[k] = Σ(x − mean)². */
export interface MemberSamples {
  sorted: Float32Array;
  mean: Float64Array;
  ss: Float64Array;
}

/** A kernel instance kept for this (per thread), with room for four samples of up to `n` values at `at`. */
let kernel: { k: Kernel; f32: Float32Array; f64: Float64Array; at: number; tmp: number; count: number; out: number; n: number } | null = null;

function kernelFor(n: number): NonNullable<typeof kernel> {
  if (kernel !== null && kernel.n >= n) return kernel;
  // four samples, the sort's scratch (n i32) and counts, the moments' out (f64: 8-byte aligned)
  const tmp = 16 * n;
  const count = tmp + 4 * Math.ceil(n / 2) * 2;
  const { k, base, f32, f64 } = instantiate(count + 3 * 2048 * 4 + 64);
  kernel = { k, f32, f64, at: base, tmp: base + tmp, count: base + count, out: base + count + 3 * 2048 * 4, n };
  return kernel;
}

/** The result's arrays, kept from call to call (mapping 16 MB anew at every measurement costs more than the sort). */
let kept: MemberSamples = { sorted: new Float32Array(0), mean: new Float64Array(0), ss: new Float64Array(0) };

/** A sample's mean and sum of squared deviations from it, each sum from 0 in index order (the kernel's momentsF32). */
export function sampleMoments(sample: ArrayLike<number>): { mean: number; ss: number } {
  const n = sample.length;
  // indexed loops (a typed array's iterator costs several times the sum)
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sample[i] as number;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((sample[i] as number) - mean) ** 2;
  return { mean, ss };
}

/**
 * samples [K·n] (member k's n values at k·n) → each member's moments and sorted values, in arrays of this module's
 * that the next call overwrites (the metrics read them at once). Four members at a time: their moments in one loop
 * (four independent sums), then each sorted.
 */
export function sortedMembers(samples: Float32Array, K: number, n: number): MemberSamples {
  if (kept.sorted.length !== K * n || kept.mean.length !== K) kept = { sorted: new Float32Array(K * n), mean: new Float64Array(K), ss: new Float64Array(K) };
  const { sorted, mean, ss } = kept;
  if (!simdAvailable()) {
    for (let k = 0; k < K; k++) {
      const sample = samples.subarray(k * n, (k + 1) * n);
      const m = sampleMoments(sample);
      mean[k] = m.mean;
      ss[k] = m.ss;
      sorted.set(sample.slice().sort(), k * n);
    }
    return kept;
  }
  const s = kernelFor(n);
  const o = s.at / 4;
  for (let k = 0; k < K; k += 4) {
    const lanes = Math.min(4, K - k);
    s.f32.set(samples.subarray(k * n, (k + lanes) * n), o);
    if (lanes === 4) s.k.momentsF32x4(s.at, n, s.out);
    else for (let L = 0; L < lanes; L++) s.k.momentsF32(s.at + 4 * L * n, n, s.out + 16 * L);
    for (let L = 0; L < lanes; L++) {
      mean[k + L] = s.f64[s.out / 8 + 2 * L] as number;
      ss[k + L] = s.f64[s.out / 8 + 2 * L + 1] as number;
      s.k.sortF32(s.at + 4 * L * n, n, s.tmp, s.count);
    }
    sorted.set(s.f32.subarray(o, o + lanes * n), k * n);
  }
  return kept;
}

/**
 * Every member's evaluation sample, for the metrics of a 1-D target: its mean, its sum of squared deviations
 * (for the standard deviation), its values sorted and, given the target, its W1 to it (numeric
 * `w1DistancesSorted`). In the SIMD kernel (assembly/sort.ts: the radix sort of numeric/wasserstein.ts, the two
 * sums and the coupling's sum, in WebAssembly) where it compiles, else here; the same values either way (the
 * sort's order that of TypedArray sort, −0 before +0; each sum from 0 in index order in float64; the coupling's
 * terms and Neumaier steps those of numeric, a row whose term needs F itself computed by numeric's own function).
 */
import { quantileTable, coupledTerm, w1DistancesSorted } from '../numeric/wasserstein.js';
import type { Dist1D } from '../numeric/index.js';
import { lanesOf, type Precision } from './config.js';
import type { MemberSamples } from './engines/types.js';
import { Bump, evalKernel, forwardLanes, instantiate, simdAvailable, type EvalKernel, type Kernel } from './engines/fused-simd.js';

export type { MemberSamples } from './engines/types.js';

/**
 * The sort's areas in a kernel instance: four samples of up to `n` values at `at`, the sort's scratch and counts, the
 * moments' out, the coupling's state and a target's tables: q (n + 1 f64) and d (n f64: the differences PM[i+1] −
 * PM[i]), for the target and n in `tables`.
 */
interface SortArea {
  k: Kernel;
  f32: Float32Array;
  f64: Float64Array;
  at: number;
  tmp: number;
  count: number;
  out: number;
  state: number;
  q: number;
  d: number;
  qf: number;
  n: number;
  tables: { dist: Dist1D; n: number; table: Tables } | null;
}

/** The areas after `at`, taken from `mem` (16-byte aligned, in this order): their offsets from mem's start. */
function takeAreas(mem: Bump, n: number) {
  return {
    tmp: mem.take(8 * n),
    count: mem.take(2 * 3 * 2048 * 4),
    out: mem.take(64),
    state: mem.take(288),
    q: mem.take(8 * (n + 1)),
    d: mem.take(8 * n),
    qf: mem.take(8 * (n + 1)),
  };
}

/** Bytes of the areas after `at`. */
function bytesAfter(n: number): number {
  const mem = new Bump();
  takeAreas(mem, n);
  return mem.top;
}

/** The areas after `at`, placed from byte `from` of the instance (16-byte aligned) on. */
function placeAreas(k: Kernel, f32: Float32Array, f64: Float64Array, at: number, from: number, n: number): SortArea {
  const a = takeAreas(new Bump(), n);
  return {
    k,
    f32,
    f64,
    at,
    tmp: from + a.tmp,
    count: from + a.count,
    out: from + a.out,
    state: from + a.state,
    q: from + a.q,
    d: from + a.d,
    qf: from + a.qf,
    n,
    tables: null,
  };
}

/** A kernel instance kept for {@link sortedMembers} (per thread), with room for n values a sample. */
let kernel: SortArea | null = null;

function kernelFor(n: number): SortArea {
  if (kernel !== null && kernel.n >= n) return kernel;
  const mem = new Bump();
  const at = mem.take(16 * n);
  const areas = mem.take(bytesAfter(n));
  const { k, base, f32, f64 } = instantiate(mem.top);
  kernel = placeAreas(k, f32, f64, base + at, base + areas, n);
  return kernel;
}

/** The sort's areas in the evaluation kernels of {@link generatedMembers}, by kernel. */
const generatedAreas = new WeakMap<EvalKernel, SortArea>();

/** The result's arrays, kept from call to call (mapping 16 MB anew at every measurement costs more than the sort). */
let kept: MemberSamples = { sorted: new Float32Array(0), mean: new Float64Array(0), ss: new Float64Array(0), w1: new Float64Array(0) };

/** A sample's mean and sum of squared deviations from it, each sum from 0 in index order (the kernel's momentsF32x4). */
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
 * samples [K·n] (member k's n values at k·n) → each member's moments, sorted values and, given a 1-D target, W1 to
 * it, in arrays of this module's that the next call overwrites (the metrics read them at once). Four members at a
 * time: their moments in one loop (four independent sums), each sorted, then the four couplings in one loop.
 * keepSorted false (with a target): the sorted values are not copied out (the metrics need only the sums).
 * @throws numeric's NumericError (from `w1DistancesSorted`) for a sample with a value that is not finite.
 */
export function sortedMembers(samples: Float32Array, K: number, n: number, target?: Dist1D, keepSorted = true): MemberSamples {
  const W = target === undefined ? 0 : K;
  // the sorted values are kept where asked for, or where there is no kernel (the coupling then reads them)
  const S = keepSorted || target === undefined || !simdAvailable() ? K * n : 0;
  if (kept.sorted.length !== S || kept.mean.length !== K || kept.w1.length !== W)
    kept = { sorted: new Float32Array(S), mean: new Float64Array(K), ss: new Float64Array(K), w1: new Float64Array(W) };
  const { sorted, mean, ss, w1 } = kept;
  if (!simdAvailable()) {
    for (let k = 0; k < K; k++) {
      const sample = samples.subarray(k * n, (k + 1) * n);
      const m = sampleMoments(sample);
      mean[k] = m.mean;
      ss[k] = m.ss;
      sorted.set(sample.slice().sort(), k * n);
    }
    if (target !== undefined) w1DistancesSorted(sorted, K, n, target, w1);
    return kept;
  }
  const s = kernelFor(n);
  const o = s.at / 4;
  // the target's tables, placed in the kernel once per target and n (numeric keeps them only for n ≤ 2¹⁶)
  const table = target === undefined ? null : placeTables(s, target, n);
  let bad = false;
  for (let k = 0; k < K; k += 4) {
    const lanes = Math.min(4, K - k);
    s.f32.set(samples.subarray(k * n, (k + lanes) * n), o);
    bad = summariseGroup(s, k, lanes, n, S > 0, target, table, bad);
  }
  if (bad && target !== undefined) namedBadValue(S > 0 ? null : samples, K, n, target);
  return kept;
}

/**
 * {@link sortedMembers} of G's samples on the noise z, without the samples: G (sizes: a scalar output) evaluated
 * in the kernel four members at a time (engines/fused-simd.ts forwardLanes, the evaluation's values: two pairs on
 * float64 lanes or a quad on float32 lanes), each group's samples then summarised where they lie. K members, n rows
 * of z each ([K·n·n₀]); p: G's parameters [K·P]. samplesOut: where given ([K·n]), the samples are written there too.
 * The same values as forwardPairs then sortedMembers (keepSorted false).
 * @throws numeric's NumericError for a sample with a value that is not finite.
 */
export function generatedMembers(
  p: Float32Array,
  sizes: number[],
  z: Float32Array,
  K: number,
  n: number,
  precision: Precision | undefined,
  target: Dist1D,
  samplesOut?: Float32Array,
): MemberSamples {
  if (sizes[sizes.length - 1] !== 1) throw new RangeError(`generatedMembers: G must have one output; got sizes ${JSON.stringify(sizes)}`);
  if (z.length !== K * n * (sizes[0] as number))
    throw new RangeError(`generatedMembers: z must hold K·n·n₀ = ${K * n * (sizes[0] as number)} values; got ${z.length}`);
  const W = lanesOf(precision);
  // a hidden layer on scalar noise (the seed toy's G): member by member, lanes = values; else by lane groups
  const one = sizes.length === 3 && sizes[0] === 1;
  const { s, make } = one ? byMember(p, sizes[1] as number, z, n, W) : byLanes(p, sizes, z, K, n, W);
  if (kept.sorted.length !== 0 || kept.mean.length !== K || kept.w1.length !== K)
    kept = { sorted: new Float32Array(0), mean: new Float64Array(K), ss: new Float64Array(K), w1: new Float64Array(K) };
  const table = placeTables(s, target, n);
  const o = s.at / 4;
  let bad = false;
  for (let k = 0; k < K; k += 4) {
    const lanes = Math.min(4, K - k);
    make(k, lanes);
    if (samplesOut !== undefined) samplesOut.set(s.f32.subarray(o, o + lanes * n), k * n);
    bad = summariseGroup(s, k, lanes, n, false, target, table, bad);
  }
  if (bad) {
    // the samples again, whole, for numeric's reading of the bad value
    const all = samplesOut ?? new Float32Array(K * n);
    if (samplesOut === undefined)
      for (let k = 0; k < K; k += 4) {
        const lanes = Math.min(4, K - k);
        make(k, lanes);
        all.set(s.f32.subarray(o, o + lanes * n), k * n);
      }
    namedBadValue(all, K, n, target);
  }
  return kept;
}

/** Where {@link generatedMembers} makes four members' samples (members k … k + lanes − 1 at s.at, member k + L's at s.at + 4·L·n). */
interface Maker {
  s: SortArea;
  make(k: number, lanes: number): void;
}

/** G in lane groups (engines/fused-simd.ts forwardLanes: two pairs on float64 lanes or a quad on float32 lanes). */
function byLanes(p: Float32Array, sizes: number[], z: Float32Array, K: number, n: number, W: 2 | 4): Maker {
  const ek = evalKernel(sizes, n, bytesAfter(n));
  let s = generatedAreas.get(ek);
  if (s === undefined) {
    s = placeAreas(ek.k, ek.f32, ek.f64, ek.flat, ek.extraAt, n);
    generatedAreas.set(ek, s);
  }
  return {
    s,
    make(k, lanes) {
      for (let j = 0; j < lanes; j += W) forwardLanes(ek, p, z, K, k + j, W, j);
    },
  };
}

/** The kernel of {@link byMember} (per thread), with its sort areas and, after them, the noise, the parameters and the work area. */
let memberKernel: { s: SortArea; z: number; p: number; work: number; n: number; h: number } | null = null;

/**
 * G of one hidden layer of h units on scalar noise, member by member (the kernel's hiddenMembers: four of a member's
 * values a vector on float32 lanes, two on float64 lanes, the evaluation's operations; a unit that no value of the
 * member's noise turns on left out of its sums, which leaves them as they are: see there).
 */
function byMember(p: Float32Array, h: number, z: Float32Array, n: number, W: 2 | 4): Maker {
  const P = 3 * h + 1;
  if (memberKernel === null || memberKernel.n !== n || memberKernel.h < h) {
    // four samples at `at`, the sort's areas, then four members' noise, parameters and the work area
    const mem = new Bump();
    const at = mem.take(16 * n);
    const areas = mem.take(bytesAfter(n));
    const zAt = mem.take(16 * n);
    const pAt = mem.take(16 * P);
    const work = mem.take(16 * P + 64);
    const { k, base, f32, f64 } = instantiate(mem.top);
    memberKernel = { s: placeAreas(k, f32, f64, base + at, base + areas, n), z: base + zAt, p: base + pAt, work: base + work, n, h };
  }
  const m = memberKernel;
  const { s } = m;
  return {
    s,
    make(k, lanes) {
      s.f32.set(z.subarray(k * n, (k + lanes) * n), m.z / 4);
      s.f32.set(p.subarray(k * P, (k + lanes) * P), m.p / 4);
      s.k.hiddenMembers(m.p, h, lanes, m.z, n, s.at, W === 4 ? 1 : 0, m.work);
    },
  };
}

/**
 * The four samples at s.at of members k … k + lanes − 1: their moments into kept.mean and kept.ss, each sorted (in
 * place; copied into kept.sorted when `keep`) and, with a target and no bad value met before (`bad`), their W1
 * into kept.w1. Returns whether a bad value has been met (now or before).
 */
function summariseGroup(
  s: SortArea,
  k: number,
  lanes: number,
  n: number,
  keep: boolean,
  target: Dist1D | undefined,
  table: Tables | null,
  bad: boolean,
): boolean {
  const { mean, ss, sorted, w1 } = kept;
  const o = s.at / 4;
  // the last group's empty lanes carry a copy of its first sample (their sums and distances are not read)
  for (let L = lanes; L < 4; L++) s.f32.copyWithin(o + L * n, o, o + n);
  s.k.momentsF32x4(s.at, n, s.out);
  for (let L = 0; L < lanes; L++) {
    mean[k + L] = s.f64[s.out / 8 + 2 * L] as number;
    ss[k + L] = s.f64[s.out / 8 + 2 * L + 1] as number;
  }
  // two samples a sort (the empty lanes' copies sorted too: the coupling reads them in order)
  s.k.sortF32x2(s.at, s.at + 4 * n, n, s.tmp, s.tmp + 4 * n, s.count);
  s.k.sortF32x2(s.at + 8 * n, s.at + 12 * n, n, s.tmp, s.tmp + 4 * n, s.count);
  if (keep) sorted.set(s.f32.subarray(o, o + lanes * n), k * n);
  if (target === undefined || table === null || bad) return bad;
  const got = couple4(s, n, target, table);
  if (got === null) return true;
  for (let L = 0; L < lanes; L++) w1[k + L] = got[L] as number;
  return false;
}

/**
 * A value that is not finite: numeric's own reading of the sorted samples names it (throws). samples: the samples
 * [K·n] to sort here, or null where kept.sorted holds them sorted.
 */
function namedBadValue(samples: Float32Array | null, K: number, n: number, target: Dist1D): void {
  let all = kept.sorted;
  if (samples !== null) {
    all = new Float32Array(K * n);
    for (let k = 0; k < K; k++) all.set(samples.slice(k * n, (k + 1) * n).sort(), k * n);
  }
  w1DistancesSorted(all, K, n, target, kept.w1);
}

/** The largest float32 at or below x (x not NaN): x rounded to float32, one step down where that rounded up. */
export function float32Below(x: number): number {
  const r = Math.fround(x);
  if (r <= x) return r;
  // one float32 step towards −∞ (r > x: r is not −∞, and r = 0 steps to the negative subnormal)
  const b = new Float32Array([r]);
  const u = new Int32Array(b.buffer);
  if (r === 0) u[0] = 0x8000_0001 | 0;
  else if (r > 0) u[0] = (u[0] as number) - 1;
  else u[0] = (u[0] as number) + 1;
  return b[0] as number;
}

type Tables = { q: Float64Array; pm: Float64Array };

/** The target's tables for samples of n (numeric's quantileTable) in the kernel's memory, once per target and n; the tables. */
function placeTables(s: SortArea, target: Dist1D, n: number): Tables {
  if (s.tables !== null && s.tables.dist === target && s.tables.n === n) return s.tables.table;
  const table = quantileTable(target, n);
  const { q, pm } = table;
  s.f64.set(q, s.q / 8);
  // the differences numeric's coupling forms, b − a, in the same operation
  for (let i = 0; i < n; i++) s.f64[s.d / 8 + i] = (pm[i + 1] as number) - (pm[i] as number);
  // the quantiles rounded down, then up, to float32 (the blocks' checks: exact for float32 values)
  for (let i = 0; i <= n; i++) {
    s.f32[s.qf / 4 + i] = float32Below(q[i] as number);
    s.f32[s.qf / 4 + n + 1 + i] = -float32Below(-(q[i] as number));
  }
  s.tables = { dist: target, n, table };
  return table;
}

/**
 * W1 of the four sorted samples at the kernel's `at` to the target (numeric coupledDistance's sums, four at a time
 * in the kernel), or null where a value is not finite or out of order. A row whose term needs F itself (some lane's
 * value strictly between two of F's quantiles) is added here, by numeric's coupledTerm and the same Neumaier step.
 */
function couple4(s: SortArea, n: number, target: Dist1D, table: Tables): number[] | null {
  const st = s.state / 8;
  const f = s.f64;
  f.fill(0, st, st + 8);
  f.fill(-Infinity, st + 8, st + 12);
  const { q, pm } = table;
  // lane L's sum at st + L, its compensation at st + 4 + L, its previous value at st + 8 + L
  for (let from = 0; ; ) {
    const r = s.k.coupling4(s.at, n, s.q, s.d, s.qf, s.state, from);
    if (r === n) break;
    if (r < 0) return null;
    for (let L = 0; L < 4; L++) {
      const x = s.f32[s.at / 4 + L * n + r] as number;
      const term = coupledTerm(target, x, r, n, q[r] as number, q[r + 1] as number, pm[r] as number, pm[r + 1] as number);
      const sum = f[st + L] as number;
      const t = sum + term;
      if (Math.abs(sum) >= Math.abs(term)) f[st + 4 + L] = (f[st + 4 + L] as number) + (sum - t + term);
      else f[st + 4 + L] = (f[st + 4 + L] as number) + (term - t + sum);
      f[st + L] = t;
      f[st + 8 + L] = x;
    }
    from = r + 1;
  }
  return [0, 1, 2, 3].map((L) => Math.max((f[st + L] as number) + (f[st + 4 + L] as number), 0));
}

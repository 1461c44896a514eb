// The radix sort of float32 samples (src/numeric/wasserstein.ts `sortedSample`, the same order: that of
// TypedArray sort, −0 before +0), for the trainer's metrics: a member's evaluation sample sorted here
// instead of in JavaScript, several times faster (src/train/sorted-samples.ts).

/**
 * Sorts two samples of n float32 values in place, at `at` and `at2`, each by a radix sort of its bits: keys that
 * order, as unsigned integers, as the floats do (a negative float's bits all flipped, the others' sign bit), three
 * passes of 11, 11 and 10 bits, the three digits counted in one read, a pass skipped where every key of both samples
 * has the same digit; the keys formed and turned back four at a time, the counts' running sums four at a time. The
 * two sorts run in one loop: where one sample's keys fall on the same count one after another, the other's work
 * fills the wait. tmp, tmp2: room for n i32 each; count: room for 2·5120 i32 (2048 + 2048 + 1024 counts a sample).
 */
export function sortF32x2(at: usize, at2: usize, n: i32, tmp: usize, tmp2: usize, count: usize): void {
  const count2 = count + COUNTS * 4;
  keysIn(at, n);
  keysIn(at2, n);
  memory.fill(count, 0, 2 * COUNTS * 4);
  for (let i = 0; i < n; i++) {
    countKey(count, load<i32>(at + ((<usize>i) << 2)));
    countKey(count2, load<i32>(at2 + ((<usize>i) << 2)));
  }
  let keys = at;
  let other = tmp;
  let keys2 = at2;
  let other2 = tmp2;
  for (let pass = 0; pass < 3; pass++) {
    const base = count + ((<usize>(pass * 2048)) << 2);
    const base2 = count2 + ((<usize>(pass * 2048)) << 2);
    const shift = pass * 11;
    const skip = load<i32>(base + ((<usize>((load<i32>(keys) >>> shift) & 2047)) << 2)) == n;
    const skip2 = load<i32>(base2 + ((<usize>((load<i32>(keys2) >>> shift) & 2047)) << 2)) == n;
    if (skip && skip2) continue;
    // a pass one sample could skip moves none of its keys; it is made for both
    runningSums(base, pass == 2 ? 1024 : 2048);
    runningSums(base2, pass == 2 ? 1024 : 2048);
    for (let i = 0; i < n; i++) {
      place(keys, other, base, shift, i);
      place(keys2, other2, base2, shift, i);
    }
    let t = keys;
    keys = other;
    other = t;
    t = keys2;
    keys2 = other2;
    other2 = t;
  }
  keysOut(keys, at, n);
  keysOut(keys2, at2, n);
}

/** The counts of the three digits: 2048 + 2048 + 1024. */
const COUNTS = 5120;

/** The n float32 values at `at` turned into their keys, in place, four at a time. */
@inline
function keysIn(at: usize, n: i32): void {
  const whole = n & ~3;
  const sign = i32x4.splat(0x8000_0000);
  for (let i = 0; i < whole; i += 4) {
    const p = at + ((<usize>i) << 2);
    const b = v128.load(p);
    v128.store(p, v128.xor(b, v128.or(i32x4.shr_s(b, 31), sign)));
  }
  for (let i = whole; i < n; i++) {
    const p = at + ((<usize>i) << 2);
    const b = load<i32>(p);
    store<i32>(p, b ^ ((b >> 31) | 0x8000_0000));
  }
}

/** The n keys at `keys` turned back into float32 bits at `at`, four at a time. */
@inline
function keysOut(keys: usize, at: usize, n: i32): void {
  const whole = n & ~3;
  const sign = i32x4.splat(0x8000_0000);
  for (let i = 0; i < whole; i += 4) {
    const k = v128.load(keys + ((<usize>i) << 2));
    v128.store(at + ((<usize>i) << 2), v128.xor(k, v128.or(i32x4.shr_s(v128.not(k), 31), sign)));
  }
  for (let i = whole; i < n; i++) {
    const k = load<i32>(keys + ((<usize>i) << 2));
    store<i32>(at + ((<usize>i) << 2), k ^ ((~k >> 31) | 0x8000_0000));
  }
}

/** One key counted under each of its three digits. */
@inline
function countKey(count: usize, k: i32): void {
  const c0 = count + ((<usize>(k & 2047)) << 2);
  const c1 = count + ((<usize>(2048 + ((k >>> 11) & 2047))) << 2);
  const c2 = count + ((<usize>(4096 + (k >>> 22))) << 2);
  store<i32>(c0, load<i32>(c0) + 1);
  store<i32>(c1, load<i32>(c1) + 1);
  store<i32>(c2, load<i32>(c2) + 1);
}

/** Each of `digits` counts at base replaced by the sum of the counts before it, four at a time (the same integers). */
@inline
function runningSums(base: usize, digits: i32): void {
  const zero = i32x4.splat(0);
  let total = zero;
  for (let d = 0; d < digits; d += 4) {
    const c = base + ((<usize>d) << 2);
    const v = v128.load(c);
    let inclusive = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 4, 5, 6));
    inclusive = i32x4.add(inclusive, v128.shuffle<i32>(zero, inclusive, 0, 1, 4, 5));
    v128.store(c, i32x4.add(total, i32x4.sub(inclusive, v)));
    total = i32x4.add(total, v128.shuffle<i32>(inclusive, inclusive, 3, 3, 3, 3));
  }
}

/** Key i of `keys` to its place in `other` by its digit at `shift` (the running sums at base). */
@inline
function place(keys: usize, other: usize, base: usize, shift: i32, i: i32): void {
  const k = load<i32>(keys + ((<usize>i) << 2));
  const c = base + ((<usize>((k >>> shift) & 2047)) << 2);
  const to = load<i32>(c);
  store<i32>(c, to + 1);
  store<i32>(other + ((<usize>to) << 2), k);
}

/**
 * Lanes of values between the caller's layout, each lane's n float32 values contiguous (lane L's at flat + 4·L·n),
 * and the kernel's, a 16-byte value a row (lane L at 8·L as f64 on float64 lanes, 4·L as f32 on float32 lanes).
 * toKernel: flat → kernel (a float32 value is exact in float64); else kernel → flat (float64 lanes rounded to
 * float32, as a Float32Array store rounds them). Full groups of lanes four rows at a time by shuffles (a 4×4
 * transpose on float32 lanes; pairs promoted or demoted on float64 lanes: the same roundings), the rest value by value.
 */
export function interleave(flat: usize, kernel: usize, lanes: i32, n: i32, f32lanes: bool, toKernel: bool): void {
  let done = 0;
  const full = f32lanes ? lanes == 4 : lanes == 2;
  if (full) {
    done = n & ~3;
    const stride = (<usize>n) << 2;
    if (f32lanes && toKernel) for (let i = 0; i < done; i += 4) transpose4(flat + ((<usize>i) << 2), stride, kernel + ((<usize>i) << 4), 16);
    else if (f32lanes) for (let i = 0; i < done; i += 4) transpose4(kernel + ((<usize>i) << 4), 16, flat + ((<usize>i) << 2), stride);
    else if (toKernel) {
      for (let i = 0; i < done; i += 4) {
        const a = v128.load(flat + ((<usize>i) << 2));
        const b = v128.load(flat + stride + ((<usize>i) << 2));
        const lo = v128.shuffle<i32>(a, b, 0, 4, 1, 5);
        const hi = v128.shuffle<i32>(a, b, 2, 6, 3, 7);
        const k = kernel + ((<usize>i) << 4);
        v128.store(k, f64x2.promote_low_f32x4(lo));
        v128.store(k, f64x2.promote_low_f32x4(v128.shuffle<i64>(lo, lo, 1, 1)), 16);
        v128.store(k, f64x2.promote_low_f32x4(hi), 32);
        v128.store(k, f64x2.promote_low_f32x4(v128.shuffle<i64>(hi, hi, 1, 1)), 48);
      }
    } else {
      for (let i = 0; i < done; i += 4) {
        const k = kernel + ((<usize>i) << 4);
        // rows i, i + 1 → (a_i, b_i, a_{i+1}, b_{i+1}); rows i + 2, i + 3 likewise
        const lo = v128.shuffle<i64>(f32x4.demote_f64x2_zero(v128.load(k)), f32x4.demote_f64x2_zero(v128.load(k, 16)), 0, 2);
        const hi = v128.shuffle<i64>(f32x4.demote_f64x2_zero(v128.load(k, 32)), f32x4.demote_f64x2_zero(v128.load(k, 48)), 0, 2);
        v128.store(flat + ((<usize>i) << 2), v128.shuffle<i32>(lo, hi, 0, 2, 4, 6));
        v128.store(flat + stride + ((<usize>i) << 2), v128.shuffle<i32>(lo, hi, 1, 3, 5, 7));
      }
    }
  }
  for (let L = 0; L < lanes; L++) {
    const src = flat + ((<usize>(L * n)) << 2);
    const lane = kernel + (f32lanes ? (<usize>L) << 2 : (<usize>L) << 3);
    for (let i = done; i < n; i++) {
      const f = src + ((<usize>i) << 2);
      const k = lane + ((<usize>i) << 4);
      if (toKernel) {
        if (f32lanes) store<f32>(k, load<f32>(f));
        else store<f64>(k, <f64>load<f32>(f));
      } else if (f32lanes) store<f32>(f, load<f32>(k));
      else store<f32>(f, <f32>load<f64>(k));
    }
  }
}

/**
 * A 4×4 transpose of 32-bit values: the four vectors at src, src + sStride, … become the four at dst, dst + dStride, …
 * (the j-th value of the i-th source vector the i-th value of the j-th destination vector).
 */
@inline
function transpose4(src: usize, sStride: usize, dst: usize, dStride: usize): void {
  const v0 = v128.load(src);
  const v1 = v128.load(src + sStride);
  const v2 = v128.load(src + 2 * sStride);
  const v3 = v128.load(src + 3 * sStride);
  const t0 = v128.shuffle<i32>(v0, v1, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(v0, v1, 2, 6, 3, 7);
  const t2 = v128.shuffle<i32>(v2, v3, 0, 4, 1, 5);
  const t3 = v128.shuffle<i32>(v2, v3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<i64>(t0, t2, 0, 2));
  v128.store(dst + dStride, v128.shuffle<i64>(t0, t2, 1, 3));
  v128.store(dst + 2 * dStride, v128.shuffle<i64>(t1, t3, 0, 2));
  v128.store(dst + 3 * dStride, v128.shuffle<i64>(t1, t3, 1, 3));
}

/**
 * Four samples' means and sums of squared deviations (lane L's n float32 values at at + 4·L·n; its mean, Σx/n, at
 * out + 16·L and Σ(x − mean)² at out + 16·L + 8): each sum from 0 in index order in float64, the operations of
 * src/train/sorted-samples.ts's sampleMoments (JavaScript's (x − mean) ** 2 is V8's fdlibm pow, which returns x·x
 * for the exponent 2); four independent sums keep the adder busy.
 */
export function momentsF32x4(at: usize, n: i32, out: usize): void {
  const s = (<usize>n) << 2;
  let m0: f64 = 0;
  let m1: f64 = 0;
  let m2: f64 = 0;
  let m3: f64 = 0;
  for (let i = 0; i < n; i++) {
    const p = at + ((<usize>i) << 2);
    m0 += <f64>load<f32>(p);
    m1 += <f64>load<f32>(p + s);
    m2 += <f64>load<f32>(p + 2 * s);
    m3 += <f64>load<f32>(p + 3 * s);
  }
  m0 /= <f64>n;
  m1 /= <f64>n;
  m2 /= <f64>n;
  m3 /= <f64>n;
  let s0: f64 = 0;
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  for (let i = 0; i < n; i++) {
    const p = at + ((<usize>i) << 2);
    const d0 = <f64>load<f32>(p) - m0;
    const d1 = <f64>load<f32>(p + s) - m1;
    const d2 = <f64>load<f32>(p + 2 * s) - m2;
    const d3 = <f64>load<f32>(p + 3 * s) - m3;
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
  }
  store<f64>(out, m0);
  store<f64>(out, s0, 8);
  store<f64>(out, m1, 16);
  store<f64>(out, s1, 24);
  store<f64>(out, m2, 32);
  store<f64>(out, s2, 40);
  store<f64>(out, m3, 48);
  store<f64>(out, s3, 56);
}

/**
 * The coupling sum of numeric/wasserstein.ts (`coupledDistance`: W1 between a sorted sample and F) for four sorted
 * samples at once, lane L's n float32 values at xs + 4·L·n: each term x/n − (PM[i+1] − PM[i]) or its negative, summed
 * as there (Neumaier, the same operations in the same order; lanes 0–1 and 2–3 in two f64x2). q: F's quantiles, n + 1
 * f64; d: PM[i+1] − PM[i], n f64 (the differences numeric forms); qf: q rounded down to float32 (n + 1 f32), then q
 * rounded up (n + 1 f32), for the blocks' checks. x/n is x·(1/n) where n is a power of two (the same
 * value: a power of two scales exactly). state: the sums, compensations and previous values (six f64x2: sum 0–1,
 * sum 2–3, comp 0–1, comp 2–3, prev 0–1, prev 2–3), read at `from` and written back, then 64 + 128 bytes of scratch. Returns n when done; i where some
 * lane's x₍ᵢ₎ lies strictly inside (q[i], q[i+1]) (its term needs F itself: the caller adds row i and goes on from
 * i + 1); −1 − i where some lane's x₍ᵢ₎ is not finite or below the value before it (the caller's own check names it).
 * Rows go four at a time, checked as a block first, where no row of the block needs the caller.
 */
export function coupling4(xs: usize, n: i32, q: usize, d: usize, qf: usize, state: usize, from: i32): i32 {
  // the division chosen here, once: a choice inside the loop would be a select, both sides computed
  return (n & (n - 1)) == 0 ? couplingT<u32>(xs, n, q, d, qf, state, from) : couplingT<u64>(xs, n, q, d, qf, state, from);
}

/** x/n on two lanes: x·(1/n) for M = u32 (n a power of two: the same value), else the division. */
@inline
function overN<M>(x: v128, inv: v128, nn: v128): v128 {
  return sizeof<M>() == 4 ? f64x2.mul(x, inv) : f64x2.div(x, nn);
}

/** A row's term on two lanes: PM[i+1] − PM[i] − x/n at or below the lower quantile, else its negative (numeric's order). */
@inline
function termOf<M>(x: v128, dd: v128, below: v128, inv: v128, nn: v128): v128 {
  const u = overN<M>(x, inv, nn);
  return v128.bitselect(f64x2.sub(dd, u), f64x2.sub(u, dd), below);
}

/** Neumaier's compensation after t = s + e on two lanes: c + ((s − t) + e) where |s| ≥ |e|, else c + ((e − t) + s). */
@inline
function compensated(c: v128, s: v128, e: v128, t: v128): v128 {
  return f64x2.add(c, v128.bitselect(f64x2.add(f64x2.sub(s, t), e), f64x2.add(f64x2.sub(e, t), s), f64x2.ge(f64x2.abs(s), f64x2.abs(e))));
}

/** coupling4's loop, its x/n by overN<M>. */
function couplingT<M>(xs: usize, n: i32, q: usize, d: usize, qf: usize, state: usize, from: i32): i32 {
  const stride = (<usize>n) << 2;
  const scratch = state + 96;
  const terms = state + 160;
  const nn = f64x2.splat(<f64>n);
  const inv = f64x2.splat(1 / <f64>n);
  const zero = f64x2.splat(0);
  let sA = v128.load(state);
  let sB = v128.load(state, 16);
  let cA = v128.load(state, 32);
  let cB = v128.load(state, 48);
  let pA = v128.load(state, 64);
  let pB = v128.load(state, 80);
  let i = from;
  let stop = n;
  while (i < n) {
    // the rows to add: four (a block checked at once) or one (checked on its own); row j's lanes 0–1 in xj,
    // 2–3 in yj, and which of them lie at or below the row's lower quantile in bj, cj
    let rows = 0;
    let x0 = zero;
    let y0 = zero;
    let b0 = zero;
    let c0 = zero;
    let x1 = zero;
    let y1 = zero;
    let b1 = zero;
    let c1 = zero;
    let x2 = zero;
    let y2 = zero;
    let b2 = zero;
    let c2 = zero;
    let x3 = zero;
    let y3 = zero;
    let b3 = zero;
    let c3 = zero;
    if (i + 4 <= n) {
      // lanes transposed into rows (through the state's scratch): r_j = (x₀, x₁, x₂, x₃) of row i + j
      transpose4(xs + ((<usize>i) << 2), stride, scratch, 16);
      const r0 = v128.load(scratch);
      const r1 = v128.load(scratch, 16);
      const r2 = v128.load(scratch, 32);
      const r3 = v128.load(scratch, 48);
      // which values lie at or below the row's lower quantile, or at or above its upper one: a float32 value x is ≤ q
      // exactly when x ≤ q rounded down to float32, and ≥ q exactly when x ≥ q rounded up (qf's two tables)
      const qa = qf + ((<usize>i) << 2);
      const qb = qa + ((<usize>(n + 1)) << 2);
      const l0 = f32x4.le(r0, f32x4.splat(load<f32>(qa)));
      const l1 = f32x4.le(r1, f32x4.splat(load<f32>(qa, 4)));
      const l2 = f32x4.le(r2, f32x4.splat(load<f32>(qa, 8)));
      const l3 = f32x4.le(r3, f32x4.splat(load<f32>(qa, 12)));
      const o0 = v128.or(l0, f32x4.ge(r0, f32x4.splat(load<f32>(qb, 4))));
      const o1 = v128.or(l1, f32x4.ge(r1, f32x4.splat(load<f32>(qb, 8))));
      const o2 = v128.or(l2, f32x4.ge(r2, f32x4.splat(load<f32>(qb, 12))));
      const o3 = v128.or(l3, f32x4.ge(r3, f32x4.splat(load<f32>(qb, 16))));
      if (blockPlain(r0, r3, r1, r2, pA, pB) && i32x4.all_true(v128.and(v128.and(o0, o1), v128.and(o2, o3)))) {
        rows = 4;
        // the block's values in float64 (exact), and the lanes' masks widened to them
        x0 = f64x2.promote_low_f32x4(r0);
        y0 = f64x2.promote_low_f32x4(v128.shuffle<i64>(r0, r0, 1, 1));
        x1 = f64x2.promote_low_f32x4(r1);
        y1 = f64x2.promote_low_f32x4(v128.shuffle<i64>(r1, r1, 1, 1));
        x2 = f64x2.promote_low_f32x4(r2);
        y2 = f64x2.promote_low_f32x4(v128.shuffle<i64>(r2, r2, 1, 1));
        x3 = f64x2.promote_low_f32x4(r3);
        y3 = f64x2.promote_low_f32x4(v128.shuffle<i64>(r3, r3, 1, 1));
        b0 = i64x2.extend_low_i32x4_s(l0);
        c0 = i64x2.extend_high_i32x4_s(l0);
        b1 = i64x2.extend_low_i32x4_s(l1);
        c1 = i64x2.extend_high_i32x4_s(l1);
        b2 = i64x2.extend_low_i32x4_s(l2);
        c2 = i64x2.extend_high_i32x4_s(l2);
        b3 = i64x2.extend_low_i32x4_s(l3);
        c3 = i64x2.extend_high_i32x4_s(l3);
      }
    }
    if (rows == 0) {
      // one row, checked on its own
      const p = xs + ((<usize>i) << 2);
      x0 = f64x2.replace_lane(f64x2.splat(<f64>load<f32>(p)), 1, <f64>load<f32>(p + stride));
      y0 = f64x2.replace_lane(f64x2.splat(<f64>load<f32>(p + 2 * stride)), 1, <f64>load<f32>(p + 3 * stride));
      const good = v128.and(v128.and(f64x2.ge(x0, pA), f64x2.eq(f64x2.sub(x0, x0), zero)), v128.and(f64x2.ge(y0, pB), f64x2.eq(f64x2.sub(y0, y0), zero)));
      if (!i64x2.all_true(good)) {
        stop = -1 - i;
        break;
      }
      const lo = f64x2.splat(load<f64>(q + ((<usize>i) << 3)));
      const hi = f64x2.splat(load<f64>(q + ((<usize>(i + 1)) << 3)));
      b0 = f64x2.le(x0, lo);
      c0 = f64x2.le(y0, lo);
      if (v128.any_true(v128.andnot(v128.not(b0), f64x2.ge(x0, hi))) || v128.any_true(v128.andnot(v128.not(c0), f64x2.ge(y0, hi)))) {
        stop = i;
        break;
      }
      rows = 1;
    }
    // the rows' terms, lanes 0–1 and 2–3 of row j at terms + 32·j and + 16
    const da = d + ((<usize>i) << 3);
    v128.store(terms, termOf<M>(x0, f64x2.splat(load<f64>(da)), b0, inv, nn));
    v128.store(terms, termOf<M>(y0, f64x2.splat(load<f64>(da)), c0, inv, nn), 16);
    // Neumaier's step, c + ((s − t) + e) where |s| ≥ |e|, else c + ((e − t) + s): where the sum so far is at least
    // twice a block's four terms' sizes together (every lane), each row's sum before its term is at least that
    // term's size, so the first branch at every row, the other not formed
    let first = false;
    if (rows == 4) {
      v128.store(terms, termOf<M>(x1, f64x2.splat(load<f64>(da, 8)), b1, inv, nn), 32);
      v128.store(terms, termOf<M>(y1, f64x2.splat(load<f64>(da, 8)), c1, inv, nn), 48);
      v128.store(terms, termOf<M>(x2, f64x2.splat(load<f64>(da, 16)), b2, inv, nn), 64);
      v128.store(terms, termOf<M>(y2, f64x2.splat(load<f64>(da, 16)), c2, inv, nn), 80);
      v128.store(terms, termOf<M>(x3, f64x2.splat(load<f64>(da, 24)), b3, inv, nn), 96);
      v128.store(terms, termOf<M>(y3, f64x2.splat(load<f64>(da, 24)), c3, inv, nn), 112);
      const two = f64x2.splat(2);
      const sizeA = f64x2.add(
        f64x2.add(f64x2.abs(v128.load(terms)), f64x2.abs(v128.load(terms, 32))),
        f64x2.add(f64x2.abs(v128.load(terms, 64)), f64x2.abs(v128.load(terms, 96))),
      );
      const sizeB = f64x2.add(
        f64x2.add(f64x2.abs(v128.load(terms, 16)), f64x2.abs(v128.load(terms, 48))),
        f64x2.add(f64x2.abs(v128.load(terms, 80)), f64x2.abs(v128.load(terms, 112))),
      );
      first = i64x2.all_true(v128.and(f64x2.ge(f64x2.abs(sA), f64x2.mul(two, sizeA)), f64x2.ge(f64x2.abs(sB), f64x2.mul(two, sizeB))));
      pA = x3;
      pB = y3;
    } else {
      pA = x0;
      pB = y0;
    }
    for (let j = 0; j < rows; j++) {
      const eA = v128.load(terms + ((<usize>j) << 5));
      const eB = v128.load(terms + ((<usize>j) << 5), 16);
      const tA = f64x2.add(sA, eA);
      const tB = f64x2.add(sB, eB);
      if (first) {
        cA = f64x2.add(cA, f64x2.add(f64x2.sub(sA, tA), eA));
        cB = f64x2.add(cB, f64x2.add(f64x2.sub(sB, tB), eB));
      } else {
        cA = compensated(cA, sA, eA, tA);
        cB = compensated(cB, sB, eB, tB);
      }
      sA = tA;
      sB = tB;
    }
    i += rows;
  }
  v128.store(state, sA);
  v128.store(state, sB, 16);
  v128.store(state, cA, 32);
  v128.store(state, cB, 48);
  v128.store(state, pA, 64);
  v128.store(state, pB, 80);
  return stop;
}

/** Whether four rows r0 ≤ r1 ≤ r2 ≤ r3 (f32x4, lanes 0–3), after the previous values pA (lanes 0–1) and pB (2–3, f64), are all finite and in order. */
@inline
function blockPlain(r0: v128, r3: v128, r1: v128, r2: v128, pA: v128, pB: v128): bool {
  // the previous row as float32 lanes: exact (they were float32 values), −∞ before the first row
  const prev = v128.shuffle<i64>(f32x4.demote_f64x2_zero(pA), f32x4.demote_f64x2_zero(pB), 0, 2);
  const zero = f32x4.splat(0);
  let ok = v128.and(f32x4.ge(r0, prev), v128.and(f32x4.ge(r1, r0), v128.and(f32x4.ge(r2, r1), f32x4.ge(r3, r2))));
  // the first and last finite: those between are too
  ok = v128.and(ok, v128.and(f32x4.eq(f32x4.sub(r0, r0), zero), f32x4.eq(f32x4.sub(r3, r3), zero)));
  return i32x4.all_true(ok);
}

// The radix sort of float32 samples (src/numeric/wasserstein.ts `sortedSample`, the same order: that of
// TypedArray sort, −0 before +0), for the trainer's metrics: a member's evaluation sample sorted here
// instead of in JavaScript, several times faster (src/train/sorted-samples.ts).

/**
 * Sorts the n float32 values at `at` in place by a radix sort of their bits: keys that order, as unsigned
 * integers, as the floats do (a negative float's bits all flipped, the others' sign bit), three passes of 11, 11
 * and 10 bits, the three digits counted in one read, a pass skipped where every key has the same digit; the keys
 * formed and turned back four at a time, the counts' running sums four at a time. tmp: room for n i32; count: room
 * for 3·2048 i32.
 */
export function sortF32(at: usize, n: i32, tmp: usize, count: usize): void {
  memory.fill(count, 0, (2048 + 2048 + 1024) * 4);
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
  for (let i = 0; i < n; i++) {
    const k = load<i32>(at + ((<usize>i) << 2));
    const c0 = count + ((<usize>(k & 2047)) << 2);
    const c1 = count + ((<usize>(2048 + ((k >>> 11) & 2047))) << 2);
    const c2 = count + ((<usize>(4096 + (k >>> 22))) << 2);
    store<i32>(c0, load<i32>(c0) + 1);
    store<i32>(c1, load<i32>(c1) + 1);
    store<i32>(c2, load<i32>(c2) + 1);
  }
  let keys = at;
  let other = tmp;
  const zero = i32x4.splat(0);
  for (let pass = 0; pass < 3; pass++) {
    const base = count + ((<usize>(pass * 2048)) << 2);
    const shift = pass * 11;
    const digits = pass == 2 ? 1024 : 2048;
    // every key with the same digit: this pass would not move any
    if (load<i32>(base + ((<usize>((load<i32>(keys) >>> shift) & 2047)) << 2)) == n) continue;
    // each count replaced by the sum of the counts before it (the same integers as one by one)
    let total = zero;
    for (let d = 0; d < digits; d += 4) {
      const c = base + ((<usize>d) << 2);
      const v = v128.load(c);
      let inclusive = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 4, 5, 6));
      inclusive = i32x4.add(inclusive, v128.shuffle<i32>(zero, inclusive, 0, 1, 4, 5));
      v128.store(c, i32x4.add(total, i32x4.sub(inclusive, v)));
      total = i32x4.add(total, v128.shuffle<i32>(inclusive, inclusive, 3, 3, 3, 3));
    }
    for (let i = 0; i < n; i++) {
      const k = load<i32>(keys + ((<usize>i) << 2));
      const c = base + ((<usize>((k >>> shift) & 2047)) << 2);
      const to = load<i32>(c);
      store<i32>(c, to + 1);
      store<i32>(other + ((<usize>to) << 2), k);
    }
    const t = keys;
    keys = other;
    other = t;
  }
  // the keys back into float32 bits, into place
  for (let i = 0; i < whole; i += 4) {
    const k = v128.load(keys + ((<usize>i) << 2));
    v128.store(at + ((<usize>i) << 2), v128.xor(k, v128.or(i32x4.shr_s(v128.not(k), 31), sign)));
  }
  for (let i = whole; i < n; i++) {
    const k = load<i32>(keys + ((<usize>i) << 2));
    store<i32>(at + ((<usize>i) << 2), k ^ ((~k >> 31) | 0x8000_0000));
  }
}

/**
 * The n float32 values at `at`: their mean, Σx/n, and Σ(x − mean)², each sum from 0 in index order in float64,
 * into out and out + 8 (src/train/metrics.ts's mean and standard deviation, the same operations: JavaScript's
 * (x − mean) ** 2 is V8's fdlibm pow, which returns x·x for the exponent 2).
 */
export function momentsF32(at: usize, n: i32, out: usize): void {
  let mean: f64 = 0;
  for (let i = 0; i < n; i++) mean += <f64>load<f32>(at + ((<usize>i) << 2));
  mean /= <f64>n;
  let ss: f64 = 0;
  for (let i = 0; i < n; i++) {
    const d = <f64>load<f32>(at + ((<usize>i) << 2)) - mean;
    ss += d * d;
  }
  store<f64>(out, mean);
  store<f64>(out, ss, 8);
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
 * momentsF32 of four samples at once (lane L's n values at at + 4·L·n, its mean and Σ(x − mean)² at out + 16·L):
 * each lane's sums in its own order, the same values; four independent sums keep the adder busy.
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
 * f64; d: PM[i+1] − PM[i], n f64 (the differences numeric forms). x/n is x·(1/n) where n is a power of two (the same
 * value: a power of two scales exactly). state: the sums, compensations and previous values (six f64x2: sum 0–1,
 * sum 2–3, comp 0–1, comp 2–3, prev 0–1, prev 2–3), read at `from` and written back. Returns n when done; i where some
 * lane's x₍ᵢ₎ lies strictly inside (q[i], q[i+1]) (its term needs F itself: the caller adds row i and goes on from
 * i + 1); −1 − i where some lane's x₍ᵢ₎ is not finite or below the value before it (the caller's own check names it).
 * Rows go four at a time, checked as a block first, where no row of the block needs the caller.
 */
export function coupling4(xs: usize, n: i32, q: usize, d: usize, state: usize, from: i32): i32 {
  const stride = (<usize>n) << 2;
  const pow2 = (n & (n - 1)) == 0;
  const nn = f64x2.splat(<f64>n);
  const inv = f64x2.splat(1 / <f64>n);
  let sA = v128.load(state);
  let sB = v128.load(state, 16);
  let cA = v128.load(state, 32);
  let cB = v128.load(state, 48);
  let pA = v128.load(state, 64);
  let pB = v128.load(state, 80);
  let i = from;
  let stop = n;
  while (i < n) {
    // a block of four rows, lanes transposed into rows: r_j = (x₀, x₁, x₂, x₃) of row i + j
    let rows = 1;
    if (i + 4 <= n) {
      const p = xs + ((<usize>i) << 2);
      const v0 = v128.load(p);
      const v1 = v128.load(p + stride);
      const v2 = v128.load(p + 2 * stride);
      const v3 = v128.load(p + 3 * stride);
      const t0 = v128.shuffle<i32>(v0, v1, 0, 4, 1, 5);
      const t1 = v128.shuffle<i32>(v0, v1, 2, 6, 3, 7);
      const t2 = v128.shuffle<i32>(v2, v3, 0, 4, 1, 5);
      const t3 = v128.shuffle<i32>(v2, v3, 2, 6, 3, 7);
      const r0 = v128.shuffle<i64>(t0, t2, 0, 2);
      const r1 = v128.shuffle<i64>(t0, t2, 1, 3);
      const r2 = v128.shuffle<i64>(t1, t3, 0, 2);
      const r3 = v128.shuffle<i64>(t1, t3, 1, 3);
      if (blockPlain(r0, r1, r2, r3, pA, pB, q + ((<usize>i) << 3))) {
        rows = 4;
        for (let j = 0; j < 4; j++) {
          const r = j == 0 ? r0 : j == 1 ? r1 : j == 2 ? r2 : r3;
          const xA = f64x2.promote_low_f32x4(r);
          const xB = f64x2.promote_low_f32x4(v128.shuffle<i64>(r, r, 1, 1));
          const lo = f64x2.splat(load<f64>(q + ((<usize>(i + j)) << 3)));
          const dd = f64x2.splat(load<f64>(d + ((<usize>(i + j)) << 3)));
          const uA = pow2 ? f64x2.mul(xA, inv) : f64x2.div(xA, nn);
          const uB = pow2 ? f64x2.mul(xB, inv) : f64x2.div(xB, nn);
          const eA = v128.bitselect(f64x2.sub(dd, uA), f64x2.sub(uA, dd), f64x2.le(xA, lo));
          const eB = v128.bitselect(f64x2.sub(dd, uB), f64x2.sub(uB, dd), f64x2.le(xB, lo));
          const tA = f64x2.add(sA, eA);
          const tB = f64x2.add(sB, eB);
          cA = f64x2.add(cA, v128.bitselect(f64x2.add(f64x2.sub(sA, tA), eA), f64x2.add(f64x2.sub(eA, tA), sA), f64x2.ge(f64x2.abs(sA), f64x2.abs(eA))));
          cB = f64x2.add(cB, v128.bitselect(f64x2.add(f64x2.sub(sB, tB), eB), f64x2.add(f64x2.sub(eB, tB), sB), f64x2.ge(f64x2.abs(sB), f64x2.abs(eB))));
          sA = tA;
          sB = tB;
          pA = xA;
          pB = xB;
        }
        i += 4;
        continue;
      }
    }
    // one row, checked on its own
    const p = xs + ((<usize>i) << 2);
    const xA = f64x2.replace_lane(f64x2.splat(<f64>load<f32>(p)), 1, <f64>load<f32>(p + stride));
    const xB = f64x2.replace_lane(f64x2.splat(<f64>load<f32>(p + 2 * stride)), 1, <f64>load<f32>(p + 3 * stride));
    const good = v128.and(
      v128.and(f64x2.ge(xA, pA), f64x2.eq(f64x2.sub(xA, xA), f64x2.splat(0))),
      v128.and(f64x2.ge(xB, pB), f64x2.eq(f64x2.sub(xB, xB), f64x2.splat(0))),
    );
    if (!i64x2.all_true(good)) {
      stop = -1 - i;
      break;
    }
    const lo = f64x2.splat(load<f64>(q + ((<usize>i) << 3)));
    const hi = f64x2.splat(load<f64>(q + ((<usize>(i + 1)) << 3)));
    const belowA = f64x2.le(xA, lo);
    const belowB = f64x2.le(xB, lo);
    if (v128.any_true(v128.andnot(v128.not(belowA), f64x2.ge(xA, hi))) || v128.any_true(v128.andnot(v128.not(belowB), f64x2.ge(xB, hi)))) {
      stop = i;
      break;
    }
    const dd = f64x2.splat(load<f64>(d + ((<usize>i) << 3)));
    const uA = pow2 ? f64x2.mul(xA, inv) : f64x2.div(xA, nn);
    const uB = pow2 ? f64x2.mul(xB, inv) : f64x2.div(xB, nn);
    const eA = v128.bitselect(f64x2.sub(dd, uA), f64x2.sub(uA, dd), belowA);
    const eB = v128.bitselect(f64x2.sub(dd, uB), f64x2.sub(uB, dd), belowB);
    const tA = f64x2.add(sA, eA);
    const tB = f64x2.add(sB, eB);
    cA = f64x2.add(cA, v128.bitselect(f64x2.add(f64x2.sub(sA, tA), eA), f64x2.add(f64x2.sub(eA, tA), sA), f64x2.ge(f64x2.abs(sA), f64x2.abs(eA))));
    cB = f64x2.add(cB, v128.bitselect(f64x2.add(f64x2.sub(sB, tB), eB), f64x2.add(f64x2.sub(eB, tB), sB), f64x2.ge(f64x2.abs(sB), f64x2.abs(eB))));
    sA = tA;
    sB = tB;
    pA = xA;
    pB = xB;
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

/**
 * Whether four rows (f32x4, lanes 0–3) after the previous values pA (lanes 0–1) and pB (2–3, f64) are all finite, in
 * order, and each row's values outside the open interval (q[j], q[j+1]) of its quantiles (at q, f64).
 */
@inline
function blockPlain(r0: v128, r1: v128, r2: v128, r3: v128, pA: v128, pB: v128, q: usize): bool {
  // the previous row as float32 lanes: exact (they were float32 values), −∞ before the first row
  const prev = v128.shuffle<i64>(f32x4.demote_f64x2_zero(pA), f32x4.demote_f64x2_zero(pB), 0, 2);
  const zero = f32x4.splat(0);
  let ok = v128.and(f32x4.ge(r0, prev), v128.and(f32x4.ge(r1, r0), v128.and(f32x4.ge(r2, r1), f32x4.ge(r3, r2))));
  ok = v128.and(ok, v128.and(f32x4.eq(f32x4.sub(r0, r0), zero), f32x4.eq(f32x4.sub(r3, r3), zero)));
  if (!i32x4.all_true(ok)) return false;
  for (let j = 0; j < 4; j++) {
    const r = j == 0 ? r0 : j == 1 ? r1 : j == 2 ? r2 : r3;
    const lo = f64x2.splat(load<f64>(q + ((<usize>j) << 3)));
    const hi = f64x2.splat(load<f64>(q + ((<usize>(j + 1)) << 3)));
    const xA = f64x2.promote_low_f32x4(r);
    const xB = f64x2.promote_low_f32x4(v128.shuffle<i64>(r, r, 1, 1));
    const out = v128.and(v128.or(f64x2.le(xA, lo), f64x2.ge(xA, hi)), v128.or(f64x2.le(xB, lo), f64x2.ge(xB, hi)));
    if (!i64x2.all_true(out)) return false;
  }
  return true;
}

// The radix sort of float32 samples (src/numeric/wasserstein.ts `sortedSample`, the same order: that of
// TypedArray sort, −0 before +0), for the trainer's metrics: a member's evaluation sample sorted here
// instead of in JavaScript, several times faster (src/train/sorted-samples.ts).

/**
 * Sorts the n float32 values at `at` in place by a radix sort of their bits: keys that order, as unsigned
 * integers, as the floats do (a negative float's bits all flipped, the others' sign bit), three passes of 11
 * bits, the three digits counted in one read, a pass skipped where every key has the same digit. tmp: room for n
 * i32; count: room for 3·2048 i32.
 */
export function sortF32(at: usize, n: i32, tmp: usize, count: usize): void {
  memory.fill(count, 0, 3 * 2048 * 4);
  for (let i = 0; i < n; i++) {
    const p = at + ((<usize>i) << 2);
    const b = load<i32>(p);
    const k = b ^ ((b >> 31) | 0x8000_0000);
    store<i32>(p, k);
    const c0 = count + ((<usize>(k & 2047)) << 2);
    const c1 = count + ((<usize>(2048 + ((k >>> 11) & 2047))) << 2);
    const c2 = count + ((<usize>(4096 + (k >>> 22))) << 2);
    store<i32>(c0, load<i32>(c0) + 1);
    store<i32>(c1, load<i32>(c1) + 1);
    store<i32>(c2, load<i32>(c2) + 1);
  }
  let keys = at;
  let other = tmp;
  for (let pass = 0; pass < 3; pass++) {
    const base = count + ((<usize>(pass * 2048)) << 2);
    const shift = pass * 11;
    // every key with the same digit: this pass would not move any
    if (load<i32>(base + ((<usize>((load<i32>(keys) >>> shift) & 2047)) << 2)) == n) continue;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = base + ((<usize>d) << 2);
      const v = load<i32>(c);
      store<i32>(c, sum);
      sum += v;
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
  for (let i = 0; i < n; i++) {
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

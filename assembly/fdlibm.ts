// exp, log and log1p in binary64 for the SIMD kernel: Sun's fdlibm 5.3 (e_exp.c, e_log.c,
// s_log1p.c), line for line as V8 carries them in src/base/ieee754.cc for Math.exp, Math.log and
// Math.log1p (with V8's one change, exp(1) = e). Only IEEE addition, multiplication and division and integer work on the bit
// patterns are used, so these give, bit for bit, the values Node's Math functions give; the
// kernel's normal draws and losses then equal the JavaScript code's (test/train-kernel-math.test.ts
// holds each to Math.exp, Math.log and Math.log1p over millions of arguments).
//
// ## Method (fdlibm's own notes, shortened)
// exp: x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in a high part with trailing zeros and a low
// part, so k·ln2_hi is exact), exp(r) = 1 + r + r·c(r)/(2 − c(r)) with c a degree-5 minimax
// polynomial in r² (error < 2⁻⁵⁹), then scaled by 2ᵏ; less than 1 ulp.
// log: x = 2ᵏ·(1 + f) with √2/2 < 1 + f < √2, log(1 + f) = f − s(f − R(z)) with s = f/(2 + f),
// z = s² and R a degree-14 minimax polynomial in s (in z); k·ln2 added in two parts; < 1 ulp.
// log1p: the same with 1 + x formed exactly and its rounding error c carried as a correction.
//
// ## Special cases
// exp(NaN) = NaN, exp(+∞) = +∞, exp(−∞) = 0, overflow past 709.78… to +∞, underflow below
// −745.13… to 0. log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞. log1p(−1) = −∞, log1p(x < −1) = NaN.

@inline function high(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

@inline function low(x: f64): u32 {
  return <u32>reinterpret<u64>(x);
}

@inline function withHigh(x: f64, h: i32): f64 {
  return reinterpret<f64>(((<u64>(<u32>h)) << 32) | <u64>low(x));
}

@inline function fromWords(h: i32, l: u32): f64 {
  return reinterpret<f64>(((<u64>(<u32>h)) << 32) | <u64>l);
}

export const LN2_HI: f64 = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
export const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
export const INV_LN2: f64 = 1.442695040888963387;
const TWO54: f64 = 1.8014398509481984e16;
const TWOM1000: f64 = 9.3326361850321887899e-302;
const TWO1023: f64 = 8.98846567431158e307;
const E: f64 = 2.718281828459045;
const O_THRESHOLD: f64 = 7.09782712893383973096e2;
const U_THRESHOLD: f64 = -7.4513321910194110842e2;
export const P1: f64 = 1.66666666666666019037e-1;
export const P2: f64 = -2.77777777770155933842e-3;
export const P3: f64 = 6.61375632143793436117e-5;
export const P4: f64 = -1.6533902205465251539e-6;
export const P5: f64 = 4.13813679705723846039e-8;

/** e^x, as V8's Math.exp. */
export function exp(x: f64): f64 {
  let hx = high(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±∞, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | low(x)) != 0) return x + x;
      return xsb == 0 ? x : 0.0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0.0;
  }
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: reduce
    if (hx < 0x3ff0a2b2) {
      // V8's one change to fdlibm: exp(1) is e correctly rounded (fdlibm's value is 1 ulp above)
      if (x == 1.0) return E;
      hi = xsb == 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb == 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2⁻²⁸
    return 1.0 + x;
  }
  const t = x * x;
  const twopk = k >= -1021 ? fromWords(0x3ff00000 + (k << 20), 0) : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}

// the log and log1p polynomial's coefficients (fdlibm's Lg1…Lg7 and Lp1…Lp7 are the same numbers)
export const LP1: f64 = 6.66666666666673513e-1;
export const LP2: f64 = 3.999999999940941908e-1;
export const LP3: f64 = 2.857142874366239149e-1;
export const LP4: f64 = 2.222219843214978396e-1;
export const LP5: f64 = 1.818357216161805012e-1;
export const LP6: f64 = 1.531383769920937332e-1;
export const LP7: f64 = 1.479819860511658591e-1;

/** ln x, as V8's Math.log. */
export function log(x: f64): f64 {
  let hx = high(x);
  const lx = low(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    // x < 2⁻¹⁰²²: ±0, negative or subnormal
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = high(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000)); // x or x/2 into [√2/2, √2)
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2⁻²⁰
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const dk = <f64>k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    const dk = <f64>k;
    return dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = <f64>k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LP2 + w * (LP4 + w * LP6));
  const t2 = z * (LP1 + w * (LP3 + w * (LP5 + w * LP7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** ln(1 + x), as V8's Math.log1p. */
export function log1p(x: f64): f64 {
  const hx = high(x);
  const ax = hx & 0x7fffffff;
  let k: i32 = 1;
  let f: f64 = 0;
  let c: f64 = 0;
  let hu: i32 = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < √2
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      if (x == -1.0) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2⁻²⁹
      if (TWO54 + x > 0.0 && ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= <i32>0xbfd2bec4) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k != 0) {
    let u: f64;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = high(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = high(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHigh(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHigh(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu == 0) {
    // |f| < 2⁻²⁰
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c += <f64>k * LN2_LO;
      return <f64>k * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return <f64>k * LN2_HI - (R - (<f64>k * LN2_LO + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + R));
  return <f64>k * LN2_HI - (hfsq - (s * (hfsq + R) + (<f64>k * LN2_LO + c)) - f);
}

// fdlibm's exp and log1p (./fdlibm.ts) on both lanes of an f64x2 at once, for the kernel's row
// losses: the same operations as the scalar functions on each lane, with selects where these
// branch, so each lane is the scalar value bit for bit (test/train-kernel-math.test.ts holds both
// to Math.exp and Math.log1p). Arguments off the common path (exp: |x| < 2⁻²⁸ or |x| > 700, NaN;
// log1p: outside [2⁻²⁹, 1 − 2⁻¹⁷], NaN) go through the scalar functions lane by lane.
import { exp, INV_LN2, LN2_HI, LN2_LO, log1p, LP1, LP2, LP3, LP4, LP5, LP6, LP7, P1, P2, P3, P4, P5 } from './fdlibm';

@inline function splat(v: f64): v128 {
  return f64x2.splat(v);
}

function expLanes(x: v128): v128 {
  return f64x2.replace_lane(f64x2.splat(exp(f64x2.extract_lane(x, 0))), 1, exp(f64x2.extract_lane(x, 1)));
}

function log1pLanes(x: v128): v128 {
  return f64x2.replace_lane(f64x2.splat(log1p(f64x2.extract_lane(x, 0))), 1, log1p(f64x2.extract_lane(x, 1)));
}

// The vector code's constants, each a v128 in memory loaded where used: V8 builds an inline v128
// constant out of immediates in several instructions, and vexp alone has two dozen. The
// exported ones serve vlog1p and ./normal.ts too.
export const HALF_NEG = memory.data<f64>([-0.5, -0.5], 16);
export const HALF = memory.data<f64>([0.5, 0.5], 16);
const INV = memory.data<f64>([INV_LN2, INV_LN2], 16);
export const ONE_NEG = memory.data<f64>([-1.0, -1.0], 16);
export const ONE = memory.data<f64>([1.0, 1.0], 16);
export const LHI = memory.data<f64>([LN2_HI, LN2_HI], 16);
export const LLO = memory.data<f64>([LN2_LO, LN2_LO], 16);
const Q1 = memory.data<f64>([P1, P1], 16);
const Q2 = memory.data<f64>([P2, P2], 16);
const Q3 = memory.data<f64>([P3, P3], 16);
const Q4 = memory.data<f64>([P4, P4], 16);
const Q5 = memory.data<f64>([P5, P5], 16);
export const TWO = memory.data<f64>([2.0, 2.0], 16);
const MAGIC = memory.data<f64>([6755399441055744.0, 6755399441055744.0], 16);
const EE = memory.data<f64>([2.718281828459045, 2.718281828459045], 16);
const TINY = memory.data<i64>([0x3e300000, 0x3e300000], 16);
const HUGE = memory.data<i64>([0x4085e000, 0x4085e000], 16);
const SMALL = memory.data<i64>([0x3fd62e42, 0x3fd62e42], 16);
const MID = memory.data<i64>([0x3ff0a2b2, 0x3ff0a2b2], 16);
const BIAS = memory.data<i64>([0x3ff, 0x3ff], 16);
const HIMASK = memory.data<i64>([0x7fffffff, 0x7fffffff], 16);

/** exp on both lanes. */
@inline export function vexp(x: v128): v128 {
  const hx = v128.and(i64x2.shr_u(x, 32), v128.load(HIMASK));
  // |x| < 2⁻²⁸, |x| > 700 (where 2ᵏ would leave the normal range), ±∞, NaN: the scalar function
  if (v128.any_true(v128.or(i64x2.lt_s(hx, v128.load(TINY)), i64x2.gt_s(hx, v128.load(HUGE))))) {
    return expLanes(x);
  }
  const negative = i64x2.lt_s(x, i64x2.splat(0));
  // fdlibm: k = 0 for |x| ≤ ln2/2, ±1 below 1.5·ln2, else trunc(x/ln2 ± ½); then hi = x − k·ln2_hi,
  // lo = k·ln2_lo, which is the value of each of its three branches (x − 0 = x, x ∓ ln2_hi)
  const half = v128.bitselect(v128.load(HALF_NEG), v128.load(HALF), negative);
  const kWide = f64x2.trunc(f64x2.add(f64x2.mul(v128.load(INV), x), half));
  const one = v128.bitselect(v128.load(ONE_NEG), v128.load(ONE), negative);
  const small = i64x2.le_s(hx, v128.load(SMALL));
  const mid = i64x2.lt_s(hx, v128.load(MID));
  const t = v128.bitselect(splat(0), v128.bitselect(one, kWide, mid), small);
  const hi = f64x2.sub(x, f64x2.mul(t, v128.load(LHI)));
  const lo = f64x2.mul(t, v128.load(LLO));
  const r = f64x2.sub(hi, lo);
  const t2 = f64x2.mul(r, r);
  const p = f64x2.add(v128.load(Q4), f64x2.mul(t2, v128.load(Q5)));
  let q = f64x2.add(v128.load(Q3), f64x2.mul(t2, p));
  q = f64x2.add(v128.load(Q2), f64x2.mul(t2, q));
  q = f64x2.add(v128.load(Q1), f64x2.mul(t2, q));
  const c = f64x2.sub(r, f64x2.mul(t2, q));
  // fdlibm's k = 0 and k ≠ 0 results, 1 − (rc/(c − 2) − r) and 1 − ((lo − rc/(2 − c)) − hi), from one
  // quotient q = rc/(c − 2): 2 − c = −(c − 2) and rc/(−d) = −(rc/d) exactly, and lo − (−q) = lo + q
  const quo = f64x2.div(f64x2.mul(r, c), f64x2.sub(c, v128.load(TWO)));
  const y0 = f64x2.sub(v128.load(ONE), f64x2.sub(quo, r));
  const y1 = f64x2.sub(v128.load(ONE), f64x2.sub(f64x2.add(lo, quo), hi));
  // 2ᵏ from k's bits: t + 1.5·2⁵² holds the integer k (|k| ≤ 1010 here) in its low bits, and
  // shifting (those bits + 1023) by 52 leaves the exponent field alone
  const kBits = f64x2.add(t, v128.load(MAGIC));
  const twopk = i64x2.shl(i64x2.add(kBits, v128.load(BIAS)), 52);
  // exp(1) = e correctly rounded, as V8 (./fdlibm.ts)
  const y = v128.bitselect(y0, f64x2.mul(y1, twopk), small);
  return v128.bitselect(v128.load(EE), y, f64x2.eq(x, v128.load(ONE)));
}

// vlog1p's polynomial
const V_LP1 = memory.data<f64>([LP1, LP1], 16);
const V_LP2 = memory.data<f64>([LP2, LP2], 16);
const V_LP3 = memory.data<f64>([LP3, LP3], 16);
const V_LP4 = memory.data<f64>([LP4, LP4], 16);
const V_LP5 = memory.data<f64>([LP5, LP5], 16);
const V_LP6 = memory.data<f64>([LP6, LP6], 16);
const V_LP7 = memory.data<f64>([LP7, LP7], 16);

/**
 * log1p on both lanes, for x in [2⁻²⁹, 1 − 2⁻¹⁷] (the losses' e^−|l|; elsewhere the scalar
 * function). fdlibm's two paths there: below 0.41422 (high word 0x3fda827a), k = 0 and f = x;
 * above, u = 1 + x rounded, c = (x − (u − 1))/u its rounding error, and u or u/2 (k = 1, when u's
 * fraction passes √2's, 0x6a09e) gives f = u − 1.
 */
@inline export function vlog1p(x: v128): v128 {
  // the high word, unsigned: a negative x is above the upper bound
  const hx = i64x2.shr_u(x, 32);
  if (v128.any_true(v128.or(i64x2.lt_s(hx, i64x2.splat(0x3e200000)), i64x2.gt_s(hx, i64x2.splat(0x3fefffef))))) {
    return log1pLanes(x);
  }
  const one = v128.load(ONE);
  const big = i64x2.ge_s(hx, i64x2.splat(0x3fda827a));
  const u = f64x2.add(one, x);
  const hu = v128.and(i64x2.shr_u(u, 32), i64x2.splat(0x000fffff));
  const up = v128.and(big, i64x2.ge_s(hu, i64x2.splat(0x6a09e)));
  const c = f64x2.div(f64x2.sub(x, f64x2.sub(u, one)), u);
  // u/2 by its exponent (u is in [1, 2)), exact
  const f = v128.bitselect(f64x2.sub(v128.bitselect(f64x2.mul(u, v128.load(HALF)), u, up), one), x, big);
  const hfsq = f64x2.mul(f64x2.mul(v128.load(HALF), f), f);
  const s = f64x2.div(f, f64x2.add(v128.load(TWO), f));
  const z = f64x2.mul(s, s);
  const inner = f64x2.add(v128.load(V_LP5), f64x2.mul(z, f64x2.add(v128.load(V_LP6), f64x2.mul(z, v128.load(V_LP7)))));
  let q = f64x2.add(v128.load(V_LP4), f64x2.mul(z, inner));
  q = f64x2.add(v128.load(V_LP3), f64x2.mul(z, q));
  q = f64x2.add(v128.load(V_LP2), f64x2.mul(z, q));
  q = f64x2.add(v128.load(V_LP1), f64x2.mul(z, q));
  const R = f64x2.mul(z, q);
  const sh = f64x2.mul(s, f64x2.add(hfsq, R));
  const r0 = f64x2.sub(f, f64x2.sub(hfsq, sh));
  const r1 = f64x2.sub(v128.load(LHI), f64x2.sub(f64x2.sub(hfsq, f64x2.add(sh, f64x2.add(v128.load(LLO), c))), f));
  return v128.bitselect(r1, r0, up);
}

/** vexp over n values at p, two at a time, in place (for the tests). */
export function vexpAll(p: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) v128.store(p + ((<usize>i) << 3), vexp(v128.load(p + ((<usize>i) << 3))));
}

/** vlog1p over n values at p, two at a time, in place (for the tests). */
export function vlog1pAll(p: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) v128.store(p + ((<usize>i) << 3), vlog1p(v128.load(p + ((<usize>i) << 3))));
}

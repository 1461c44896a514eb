// A member's generators inside the SIMD kernel: the numbers src/numeric/rng.ts draws, bit for bit.
//
// - xoroshiro128+ (Blackman and Vigna, parameters 24, 16, 37) on a state of two u64 at `st`,
//   s0 then s1, each the pair (high, low) of pure-rand's 32-bit words (s01, s00) and (s11, s10);
//   one step gives the low 32 bits of s0 + s1, which is pure-rand's `next()`.
// - uniform(): pure-rand's uniformFloat64, 26 bits of one step and 27 of the next, a multiple of
//   2⁻⁵³ in [0, 1); uniformOpen() draws again on 0; normal() is Φ⁻¹ of uniformOpen(), the
//   inversion of src/numeric/special.ts (Acklam's start and one Halley step, with Cody's erf and
//   erfc pieces), operation for operation, over fdlibm's exp and log (./fdlibm.ts), which are V8's.
//
// test/train-kernel-math.test.ts holds the draws to Rng's, and normalQuantile to special.ts's.
import { exp, log } from './fdlibm';
import { HALF, HALF_NEG, ONE, ONE_NEG, vexp } from './vmath';

/** One xoroshiro128+ step of the state at st: the low 32 bits of s0 + s1. */
@inline function next(st: usize): u32 {
  const s0 = load<u64>(st);
  let s1 = load<u64>(st, 8);
  const out = <u32>(s0 + s1);
  s1 ^= s0;
  store<u64>(st, rotl<u64>(s0, 24) ^ s1 ^ (s1 << 16));
  store<u64>(st, rotl<u64>(s1, 37), 8);
  return out;
}

/** Uniform on [0, 1), multiples of 2⁻⁵³ (pure-rand's uniformFloat64). */
export function uniform(st: usize): f64 {
  const a = next(st) & 0x3ffffff;
  const b = next(st) & 0x7ffffff;
  return <f64>a * 1.4901161193847656e-8 + <f64>b * 1.1102230246251565e-16;
}

/** Uniform on (0, 1): draws again on 0. */
@inline function uniformOpen(st: usize): f64 {
  let u = uniform(st);
  while (u == 0) u = uniform(st);
  return u;
}

/** A standard normal draw by inversion (Rng.normal). */
export function normal(st: usize): f64 {
  return normalQuantile(uniformOpen(st));
}

const SQRT1_2: f64 = 0.7071067811865476;

// Cody's coefficients (special.ts's A, B, C, D, P, Q)
const A0: f64 = 3.1611237438705656;
const A1: f64 = 113.864154151050156;
const A2: f64 = 377.485237685302021;
const A3: f64 = 3209.37758913846947;
const A4: f64 = 0.185777706184603153;
const B0: f64 = 23.6012909523441209;
const B1: f64 = 244.024637934444173;
const B2: f64 = 1282.61652607737228;
const B3: f64 = 2844.23683343917062;
const C0: f64 = 0.564188496988670089;
const C1: f64 = 8.88314979438837594;
const C2: f64 = 66.1191906371416295;
const C3: f64 = 298.635138197400131;
const C4: f64 = 881.95222124176909;
const C5: f64 = 1712.04761263407058;
const C6: f64 = 2051.07837782607147;
const C7: f64 = 1230.33935479799725;
const C8: f64 = 2.15311535474403846e-8;
const D0: f64 = 15.7449261107098347;
const D1: f64 = 117.693950891312499;
const D2: f64 = 537.181101862009858;
const D3: f64 = 1621.38957456669019;
const D4: f64 = 3290.79923573345963;
const D5: f64 = 4362.61909014324716;
const D6: f64 = 3439.36767414372164;
const D7: f64 = 1230.33935480374942;
const P0: f64 = 0.305326634961232344;
const P1: f64 = 0.360344899949804439;
const P2: f64 = 0.125781726111229246;
const P3: f64 = 0.0160837851487422766;
const P4: f64 = 6.58749161529837803e-4;
const P5: f64 = 0.0163153871373020978;
const Q0: f64 = 2.56852019228982242;
const Q1: f64 = 1.87295284992346047;
const Q2: f64 = 0.527905102951428412;
const Q3: f64 = 0.0605183413124413191;
const Q4: f64 = 0.00233520497626869185;
const RSQRTPI: f64 = 0.5641895835477562869;

/** erf(x) for |x| ≤ 0.46875 (special.ts `erfSmall`). */
function erfSmall(x: f64): f64 {
  const y = abs<f64>(x);
  const z = y > 1.1e-16 ? y * y : 0.0;
  let num = A4 * z;
  let den = z;
  num = (num + A0) * z;
  den = (den + B0) * z;
  num = (num + A1) * z;
  den = (den + B1) * z;
  num = (num + A2) * z;
  den = (den + B2) * z;
  return (x * (num + A3)) / (den + B3);
}

/** erfc(y)·exp(y²) for y > 0.46875 (special.ts `erfcScaledTail`). */
function erfcScaledTail(y: f64): f64 {
  if (y <= 4) {
    let num = C8 * y;
    let den = y;
    num = (num + C0) * y;
    den = (den + D0) * y;
    num = (num + C1) * y;
    den = (den + D1) * y;
    num = (num + C2) * y;
    den = (den + D2) * y;
    num = (num + C3) * y;
    den = (den + D3) * y;
    num = (num + C4) * y;
    den = (den + D4) * y;
    num = (num + C5) * y;
    den = (den + D5) * y;
    num = (num + C6) * y;
    den = (den + D6) * y;
    return (num + C7) / (den + D7);
  }
  const z = 1 / (y * y);
  let num = P5 * z;
  let den = z;
  num = (num + P0) * z;
  den = (den + Q0) * z;
  num = (num + P1) * z;
  den = (den + Q1) * z;
  num = (num + P2) * z;
  den = (den + Q2) * z;
  num = (num + P3) * z;
  den = (den + Q3) * z;
  return (RSQRTPI - (z * (num + P4)) / (den + Q4)) / y;
}

/** exp(−x²/2) (special.ts `expMinusHalfSquare`). */
function expMinusHalfSquare(x: f64): f64 {
  const s = trunc<f64>(x * 16) / 16;
  return exp(-0.5 * s * s) * exp(-0.5 * (x - s) * (x + s));
}

/** Φ(x) for |x|/√2 > 0.46875 (special.ts `normalCdf` past its first interval). */
function normalCdfTail(x: f64): f64 {
  const y = abs<f64>(x) * SQRT1_2;
  const tail = y < 27.3 ? 0.5 * erfcScaledTail(y) * expMinusHalfSquare(abs<f64>(x)) : 0.0;
  return x < 0 ? tail : 1 - tail;
}

/** Φ(x) (special.ts `normalCdf`). */
function normalCdf(x: f64): f64 {
  const y = abs<f64>(x) * SQRT1_2;
  if (y <= 0.46875) return 0.5 - 0.5 * erfSmall(-x * SQRT1_2);
  return normalCdfTail(x);
}

const AQ0: f64 = -39.69683028665376;
const AQ1: f64 = 220.9460984245205;
const AQ2: f64 = -275.9285104469687;
const AQ3: f64 = 138.357751867269;
const AQ4: f64 = -30.66479806614716;
const AQ5: f64 = 2.506628277459239;
const BQ0: f64 = -54.47609879822406;
const BQ1: f64 = 161.5858368580409;
const BQ2: f64 = -155.6989798598866;
const BQ3: f64 = 66.80131188771972;
const BQ4: f64 = -13.28068155288572;
const CQ0: f64 = -0.007784894002430293;
const CQ1: f64 = -0.3223964580411365;
const CQ2: f64 = -2.400758277161838;
const CQ3: f64 = -2.549732539343734;
const CQ4: f64 = 4.374664141464968;
const CQ5: f64 = 2.938163982698783;
const DQ0: f64 = 0.007784695709041462;
const DQ1: f64 = 0.3224671290700398;
const DQ2: f64 = 2.445134137142996;
const DQ3: f64 = 3.754408661907416;

/** Φ⁻¹(u) for u in (0, 1) (special.ts `normalQuantile`, whose notes give the method). */
export function normalQuantile(u: f64): f64 {
  let x: f64;
  const lo: f64 = 0.02425;
  if (u < lo || u > 1 - lo) {
    const t = sqrt<f64>(-2 * log(u < lo ? u : 1 - u));
    x = (((((CQ0 * t + CQ1) * t + CQ2) * t + CQ3) * t + CQ4) * t + CQ5) / ((((DQ0 * t + DQ1) * t + DQ2) * t + DQ3) * t + 1);
    if (u > 1 - lo) x = -x;
  } else {
    const s = u - 0.5;
    const r = s * s;
    x = ((((((AQ0 * r + AQ1) * r + AQ2) * r + AQ3) * r + AQ4) * r + AQ5) * s) / (((((BQ0 * r + BQ1) * r + BQ2) * r + BQ3) * r + BQ4) * r + 1);
  }
  const e = abs<f64>(x) * SQRT1_2 <= 0.46875 ? 0.5 * erfSmall(x * SQRT1_2) - (u - 0.5) : u > 0.5 ? -(normalCdf(-x) - (1 - u)) : normalCdf(x) - u;
  const ex = exp((x * x) / 2);
  let g: f64;
  if (e == 0) g = 0;
  else if (ex - ex == 0) g = e * sqrt<f64>(2 * Math.PI) * ex;
  else g = (e < 0 ? -1.0 : 1.0) * exp(log(abs<f64>(e)) + (x * x) / 2 + 0.9189385332046727);
  return x - g / (1 + (x * g) / 2);
}

// Φ⁻¹ on both lanes of an f64x2 at once, for the kernel's draws: normalQuantile's operations lane
// by lane, with selects where it branches. Draws are long chains of dependent operations, so two at
// once take about the time of one. A pair with a lane in a tail (u < 0.02425 or u > 0.97575, one
// pair in ten) goes through the scalar function lane by lane.

@inline function splat(v: f64): v128 {
  return f64x2.splat(v);
}

@inline function fma(a: v128, x: v128, b: v128): v128 {
  return f64x2.add(f64x2.mul(a, x), b);
}

// exp(−s²/2) at s = m/16, m = 0 … 32, as expMinusHalfSquare's first factor computes it (the
// central range of the quantile has |x| < 2, so m ≤ 31), filled on first use
const HALF_SQUARE_EXP = memory.data(33 * 8);
let halfSquareReady = false;

@inline function halfSquareExp(m: i32): f64 {
  if (!halfSquareReady) {
    for (let k = 0; k <= 32; k++) {
      const sk = <f64>k / 16;
      store<f64>(HALF_SQUARE_EXP + ((<usize>k) << 3), exp(-0.5 * sk * sk));
    }
    halfSquareReady = true;
  }
  return load<f64>(HALF_SQUARE_EXP + ((<usize>min<i32>(m, 32)) << 3));
}

// the vector code's constants, each a v128 in memory loaded where used (V8 builds an inline v128
// constant out of immediates in several instructions)
const V_0_46875 = memory.data<f64>([0.46875, 0.46875], 16);
const V_16 = memory.data<f64>([16, 16], 16);
const V_SIXTEENTH = memory.data<f64>([0.0625, 0.0625], 16);
const V_1_1eM16 = memory.data<f64>([1.1e-16, 1.1e-16], 16);
const V_A0 = memory.data<f64>([A0, A0], 16);
const V_A1 = memory.data<f64>([A1, A1], 16);
const V_A2 = memory.data<f64>([A2, A2], 16);
const V_A3 = memory.data<f64>([A3, A3], 16);
const V_A4 = memory.data<f64>([A4, A4], 16);
const V_AQ0 = memory.data<f64>([AQ0, AQ0], 16);
const V_AQ1 = memory.data<f64>([AQ1, AQ1], 16);
const V_AQ2 = memory.data<f64>([AQ2, AQ2], 16);
const V_AQ3 = memory.data<f64>([AQ3, AQ3], 16);
const V_AQ4 = memory.data<f64>([AQ4, AQ4], 16);
const V_AQ5 = memory.data<f64>([AQ5, AQ5], 16);
const V_B0 = memory.data<f64>([B0, B0], 16);
const V_B1 = memory.data<f64>([B1, B1], 16);
const V_B2 = memory.data<f64>([B2, B2], 16);
const V_B3 = memory.data<f64>([B3, B3], 16);
const V_BQ0 = memory.data<f64>([BQ0, BQ0], 16);
const V_BQ1 = memory.data<f64>([BQ1, BQ1], 16);
const V_BQ2 = memory.data<f64>([BQ2, BQ2], 16);
const V_BQ3 = memory.data<f64>([BQ3, BQ3], 16);
const V_BQ4 = memory.data<f64>([BQ4, BQ4], 16);
const V_C0 = memory.data<f64>([C0, C0], 16);
const V_C1 = memory.data<f64>([C1, C1], 16);
const V_C2 = memory.data<f64>([C2, C2], 16);
const V_C3 = memory.data<f64>([C3, C3], 16);
const V_C4 = memory.data<f64>([C4, C4], 16);
const V_C5 = memory.data<f64>([C5, C5], 16);
const V_C6 = memory.data<f64>([C6, C6], 16);
const V_C7 = memory.data<f64>([C7, C7], 16);
const V_C8 = memory.data<f64>([C8, C8], 16);
const V_D0 = memory.data<f64>([D0, D0], 16);
const V_D1 = memory.data<f64>([D1, D1], 16);
const V_D2 = memory.data<f64>([D2, D2], 16);
const V_D3 = memory.data<f64>([D3, D3], 16);
const V_D4 = memory.data<f64>([D4, D4], 16);
const V_D5 = memory.data<f64>([D5, D5], 16);
const V_D6 = memory.data<f64>([D6, D6], 16);
const V_D7 = memory.data<f64>([D7, D7], 16);
const V_SQRT1_2 = memory.data<f64>([SQRT1_2, SQRT1_2], 16);
const V_SQRT_2PI = memory.data<f64>([sqrt<f64>(2 * Math.PI), sqrt<f64>(2 * Math.PI)], 16);

/** normalQuantile's e where |x|/√2 ≤ 0.46875: ½·erf(x/√2) − (u − ½), with s = u − ½. */
@inline function eCentral(x: v128, s: v128): v128 {
  const half = v128.load(HALF);
  const zero = splat(0);
  // erfSmall's rational in z = (x/√2)²
  const xs = f64x2.mul(x, v128.load(V_SQRT1_2));
  const ys = f64x2.abs(xs);
  const z = v128.bitselect(f64x2.mul(ys, ys), zero, f64x2.gt(ys, v128.load(V_1_1eM16)));
  let en = f64x2.mul(v128.load(V_A4), z);
  let ed = z;
  en = f64x2.mul(f64x2.add(en, v128.load(V_A0)), z);
  ed = f64x2.mul(f64x2.add(ed, v128.load(V_B0)), z);
  en = f64x2.mul(f64x2.add(en, v128.load(V_A1)), z);
  ed = f64x2.mul(f64x2.add(ed, v128.load(V_B1)), z);
  en = f64x2.mul(f64x2.add(en, v128.load(V_A2)), z);
  ed = f64x2.mul(f64x2.add(ed, v128.load(V_B2)), z);
  const erf = f64x2.div(f64x2.mul(xs, f64x2.add(en, v128.load(V_A3))), f64x2.add(ed, v128.load(V_B3)));
  return f64x2.sub(f64x2.mul(half, erf), s);
}

/** normalQuantile's e elsewhere in the central range: Φ(x) − u, or −(Φ(−x) − (1 − u)) above ½. */
@inline function eTail(x: v128, u: v128, central: v128): v128 {
  const half = v128.load(HALF);
  const one = v128.load(ONE);
  const zero = splat(0);
  const ax = f64x2.abs(x);
  const y = f64x2.mul(ax, v128.load(V_SQRT1_2));
  // elsewhere: the normal tail ½·erfc(y)·… at |x| (y ≤ 4 in this range), then Φ(±x)
  let tn = f64x2.mul(v128.load(V_C8), y);
  let td = y;
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C0)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D0)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C1)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D1)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C2)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D2)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C3)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D3)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C4)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D4)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C5)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D5)), y);
  tn = f64x2.mul(f64x2.add(tn, v128.load(V_C6)), y);
  td = f64x2.mul(f64x2.add(td, v128.load(V_D6)), y);
  const scaled = f64x2.div(f64x2.add(tn, v128.load(V_C7)), f64x2.add(td, v128.load(V_D7)));
  const m16 = f64x2.trunc(f64x2.mul(ax, v128.load(V_16)));
  const sq = f64x2.mul(m16, v128.load(V_SIXTEENTH)); // m/16 exactly
  const mhalf = v128.load(HALF_NEG);
  // exp(−s²/2) for s = m/16 from the table (m ≤ 31 here); the lanes that take the first branch
  // get a harmless −1 for the second factor: their tail is not used
  const e1 = f64x2.replace_lane(splat(halfSquareExp(<i32>f64x2.extract_lane(m16, 0))), 1, halfSquareExp(<i32>f64x2.extract_lane(m16, 1)));
  const e2 = vexp(v128.bitselect(v128.load(ONE_NEG), f64x2.mul(f64x2.mul(mhalf, f64x2.sub(ax, sq)), f64x2.add(ax, sq)), central));
  const tail = f64x2.mul(f64x2.mul(half, scaled), f64x2.mul(e1, e2));
  const negx = f64x2.neg(x);
  const phiNeg = v128.bitselect(tail, f64x2.sub(one, tail), f64x2.lt(negx, zero)); // Φ(−x)
  const phi = v128.bitselect(tail, f64x2.sub(one, tail), f64x2.lt(x, zero)); // Φ(x)
  const eB = f64x2.neg(f64x2.sub(phiNeg, f64x2.sub(one, u)));
  const eC = f64x2.sub(phi, u);
  return v128.bitselect(eB, eC, f64x2.gt(u, half));
}

/** A lane in a tail (u < 0.02425 or u > 0.97575): the pair goes through the scalar function. */
@inline function inTail(u: v128): bool {
  const lo: f64 = 0.02425;
  return v128.any_true(v128.or(f64x2.lt(u, splat(lo)), f64x2.gt(u, splat(1 - lo))));
}

/** The scalar normalQuantile lane by lane. */
@inline function scalarPair(u: v128): v128 {
  return f64x2.replace_lane(splat(normalQuantile(f64x2.extract_lane(u, 0))), 1, normalQuantile(f64x2.extract_lane(u, 1)));
}

/** Acklam's central rational: the starting x. */
@inline function acklam(u: v128): v128 {
  const s = f64x2.sub(u, v128.load(HALF));
  const r = f64x2.mul(s, s);
  let num = fma(v128.load(V_AQ0), r, v128.load(V_AQ1));
  let den = fma(v128.load(V_BQ0), r, v128.load(V_BQ1));
  num = fma(num, r, v128.load(V_AQ2));
  den = fma(den, r, v128.load(V_BQ2));
  num = fma(num, r, v128.load(V_AQ3));
  den = fma(den, r, v128.load(V_BQ3));
  num = fma(num, r, v128.load(V_AQ4));
  den = fma(den, r, v128.load(V_BQ4));
  num = f64x2.mul(fma(num, r, v128.load(V_AQ5)), s);
  den = fma(den, r, v128.load(ONE));
  return f64x2.div(num, den);
}

/** The Halley step's e = Φ(x) − u, by the branch each lane takes (both and a select where they differ). */
@inline function residual(x: v128, u: v128): v128 {
  const central = f64x2.le(f64x2.mul(f64x2.abs(x), v128.load(V_SQRT1_2)), v128.load(V_0_46875));
  if (i64x2.all_true(central)) return eCentral(x, f64x2.sub(u, v128.load(HALF)));
  if (!v128.any_true(central)) return eTail(x, u, central);
  return v128.bitselect(eCentral(x, f64x2.sub(u, v128.load(HALF))), eTail(x, u, central), central);
}

/** One Halley step from x with residual e; |x| < 2 here, so exp(x²/2) is finite. */
@inline function halley(x: v128, e: v128): v128 {
  const zero = splat(0);
  const ex = vexp(f64x2.mul(f64x2.mul(x, x), v128.load(HALF))); // (x²)/2 exactly
  const g = v128.bitselect(zero, f64x2.mul(f64x2.mul(e, v128.load(V_SQRT_2PI)), ex), f64x2.eq(e, zero));
  // halving is exact, so a product with ½ is the quotient by 2 (and takes a third of its time)
  return f64x2.sub(x, f64x2.div(g, f64x2.add(v128.load(ONE), f64x2.mul(f64x2.mul(x, g), v128.load(HALF)))));
}

/**
 * Φ⁻¹ in place over the n pairs of u at `at`, each u in (0, 1), in three passes:
 * one draw is a long chain of dependent operations, and the iterations of a short pass are
 * independent, so the processor overlaps several draws. xs and es: room for n pairs each.
 */
export function vquantiles(at: usize, n: i32, xs: usize, es: usize): void {
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 4;
    v128.store(xs + o, acklam(v128.load(at + o)));
  }
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 4;
    v128.store(es + o, residual(v128.load(xs + o), v128.load(at + o)));
  }
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 4;
    const u = v128.load(at + o);
    v128.store(at + o, inTail(u) ? scalarPair(u) : halley(v128.load(xs + o), v128.load(es + o)));
  }
}

/** Both lanes' next uniform draws on (0, 1), lane 0's from the generator at st0 and lane 1's from st1. */
@inline export function uniformPair(st0: usize, st1: usize): v128 {
  return f64x2.replace_lane(splat(uniformOpen(st0)), 1, uniformOpen(st1));
}

/** vquantiles over n values at p, two at a time, in place, with that scratch (for the tests). */
export function vnormalQuantileAll(p: usize, n: i32, scratch: usize): void {
  vquantiles(p, n >> 1, scratch, scratch + ((<usize>n) << 3));
}

// The GAN row losses for the SIMD kernel on both lanes of an f64x2 (and on float32 lanes, below): the rows of src/train/losses/<id>.ts
// (d and g), and src/numeric/logistic.ts's softplusWithSlope, operation for operation over
// fdlibm's exp and log1p (./vmath.ts, each lane V8's own value), so a lane's losses and slopes are
// the JavaScript code's bit for bit (the derivations are beside the JavaScript definitions).
// Both lanes are computed whatever the mask; the caller keeps the training lanes' results.
import { vexp, vlog1p } from './vmath';

/** The loss codes (config.ts's GanLoss): non-saturating, saturating, LSGAN, WGAN (a critic). */
export const NS = 0;
export const SATURATING = 1;
export const LSGAN = 2;
export const CRITIC = 3;

// Each writes the loss to vloss and the derivative with respect to the output l to vslope.
export let vloss: v128 = f64x2.splat(0);
export let vslope: v128 = f64x2.splat(0);

/** Whether the loss code takes softplus (the BCE losses), whose e = e^−|l| the caller computes first. */
@inline export function usesSoftplus(code: i32): bool {
  return code == NS || code == SATURATING;
}

/** e^−|l| on both lanes: the one exponential of softplusWithSlope. */
@inline export function vexpNegAbs(l: v128): v128 {
  return vexp(f64x2.neg(f64x2.abs(l)));
}

/** σ(l) on both lanes from e = e^−|l| (vexpNegAbs): numeric's sigmoid, 1/(1 + e) for l ≥ 0, else e/(1 + e). */
@inline export function vsigmoidFrom(l: v128, e: v128): v128 {
  const one = f64x2.splat(1);
  // one quotient of the lane's numerator
  return f64x2.div(v128.bitselect(one, e, f64x2.ge(l, f64x2.splat(0))), f64x2.add(one, e));
}

/** softplusWithSlope on both lanes, from e = e^−|l| (vexpNegAbs). */
@inline function vsoftplusWithSlope(l: v128, e: v128): void {
  vslope = vsigmoidFrom(l, e);
  vloss = f64x2.add(f64x2.max(l, f64x2.splat(0)), vlog1p(e));
}

/**
 * A loss's d row on both lanes; e = e^−|l| for the BCE losses (usesSoftplus), computed by the caller in a
 * pass of its own (so that the processor overlaps the rows' exponentials), unused otherwise.
 */
@inline export function vdRow(code: i32, real: bool, l: v128, y: f64, e: v128): void {
  const yy = f64x2.splat(y);
  if (code == CRITIC) {
    vslope = f64x2.splat(real ? -1 : 1);
    vloss = real ? f64x2.neg(l) : l;
    return;
  }
  if (code == LSGAN) {
    const two = f64x2.splat(2);
    const dl = real ? f64x2.sub(l, yy) : l;
    vslope = f64x2.mul(two, dl);
    vloss = f64x2.mul(dl, dl);
    return;
  }
  vsoftplusWithSlope(l, e);
  if (real) {
    vslope = f64x2.sub(vslope, yy);
    vloss = f64x2.sub(vloss, f64x2.mul(yy, l));
  }
}

/** A loss's g row on both lanes; e as for vdRow. */
@inline export function vgRow(code: i32, l: v128, e: v128): void {
  const one = f64x2.splat(1);
  if (code == CRITIC) {
    vslope = f64x2.splat(-1);
    vloss = f64x2.neg(l);
  } else if (code == LSGAN) {
    const dl = f64x2.sub(l, one);
    vslope = f64x2.mul(f64x2.splat(2), dl);
    vloss = f64x2.mul(dl, dl);
  } else if (code == SATURATING) {
    vsoftplusWithSlope(l, e);
    vslope = f64x2.neg(vslope);
    vloss = f64x2.neg(vloss);
  } else {
    vsoftplusWithSlope(l, e);
    vslope = f64x2.sub(vslope, one);
    vloss = f64x2.sub(vloss, l);
  }
}

// The rows on float32 lanes (four members an f32x4): each row is computed in float64 from the lane's
// float32 output, two lanes at a time (the f64x2 rows above), and its loss and slope rounded to float32,
// as the scalar float32 code rounds the float64 row (src/train/mlp.ts).
export let vloss32: v128 = f32x4.splat(0);
export let vslope32: v128 = f32x4.splat(0);

/** Lanes 0–1 of an f32x4 as an f64x2. */
@inline function lowHalf(l: v128): v128 {
  return f64x2.promote_low_f32x4(l);
}

/** Lanes 2–3 of an f32x4 as an f64x2. */
@inline function highHalf(l: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<i64>(l, l, 1, 1));
}

/** Two f64x2, each rounded to float32, as one f32x4 (lo's lanes first). */
@inline function pack(lo: v128, hi: v128): v128 {
  return v128.shuffle<i64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/** D's row (d: vdRow, real or fake, label y) or G's (vgRow) on the two float64 lanes of h. */
@inline function halfRow(code: i32, d: bool, real: bool, h: v128, y: f64): void {
  const e = usesSoftplus(code) ? vexpNegAbs(h) : h;
  if (d) vdRow(code, real, h, y, e);
  else vgRow(code, h, e);
}

/** D's row (d) or G's on the four float32 lanes of l, a half at a time, into vloss32 and vslope32. */
export function vRow32(code: i32, d: bool, real: bool, l: v128, y: f64): void {
  halfRow(code, d, real, lowHalf(l), y);
  const loss = vloss;
  const slope = vslope;
  halfRow(code, d, real, highHalf(l), y);
  vloss32 = pack(loss, vloss);
  vslope32 = pack(slope, vslope);
}

/**
 * For the test that walks the loss registry (src/train/losses/): the row of D (d) or G at l, for the
 * loss code, on both lanes; lane 0's loss is returned and its slope is kept for rowSlope().
 */
export function row(code: i32, d: bool, real: bool, l: f64, y: f64): f64 {
  const v = f64x2.splat(l);
  const e = usesSoftplus(code) ? vexpNegAbs(v) : f64x2.splat(0);
  if (d) vdRow(code, real, v, y, e);
  else vgRow(code, v, e);
  return f64x2.extract_lane(vloss, 0);
}

/** The slope of the last row(). */
export function rowSlope(): f64 {
  return f64x2.extract_lane(vslope, 0);
}

/**
 * σ of n float32 logits at `at` into n float32 at `out` (each rounded as a Float32Array store rounds it): numeric's
 * sigmoid, bit for bit, four at a time (the trainer's metrics: D on the grid); the last n mod 4 one by one.
 */
export function sigmoidF32(at: usize, n: i32, out: usize): void {
  const whole = n & ~3;
  for (let i = 0; i < whole; i += 4) {
    const v = v128.load(at + ((<usize>i) << 2));
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(v128.shuffle<i64>(v, v, 1, 1));
    const a = f32x4.demote_f64x2_zero(vsigmoidFrom(lo, vexpNegAbs(lo)));
    const b = f32x4.demote_f64x2_zero(vsigmoidFrom(hi, vexpNegAbs(hi)));
    v128.store(out + ((<usize>i) << 2), v128.shuffle<i64>(a, b, 0, 2));
  }
  for (let i = whole; i < n; i++) {
    const l = f64x2.splat(<f64>load<f32>(at + ((<usize>i) << 2)));
    store<f32>(out + ((<usize>i) << 2), <f32>f64x2.extract_lane(vsigmoidFrom(l, vexpNegAbs(l)), 0));
  }
}

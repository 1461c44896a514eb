// One training step of a pair of members (float64 lanes) or a quad (float32 lanes) in the SIMD
// kernel, start to end: each member's batch
// from its own generators (./normal.ts), G's fakes, D's loss and update, then G's loss and update
// through the updated D (./fused-pair.ts's linear algebra, ./losses.ts's rows), as
// src/train/engines/fused-members.ts's memberStep does for one member, in the same order. The
// caller (src/train/engines/fused-simd.ts) lays out the memory, sets the configuration once
// (`configure`) and reads each lane's losses and status back after every step.
import { adamT, backwardT, clipT, forwardT, rmspropT } from './fused-pair';
import { usesSoftplus, vdRow, vexpNegAbs, vgRow, vloss, vloss32, vRow32, vslope, vslope32 } from './losses';
import { normal, uniformPair, vquantiles } from './normal';
import {
  gDesc,
  gX,
  gOut,
  gDelta,
  gGrad,
  gP,
  dDesc,
  dX,
  dOut,
  dBack0,
  dDelta,
  dGrad,
  dP,
  B,
  dim,
  nz,
  dSteps,
  code,
  clipping,
  clipC,
  label,
  rms,
  lrD,
  lrG,
  beta1,
  c1,
  beta2,
  c2,
  eps,
  realBuf,
  zBuf,
  outAt,
  drawData,
  mu,
  sigma,
  scratch,
  scratchPairs,
  bound,
  readSettings,
} from './settings';

const V: usize = 16;

// the settings (assembly/settings.ts, generated from scripts/kernel-settings.mjs), and what is derived from them:
// the draws' scratch areas (./normal.ts vquantiles, room for the larger batch each) and 1/B
let qx: usize = 0;
let qe: usize = 0;
let powerOfTwo = false;
let invB: f64 = 0;

/**
 * Reads the run's settings from the block at `at` (the caller writes it by name, with
 * src/train/engines/kernel-settings.ts): the areas of G and D, the batch, the loss code
 * (./losses.ts), the optimiser's constants (computed by the caller as the scalar code computes
 * them), the batch areas, the data's distribution when drawn here, the draws' scratch and the loss
 * bound at which a member stops.
 */
export function configure(at: usize): void {
  readSettings(at);
  qx = scratch;
  qe = scratch + <usize>scratchPairs * V;
  powerOfTwo = (B & (B - 1)) == 0;
  invB = 1 / <f64>B;
}

/** A loss as the float32 report stores it is within ±bound (losses.ts `lossOk`; false for NaN). */
@inline function lossOk(l: f64): bool {
  return abs<f64>(<f64>(<f32>l)) <= bound;
}

/** Both lanes rounded to float32 and back. */
@inline function f32Round(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

@inline function lane8(lane: i32): usize {
  return (<usize>lane) << 3;
}

@inline function lane4(lane: i32): usize {
  return (<usize>lane) << 2;
}

/** Draws every present lane's batch on float64 lanes: the data (when drawn here) and the noise, each rounded to float32. */
function draw(rng: usize, lanes: i32): void {
  if (lanes == 2) {
    // both lanes' i-th draws at once, each from its own generator
    if (drawData) drawPairs(realBuf, dSteps * B * dim, rng, true);
    drawPairs(zBuf, dSteps * B * nz, rng + 16, false);
    return;
  }
  drawLanes(rng, lanes, false);
}

/**
 * n draws of two lanes' generators (states at g and g + 32, each lane's 32 bytes apart) into the f64
 * pairs at buf: normals, as mu + sigma·z for the data; each rounded to float32.
 */
function drawPairs(buf: usize, n: i32, g: usize, data: bool): void {
  for (let i = 0; i < n; i++) v128.store(buf + <usize>i * V, uniformPair(g, g + 32));
  vquantiles(buf, n, qx, qe);
  const m = f64x2.splat(data ? mu : 0);
  const sd = f64x2.splat(data ? sigma : 1);
  for (let i = 0; i < n; i++) {
    const o = buf + <usize>i * V;
    v128.store(o, f32Round(data ? f64x2.add(m, f64x2.mul(sd, v128.load(o))) : v128.load(o)));
  }
}

/** Each present lane's draws one at a time from its own generators (a last pair or quad that is not full), rounded to float32. */
function drawLanes(rng: usize, lanes: i32, quad: bool): void {
  for (let lane = 0; lane < lanes; lane++) {
    const data = rng + <usize>lane * 32;
    const noise = data + 16;
    if (drawData) {
      const n = dSteps * B * dim;
      for (let i = 0; i < n; i++) {
        const x = <f32>(mu + sigma * normal(data));
        if (quad) store<f32>(realBuf + <usize>i * V + lane4(lane), x);
        else store<f64>(realBuf + <usize>i * V + lane8(lane), <f64>x);
      }
    }
    const n = dSteps * B * nz;
    for (let j = 0; j < n; j++) {
      const z = <f32>normal(noise);
      if (quad) store<f32>(zBuf + <usize>j * V + lane4(lane), z);
      else store<f64>(zBuf + <usize>j * V + lane8(lane), <f64>z);
    }
  }
}

/**
 * Draws every present lane's batch on float32 lanes: a full quad as two pairs (lanes 0–1 into the
 * first half of each area, lanes 2–3 into the second: the areas have room for twice the values), then
 * packed into f32x4 values in place; the same numbers as lane-by-lane draws.
 */
function draw32(rng: usize, lanes: i32): void {
  if (lanes < 4) {
    drawLanes(rng, lanes, true);
    return;
  }
  if (drawData) {
    const n = dSteps * B * dim;
    drawPairs(realBuf, n, rng, true);
    drawPairs(realBuf + <usize>n * V, n, rng + 64, true);
    packPairs(realBuf, n);
  }
  const n = dSteps * B * nz;
  drawPairs(zBuf, n, rng + 16, false);
  drawPairs(zBuf + <usize>n * V, n, rng + 80, false);
  packPairs(zBuf, n);
}

/** The n f64 pairs at buf (lanes 0–1) and at buf + n·16 (lanes 2–3), float32 values, into n f32x4 at buf. */
function packPairs(buf: usize, n: i32): void {
  const hi = buf + <usize>n * V;
  for (let i = 0; i < n; i++) {
    const o = <usize>i * V;
    const a = f32x4.demote_f64x2_zero(v128.load(buf + o));
    const b = f32x4.demote_f64x2_zero(v128.load(hi + o));
    v128.store(buf + o, v128.shuffle<i64>(a, b, 0, 2));
  }
}

/** The optimizer's step on one network for the lanes in mask, with Adam's corrections at corr. */
@inline function update<T>(p: usize, m: usize, v: usize, g: usize, P: i32, lr: f64, corr: usize, mask: i32): void {
  if (rms) rmspropT<T>(p, v, g, P, lr, beta2, c2, eps, mask);
  else adamT<T>(p, m, v, g, P, load<f64>(corr), load<f64>(corr, 8), eps, beta1, c1, beta2, c2, mask);
}

/**
 * v/B on every lane: a product with 1/B where B is a power of two (then exactly the quotient,
 * in a third of its time), else the quotient.
 */
@inline function perRow<T>(v: v128): v128 {
  return powerOfTwo ? v128.mul<T>(v, v128.splat<T>(<T>invB)) : v128.div<T>(v, v128.splat<T>(<T>B));
}

/**
 * The lanes in mask of v into the f64 values at `at`, 8 bytes a lane (float32 lanes promoted: exact); the
 * others keep what they hold (NaN, or the loss that stopped them at an earlier D step): their rows were
 * computed with the training lanes' and are not used.
 */
@inline function storeLanes<T>(at: usize, v: v128, mask: i32): void {
  if (sizeof<T>() == 8) {
    if ((mask & 1) != 0) store<f64>(at, f64x2.extract_lane(v, 0));
    if ((mask & 2) != 0) store<f64>(at, f64x2.extract_lane(v, 1), 8);
    return;
  }
  if ((mask & 1) != 0) store<f64>(at, <f64>f32x4.extract_lane(v, 0));
  if ((mask & 2) != 0) store<f64>(at, <f64>f32x4.extract_lane(v, 1), 8);
  if ((mask & 4) != 0) store<f64>(at, <f64>f32x4.extract_lane(v, 2), 16);
  if ((mask & 8) != 0) store<f64>(at, <f64>f32x4.extract_lane(v, 3), 24);
}

/**
 * D's loss and deltas over its 2B output rows, every lane at once (the scalar loop's sums, lane by
 * lane); the loss of the lanes in mask.
 */
function dLossAll<T>(mask: i32): void {
  const wide = sizeof<T>() == 8;
  // first the exponentials of all 2B rows (into the delta rows, overwritten below), then the rest
  if (wide && usesSoftplus(code)) for (let r = 0; r < 2 * B; r++) v128.store(dDelta + <usize>r * V, vexpNegAbs(v128.load(dOut + <usize>r * V)));
  let lr = v128.splat<T>(<T>0);
  let lf = v128.splat<T>(<T>0);
  for (let r = 0; r < B; r++) {
    const real = dDelta + <usize>r * V;
    const fake = dDelta + <usize>(B + r) * V;
    if (wide) vdRow(code, true, v128.load(dOut + <usize>r * V), label, v128.load(real));
    else vRow32(code, true, true, v128.load(dOut + <usize>r * V), label);
    lr = v128.add<T>(lr, wide ? vloss : vloss32);
    v128.store(real, perRow<T>(wide ? vslope : vslope32));
    if (wide) vdRow(code, false, v128.load(dOut + <usize>(B + r) * V), label, v128.load(fake));
    else vRow32(code, true, false, v128.load(dOut + <usize>(B + r) * V), label);
    lf = v128.add<T>(lf, wide ? vloss : vloss32);
    v128.store(fake, perRow<T>(wide ? vslope : vslope32));
  }
  storeLanes<T>(outAt, v128.add<T>(perRow<T>(lr), perRow<T>(lf)), mask);
}

/** G's loss and deltas over D's B output rows on the fakes, every lane at once; the loss of the lanes in mask. */
function gLossAll<T>(mask: i32): void {
  const wide = sizeof<T>() == 8;
  if (wide && usesSoftplus(code)) for (let r = 0; r < B; r++) v128.store(dDelta + <usize>r * V, vexpNegAbs(v128.load(dOut + <usize>r * V)));
  let sum = v128.splat<T>(<T>0);
  for (let r = 0; r < B; r++) {
    const o = dDelta + <usize>r * V;
    if (wide) vgRow(code, v128.load(dOut + <usize>r * V), v128.load(o));
    else vRow32(code, false, false, v128.load(dOut + <usize>r * V), 0);
    sum = v128.add<T>(sum, wide ? vloss : vloss32);
    v128.store(o, perRow<T>(wide ? vslope : vslope32));
  }
  storeLanes<T>(outAt + 32, perRow<T>(sum), mask);
}

/**
 * One step of `lanes` members (1 or 2 on float64 lanes, 1 to 4 on float32 lanes) whose parameters and moments are at gp … dv, generators at
 * rng (per lane: data state, then noise state, 16 bytes each), training the lanes in mask. corr
 * holds Adam's (step size, √(1 − β₂ᵗ)) for each D step and then for G's. Every present lane draws
 * its batch, training or not. Returns the lanes still training.
 */
function stepT<T>(gp: usize, gm: usize, gv: usize, dp: usize, dm: usize, dv: usize, rng: usize, lanes: i32, mask: i32, corr: usize): i32 {
  if (sizeof<T>() == 8) draw(rng, lanes);
  else draw32(rng, lanes);
  for (let lane = 0; lane < lanes; lane++) {
    store<f64>(outAt + lane8(lane), NaN);
    store<f64>(outAt + 32 + lane8(lane), NaN);
    store<i32>(outAt + 64 + lane4(lane), 0);
  }
  if (mask == 0) return 0;
  const rowBytes = <usize>(B * dim) * V;
  for (let s = 0; s < dSteps && mask != 0; s++) {
    // G's fakes for this D step; then D's input: the real rows, then the fakes
    memory.copy(gX, zBuf + <usize>(s * B * nz) * V, <usize>(B * nz) * V);
    forwardT<T>(gDesc, gp, gX, B);
    memory.copy(dX, realBuf + <usize>s * rowBytes, rowBytes);
    memory.copy(dX + rowBytes, gOut, rowBytes);
    forwardT<T>(dDesc, dp, dX, 2 * B);
    dLossAll<T>(mask);
    memory.fill(dGrad, 0, <usize>dP * V);
    backwardT<T>(dDesc, dp, dX, dDelta, 2 * B, dGrad, false);
    for (let lane = 0; lane < lanes; lane++) {
      if ((mask & (1 << lane)) != 0 && !lossOk(load<f64>(outAt + lane8(lane)))) {
        mask &= ~(1 << lane);
        store<i32>(outAt + 64 + lane4(lane), 1);
      }
    }
    if (mask == 0) return 0;
    update<T>(dp, dm, dv, dGrad, dP, lrD, corr + <usize>s * 16, mask);
    if (clipping) clipT<T>(dp, dP, clipC, mask);
  }
  // the G step on the last D step's fakes, through the updated D
  memory.copy(dX, gOut, rowBytes);
  forwardT<T>(dDesc, dp, dX, B);
  gLossAll<T>(mask);
  backwardT<T>(dDesc, dp, dX, dDelta, B, 0, true);
  memory.copy(gDelta, dBack0, rowBytes);
  memory.fill(gGrad, 0, <usize>gP * V);
  backwardT<T>(gDesc, gp, gX, gDelta, B, gGrad, false);
  for (let lane = 0; lane < lanes; lane++) {
    if ((mask & (1 << lane)) != 0 && !lossOk(load<f64>(outAt + 32 + lane8(lane)))) {
      mask &= ~(1 << lane);
      store<i32>(outAt + 64 + lane4(lane), 2);
    }
  }
  if (mask == 0) return 0;
  update<T>(gp, gm, gv, gGrad, gP, lrG, corr + <usize>dSteps * 16, mask);
  return mask;
}

/** A step of a pair on float64 lanes (stepT). */
export function pairStep(gp: usize, gm: usize, gv: usize, dp: usize, dm: usize, dv: usize, rng: usize, lanes: i32, mask: i32, corr: usize): i32 {
  return stepT<f64>(gp, gm, gv, dp, dm, dv, rng, lanes, mask, corr);
}

/** A step of a quad on float32 lanes (stepT). */
export function quadStep(gp: usize, gm: usize, gv: usize, dp: usize, dm: usize, dv: usize, rng: usize, lanes: i32, mask: i32, corr: usize): i32 {
  return stepT<f32>(gp, gm, gv, dp, dm, dv, rng, lanes, mask, corr);
}

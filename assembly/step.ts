// One training step of a pair of members in the SIMD kernel, start to end: each member's batch
// from its own generators (./normal.ts), G's fakes, D's loss and update, then G's loss and update
// through the updated D (./fused-pair.ts's linear algebra, ./losses.ts's rows), as
// src/train/engines/fused-members.ts's memberStep does for one member, in the same order. The
// caller (src/train/engines/fused-simd.ts) lays out the memory, sets the configuration once
// (`configure`) and reads each lane's losses and status back after every step.
import { adam, backward, clip, forward, rmsprop } from './fused-pair';
import { usesSoftplus, vdRow, vexpNegAbs, vgRow, vloss, vslope } from './losses';
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

/** Draws every present lane's batch: the data (when drawn here) and the noise, each rounded to float32. */
function draw(rng: usize, lanes: i32): void {
  if (lanes == 2) {
    // both lanes' i-th draws at once, each from its own generator
    const m = f64x2.splat(mu);
    const sd = f64x2.splat(sigma);
    // (the uniforms first, then their quantiles in vquantiles' passes)
    if (drawData) {
      const n = dSteps * B * dim;
      for (let i = 0; i < n; i++) v128.store(realBuf + <usize>i * V, uniformPair(rng, rng + 32));
      vquantiles(realBuf, n, qx, qe);
      for (let i = 0; i < n; i++) {
        const o = realBuf + <usize>i * V;
        v128.store(o, f32Round(f64x2.add(m, f64x2.mul(sd, v128.load(o)))));
      }
    }
    const n = dSteps * B * nz;
    for (let j = 0; j < n; j++) v128.store(zBuf + <usize>j * V, uniformPair(rng + 16, rng + 48));
    vquantiles(zBuf, n, qx, qe);
    for (let j = 0; j < n; j++) {
      const o = zBuf + <usize>j * V;
      v128.store(o, f32Round(v128.load(o)));
    }
    return;
  }
  for (let lane = 0; lane < lanes; lane++) {
    const data = rng + <usize>lane * 32;
    const noise = data + 16;
    if (drawData) {
      const n = dSteps * B * dim;
      for (let i = 0; i < n; i++) store<f64>(realBuf + <usize>i * V + lane8(lane), <f64>(<f32>(mu + sigma * normal(data))));
    }
    const n = dSteps * B * nz;
    for (let j = 0; j < n; j++) store<f64>(zBuf + <usize>j * V + lane8(lane), <f64>(<f32>normal(noise)));
  }
}

/** The optimizer's step on one network for the lanes in mask, with Adam's corrections at corr. */
@inline function update(p: usize, m: usize, v: usize, g: usize, P: i32, lr: f64, corr: usize, mask: i32): void {
  if (rms) rmsprop(p, v, g, P, lr, beta2, c2, eps, mask);
  else adam(p, m, v, g, P, load<f64>(corr), load<f64>(corr, 8), eps, beta1, c1, beta2, c2, mask);
}

/**
 * v/B on both lanes: a product with 1/B where B is a power of two (then exactly the quotient,
 * in a third of its time), else the quotient.
 */
@inline function perRow(v: v128): v128 {
  return powerOfTwo ? f64x2.mul(v, f64x2.splat(invB)) : f64x2.div(v, f64x2.splat(<f64>B));
}

/**
 * The lanes in mask of v into the f64 pair at `at`; the others keep what they hold (NaN, or the loss
 * that stopped them at an earlier D step): their rows were computed with the training lanes' and
 * are not used.
 */
@inline function storeLanes(at: usize, v: v128, mask: i32): void {
  if ((mask & 1) != 0) store<f64>(at, f64x2.extract_lane(v, 0));
  if ((mask & 2) != 0) store<f64>(at, f64x2.extract_lane(v, 1), 8);
}

/**
 * D's loss and deltas over its 2B output rows, both lanes at once (the scalar loop's sums, lane by
 * lane); the loss of the lanes in mask.
 */
function dLossBoth(mask: i32): void {
  const soft = usesSoftplus(code);
  // first the exponentials of all 2B rows (into the delta rows, overwritten below), then the rest
  if (soft) for (let r = 0; r < 2 * B; r++) v128.store(dDelta + <usize>r * V, vexpNegAbs(v128.load(dOut + <usize>r * V)));
  let lr = f64x2.splat(0);
  let lf = f64x2.splat(0);
  for (let r = 0; r < B; r++) {
    const real = dDelta + <usize>r * V;
    const fake = dDelta + <usize>(B + r) * V;
    vdRow(code, true, v128.load(dOut + <usize>r * V), label, v128.load(real));
    lr = f64x2.add(lr, vloss);
    v128.store(real, perRow(vslope));
    vdRow(code, false, v128.load(dOut + <usize>(B + r) * V), label, v128.load(fake));
    lf = f64x2.add(lf, vloss);
    v128.store(fake, perRow(vslope));
  }
  storeLanes(outAt, f64x2.add(perRow(lr), perRow(lf)), mask);
}

/** G's loss and deltas over D's B output rows on the fakes, both lanes at once; the loss of the lanes in mask. */
function gLossBoth(mask: i32): void {
  if (usesSoftplus(code)) for (let r = 0; r < B; r++) v128.store(dDelta + <usize>r * V, vexpNegAbs(v128.load(dOut + <usize>r * V)));
  let sum = f64x2.splat(0);
  for (let r = 0; r < B; r++) {
    const o = dDelta + <usize>r * V;
    vgRow(code, v128.load(dOut + <usize>r * V), v128.load(o));
    sum = f64x2.add(sum, vloss);
    v128.store(o, perRow(vslope));
  }
  storeLanes(outAt + 16, perRow(sum), mask);
}

/**
 * One step of `lanes` members (1 or 2) whose parameters and moments are at gp … dv, generators at
 * rng (per lane: data state, then noise state, 16 bytes each), training the lanes in mask. corr
 * holds Adam's (step size, √(1 − β₂ᵗ)) for each D step and then for G's. Every present lane draws
 * its batch, training or not. Returns the lanes still training.
 */
export function pairStep(gp: usize, gm: usize, gv: usize, dp: usize, dm: usize, dv: usize, rng: usize, lanes: i32, mask: i32, corr: usize): i32 {
  draw(rng, lanes);
  for (let lane = 0; lane < lanes; lane++) {
    store<f64>(outAt + lane8(lane), NaN);
    store<f64>(outAt + 16 + lane8(lane), NaN);
    store<i32>(outAt + 32 + ((<usize>lane) << 2), 0);
  }
  if (mask == 0) return 0;
  const rowBytes = <usize>(B * dim) * V;
  for (let s = 0; s < dSteps && mask != 0; s++) {
    // G's fakes for this D step; then D's input: the real rows, then the fakes
    memory.copy(gX, zBuf + <usize>(s * B * nz) * V, <usize>(B * nz) * V);
    forward(gDesc, gp, gX, B);
    memory.copy(dX, realBuf + <usize>s * rowBytes, rowBytes);
    memory.copy(dX + rowBytes, gOut, rowBytes);
    forward(dDesc, dp, dX, 2 * B);
    dLossBoth(mask);
    memory.fill(dGrad, 0, <usize>dP * V);
    backward(dDesc, dp, dX, dDelta, 2 * B, dGrad, false);
    for (let lane = 0; lane < lanes; lane++) {
      if ((mask & (1 << lane)) != 0 && !lossOk(load<f64>(outAt + lane8(lane)))) {
        mask &= ~(1 << lane);
        store<i32>(outAt + 32 + ((<usize>lane) << 2), 1);
      }
    }
    if (mask == 0) return 0;
    update(dp, dm, dv, dGrad, dP, lrD, corr + <usize>s * 16, mask);
    if (clipping) clip(dp, dP, clipC, mask);
  }
  // the G step on the last D step's fakes, through the updated D
  memory.copy(dX, gOut, rowBytes);
  forward(dDesc, dp, dX, B);
  gLossBoth(mask);
  backward(dDesc, dp, dX, dDelta, B, 0, true);
  memory.copy(gDelta, dBack0, rowBytes);
  memory.fill(gGrad, 0, <usize>gP * V);
  backward(gDesc, gp, gX, gDelta, B, gGrad, false);
  for (let lane = 0; lane < lanes; lane++) {
    if ((mask & (1 << lane)) != 0 && !lossOk(load<f64>(outAt + 16 + lane8(lane)))) {
      mask &= ~(1 << lane);
      store<i32>(outAt + 32 + ((<usize>lane) << 2), 2);
    }
  }
  if (mask == 0) return 0;
  update(gp, gm, gv, gGrad, gP, lrG, corr + <usize>dSteps * 16, mask);
  return mask;
}

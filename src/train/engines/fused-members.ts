/**
 * The fused engine's work on a range of members: for each step, each member draws its own batch
 * (real data, noise and, for WGAN-GP, the interpolation weights, from its own streams), then runs
 * its `dSteps` D updates and its G update as plain float arithmetic (mlp.ts, losses.ts, adam.ts).
 * Member k touches only its own rows of the parameter arrays and its own generators, and runs the
 * same code in the same order whichever range it is in, so the split of a population over threads
 * cannot change a byte: member k computes exactly what the single run with its seed computes.
 *
 * This file runs in the main thread (one range: every member) and in each worker thread
 * (fused-worker.ts), and imports nothing of TensorFlow.js.
 */
import { adam, type AdamSpec } from '../adam.js';
import type { TrainConfig } from '../config.js';
import { lossOk } from '../losses.js';
import { discLossGrad, forwardFrom, genLossGrad, layout, networkSizes, Workspace, type DiscSpec, type GenSpec } from '../mlp.js';
import { roundFor, type Round } from '../round.js';
import type { Distribution } from '../../numeric/distributions/index.js';
import type { Rng, RngState } from '../../numeric/rng.js';
import { STEP_OK, STEP_STOPPED_D, STEP_STOPPED_G, type NetState, type StepReport, type StopRecord } from './types.js';

// the engines' shared types live in ./types.ts; re-exported for the modules that import them from here
export { STEP_OK, STEP_STOPPED_D, STEP_STOPPED_G, type NetState, type StepReport, type StopRecord };

/** One member's generators for training: data (stream 1), noise (2), the penalty's ε (4). */
export interface MemberRngs {
  data: Rng;
  noise: Rng;
  gp: Rng;
}

/** The generators' states, per member, for a checkpoint. */
export function saveRngs(rngs: readonly MemberRngs[]): { data: RngState[]; noise: RngState[]; gp: RngState[] } {
  return { data: rngs.map((r) => r.data.save()), noise: rngs.map((r) => r.noise.save()), gp: rngs.map((r) => r.gp.save()) };
}

/** One member's batch for every D step: real [dSteps·B·dim], noise [dSteps·B·n_z] and, for WGAN-GP, ε [dSteps·B]. */
export interface MemberBatch {
  real: Float32Array;
  z: Float32Array;
  eps: Float32Array | null;
}

export function memberBatch(c: TrainConfig, dim: number): MemberBatch {
  return {
    real: new Float32Array(c.dSteps * c.batch * dim),
    z: new Float32Array(c.dSteps * c.batch * c.noiseDim),
    eps: c.loss === 'wgan-gp' ? new Float32Array(c.dSteps * c.batch) : null,
  };
}

/**
 * Draws a member's batch for one step from its own generators: the real data (drawReal), then D step
 * by D step the noise and (WGAN-GP) the interpolation weights, rounded to float32. Every engine
 * draws with this (the SIMD kernel draws the noise itself, the same numbers).
 */
export function drawBatch(c: TrainConfig, target: Distribution, r: MemberRngs, into: MemberBatch): void {
  const B = c.batch;
  const nz = c.noiseDim;
  drawReal(c, target, r.data, into.real);
  for (let d = 0; d < c.dSteps; d++) {
    for (let j = 0; j < B * nz; j++) into.z[d * B * nz + j] = r.noise.normal();
    if (into.eps !== null) for (let j = 0; j < B; j++) into.eps[d * B + j] = r.gp.uniform();
  }
}

/**
 * A member's real data for every D step, [dSteps·B·dim] from its data generator, rounded to
 * float32 (the stream is the data's alone, so drawing it before the noise changes no number).
 */
export function drawReal(c: TrainConfig, target: Distribution, data: Rng, into: Float32Array): void {
  for (let d = 0; d < c.dSteps; d++) into.set(target.sample(data, c.batch), d * c.batch * target.dim);
}

/** Member k stops at this step: no longer active, and the loss that stopped it recorded. */
export function recordStop(report: StepReport, stops: StopRecord[], member: number, step: number, status: typeof STEP_STOPPED_D | typeof STEP_STOPPED_G): void {
  report.active[member] = 0;
  stops.push({ member, step, status, value: (status === STEP_STOPPED_D ? report.dLoss[member] : report.gLoss[member]) as number });
}

export class FusedMembers {
  private readonly gNet;
  private readonly dNet;
  private readonly gws: Workspace;
  private readonly dws: Workspace;
  private readonly gGrad: Float64Array;
  private readonly dGrad: Float64Array;
  private readonly disc: DiscSpec;
  private readonly gen: GenSpec;
  private readonly batch: MemberBatch;
  /** The run's arithmetic: each operation rounded to float32, or not (float64). */
  private readonly R: Round;

  /**
   * Members [first, first + rngs.length) of a population, over the whole population's state and
   * report arrays; rngs[i] belongs to member first + i.
   */
  constructor(
    private readonly c: TrainConfig,
    private readonly target: Distribution,
    private readonly state: NetState,
    private readonly report: StepReport,
    readonly first: number,
    private readonly rngs: MemberRngs[],
  ) {
    const dim = target.dim;
    const { g: gSizes, d: dSizes } = networkSizes(c, dim);
    const B = c.batch;
    this.gNet = layout(gSizes);
    this.dNet = layout(dSizes);
    this.R = roundFor(c.precision);
    this.gws = new Workspace(this.gNet, B, this.R);
    this.dws = new Workspace(this.dNet, 3 * B, this.R);
    this.gGrad = new Float64Array(this.gNet.P);
    this.dGrad = new Float64Array(this.dNet.P);
    this.disc = { dSizes, loss: c.loss, label: 1 - c.labelSmoothing, gpWeight: c.gpWeight, batch: B };
    this.gen = { gSizes, dSizes, loss: c.loss, batch: B };
    this.batch = memberBatch(c, dim);
  }

  /** Nothing to do: the state arrays are always current here. */
  flush(): void {}

  /** The members' generator states (for checkpoints), in member order. */
  rngStates(): { data: RngState[]; noise: RngState[]; gp: RngState[] } {
    return saveRngs(this.rngs);
  }

  /**
   * Runs steps [from, from + n) for this range: tD and tG are Adam's step counts before `from`.
   * Every member draws its batch at every step, stopped or not (so its generators advance as in
   * any split); a member whose loss leaves the bound stops there, keeping its state from before
   * that update. Returns the stops, in step order.
   */
  run(from: number, n: number, tD: number, tG: number): StopRecord[] {
    const stops: StopRecord[] = [];
    const c = this.c;
    const S = c.dSteps;
    const opt = (lr: number, t: number): AdamSpec => ({ optimizer: c.optimizer ?? 'adam', lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps, t });
    for (let s = 0; s < n; s++) {
      // the step counts are the same for every member
      const optD = Array.from({ length: S }, (_, d) => opt(c.lrD, tD + s * S + d + 1));
      const optG = opt(c.lrG, tG + s + 1);
      for (let i = 0; i < this.rngs.length; i++) {
        const k = this.first + i;
        drawBatch(c, this.target, this.rngs[i] as MemberRngs, this.batch);
        this.report.dLoss[k] = NaN;
        this.report.gLoss[k] = NaN;
        if (this.report.active[k] !== 1) continue;
        const status = this.memberStep(k, optD, optG);
        if (status !== STEP_OK) recordStop(this.report, stops, k, from + s, status);
      }
    }
    return stops;
  }

  /** One step of member k on the batch just drawn; writes its losses into the report. */
  private memberStep(k: number, optD: AdamSpec[], optG: AdamSpec): typeof STEP_OK | typeof STEP_STOPPED_D | typeof STEP_STOPPED_G {
    const { c, state, report } = this;
    const { gp, gm, gv, dp, dm, dv } = state;
    const B = c.batch;
    const dim = this.target.dim;
    const nz = c.noiseDim;
    const gNet = this.gNet;
    const dNet = this.dNet;
    const go = k * gNet.P;
    const dOff = k * dNet.P;
    const fakeRows = this.gws.acts[gNet.layers.length - 1] as Float64Array;
    const { real, z, eps } = this.batch;
    for (let s = 0; s < c.dSteps; s++) {
      // G's fake batch for this D step (G is a constant here); gws keeps the last one for the G step
      forwardFrom(gp, go, this.gws, z, s * B * nz, B);
      this.dGrad.fill(0);
      report.dLoss[k] = discLossGrad(this.disc, dp, dOff, this.dws, real, s * B * dim, fakeRows, 0, eps, s * B, this.dGrad);
      // the loss is reported in float32: one that overflows it stops the member too
      if (!lossOk(report.dLoss[k] as number)) return STEP_STOPPED_D;
      adam(optD[s] as AdamSpec, dp, dm, dv, this.dGrad, dOff, dNet.P, this.R);
      if (c.loss === 'wgan') for (let i = dOff; i < dOff + dNet.P; i++) dp[i] = Math.min(c.clip, Math.max(-c.clip, dp[i] as number));
    }
    this.gGrad.fill(0);
    report.gLoss[k] = genLossGrad(this.gen, gp, go, dp, dOff, this.gws, this.dws, this.gGrad);
    if (!lossOk(report.gLoss[k] as number)) return STEP_STOPPED_G;
    adam(optG, gp, gm, gv, this.gGrad, go, gNet.P, this.R);
    return STEP_OK;
  }
}

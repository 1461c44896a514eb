/**
 * The trainer's data types, apart from the loop that makes them (trainer.ts), so that the metrics
 * and the checkpoint validation can name them without importing the loop.
 */
import type { RngState } from '../numeric/index.js';
import type { TrainConfig } from './config.js';

/** The format tag of a checkpoint this version writes and reads. */
export const CHECKPOINT_FORMAT = 'gan-verify-checkpoint-3';

export type Engine = 'fused' | 'autodiff';

/** Why a member stopped: the first non-finite loss. */
export interface MemberStop {
  seed: number;
  step: number;
  quantity: 'D loss' | 'G loss';
  value: number;
}

/** One logged step of one member. */
export interface MemberLog {
  step: number;
  seed: number;
  /** NaN once the member has stopped (see `stopped`). */
  dLoss: number;
  gLoss: number;
  /** 1-D targets: mean and standard deviation of G's output on the fixed evaluation noise. */
  gMean?: number;
  gStd?: number;
  /** 1-D targets: W1 between G's output on the evaluation noise and the target (exact CDF integral). */
  w1?: number;
  /**
   * 2-D targets (ring8, grid25), with the published definitions: a generated point is high quality
   * when it lies within 3σ of its nearest mode; a mode is covered when it is the nearest mode of at
   * least one high-quality point; reverse KL of the high-quality mode histogram h against uniform,
   * Σ hᵢ ln(hᵢ·M) (∞ when no point is high quality).
   */
  modesCovered?: number;
  modes?: number;
  hqShare?: number;
  reverseKl?: number;
  /** max over the grid of |D(x) − ½| (D's distance from the equilibrium value). */
  dHalfGap: number;
  /**
   * 1-D targets with scalar noise: max over the grid of |D(x) − D*(x)|, D* = p_data/(p_data + p_G)
   * with p_G the exact density of G's piecewise-linear pushforward of N(0, 1) (see pushforward.ts).
   */
  dStarGap?: number;
  /**
   * Critic losses (wgan, wgan-gp): the critic's estimate of W1 on held-out samples, without any
   * penalty: mean f(x) over `evalSamples` fresh data points minus mean f(G(z)) over the evaluation
   * noise (Kantorovich–Rubinstein: W1 = sup over 1-Lipschitz f of that difference).
   */
  criticEstimate?: number;
  /** Present once the member has stopped on a non-finite loss; its metrics are then those of its last good state. */
  stopped?: MemberStop;
}

/** What G and D compute at the end of a run (float32, member-major). */
export interface FinalProbe {
  /** The grid D is evaluated on: [gridN·dim]. */
  grid: Float32Array;
  /** D(x) = σ(logit) on the grid: [K·gridN] (for the WGAN losses, the critic's raw output). */
  d: Float32Array;
  /** G(z) on the evaluation noise: [K·evalSamples·dim]. */
  samples: Float32Array;
  /** 1-D, scalar noise: D*(x) on the grid with p_G the exact pushforward density, [K·gridN]. */
  dStar?: Float64Array;
  /** With onProbe: fresh data points [K·evalSamples·dim], D on them and on `samples` [K·evalSamples] (σ applied unless a critic). */
  real?: Float32Array;
  dReal?: Float32Array;
  dFake?: Float32Array;
}

/** Everything needed to continue a run bit-identically; plain JSON. */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  config: TrainConfig;
  seed: number;
  population: number;
  engine: Engine;
  /** The next step to run. */
  step: number;
  tD: number;
  tG: number;
  /**
   * Float32 values, member-major [K·P]: G's and D's parameters (per member, layer by layer, W
   * row-major [in][out] then b) and Adam's first and second moments in the same layout.
   */
  g: number[];
  d: number[];
  gm: number[];
  gv: number[];
  dm: number[];
  dv: number[];
  rng: { data: RngState[]; noise: RngState[]; gp: RngState[] };
  /** Per member: why it stopped, or null while it trains. */
  stopped: (MemberStop | null)[];
  logs: MemberLog[][];
}

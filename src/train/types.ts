/**
 * The trainer's data types, apart from the loop that makes them (trainer.ts), so that the metrics
 * and the checkpoint validation can name them without importing the loop.
 */
import type { RngState } from '../numeric/index.js';
import type { TrainConfig } from './config.js';

/** The format tag of a checkpoint this version writes and reads. */
export const CHECKPOINT_FORMAT = 'gan-verify-checkpoint-3';

/**
 * How a step is computed: `fused` as plain float arithmetic per member (cpu backend; one thread or several, see engines/fused.ts),
 * `autodiff` as TF.js ops with TF.js's gradients (every backend). The two agree to float32 rounding, not bit for bit; a run's bytes
 * are defined by its backend and engine.
 */
export type Engine = 'fused' | 'autodiff';

/** Why a member stopped: its first loss that was not finite or was beyond ±{@link LOSS_BOUND}. */
export interface MemberStop {
  /** The member's seed (s + k for member k of a population seeded s). */
  seed: number;
  /** The step (from 0) whose loss stopped the member. */
  step: number;
  /** Which loss stopped it: D's (at one of the step's D updates) or G's. */
  quantity: 'D loss' | 'G loss';
  /** That loss: NaN, ±∞, or a finite value beyond ±{@link LOSS_BOUND}. */
  value: number;
}

/** One logged step of one member. */
export interface MemberLog {
  /** The step (from 0) just done. */
  step: number;
  /** The member's seed (s + k for member k of a population seeded s). */
  seed: number;
  /** NaN once the member has stopped (see `stopped`). */
  dLoss: number;
  /** G's loss at the step, on its fake batch through the just-updated D, before G's update; NaN once the member has stopped. */
  gLoss: number;
  /** 1-D targets: mean and standard deviation of G's output on the fixed evaluation noise. */
  gMean?: number;
  /** 1-D targets: sample standard deviation (n − 1 denominator) of G's output on the evaluation noise. */
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
  /** 2-D targets: the number of modes M of the target (8 for ring8, 25 for grid25). */
  modes?: number;
  /** 2-D targets: the share of generated points that are high quality, in [0, 1]. */
  hqShare?: number;
  /** 2-D targets: reverse KL (nats) of the high-quality mode histogram against uniform; 0 when every mode is hit equally, ∞ when no point is high quality. */
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
  /** With onProbe: D on `real`, [K·evalSamples] (σ applied unless a critic). */
  dReal?: Float32Array;
  /** With onProbe: D on `samples`, [K·evalSamples] (σ applied unless a critic). */
  dFake?: Float32Array;
}

/** Everything needed to continue a run bit-identically; plain JSON. */
export interface Checkpoint {
  /** The format tag, {@link CHECKPOINT_FORMAT}; a checkpoint of another format is refused. */
  format: typeof CHECKPOINT_FORMAT;
  /** The run's configuration, complete (as makeConfig returns it). */
  config: TrainConfig;
  /** The first member's seed; member k's is seed + k. */
  seed: number;
  /** The number of members K, 1 to 4096. */
  population: number;
  /** The engine that ran the steps; a resumed run must use the same one. */
  engine: Engine;
  /** The next step to run. */
  step: number;
  /** D's optimizer steps so far (Adam's t before the next D update): step·dSteps. */
  tD: number;
  /** G's optimizer steps so far (Adam's t before the next G update): step. */
  tG: number;
  /**
   * Float32 values, member-major [K·P]: G's and D's parameters (per member, layer by layer, W
   * row-major [in][out] then b) and Adam's first and second moments in the same layout.
   */
  g: number[];
  /** D's parameters, member-major [K·P_D], in the layout of `g`. */
  d: number[];
  /** Adam's first moments of G's parameters, in the layout of `g`. */
  gm: number[];
  /** Adam's second moments of G's parameters (RMSprop's square averages), in the layout of `g`. */
  gv: number[];
  /** Adam's first moments of D's parameters, in the layout of `d`. */
  dm: number[];
  /** Adam's second moments of D's parameters (RMSprop's square averages), in the layout of `d`. */
  dv: number[];
  /** The training generators' states, one per member each. */
  rng: {
    /** Stream 1: the real batches. */
    data: RngState[];
    /** Stream 2: the noise z of the fake batches. */
    noise: RngState[];
    /** Stream 4: the gradient penalty's interpolation weights. */
    gp: RngState[];
  };
  /** Per member: why it stopped, or null while it trains. */
  stopped: (MemberStop | null)[];
  /** The logged steps so far, one entry per member each (as {@link TrainResult.logs}). */
  logs: MemberLog[][];
}

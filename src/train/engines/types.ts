/**
 * What the trainer asks of an engine: run steps for every member still training, report each
 * member's losses, and read its networks back. The engines: `fused` (engines/fused.ts: plain float
 * arithmetic per member, on one thread or split over worker threads) and `autodiff` (TF.js ops with
 * TF.js's gradients, every backend; engines/autodiff.ts).
 */
import type { Dist1D } from '../../numeric/index.js';
import type { RngState } from '../../numeric/rng.js';

/** Status codes of a member after a step. */
export const STEP_OK = 0;
export const STEP_STOPPED_D = 1;
export const STEP_STOPPED_G = 2;

/** A population's parameters and Adam moments, [K·P] float32 each (member-major). */
export interface NetState {
  gp: Float32Array;
  gm: Float32Array;
  gv: Float32Array;
  dp: Float32Array;
  dm: Float32Array;
  dv: Float32Array;
}

/** A member that stopped during a run of steps: where, and the loss that stopped it. */
export interface StopRecord {
  member: number;
  step: number;
  status: typeof STEP_STOPPED_D | typeof STEP_STOPPED_G;
  value: number;
}

/** Per member, what its last step reported; shared with the main thread when threaded. */
export interface StepReport {
  /** 1 while the member trains; set to 0 here when it stops. */
  active: Uint8Array;
  dLoss: Float32Array;
  gLoss: Float32Array;
}

/** Points for every member, float32 row-major [K, n, dim]: member k's n points of dimension dim. */
export interface Points {
  data: Float32Array;
  shape: readonly [number, number, number];
}

/**
 * What sorted-samples.ts sortedMembers gives, per member k: sorted [k·n, (k + 1)·n) (empty when not asked for), mean[k],
 * ss[k] = Σ(x − mean)² and, when a target was given, w1[k] (else w1 is empty).
 */
export interface MemberSamples {
  sorted: Float32Array;
  mean: Float64Array;
  ss: Float64Array;
  w1: Float64Array;
}

export interface StepEngine {
  /** The members' last losses and whether each still trains (`active`), updated by `run`. */
  readonly report: StepReport;
  /** The most steps one `run` call should take (the trainer listens for signals between calls). */
  readonly chunk: number;
  /**
   * Steps [from, from + n): `dSteps` D updates then one G update per step, for the members still
   * active; tD and tG are Adam's step counts before `from`. Returns the members that stopped, in
   * step order then member order.
   */
  run(from: number, n: number, tD: number, tG: number): StopRecord[] | Promise<StopRecord[]>;
  /** The parameters and Adam moments now, float32 [K·P] (not to be written to). */
  state(): NetState;
  /** The training generators' states now, per member (for checkpoints). */
  rngStates(): { data: RngState[]; noise: RngState[]; gp: RngState[] } | Promise<{ data: RngState[]; noise: RngState[]; gp: RngState[] }>;
  /**
   * G's output on z and D's raw output on x, read back. scratch: the arrays may be the engine's own, overwritten by
   * the next scratch evaluation (for a caller that reads them at once: the trainer's measurements), so that a
   * measurement allocates (and the machine maps) no new memory for them.
   */
  evaluate(z: Points, x: Points, scratch?: boolean): { samples: Float32Array; logits: Float32Array };
  /**
   * Where the engine can (absent elsewhere): for a 1-D target, G on z summarised member by member without its samples
   * read back (the moments and W1 to the target of what `evaluate` gives, as sorted-samples.ts sortedMembers gives
   * them, in its arrays), and D's raw output on x (a scratch array, as `evaluate`'s): for a measurement that reads
   * no sample itself.
   */
  summarise?(z: Points, x: Points, target: Dist1D): { one: MemberSamples; logits: Float32Array };
  /** D's raw output on x alone, read back (the critic's values, without running G again). */
  critic(x: Points): Float32Array;
  /** Frees tensors and threads. */
  dispose(): void | Promise<void>;
}

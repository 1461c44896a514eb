/**
 * An optimiser as the registry (./index.ts) holds it: one file each, with the update on one member's
 * row of float32 parameters and moments from a float64 gradient (the fused engine's scalar code), the
 * same update as TF.js ops on [K, P] tensors (the autodiff engine, the tabular trainer) and the name of
 * the SIMD kernel's function that ports it (assembly/fused-pair.ts). A test walks the registry and
 * holds the three to each other.
 */
import type { Round } from '../round.js';
import type { tf as TF } from '../tf.js';

/** TensorFlow.js, passed in by the caller (an optimiser's file never loads it). */
export type Tf = typeof TF;

/** An update's settings: the rate, β₁ (Adam), β₂ (Adam's; RMSprop's smoothing constant α), ε and the step number t (from 1). */
export interface OptimizerSpec {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  t: number;
}

export interface OptimizerDef {
  readonly id: 'adam' | 'rmsprop';
  /** What it is and where it comes from, one line. */
  readonly title: string;
  /**
   * The update on one member's row [o, o + P): p, m, v float32 (m unused by RMSprop), g float64; R rounds every
   * operation's result and constant (Math.fround: the float32 engine; the identity: float64, the default).
   */
  update(s: OptimizerSpec, p: Float32Array, m: Float32Array, v: Float32Array, g: Float64Array, o: number, P: number, R?: Round): void;
  /** The update as TF.js ops: each variable with its next value (the caller assigns them, per member). */
  ops(tf: Tf, p: TF.Variable, m: TF.Variable, v: TF.Variable, g: TF.Tensor, s: OptimizerSpec): [TF.Variable, TF.Tensor][];
  /** The SIMD kernel's function for it (assembly/fused-pair.ts), chosen by the kernel's `rms` setting. */
  readonly kernel: 'adam' | 'rmsprop';
}

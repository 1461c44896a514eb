/**
 * A GAN loss as the registry (./index.ts) holds it: one definition per loss, in one file each, from
 * which the trainer's paths are built: the scalar row loss and its derivative (the fused engine's
 * scalar code), the TF.js ops (the autodiff engine) and the code of the SIMD kernel's row
 * (assembly/losses.ts, which ports the rows operation for operation; a test walks the registry and
 * holds the three to each other and the derivatives to finite differences).
 */
import type { tf as TF } from '../tf.js';

/** TensorFlow.js, passed in by the engine that uses it (a loss's file never loads it). */
export type Tf = typeof TF;

import type { LossRows, RowLoss } from './rows.js';

export type { LossRows, RowLoss };

export interface GanLossDef {
  /** The loss's name, as TrainConfig and the CLI spell it. */
  readonly id: 'ns' | 'saturating' | 'lsgan' | 'wgan' | 'wgan-gp' | 'hinge';
  /** What it is and where it comes from, one line. */
  readonly title: string;
  /** D is a critic (no σ; its output estimates W1 through the Kantorovich–Rubinstein dual). */
  readonly critic: boolean;
  /** D outputs a score rather than a logit (no σ is applied to it): the critics and the hinge loss. */
  readonly raw: boolean;
  /** The rows, for the fused engine's scalar code (./rows.ts; null: the fused engine does not implement the loss). */
  readonly rows: LossRows | null;
  /** The TF.js ops: D's and G's per-member mean losses from [K, B, 1] outputs on the real and fake batches. */
  readonly ops: {
    d(tf: Tf, real: TF.Tensor3D, fake: TF.Tensor3D, label: number): TF.Tensor1D;
    g(tf: Tf, fake: TF.Tensor3D): TF.Tensor1D;
  };
  /** The SIMD kernel's code for the rows (assembly/losses.ts), or null where the kernel does not run the loss. */
  readonly kernelCode: 0 | 1 | 2 | 3 | null;
}

/** Per-member means over the batch axis: [K, B, 1] → [K]. */
export const memberMean = (tf: Tf, x: TF.Tensor): TF.Tensor1D => tf.mean(x, [1, 2]) as TF.Tensor1D;

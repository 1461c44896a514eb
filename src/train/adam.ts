/**
 * The optimisers on one member's row of a float32 parameter array, with float64 gradients, as the fused
 * engine's scalar code calls them: the registry's updates (./optimizers/: Adam and RMSprop, one file each,
 * with their TF.js ops and the kernel's function).
 */
import { OPTIMIZERS, type OptimizerSpec } from './optimizers/index.js';
import type { Round } from './round.js';

export interface AdamSpec extends OptimizerSpec {
  /** `adam` (the default) or `rmsprop` (then beta2 is RMSProp's smoothing constant α and beta1 is unused). */
  optimizer?: 'adam' | 'rmsprop';
}

/** The spec's optimiser (Adam by default) on one member's row [o, o + P) (see ./optimizers/), each operation rounded by R (float32) or not. */
export function adam(s: AdamSpec, p: Float32Array, m: Float32Array, v: Float32Array, g: Float64Array, o: number, P: number, R?: Round): void {
  OPTIMIZERS[s.optimizer ?? 'adam'].update(s, p, m, v, g, o, P, R);
}

/**
 * gan-verify/train: the reference GAN trainer: a population of seeded GANs trained by the fused wasm
 * kernel (or TensorFlow.js, cpu backend by default), with checkpoints and per-member logs.
 *
 * @example
 * ```ts
 * import { makeConfig, train } from 'gan-verify/train';
 *
 * // four members of the seed documents' PyTorch toy, 300 steps each, from seed 1
 * const r = await train(makeConfig('seed-toy', { steps: 300 }), { seed: 1, population: 4 });
 * console.log(r.engine, r.final.map((m) => m.w1.toFixed(3)).join(' ')); // prints: fused 1.065 0.882 0.625 1.021
 * ```
 * @module
 */
export { useBackend, BACKENDS, type BackendName } from './backend.js';
export { TrainError } from './errors.js';
export { makeConfig, PRESETS, SEED_TOY, MIXTURE_1D, RING8, GRID25, type TrainConfig, type GanLoss, type Precision } from './config.js';
export {
  train,
  logLine,
  formatFixed,
  modeMetrics,
  TrainInterrupted,
  type Checkpoint,
  type Engine,
  type MemberLog,
  type MemberStop,
  type TrainOptions,
  type TrainResult,
  type FinalProbe,
} from './trainer.js';
export { trainTabular, floatFraction, TABULAR, type TabularConfig, type TabularLog } from './tabular.js';
export { validateCheckpoint, parameterCount, CHECKPOINT_FORMAT } from './checkpoint.js';
export { LOSS_BOUND } from './losses.js';

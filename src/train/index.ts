/** gan-verify/train: the reference GAN trainer on TensorFlow.js (cpu backend by default). */
export { useBackend, BACKENDS, TrainError, type BackendName } from './backend.js';
export { makeConfig, PRESETS, SEED_TOY, MIXTURE_1D, RING8, GRID25, type TrainConfig, type GanLoss } from './config.js';
export {
  train,
  logLine,
  formatFixed,
  dLossOf,
  gLossOf,
  gradientPenalty,
  modeMetrics,
  TrainInterrupted,
  type Layer,
  type Checkpoint,
  type Engine,
  type MemberLog,
  type MemberStop,
  type TrainOptions,
  type TrainResult,
  type FinalProbe,
} from './trainer.js';
export { trainTabular, tabularLosses, tabularBatchLosses, floatFraction, TABULAR, type TabularConfig, type TabularLog } from './tabular.js';
export { validateCheckpoint, parameterCount, CHECKPOINT_FORMAT } from './checkpoint.js';
export { LOSS_BOUND } from './losses.js';

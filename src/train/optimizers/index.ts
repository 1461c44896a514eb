/** The optimisers, one file each (./types.ts says what one holds), by name. */
import { ADAM } from './adam.js';
import { RMSPROP } from './rmsprop.js';
import type { OptimizerDef } from './types.js';

export { adamCorrections } from './adam.js';
export type { OptimizerDef, OptimizerSpec, Tf } from './types.js';

/** Every optimiser, by its name (TrainConfig's `optimizer`). */
export const OPTIMIZERS: Readonly<Record<OptimizerDef['id'], OptimizerDef>> = { adam: ADAM, rmsprop: RMSPROP };

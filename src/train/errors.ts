import { InputError } from '../theory/errors.js';

/** The error class of the `train` layer (messages as described at {@link InputError}). */
export class TrainError extends InputError {
  /** Always `'TrainError'`: the class name that stack traces and `String(error)` show. */
  override readonly name = 'TrainError';
}

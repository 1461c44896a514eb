import { checkOptionsWith, InputError } from '../theory/errors.js';

/** The error class of the `numeric` layer (messages as described at {@link InputError}). */
export class NumericError extends InputError {
  override readonly name = 'NumericError';
}

/** A value as an error message shows it (the theory layer's formatter). */
export { show as showValue } from '../theory/errors.js';

/** An options argument: undefined or a plain object (see the theory layer's checkOptionsWith). */
export const checkOptions = <T>(fn: string, options: T): T => checkOptionsWith(fn, options, NumericError);

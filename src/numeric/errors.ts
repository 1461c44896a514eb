import { checkOptionsWith, InputError } from '../theory/errors.js';

/** The error class of the `numeric` layer (messages as described at {@link InputError}). */
export class NumericError extends InputError {
  /** Always `'NumericError'`: the class name that stack traces and `String(error)` show. */
  override readonly name = 'NumericError';
}

/** A value as an error message shows it (the theory layer's formatter). */
export { show as showValue } from '../theory/errors.js';

/** An options argument: undefined or a plain object (see the theory layer's checkOptionsWith). */
export const checkOptions = <T>(fn: string, options: T): T => checkOptionsWith(fn, options, NumericError, NUMERIC_OPTIONS);

/** The options of the numeric layer's functions (a misspelled key is refused, not ignored). */
export const NUMERIC_OPTIONS = ['samples', 'seed', 'level', 'twoSample', 'k', 'normalize', 'base', 'xWeights', 'yWeights'] as const;

import { checkOptionsWith, InputError, show } from '../theory/errors.js';

/** The error class of `gan-verify/testing` (messages as described at {@link InputError}). */
export class TestingError extends InputError {
  /** Always `'TestingError'`: the class name that stack traces and `String(error)` show. */
  override readonly name = 'TestingError';
}

export { show };

/** An options argument: undefined or a plain object. */
export const checkOptions = <T>(fn: string, options: T, known?: readonly string[]): T => checkOptionsWith(fn, options, TestingError, known);

/** An integer ≥ min, or the default when undefined. */
export function intAtLeast(fn: string, arg: string, v: unknown, min: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new TestingError(fn, arg, `must be an integer ≥ ${min}; got ${show(v)}`);
  return v;
}

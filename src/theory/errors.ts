/**
 * Bad input to any layer of gan-verify. Every message names the function, the argument and the
 * offending value, e.g. `jsd: p[2] must be a nonnegative mass; got "-0.1"`. The CLI prints the
 * message as one line on stderr and exits with code 2. Each layer has its own subclass
 * ({@link TheoryError} here, `NumericError` in numeric); it lives in the bottom layer so that every
 * layer above can extend it.
 */
export class InputError extends Error {
  /** The public function that rejected its input, e.g. `jsd`. */
  readonly fn: string;
  /** The argument at fault, e.g. `p[2]` or `digits`. */
  readonly arg: string;

  constructor(fn: string, arg: string, detail: string) {
    // String(): the names may come from a caller's arguments (a Symbol must not break the message)
    super(`${String(fn)}: ${String(arg)} ${String(detail)}`);
    this.fn = String(fn);
    this.arg = String(arg);
  }
}

/** The error class of the `theory` layer. */
export class TheoryError extends InputError {
  override readonly name = 'TheoryError';
}

/** Shows a user's value in an error message: strings quoted, long ones shortened. */
export function show(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (typeof value === 'bigint') s = `${value}n`;
  else if (typeof value === 'number') s = Object.is(value, -0) ? '-0' : String(value);
  else if (value === null || value === undefined) s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * An options argument: undefined (the defaults) or a plain object; anything else (null, an array,
 * a number, a string) is refused with the layer's error, naming the function and `options`.
 */
export function checkOptionsWith<T>(fn: string, options: T, error: new (fn: string, arg: string, detail: string) => InputError): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new error(fn, 'options', `must be an object of settings; got ${show(options)}`);
  return options;
}

/** {@link checkOptionsWith} for the theory layer. */
export const checkOptions = <T>(fn: string, options: T): T => checkOptionsWith(fn, options, TheoryError);

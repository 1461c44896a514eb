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
  /** Always `'TheoryError'`: the class name that stack traces and `String(error)` show. */
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

/** Levenshtein distance (for "did you mean" suggestions). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** " (did you mean x?)" for the known key nearest to `key`, when one is near. */
export function nearest(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let d = Infinity;
  for (const k of known) {
    const e = editDistance(key.toLowerCase(), k.toLowerCase());
    if (e < d) [best, d] = [k, e];
  }
  return best !== undefined && d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean ${best}?)` : '';
}

/**
 * An options argument: undefined (the defaults) or a plain object; anything else (null, an array,
 * a number, a string) is refused with the layer's error, naming the function and `options`. With
 * `known`, a key that is not among them is refused too, naming it and the nearest known key (a
 * misspelled option would otherwise be ignored silently).
 */
export function checkOptionsWith<T>(fn: string, options: T, error: new (fn: string, arg: string, detail: string) => InputError, known?: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new error(fn, 'options', `must be an object of settings; got ${show(options)}`);
  if (known !== undefined) {
    const extra = Object.keys(options).find((k) => !known.includes(k));
    if (extra !== undefined) throw new error(fn, `options.${extra}`, `is not an option of ${fn}${nearest(extra, known)}; its options: ${known.join(', ')}`);
  }
  return options;
}

/** The options of the theory layer's functions. */
export const THEORY_OPTIONS = ['digits', 'base', 'normalize', 'maxSeconds', 'onProgress'] as const;

/** {@link checkOptionsWith} for the theory layer (unknown keys refused). */
export const checkOptions = <T>(fn: string, options: T): T => checkOptionsWith(fn, options, TheoryError, THEORY_OPTIONS);

/**
 * The one error class of the `numeric` layer: `fn: arg detail; got value`, like the theory layer's,
 * so the CLI can print it as one line and exit 2.
 */
export class NumericError extends Error {
  override readonly name = 'NumericError';
  readonly fn: string;
  readonly arg: string;

  constructor(fn: string, arg: string, detail: string) {
    super(`${fn}: ${arg} ${detail}`);
    this.fn = fn;
    this.arg = arg;
  }
}

/** A value as an error message shows it. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return String(v);
}

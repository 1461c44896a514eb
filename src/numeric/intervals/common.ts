import { NumericError, showValue } from '../errors.js';

/** A point estimate with its two-sided confidence interval [low, high]. */
export interface Interval {
  /** The point estimate: the share k/n, the sample median, or Spearman's ρ. */
  estimate: number;
  /** The interval's lower end (−∞ for a median interval when n is too small to conclude anything). */
  low: number;
  /** The interval's upper end (+∞ for a median interval when n is too small to conclude anything). */
  high: number;
  /** Two-sided confidence level, e.g. 0.95. */
  level: number;
  /** The sample size: trials for a share, values for a median, pairs for ρ. */
  n: number;
}

export function checkLevel(fn: string, level: unknown): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new NumericError(fn, 'level', `must be a number in (0, 1); got ${showValue(level)}`);
  return level;
}

export function checkCount(fn: string, arg: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new NumericError(fn, arg, `must be an integer ≥ ${min}; got ${showValue(v)}`);
  return v;
}

export function checkSample(fn: string, xs: unknown, min: number): number[] {
  if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) throw new NumericError(fn, 'xs', `must be an array of numbers; got ${showValue(xs)}`);
  const a = Array.from(xs as ArrayLike<unknown>);
  if (a.length < min) throw new NumericError(fn, 'xs', `must have at least ${min} values; got ${a.length}`);
  a.forEach((v, i) => {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new NumericError(fn, `xs[${i}]`, `must be a number (not NaN); got ${showValue(v)}`);
  });
  return a as number[];
}

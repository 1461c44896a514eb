/**
 * The inputs of the float64 divergences: options, probability vectors and term arguments, checked with
 * errors that name the function, the argument and the value.
 */
import { NumericError, showValue } from '../errors.js';
import { CompensatedSum } from '../sum.js';

/** Options shared by the float64 divergences. */
export interface FloatOptions {
  /**
   * Logarithm base: 'e' (nats) or 2 (bits) (the exact layer also takes 10).
   * @defaultValue 'e'
   */
  base?: 'e' | 2;
  /**
   * Rescale each vector by its sum. Without it, each must sum to 1 within {@link SUM_TOLERANCE}.
   * @defaultValue false
   */
  normalize?: boolean;
}

/** How far from 1 the float sum of a probability vector may be. */
export const SUM_TOLERANCE = 1e-9;

/** Reads a probability vector: finite, nonnegative, summing to 1 (or rescaled). */
export function toProbabilities(fn: string, arg: string, v: ArrayLike<number>, normalize = false): Float64Array {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
    throw new NumericError(fn, arg, `must be an array of probabilities; got ${showValue(v)}`);
  }
  if (v.length === 0) throw new NumericError(fn, arg, 'must not be empty; got []');
  const out = new Float64Array(v.length);
  const total = new CompensatedSum();
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(fn, `${arg}[${i}]`, `must be a finite number; got ${showValue(x)}`);
    if (x < 0) throw new NumericError(fn, `${arg}[${i}]`, `must be nonnegative; got ${showValue(x)}`);
    out[i] = x;
    total.add(x);
  }
  const s = total.value;
  if (s === 0) throw new NumericError(fn, arg, `must have positive total mass; got all zeros (${v.length} entries)`);
  if (normalize) {
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / s;
  } else if (Math.abs(s - 1) > SUM_TOLERANCE) {
    throw new NumericError(fn, arg, `must sum to 1 within ${SUM_TOLERANCE} (or pass normalize); got a sum of ${s}`);
  }
  return out;
}

/** Reads p and q as probability vectors of equal length. */
export function pairOf(fn: string, p: ArrayLike<number>, q: ArrayLike<number>, normalize: boolean): [Float64Array, Float64Array] {
  const P = toProbabilities(fn, 'p', p, normalize);
  const Q = toProbabilities(fn, 'q', q, normalize);
  if (P.length !== Q.length) throw new NumericError(fn, 'q', `must have as many entries as p (${P.length}); got ${Q.length}`);
  return [P, Q];
}

/** The factor that turns nats into the asked base: 1 for e, 1/ln 2 for bits. */
export function scaleFor(fn: string, base: unknown): number {
  if (base === undefined || base === 'e') return 1;
  if (base === 2) return 1 / Math.LN2;
  throw new NumericError(fn, 'base', `must be 'e' or 2; got ${showValue(base)}`);
}

/** A term's arguments: finite nonnegative numbers (masses). */
export function checkTerm(fn: string, p: unknown, q: unknown): void {
  for (const [arg, v] of [
    ['p', p],
    ['q', q],
  ] as const) {
    if (typeof v !== 'number' || !(v >= 0 && v < Infinity)) throw new NumericError(fn, arg, `must be a finite nonnegative number; got ${showValue(v)}`);
  }
}

/** Shape checks of a pair of vectors; entries are checked inside the summing loop. */
export function checkPairShape(fn: string, p: ArrayLike<number>, q: ArrayLike<number>): void {
  for (const [arg, v] of [
    ['p', p],
    ['q', q],
  ] as const) {
    if (v === null || typeof v !== 'object' || typeof v.length !== 'number')
      throw new NumericError(fn, arg, `must be an array of probabilities; got ${showValue(v)}`);
    if (v.length === 0) throw new NumericError(fn, arg, 'must not be empty; got []');
  }
  if (q.length !== p.length) throw new NumericError(fn, 'q', `must have as many entries as p (${p.length}); got ${q.length}`);
}

/** After a summing loop: the sums of p and q must be 1 within SUM_TOLERANCE. */
export function checkSums(fn: string, sp: number, sq: number, n: number): void {
  for (const [arg, s] of [
    ['p', sp],
    ['q', sq],
  ] as const) {
    if (s === 0) throw new NumericError(fn, arg, `must have positive total mass; got all zeros (${n} entries)`);
    if (Math.abs(s - 1) > SUM_TOLERANCE) throw new NumericError(fn, arg, `must sum to 1 within ${SUM_TOLERANCE} (or pass normalize); got a sum of ${s}`);
  }
}

/** The slow path of the loops' one-comparison entry check: says which entry is bad and why. */
export function rejectEntry(fn: string, p: ArrayLike<number>, q: ArrayLike<number>, a: number): never {
  const ok = typeof a === 'number' && a >= 0 && a < Infinity;
  toProbabilities(fn, ok ? 'q' : 'p', ok ? q : p);
  throw new NumericError(fn, ok ? 'q' : 'p', 'holds an invalid entry');
}

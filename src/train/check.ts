/** Argument checks for the trainer's exported functions (a TrainError naming the argument); tensors' in tensor-check.ts. */
import { show } from '../theory/errors.js';
import { TrainError } from './errors.js';

/** A configuration object with the fields this function reads. */
export function checkFields(fn: string, arg: string, v: unknown, fields: Record<string, 'number' | 'string'>): void {
  if (v === null || typeof v !== 'object') throw new TrainError(fn, arg, `must be a configuration object (makeConfig); got ${show(v)}`);
  for (const [k, t] of Object.entries(fields)) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x !== t || (t === 'number' && !Number.isFinite(x as number)))
      throw new TrainError(fn, `${arg}.${k}`, `must be a ${t === 'number' ? 'finite number' : 'string'}; got ${show(x)}`);
  }
}

/** A number (NaN allowed only where `nanOk`). */
export function checkNumber(fn: string, arg: string, v: unknown, opts: { integer?: boolean; min?: number; max?: number; nanOk?: boolean } = {}): void {
  const ok =
    typeof v === 'number' &&
    (opts.nanOk === true || !Number.isNaN(v)) &&
    (!opts.integer || Number.isSafeInteger(v)) &&
    !((v as number) < (opts.min ?? -Infinity)) &&
    !((v as number) > (opts.max ?? Infinity));
  if (!ok)
    throw new TrainError(
      fn,
      arg,
      `must be ${opts.integer ? 'an integer' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}` +
        `${opts.max !== undefined ? ` ≤ ${opts.max}` : ''}; got ${show(v)}`,
    );
}

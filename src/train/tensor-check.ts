/** The tensor argument check, apart from check.ts so that the fused engine's path does not load TensorFlow.js. */
import { show } from '../theory/errors.js';
import { TrainError } from './errors.js';
import { tf } from './tf.js';

/** A tf.Tensor of the given rank. */
export function checkTensor(fn: string, arg: string, v: unknown, rank: number): void {
  if (!(v instanceof tf.Tensor) || v.rank !== rank)
    throw new TrainError(fn, arg, `must be a rank-${rank} tf.Tensor; got ${v instanceof tf.Tensor ? `rank ${v.rank}` : show(v)}`);
}

/**
 * How the fused engine's scalar code rounds each operation's result: Math.fround (the float32 arithmetic) or the
 * identity (float64, the default). Apart from the optimisers' registry types, so that the declarations that reach
 * the trainer's public ones (mlp.ts's Workspace) name none of TensorFlow.js's types.
 */
import type { Precision } from './config.js';

export type Round = (x: number) => number;

/** The identity {@link Round}: float64 arithmetic. */
export const noRound: Round = (x) => x;

/** The scalar code's rounding for an arithmetic: Math.fround (float32) or the identity (float64, the default). */
export const roundFor = (precision: Precision | undefined): Round => (precision === 'float32' ? Math.fround : noRound);

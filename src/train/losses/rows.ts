/**
 * What a loss's rows are (./types.ts): the part of the registry the fused engine's scalar code reads, apart so
 * that its declarations, which the trainer's public ones reach, name none of TensorFlow.js's types.
 */

/** A row's loss and its derivative with respect to the row's output. */
export interface RowLoss {
  loss: number;
  slope: number;
}

/**
 * d: D's loss on one row of its output l, a real row (label y, 1 − label smoothing) or a fake one;
 * g: G's loss on one row of D's output on a fake. Each writes the loss and its derivative in l.
 */
export interface LossRows {
  d(real: boolean, l: number, y: number, out: RowLoss): void;
  g(l: number, out: RowLoss): void;
}

/** How unusual a training log is among a population's logs (the statistic of a Monte Carlo rank test). */
import { median, type Population } from '../experiments.js';

/** One printed line of a log: the step and the two losses. */
export interface LogRow {
  step: number;
  d: number;
  g: number;
}
/**
 * How unusual a log is among the population's: the largest robust z-score |v − median| / (1.4826·MAD)
 * over its printed values, each against the population's values at the same step and loss.
 */
export function logDepth(rows: readonly LogRow[], pop: Population): number {
  let worst = 0;
  for (const row of rows) {
    const members = pop.logs.find((l) => l[0]?.step === row.step);
    if (!members) continue;
    for (const [v, xs] of [
      [row.d, members.map((m) => m.dLoss)],
      [row.g, members.map((m) => m.gLoss)],
    ] as const) {
      const med = median(xs);
      const mad = 1.4826 * median(xs.map((x) => Math.abs(x - med)));
      worst = Math.max(worst, mad > 0 ? Math.abs(v - med) / mad : v === med ? 0 : Infinity);
    }
  }
  return worst;
}

/**
 * The GAN losses as the trainer asks for them, from the registry (./losses/: one file per loss with
 * its rows, its TF.js ops and its kernel code), and the bound at which a member stops.
 */
import type { GanLoss } from './config.js';
import { LOSSES } from './losses/index.js';
import type { LossRows } from './losses/rows.js';

/** The critic losses (no σ: the output is a value, not a logit), whose critic estimates W1. */
export const isCritic = (loss: GanLoss) => LOSSES[loss].critic;

/** The losses whose D outputs a score rather than a logit (the critics and the hinge loss): no σ is applied to it. */
export const rawOutput = (loss: GanLoss) => LOSSES[loss].raw;

/**
 * The settings the autodiff engine alone implements, by their CLI names, for a configuration (empty when
 * the fused engine can run it).
 */
export function autodiffOnly(c: { loss: GanLoss; r1?: number; r2?: number; spectralNorm?: boolean; ema?: number }): string[] {
  const out: string[] = [];
  if (LOSSES[c.loss].rows === null) out.push(`--loss ${c.loss}`);
  if ((c.r1 ?? 0) > 0) out.push('--r1');
  if ((c.r2 ?? 0) > 0) out.push('--r2');
  if (c.spectralNorm === true) out.push('--spectral-norm');
  if ((c.ema ?? 0) > 0) out.push('--ema');
  return out;
}

/** The registry's rows of a loss the fused engine implements (a TrainError-free internal lookup: configurations are checked before). */
export function rowsOf(loss: GanLoss): LossRows {
  const rows = LOSSES[loss].rows;
  if (rows === null) throw new Error(`the fused engine has no rows for the ${loss} loss (autodiff only)`);
  return rows;
}

/**
 * A member stops when a loss is not finite or beyond ±LOSS_BOUND: a run whose loss reaches 10⁶
 * (the BCE losses are a few nats; ln 4 at equilibrium) has diverged even while it stays finite.
 */
export const LOSS_BOUND = 1e6;
/** Within the bound (false for NaN and ±∞). */
export const lossOk = (x: number) => Math.abs(x) <= LOSS_BOUND;

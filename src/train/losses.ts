/**
 * The GAN losses on one row of a network's output (a logit l, or a critic's value), with their
 * derivatives with respect to l: the definitions the fused engine computes. The autodiff engine
 * writes the same formulas as TF.js ops (engines/autodiff.ts, `dLossOf`, `gLossOf`) and the tests
 * hold the two to each other.
 *
 * BCE on σ(l) with label y: −y ln σ(l) − (1 − y) ln(1 − σ(l)) = softplus(l) − y·l, since
 * ln σ(l) = −softplus(−l) = l − softplus(l) and ln(1 − σ(l)) = −softplus(l); its derivative is
 * σ(l) − y. softplus and σ are numeric/logistic.ts's, both from one exponential (softplusWithSlope).
 */
import { softplusWithSlope } from '../numeric/logistic.js';
import type { GanLoss } from './config.js';

/** A row's loss and its derivative with respect to the row's output. */
export interface RowLoss {
  loss: number;
  slope: number;
}

/** The critic losses (no σ: the output is a value, not a logit), whose critic estimates W1. */
export const isCritic = (loss: GanLoss) => loss === 'wgan' || loss === 'wgan-gp';

/** The losses whose D outputs a score rather than a logit (the critics and the hinge loss): no σ is applied to it. */
export const rawOutput = (loss: GanLoss) => isCritic(loss) || loss === 'hinge';

/**
 * The settings the autodiff engine alone implements, by their CLI names, for a configuration (empty when
 * the fused engine can run it).
 */
export function autodiffOnly(c: { loss: GanLoss; r1?: number; r2?: number; spectralNorm?: boolean; ema?: number }): string[] {
  const out: string[] = [];
  if (c.loss === 'hinge') out.push('--loss hinge');
  if ((c.r1 ?? 0) > 0) out.push('--r1');
  if ((c.r2 ?? 0) > 0) out.push('--r2');
  if (c.spectralNorm === true) out.push('--spectral-norm');
  if ((c.ema ?? 0) > 0) out.push('--ema');
  return out;
}

/**
 * D's loss on one row of its output l, a real row (label y, 1 − label smoothing) or a fake row, into
 * out: BCE softplus(l) − y·l (real) or softplus(l) (fake); LSGAN (l − y)² or l²; critics −l or l.
 */
export function dRow(loss: GanLoss, real: boolean, l: number, y: number, out: RowLoss): void {
  if (isCritic(loss)) {
    out.slope = real ? -1 : 1;
    out.loss = real ? -l : l;
    return;
  }
  if (loss === 'lsgan') {
    out.slope = real ? 2 * (l - y) : 2 * l;
    out.loss = real ? (l - y) * (l - y) : l * l;
    return;
  }
  softplusWithSlope(l, out);
  const sig = out.slope;
  out.slope = real ? sig - y : sig;
  out.loss = real ? out.loss - y * l : out.loss;
}

/**
 * G's loss on one row of D's output l on a fake, into out: non-saturating −ln D = softplus(l) − l
 * (derivative σ(l) − 1), saturating ln(1 − D) = −softplus(l) (derivative −σ(l)), LSGAN (l − 1)²,
 * critics −l.
 */
export function gRow(loss: GanLoss, l: number, out: RowLoss): void {
  switch (loss) {
    case 'wgan':
    case 'wgan-gp':
      out.slope = -1;
      out.loss = -l;
      return;
    case 'lsgan':
      out.slope = 2 * (l - 1);
      out.loss = (l - 1) * (l - 1);
      return;
    case 'saturating':
      // E[ln(1 − D(G(z)))] = −E[softplus(l)], minimised by G
      softplusWithSlope(l, out);
      out.slope = -out.slope;
      out.loss = -out.loss;
      return;
    default:
      // non-saturating −E[ln D(G(z))] = E[softplus(−l)] = softplus(l) − l, derivative σ(l) − 1
      softplusWithSlope(l, out);
      out.slope -= 1;
      out.loss -= l;
  }
}

/**
 * A member stops when a loss is not finite or beyond ±LOSS_BOUND: a run whose loss reaches 10⁶
 * (the BCE losses are a few nats; ln 4 at equilibrium) has diverged even while it stays finite.
 */
export const LOSS_BOUND = 1e6;
/** Within the bound (false for NaN and ±∞). */
export const lossOk = (x: number) => Math.abs(x) <= LOSS_BOUND;

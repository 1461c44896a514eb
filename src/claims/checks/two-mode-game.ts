/**
 * Mode hopping in the smallest game that has two modes, computed deterministically.
 *
 *   data      p_data = ½ δ_a + ½ δ_b
 *   generator p_G = g δ_a + (1 − g) δ_b with g = σ(θ) (its only choice: how to split its mass)
 *   critic    a table: D(a) = σ(u_a), D(b) = σ(u_b)
 *   value     V = ½ log D(a) + ½ log D(b) + g log(1 − D(a)) + (1 − g) log(1 − D(b))
 *
 * D ascends V (∂V/∂u_a = ½(1 − D(a)) − g D(a), and likewise for b); G descends the non-saturating
 * loss −[g log D(a) + (1 − g) log D(b)] (∂/∂θ = −g(1 − g)(log D(a) − log D(b))). The steps
 * alternate, D first, as in Goodfellow et al. (2014, Algorithm 1) with k = 1 and full batches.
 * The start is a collapsed generator (g = 0.95: 95% of its mass on mode a) facing D ≡ ½.
 *
 * What the check reads off the run: D "adapts" when D(a) falls below ½ while G is on a (it has
 * learned that a is where the fakes are); G "shifts" when g crosses ½ (most mass now on b); each
 * crossing is one hop. Whether the cycle "continues" is the size of |g − ½| late in the run against
 * its first swing.
 */
import { sigmoid, softplus } from '../../numeric/logistic.js';

export interface TwoModeSetting {
  /** Learning rate of D (0: a critic that never adapts). */
  lrD: number;
  lrG: number;
  steps: number;
  /** G's initial mass on mode a. */
  start: number;
}

export interface TwoModeRun {
  /** First step at which D(a) < ½ while g > ½ (D has learned to detect the repeated output); −1 if never. */
  adaptedAt: number;
  /** First step at which g < ½ (G's mass moved to the other mode); −1 if never. */
  shiftedAt: number;
  /** Number of times g crossed ½. */
  hops: number;
  /** max |g − ½| over the first hop's swing and over the last tenth of the run. */
  firstSwing: number;
  lateSwing: number;
  finalShare: number;
}

export function twoModeRun(s: TwoModeSetting): TwoModeRun {
  let theta = Math.log(s.start / (1 - s.start));
  let ua = 0;
  let ub = 0;
  let adaptedAt = -1;
  let shiftedAt = -1;
  let hops = 0;
  let side = s.start > 0.5;
  let firstSwing = 0;
  let lateSwing = 0;
  for (let t = 0; t < s.steps; t++) {
    const g = sigmoid(theta);
    const da = sigmoid(ua);
    const db = sigmoid(ub);
    ua += s.lrD * (0.5 * (1 - da) - g * da);
    ub += s.lrD * (0.5 * (1 - db) - (1 - g) * db);
    // ln σ(u) = −softplus(−u), stably (numeric/logistic.ts)
    const la = -softplus(-ua);
    const lb = -softplus(-ub);
    theta -= s.lrG * (-g * (1 - g) * (la - lb));
    const g2 = sigmoid(theta);
    if (adaptedAt < 0 && g2 > 0.5 && sigmoid(ua) < 0.5) adaptedAt = t;
    if (g2 > 0.5 !== side) {
      side = !side;
      hops++;
      if (shiftedAt < 0) shiftedAt = t;
    }
    const swing = Math.abs(g2 - 0.5);
    if (hops === 1) firstSwing = Math.max(firstSwing, swing);
    if (t >= s.steps * 0.9) lateSwing = Math.max(lateSwing, swing);
  }
  return { adaptedAt, shiftedAt, hops, firstSwing, lateSwing, finalShare: sigmoid(theta) };
}

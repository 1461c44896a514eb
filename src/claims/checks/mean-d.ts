/**
 * "Minimising the generator's loss E[φ(D(G(z)))] is equivalent to maximising E[D(G(z))]": true
 * pointwise when φ is strictly decreasing (a generator whose fakes all get the same score d is
 * better under both criteria exactly when d is larger), but not for distributions of scores: φ is
 * not affine for either GAN loss (−log d is convex, log(1 − d) concave), so by Jensen's inequality
 * two score distributions with the same mean have different expected losses, and a small shift of
 * the means cannot undo a large gap. Only an affine φ (φ(d) = α − βd, β > 0) makes the two
 * criteria agree on every pair.
 *
 * The check compares two generators through the scores their fakes receive (each a distribution of
 * d over a few values k/64): the orders of E[φ(d)] (lower is better) and of E[d] (higher is better)
 * must agree on every pair for the equivalence to hold. It searches every pair of a two-point
 * score distribution {d₁, d₂} (equal weights) against a constant score d₃ on the grid k/16, with
 * 80-digit logarithms, and reports the first pair where the two criteria disagree.
 */
import { D, type Dec } from '../precise.js';
import { verdictOf, type Outcome } from '../define.js';

/** A generator loss as a function of the score d ∈ (0, 1), in 80-digit decimals. */
export type ScoreLoss = (d: Dec) => Dec;

export const nonSaturating: ScoreLoss = (d) => d.ln().neg();
export const saturating: ScoreLoss = (d) => new D(1).minus(d).ln();

const TIE = new D(10).pow(-60);

export interface MeanDResult {
  /** φ strictly decreasing on the grid: the equivalence for point-mass score distributions. */
  pointwise: boolean;
  pairs: number;
  /** Pairs where lower loss and higher mean score disagree (strictly). */
  disagreements: number;
  example: string | null;
}

export function meanDEquivalence(phi: ScoreLoss): MeanDResult {
  const grid = Array.from({ length: 15 }, (_, k) => new D(k + 1).div(16));
  const pointwise = grid.every((d, i) => i === 0 || phi(d).lt(phi(grid[i - 1] as Dec)));
  let pairs = 0;
  let disagreements = 0;
  let example: string | null = null;
  for (let i = 0; i < grid.length; i++) {
    for (let j = i; j < grid.length; j++) {
      const d1 = grid[i] as Dec;
      const d2 = grid[j] as Dec;
      const lossA = phi(d1).plus(phi(d2)).div(2);
      const meanA = d1.plus(d2).div(2);
      for (const d3 of grid) {
        pairs++;
        const lossB = phi(d3);
        // ties (e.g. ½(ln 1/16 + ln 1/4) = ln 1/8) must not count: decide beyond the 80-digit rounding
        const lossPrefersA = lossB.minus(lossA).gt(TIE);
        const lossPrefersB = lossA.minus(lossB).gt(TIE);
        const meanPrefersA = meanA.minus(d3).gt(TIE);
        const meanPrefersB = d3.minus(meanA).gt(TIE);
        if ((lossPrefersA && meanPrefersB) || (lossPrefersB && meanPrefersA)) {
          disagreements++;
          if (example === null) {
            const f = (x: Dec) => x.toSignificantDigits(4).toString();
            example =
              `fakes scored {${f(d1)}, ${f(d2)}} (mean ${f(meanA)}, loss ${f(lossA)}) against all scored ${f(d3)} (loss ${f(lossB)}): the loss ` +
              `prefers the ${lossPrefersA ? 'first' : 'second'}, the mean score the ${meanPrefersA ? 'first' : 'second'}`;
          }
        }
      }
    }
  }
  return { pointwise, pairs, disagreements, example };
}

/**
 * The verdict on "minimising E[φ(D(G(z)))] is equivalent to maximising E[D(G(z))]": holds when both
 * agree on every pair, imprecise (with `correction`) when they agree only pointwise, refuted when
 * φ is not even decreasing.
 */
export function meanDOutcome(phi: ScoreLoss, correction: string): Outcome {
  const r = meanDEquivalence(phi);
  return {
    verdict: verdictOf({ asStated: r.pointwise && r.disagreements === 0, corrected: r.pointwise }),
    evidence:
      `${r.pointwise ? 'pointwise: decreasing in d (equivalent for a single score)' : 'pointwise: not decreasing in d'}; for the expectations the ` +
      `two criteria disagree on ${r.disagreements} of ${r.pairs} pairs${r.example ? `, e.g. ${r.example}` : ''}`,
    numbers: { pointwise: r.pointwise, pairs: r.pairs, disagreements: r.disagreements },
    ...(r.pointwise && r.disagreements > 0 ? { correction } : {}),
    ...(r.example ? { counterexample: r.example } : {}),
  };
}

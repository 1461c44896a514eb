/**
 * Claim `l1-term-does-not-prevent-blur` of seed document 002: "The pix2pix objective also adds an L1
 * reconstruction term to prevent blurriness." Checked on the smallest multimodal translation task: one
 * input, whose target is one of k one-hot "images" (k = 2 and k = 3 pixels, each target equally likely).
 * A reconstruction term prevents blurriness when every minimiser of E|G − x| (per pixel, summed) is a
 * target; it is judged by its value at the blurry average (the per-pixel mean of the targets), at the
 * targets themselves and at its minimisers, all exact (sums of fractions with denominators 2 and 3).
 * The adversarial term's minimiser, at D*, is the target distribution itself (C = −log 4 there, 0 at
 * any point mass off the data): the sharpness is its work.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The per-pixel reconstruction penalty |a − t| (L1) or (a − t)² (L2). */
export type Penalty = 'l1' | 'l2';

const penalty = (kind: Penalty, a: number, t: number) => (kind === 'l1' ? Math.abs(a - t) : (a - t) ** 2);
const oneHot = (k: number, i: number): number[] => Array.from({ length: k }, (_, j) => (j === i ? 1 : 0));
/** E over the k equally likely one-hot targets of Σ_pixels penalty(output − target). */
const risk = (kind: Penalty, out: readonly number[]) => {
  const k = out.length;
  let s = 0;
  for (let i = 0; i < k; i++) s += oneHot(k, i).reduce((acc, t, j) => acc + penalty(kind, out[j] as number, t), 0);
  return s / k;
};
/** The minimiser per pixel: the median of {1 w.p. 1/k, 0 w.p. 1 − 1/k} for L1 (0 when k > 2, any of [0, 1] at k = 2), the mean 1/k for L2. */
const minimiser = (kind: Penalty, k: number) => Array.from({ length: k }, () => (kind === 'l1' ? (k > 2 ? 0 : 0.5) : 1 / k));

export const l1NoBlurPrevention = defineClaim({
  id: 'l1-term-does-not-prevent-blur',
  source: src('The pix2pix objective also adds an L1 reconstruction term to prevent blurriness.'),
  statement:
    'the L1 reconstruction term prevents blurriness: one input whose target is one of k equally likely one-hot images (k = 2, 3); holds when the ' +
    'L1 risk E‖G − x‖₁ is minimised only at targets, imprecise when it does not favour the blurry average (the per-pixel mean) over the targets but ' +
    'has minimisers that are not targets (the per-pixel median: (½, ½) ties the targets at k = 2, the blank image (0, 0, 0) beats them at k = 3), ' +
    'refuted when it favours the blurry average over every target',
  method: 'exact',
  expected: 'imprecise',
  subject: 'l1' as Penalty,
  mutant: { description: 'a wrong claim: an L2 reconstruction term prevents blurriness', subject: 'l2' as Penalty },
  check: (kind: Penalty): Outcome => {
    const rows = [2, 3].map((k) => {
      const blur = Array.from({ length: k }, () => 1 / k);
      const atTarget = risk(kind, oneHot(k, 0));
      const atBlur = risk(kind, blur);
      const best = minimiser(kind, k);
      const atBest = risk(kind, best);
      const bestIsTarget = best.every((v) => v === 0 || v === 1) && best.filter((v) => v === 1).length === 1;
      return { k, atTarget, atBlur, best, atBest, bestIsTarget, favoursBlur: atBlur < atTarget - 1e-12, offDataBest: atBest <= atTarget + 1e-12 };
    });
    const favours = rows.every((r) => r.favoursBlur);
    // a non-target output (the blur or the per-pixel minimiser) scores at least as well as every target: blur is not prevented
    const notPrevented = rows.some((r) => r.offDataBest && !r.bestIsTarget);
    const name = kind === 'l1' ? 'L1' : 'L2';
    const text = rows
      .map(
        (r) =>
          `k = ${r.k}: ${name} risk ${fmt(r.atTarget, 4)} at a target, ${fmt(r.atBlur, 4)} at the blurry average, ${fmt(r.atBest, 4)} at its minimiser ` +
          `(${r.best.map((v) => fmt(v, 3)).join(', ')})`,
      )
      .join('; ');
    const numbers: Record<string, number> = Object.fromEntries(
      rows.flatMap((r) => [
        [`target${r.k}`, r.atTarget],
        [`blur${r.k}`, r.atBlur],
        [`minimum${r.k}`, r.atBest],
      ]),
    );
    // the adversarial term at D*: C(q) = Σ p ln(p/(p + q)) + q ln(q/(p + q)) over outputs, at q = the targets' law and q = the blur's point mass
    const xlog = (a: number, b: number) => (a > 0 ? a * Math.log(a / b) : 0);
    const c = (p: number[], q: number[]) => p.reduce((acc, pi, i) => acc + xlog(pi, pi + (q[i] as number)) + xlog(q[i] as number, pi + (q[i] as number)), 0);
    // outputs: the 3 targets, then the blur
    const [cData, cBlur] = [c([1 / 3, 1 / 3, 1 / 3, 0], [1 / 3, 1 / 3, 1 / 3, 0]), c([1 / 3, 1 / 3, 1 / 3, 0], [0, 0, 0, 1])];
    numbers.adversarialAtData = cData;
    numbers.adversarialAtBlur = cBlur;
    const adversarial = `the adversarial term at D* gives C = ${fmt(cData, 5)} (−log 4) at the targets' law and ${fmt(cBlur, 3)} at the blur's point mass`;
    if (favours)
      return {
        verdict: 'refuted',
        evidence: `${text}: ${name} prefers the blurry average to every target`,
        counterexample: `${text}: the mean of the targets is the minimiser`,
        numbers,
      };
    if (notPrevented)
      return {
        verdict: 'imprecise',
        evidence: `${text}: ${name} does not favour the average over the targets, but its minimisers are not targets; ${adversarial}`,
        correction:
          'the L1 term does not prevent blurriness by itself: its optimum is the per-pixel median, which need not be a target (it blurs less than ' +
          'L2, whose optimum is the mean); the sharpness comes from the adversarial term, and L1 keeps the output close to the target in the low ' +
          'frequencies (Isola et al. 2017, §3.1)',
        numbers,
      };
    return { verdict: 'holds', evidence: `${text}: only targets minimise ${name}`, numbers };
  },
});

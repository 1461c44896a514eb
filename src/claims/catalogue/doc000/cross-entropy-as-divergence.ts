/** Claim `cross-entropy-as-divergence` of seed document 000. */
import { entropy, kl } from '../../../theory/index.js';
import { defineClaim } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';

/** The correction under test: what H(p, q) minus a term of one distribution equals (a certified KL). */
interface Correction {
  /** The term subtracted from H(p, q): the entropy of p (right) or of q (a wrong correction). */
  minus: 'H(p)' | 'H(q)';
}

/** H(p, q) = −Σ p ln q in float64, computed here (independently of the theory layer). */
const crossEntropy = (p: number[], q: number[]) => -p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(q[i] as number) : 0), 0);

export const crossEntropyAsDivergence = defineClaim({
  id: 'cross-entropy-as-divergence',
  source: src('Here, we refer to the fundamental definition of cross-entropy—as a measure of divergence between two distributions.'),
  statement:
    'as written, the cross-entropy H(p, q) = −Σ p ln q is a divergence between p and q: nonnegative and zero when q = p. Checked on random discrete p ' +
    '(2–8 points): H(p, p) = H(p) is certified (30 digits) above 0 whenever p is not a point mass, so it is not; corrected, H(p, q) − H(p) = KL(p‖q) ' +
    '(float64 H(p, q) against certified H(p) and KL(p‖q)), a divergence, and H(p, q) = KL(p‖q) itself when p is one-hot (the hard labels of a BCE)',
  method: 'exact',
  expected: 'imprecise',
  subject: { minus: 'H(p)' } as Correction,
  mutant: { description: 'a wrong correction: H(p, q) − H(q) = KL(p‖q) (the entropy of the other distribution)', subject: { minus: 'H(q)' } as Correction },
  check: ({ minus }, ctx) => {
    const n = ctx.size(20, 200);
    // as written: H(p, p) must be 0 for a divergence
    let smallestSelf = Infinity;
    let selfAt = '';
    // the correction: H(p, q) − H(·) against KL(p‖q); and one-hot p, where H(p, q) = KL(p‖q)
    let worst = 0;
    let worstAt = '';
    let oneHotWorst = 0;
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 7);
      const p = randomDist(ctx.rng, k);
      const q = randomDist(ctx.rng, k);
      const pf = p.map(frac);
      const qf = q.map(frac);
      const self = Number(entropy(p, { digits: 30 }).lower);
      if (self < smallestSelf) {
        smallestSelf = self;
        selfAt = `p = (${p.join(', ')})`;
      }
      const h = Number(entropy(minus === 'H(p)' ? p : q, { digits: 30 }).value);
      const d = Number(kl(p, q, { digits: 30 }).value);
      const gap = Math.abs(crossEntropy(pf, qf) - h - d) / Math.max(1, Math.abs(d));
      if (gap > worst) {
        worst = gap;
        worstAt = `p = (${p.join(', ')}), q = (${q.join(', ')}): H(p, q) − ${minus} = ${fmt(crossEntropy(pf, qf) - h)}, KL(p‖q) = ${fmt(d)}`;
      }
      const hot = p.map((_, j) => (j === i % k ? '1' : '0'));
      const klHot = Number(kl(hot, q, { digits: 30 }).value);
      oneHotWorst = Math.max(oneHotWorst, Math.abs(crossEntropy(hot.map(frac), qf) - klHot));
    }
    const asWritten = !(smallestSelf > 0);
    const correct = worst < 1e-12 && oneHotWorst < 1e-12;
    const fixed =
      `H(p, q) − ${minus} = KL(p‖q) on ${n} random pairs (largest relative gap ${fmt(worst)}); ` + `H(p, q) = KL(p‖q) for one-hot p (gap ${fmt(oneHotWorst)})`;
    const base = {
      evidence:
        `H(p, p) = H(p) ≥ ${fmt(smallestSelf, 4)} > 0 on ${n} random p (certified lower bounds; smallest at ${selfAt}), so cross-entropy does not vanish ` +
        `at q = p; ${correct ? fixed : `the correction fails: ${worstAt}`}`,
      numbers: { pairs: n, smallestSelfCrossEntropy: smallestSelf, worstCorrectionGap: worst, oneHotGap: oneHotWorst },
    };
    if (asWritten) return { verdict: 'holds', ...base };
    if (!correct) return { verdict: 'refuted', ...base, counterexample: `H(p, p) = H(p) > 0 at ${selfAt}` };
    return {
      verdict: 'imprecise',
      ...base,
      counterexample: `H(p, p) = H(p) > 0 at ${selfAt}`,
      correction:
        'cross-entropy is a divergence only up to the entropy of p: H(p, q) = H(p) + KL(p‖q), so H(p, q) − H(p) = KL(p‖q) ≥ 0 with equality iff q = p; ' +
        'with hard labels (p one-hot, H(p) = 0), as in the BCE of the document, H(p, q) is exactly KL(p‖q)',
    };
  },
});

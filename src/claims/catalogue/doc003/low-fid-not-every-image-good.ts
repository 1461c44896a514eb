/**
 * Claim `low-fid-not-every-image-good` of seed document 003: FID sees a generated set only through its
 * mean and covariance, so a set with the real moments has FID 0 whatever some of its samples look like.
 * On 1-D features (real N(0, 1)): 0.98·N(0, σ²) + 0.01·δ₋₅ + 0.01·δ₅ with 0.98σ² + 0.5 = 1 has mean 0 and
 * variance 1, so FID 0, while 2% of its samples sit five standard deviations out, where the real features
 * have mass 5.7·10⁻⁷ ("looks bad" read as a feature far outside the real bulk).
 */
import { normalSf } from '../../../numeric/special.js';
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { fid1d, type Mixture, REAL } from './single-image-not-low-fid.js';
import { src } from './setup.js';

/** Share of a mixture's mass at |x| ≥ 4 (where N(0, 1) has 6.3·10⁻⁵). */
const farOut = (m: Mixture) =>
  m.reduce((a, c) => a + c.w * (c.sigma === 0 ? (Math.abs(c.mu) >= 4 ? 1 : 0) : normalSf((4 - c.mu) / c.sigma) + normalSf((4 + c.mu) / c.sigma)), 0);

export const lowFidBadImages = defineClaim({
  id: 'low-fid-not-every-image-good',
  source: src('Conversely, low FID does not guarantee every generated image looks good.'),
  statement:
    'on 1-D features (real N(0, 1)), the generated set 0.98·N(0, 0.5/0.98) + 0.01·δ₋₅ + 0.01·δ₅ has the real mean and variance, so FID = 0, while 2% of ' +
    'its samples lie at |x| = 5, beyond |x| ≥ 4 where the real features have 6.3·10⁻⁵ of their mass: a low FID with some samples far from anything real',
  method: 'exact',
  expected: 'holds',
  subject: [
    { w: 0.98, mu: 0, sigma: Math.sqrt(0.5 / 0.98) },
    { w: 0.01, mu: -5, sigma: 0 },
    { w: 0.01, mu: 5, sigma: 0 },
  ] as Mixture,
  mutant: { description: 'the wrong generated set: no outliers (features distributed as the real ones, N(0, 1))', subject: [{ w: 1, mu: 0, sigma: 1 }] },
  check: (generated: Mixture): Outcome => {
    const f = fid1d(REAL, generated);
    const bad = farOut(generated);
    const real = farOut(REAL);
    const text = `FID = ${f.toExponential(2)}; generated mass at |x| ≥ 4: ${fmt(100 * bad, 3)}% (real: ${fmt(100 * real, 3)}%)`;
    return f < 1e-9 && bad > 100 * real
      ? { verdict: 'holds', evidence: `FID 0 with samples far outside the real bulk: ${text}`, numbers: { fid: f, farOut: bad, realFarOut: real } }
      : {
          verdict: 'refuted',
          evidence: `no low-FID set with bad samples here: ${text}`,
          counterexample: text,
          numbers: { fid: f, farOut: bad, realFarOut: real },
        };
  },
});

/**
 * Claim `single-image-not-low-fid` of seed document 003 (and the features shared with
 * `low-fid-not-every-image-good`): FID is checkable on any feature set (issue 23, with the referees;
 * `fid-measures-distributions`). On 1-D features FID = (μ₁ − μ₂)² + σ₁² + σ₂² − 2σ₁σ₂, the Fréchet
 * distance of the Gaussians with the sets' means and variances (Heusel et al. 2017). A generated set is
 * a mixture of normals and atoms: its moments are exact sums.
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** A 1-D feature distribution: weighted normals N(μ, σ²) (σ = 0 for an atom). */
export type Mixture = { w: number; mu: number; sigma: number }[];

/** Mean and variance of a mixture, exactly. */
export function momentsOf(m: Mixture): [number, number] {
  const mean = m.reduce((a, c) => a + c.w * c.mu, 0);
  return [mean, m.reduce((a, c) => a + c.w * (c.sigma ** 2 + (c.mu - mean) ** 2), 0)];
}

/** FID of two 1-D feature distributions. */
export function fid1d(a: Mixture, b: Mixture): number {
  const [m1, v1] = momentsOf(a);
  const [m2, v2] = momentsOf(b);
  return (m1 - m2) ** 2 + v1 + v2 - 2 * Math.sqrt(v1 * v2);
}

/** The real features, N(0, 1). */
export const REAL: Mixture = [{ w: 1, mu: 0, sigma: 1 }];
/** FID of N(0, 1) against N(1, 1): the yardstick of a "low" FID here (a shift of one standard deviation). */
export const LOW = 1;

export const singleImage = defineClaim({
  id: 'single-image-not-low-fid',
  source: src('A single excellent image does not guarantee low FID.'),
  statement:
    'on 1-D features (real N(0, 1)), a generated set of 100 with one excellent sample — its feature at the real mode, 0 — and 99 at 5 has FID far above ' +
    '1, the FID of a one-standard-deviation shift (N(1, 1)): one excellent image does not make the FID low',
  method: 'exact',
  expected: 'holds',
  subject: [
    { w: 0.01, mu: 0, sigma: 0 },
    { w: 0.99, mu: 5, sigma: 0 },
  ] as Mixture,
  mutant: {
    description: 'the wrong generated set: every sample excellent (features distributed as the real ones, N(0, 1))',
    subject: [{ w: 1, mu: 0, sigma: 1 }],
  },
  check: (generated: Mixture): Outcome => {
    const f = fid1d(REAL, generated);
    const excellent = generated.filter((c) => Math.abs(c.mu) < 1e-12 && c.sigma <= 1).reduce((a, c) => a + c.w, 0);
    const text = `generated set with ${fmt(100 * excellent, 3)}% of its features at or around the real mode: FID = ${fmt(f, 4)} (N(1, 1) has ${LOW})`;
    return f > LOW
      ? { verdict: 'holds', evidence: text, numbers: { fid: f, excellentShare: excellent } }
      : { verdict: 'refuted', evidence: `the FID is low: ${text}`, counterexample: text, numbers: { fid: f, excellentShare: excellent } };
  },
});

/** Claim `fid-measures-distributions` of seed document 003. */
import { defineClaim, verdictOf } from '../../define.js';
import { src } from './setup.js';

/** Mean and variance of a 1-D feature distribution given as (value, probability) atoms or a normal N(μ, σ²). */
type Features = { normal: [number, number] } | { atoms: [number, number][] };
const moments = (f: Features): [number, number] => {
  if ('normal' in f) return [f.normal[0], f.normal[1] ** 2];
  const m = f.atoms.reduce((s, [x, p]) => s + p * x, 0);
  return [m, f.atoms.reduce((s, [x, p]) => s + p * (x - m) ** 2, 0)];
};
/** The Fréchet distance of the Gaussians with these features' means and covariances, in 1-D: (μ₁ − μ₂)² + (σ₁ − σ₂)². */
const frechet = (a: Features, b: Features) => {
  const [m1, v1] = moments(a);
  const [m2, v2] = moments(b);
  return (m1 - m2) ** 2 + v1 + v2 - 2 * Math.sqrt(v1 * v2);
};

export const fid = defineClaim({
  id: 'fid-measures-distributions',
  source: src(
    'FID measures distribution similarity, not individual sample quality Frechet Inception Distance (FID) compares the statistics (mean and covariance of ' +
      'Inception features) of generated and real image sets. … FID is a distributional metric.',
  ),
  statement:
    'the heading, the definition and "FID is a distributional metric", checkable on any feature set (issue 23, with the referees): ' +
    'FID = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½) sees the features only through their mean and ' +
    'covariance: on 1-D features it is 0 for N(0, 1) against ±1 with probability ½ each (same mean and variance, different distributions), and positive ' +
    'when the mean (N(1, 1)) or the variance (N(0, 4)) differs',
  method: 'exact',
  expected: 'holds',
  review: {
    by: 'two referees, issue 23',
    said: 'the Fréchet distance depends only on μ and Σ: checkable on any feature set.',
    decision: 'changed',
    because:
      'checked on feature sets given directly (no Inception needed): FID = 0 between different distributions with equal μ and ' +
      "Σ, so it measures distributions, not samples → holds; 003's two FID sentences now map to it",
  },
  subject: { compares: 'statistics' as 'statistics' | 'distributions' },
  mutant: {
    description: 'a wrong claim: FID compares the whole feature distributions (it would separate N(0, 1) from ±1)',
    subject: { compares: 'distributions' as 'statistics' | 'distributions' },
  },
  check: (s) => {
    const real: Features = { normal: [0, 1] };
    const twoPoint: Features = {
      atoms: [
        [-1, 0.5],
        [1, 0.5],
      ],
    };
    const same = frechet(real, twoPoint);
    const shifted = frechet(real, { normal: [1, 1] });
    const wider = frechet(real, { normal: [0, 2] });
    // statistics: equal moments give 0, a moved moment a positive distance; distributions: different distributions must give > 0
    const moved = `FID(N(0,1), N(1,1)) = ${shifted}; FID(N(0,1), N(0,4)) = ${wider}`;
    const ok = s.compares === 'statistics' ? same === 0 && shifted > 0 && wider > 0 : same > 0;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `FID(N(0,1), ±1) = ${same} (different distributions, equal mean and variance); ${moved}`,
      numbers: { sameMoments: same, shiftedMean: shifted, widerVariance: wider },
    };
  },
});

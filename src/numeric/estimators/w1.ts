import { checkOptions, NumericError, showValue } from '../errors.js';
import { checkSource, type Dist1D } from '../distributions/index.js';
import { meanVariance } from '../sum.js';
import { w1Sweep, w1ToDistribution } from '../wasserstein.js';
import { type Estimate, type EstimateOptions, type Source, settings, isSampleSet, draw, sameKind, finish } from './common.js';

/** Options of {@link estimateW1}. */
export interface W1EstimateOptions extends EstimateOptions {
  /**
   * Sample both sides even when one distribution is known (by default a known side is used through
   * its CDF, which halves the noise).
   * @defaultValue false
   */
  twoSample?: boolean;
}

/**
 * Wasserstein-1 on the line. From two samples (sorted, unequal sizes fine): the empirical W1. From a
 * sample against a known distribution: ∫|F_n − F| through F and ∫F (see `w1ToDistribution`).
 * Interval: delta method with the influence function S(t) = ∫ sign(F_P − F_Q) (plug-in), whose
 * sample variances give the standard error. Valid when F_P − F_Q vanishes only on a null set; for
 * P = Q the empirical W1 is biased upward by O(1/√n) and the interval does not cover 0.
 */
export function estimateW1(p: Source, q: Source, options: W1EstimateOptions = {}): Estimate {
  options = checkOptions('estimateW1', options);
  const fn = 'estimateW1';
  const s = settings(fn, options);
  checkSource(fn, 'p', p);
  if (p.dim !== 1) throw new NumericError(fn, 'p', `must be one-dimensional (W1 here is on the line); got ${showValue(p.spec)}`);
  sameKind(fn, p, q);
  const caveat = 'the interval assumes F_P ≠ F_Q almost everywhere; for P = Q the estimate is biased upward';
  const known = (src: Source): src is Dist1D => !isSampleSet(src) && src.dim === 1 && options.twoSample !== true;
  if (known(q) || (known(p) && isSampleSet(q))) {
    const [sampled, dist, which] = known(q) ? [p, q, 'p'] : [q, p as Dist1D, 'q'];
    const X = draw(fn, which, sampled, s, which === 'p' ? 0 : 1);
    const r = w1ToDistribution(X.data, dist, fn);
    const v = meanVariance(r.s);
    const samples = which === 'p' ? { p: X.n, q: 0 } : { p: 0, q: X.n };
    return finish(
      'w1',
      r.distance,
      Math.sqrt(v.variance / X.n),
      s,
      samples,
      `∫|F_n − F| of the ${which === 'p' ? 'P' : 'Q'} sample against the known ${which === 'p' ? 'Q' : 'P'}; delta-method interval`,
      caveat,
    );
  }
  const X = draw(fn, 'p', p, s, 0);
  const Y = draw(fn, 'q', q, s, 1);
  const r = w1Sweep(X.data, Y.data, {}, fn);
  const vx = meanVariance(r.sx);
  const vy = meanVariance(r.sy);
  return finish(
    'w1',
    r.distance,
    Math.sqrt(vx.variance / X.n + vy.variance / Y.n),
    s,
    { p: X.n, q: Y.n },
    'empirical W1 of the two samples; delta-method interval',
    caveat,
  );
}

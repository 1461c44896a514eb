import { checkOptions } from '../errors.js';
import { type Estimate, type EstimateOptions, type Discriminator, type Source, settings, finish } from './common.js';

import { estimateValue } from './value.js';

/**
 * The classifier-based bound of the seed documents: for any discriminator D,
 * JSD(P‖Q) ≥ (V(D, G) + ln 4)/2, with equality at D = D*. Returns the estimate of the right-hand
 * side with its interval (from {@link estimateValue}).
 */
export function estimateJsdLowerBound(p: Source, q: Source, discriminator: Discriminator, options: EstimateOptions = {}): Estimate {
  options = checkOptions('estimateJsdLowerBound', options);
  const v = estimateValue(p, q, discriminator, options);
  const s = settings('estimateJsdLowerBound', options);
  return finish(
    'jsd-lower',
    (v.estimate + 2 * Math.LN2) / 2,
    v.stderr / 2,
    s,
    v.samples,
    '(V(D,G) + ln 4)/2 from the Monte Carlo V; CLT interval',
    'a lower bound on JSD for any D, tight only at D = D*: the interval covers the bound (V + ln 4)/2, not JSD itself',
  );
}

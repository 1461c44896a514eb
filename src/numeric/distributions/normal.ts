import { NumericError, showValue } from '../errors.js';
import { normalCdf, normalLogPdf, normalQuantile } from '../special.js';
import { checkCount, type Dist1D } from './types.js';

/** φ-based pieces of N(μ, σ²): G(x) = σ·(zΦ(z) + φ(z)), z = (x − μ)/σ. */
function normalCdfIntegral(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  if (z > 40) return x - mu; // Φ = 1 and φ = 0 to double precision
  return sigma * (z * normalCdf(z) + Math.exp(normalLogPdf(z)));
}

/** N(μ, σ²). */
export function normal(mu: number, sigma: number): Dist1D {
  const fn = 'normal';
  if (!Number.isFinite(mu)) throw new NumericError(fn, 'mu', `must be finite; got ${showValue(mu)}`);
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new NumericError(fn, 'sigma', `must be finite and > 0; got ${showValue(sigma)}`);
  return {
    dim: 1,
    spec: `normal:${mu},${sigma}`,
    discrete: false,
    mean: mu,
    gaussian: { mu, sigma },
    sample(rng, n) {
      checkCount('normal.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = mu + sigma * rng.normal();
      return out;
    },
    logPdf: (x) => normalLogPdf(x, mu, sigma),
    cdf: (x) => normalCdf((x - mu) / sigma),
    quantile: (u) => mu + sigma * normalQuantile(u),
    cdfIntegral: (x) => normalCdfIntegral(x, mu, sigma),
  };
}

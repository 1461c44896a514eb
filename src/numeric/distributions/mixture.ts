import { NumericError, showValue } from '../errors.js';
import { normal } from './normal.js';
import { checkCount, checkWeights, logSumExp, type Dist1D } from './types.js';

/** Bisection for the smallest x with F(x) ≥ u on a bracket [lo, hi] with F(lo) < u ≤ F(hi). */
function invert(F: (x: number) => number, u: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (F(mid) >= u) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A finite mixture of normals Σ wᵢ N(μᵢ, σᵢ²) (weights summing to 1). */
export function mixture(components: readonly { weight: number; mu: number; sigma: number }[]): Dist1D {
  const fn = 'mixture';
  if (!Array.isArray(components)) throw new NumericError(fn, 'components', `must be an array of { weight, mu, sigma }; got ${showValue(components)}`);
  components.forEach((c, i) => {
    if (c === null || typeof c !== 'object') throw new NumericError(fn, `components[${i}]`, `must be { weight, mu, sigma }; got ${showValue(c)}`);
  });
  if (components.length === 0) throw new NumericError(fn, 'components', 'must not be empty; got []');
  const parts = components.map((c) => normal(c.mu, c.sigma));
  const w = components.map((c) => c.weight);
  const cum = checkWeights(fn, w);
  const logW = w.map((x) => Math.log(x));
  const scratch = new Float64Array(parts.length);
  const cdf = (x: number) => parts.reduce((s, p, i) => s + (w[i] as number) * p.cdf(x), 0);
  const lo = Math.min(...components.map((c) => c.mu - 40 * c.sigma));
  const hi = Math.max(...components.map((c) => c.mu + 40 * c.sigma));
  return {
    dim: 1,
    spec: `mixture:${components.map((c) => `${c.weight}:${c.mu}:${c.sigma}`).join(',')}`,
    discrete: false,
    mean: components.reduce((s, c) => s + c.weight * c.mu, 0),
    sample(rng, n) {
      checkCount('mixture.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const c = components[rng.categorical(cum)] as { mu: number; sigma: number };
        out[i] = c.mu + c.sigma * rng.normal();
      }
      return out;
    },
    logPdf(x) {
      parts.forEach((p, i) => (scratch[i] = (logW[i] as number) + p.logPdf(x)));
      return logSumExp(scratch);
    },
    cdf,
    quantile: (u) => (u <= 0 ? -Infinity : u >= 1 ? Infinity : invert(cdf, u, lo, hi)),
    cdfIntegral: (x) => parts.reduce((s, p, i) => s + (w[i] as number) * p.cdfIntegral(x), 0),
  };
}

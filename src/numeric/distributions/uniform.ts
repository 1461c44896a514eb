import { NumericError, showValue } from '../errors.js';
import { checkCount, type Dist1D } from './types.js';

/** Uniform on [a, b]. */
export function uniform(a: number, b: number): Dist1D {
  const fn = 'uniform';
  if (!Number.isFinite(a)) throw new NumericError(fn, 'a', `must be finite; got ${showValue(a)}`);
  if (!(Number.isFinite(b) && b > a)) throw new NumericError(fn, 'b', `must be finite and > a = ${a}; got ${showValue(b)}`);
  const w = b - a;
  return {
    dim: 1,
    spec: `uniform:${a},${b}`,
    discrete: false,
    mean: (a + b) / 2,
    sample(rng, n) {
      checkCount('uniform.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = a + w * rng.uniform();
      return out;
    },
    logPdf: (x) => (x >= a && x <= b ? -Math.log(w) : -Infinity),
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : (x - a) / w),
    quantile: (u) => a + w * u,
    cdfIntegral: (x) => (x <= a ? 0 : x >= b ? x - (a + b) / 2 : ((x - a) * (x - a)) / (2 * w)),
  };
}

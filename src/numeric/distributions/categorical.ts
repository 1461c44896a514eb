import { NumericError, showValue } from '../errors.js';
import { checkCount, checkWeights, type Dist1D } from './types.js';

/** A discrete distribution: mass wᵢ at the point xᵢ (points distinct). */
export function categorical(points: readonly number[], weights: readonly number[]): Dist1D {
  const fn = 'categorical';
  if (!Array.isArray(points) && !ArrayBuffer.isView(points)) throw new NumericError(fn, 'points', `must be an array of numbers; got ${showValue(points)}`);
  if (!Array.isArray(weights) && !ArrayBuffer.isView(weights)) throw new NumericError(fn, 'weights', `must be an array of numbers; got ${showValue(weights)}`);
  Array.from(points as ArrayLike<unknown>).forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new NumericError(fn, `points[${i}]`, `must be a finite number; got ${showValue(x)}`);
  });
  if (points.length !== weights.length) {
    throw new NumericError(fn, 'weights', `must have one weight per point (${points.length}); got ${weights.length}`);
  }
  const order = points.map((_, i) => i).sort((i, j) => (points[i] as number) - (points[j] as number));
  const xs = Float64Array.from(order, (i) => points[i] as number);
  const ws = order.map((i) => weights[i] as number);
  xs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new NumericError(fn, `points[${order[i]}]`, `must be finite; got ${showValue(x)}`);
    if (i > 0 && x === xs[i - 1]) throw new NumericError(fn, 'points', `must be distinct; ${x} appears twice`);
  });
  const cum = checkWeights(fn, ws);
  const mass = new Map<number, number>();
  xs.forEach((x, i) => mass.set(x, ws[i] as number));
  const upper = (x: number) => {
    // number of support points ≤ x
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    dim: 1,
    spec: `categorical:${[...xs].map((x, i) => `${x}:${ws[i]}`).join(',')}`,
    discrete: true,
    mean: ws.reduce((s, wi, i) => s + wi * (xs[i] as number), 0),
    sample(rng, n) {
      checkCount('categorical.sample', n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = xs[rng.categorical(cum)] as number;
      return out;
    },
    logPdf: (x) => {
      const m = mass.get(x);
      return m === undefined ? -Infinity : Math.log(m);
    },
    cdf: (x) => {
      const k = upper(x);
      return k === 0 ? 0 : Math.min(1, cum[k - 1] as number);
    },
    quantile: (u) => {
      if (u <= 0) return -Infinity;
      for (let i = 0; i < cum.length; i++) if ((cum[i] as number) >= u) return xs[i] as number;
      return xs[xs.length - 1] as number;
    },
    cdfIntegral: (x) => {
      let s = 0;
      for (let i = 0; i < xs.length && (xs[i] as number) < x; i++) s += (ws[i] as number) * (x - (xs[i] as number));
      return s;
    },
  };
}

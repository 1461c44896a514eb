/** The 2-D targets: equal-weight isotropic Gaussian mixtures in the plane, and the ring and grid of the mode-collapse literature. */
import { NumericError, showValue } from '../errors.js';
import { checkCount, logSumExp, type Dist2D } from './types.js';

/** Equal-weight isotropic Gaussian mixture in the plane. */
export function gaussianMixture2D(spec: string, modes: Float64Array, sigma: number): Dist2D {
  const fn = 'gaussianMixture2D';
  if (typeof spec !== 'string') throw new NumericError(fn, 'spec', `must be a string naming the distribution; got ${showValue(spec)}`);
  if (!(modes instanceof Float64Array) || modes.length === 0 || modes.length % 2 !== 0 || !modes.every(Number.isFinite))
    throw new NumericError(fn, 'modes', `must be a Float64Array of finite x, y pairs; got ${showValue(modes)}`);
  if (typeof sigma !== 'number' || !(sigma > 0 && sigma < Infinity))
    throw new NumericError(fn, 'sigma', `must be a finite number > 0; got ${showValue(sigma)}`);
  const k = modes.length / 2;
  const logK = Math.log(k);
  const scratch = new Float64Array(k);
  return {
    dim: 2,
    spec,
    discrete: false,
    modes,
    sigma,
    sample(rng, n) {
      checkCount(`${spec}.sample`, n);
      const out = new Float64Array(2 * n);
      const cum = Float64Array.from({ length: k }, (_, i) => i + 1);
      for (let i = 0; i < n; i++) {
        const j = rng.categorical(cum);
        out[2 * i] = (modes[2 * j] as number) + sigma * rng.normal();
        out[2 * i + 1] = (modes[2 * j + 1] as number) + sigma * rng.normal();
      }
      return out;
    },
    logPdf(x, y) {
      for (let j = 0; j < k; j++) {
        const dx = (x - (modes[2 * j] as number)) / sigma;
        const dy = (y - (modes[2 * j + 1] as number)) / sigma;
        scratch[j] = -0.5 * (dx * dx + dy * dy);
      }
      return logSumExp(scratch) - logK - 2 * Math.log(sigma) - Math.log(2 * Math.PI);
    },
  };
}

/** A length of a 2-D mixture (radius, spacing, σ): a number in (0, 1e6]. */
export const isScale = (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= 1e6;

function checkScale(fn: string, arg: string, v: unknown): void {
  if (!isScale(v)) throw new NumericError(fn, arg, `must be a number in (0, 1e6]; got ${showValue(v)}`);
}

/**
 * The ring of 8 Gaussians: means at angles 2πk/8 on the circle of radius `radius`, standard deviation
 * `sigma` (8 modes). `ring8` is the unit circle with σ = 0.01; `ring8:2,0.02` is the ring of Metz et
 * al. 2017 (unrolled GANs, App. A) and Srivastava et al. 2017 (VEEGAN, §5.1).
 */
export function ring8(radius = 1, sigma = 0.01): Dist2D {
  checkScale('ring8', 'radius', radius);
  checkScale('ring8', 'sigma', sigma);
  const modes = new Float64Array(16);
  for (let j = 0; j < 8; j++) {
    modes[2 * j] = radius * Math.cos((2 * Math.PI * j) / 8);
    modes[2 * j + 1] = radius * Math.sin((2 * Math.PI * j) / 8);
  }
  return gaussianMixture2D(radius === 1 && sigma === 0.01 ? 'ring8' : `ring8:${radius},${sigma}`, modes, sigma);
}

/** The 5×5 grid: means in {−2s, −s, 0, s, 2s}² for the spacing s (default 2), standard deviation `sigma` (default 0.05; 25 modes). */
export function grid25(spacing = 2, sigma = 0.05): Dist2D {
  checkScale('grid25', 'spacing', spacing);
  checkScale('grid25', 'sigma', sigma);
  const modes = new Float64Array(50);
  let j = 0;
  for (const x of [-2, -1, 0, 1, 2]) {
    for (const y of [-2, -1, 0, 1, 2]) {
      modes[j++] = x * spacing;
      modes[j++] = y * spacing;
    }
  }
  return gaussianMixture2D(spacing === 2 && sigma === 0.05 ? 'grid25' : `grid25:${spacing},${sigma}`, modes, sigma);
}

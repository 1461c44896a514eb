import type { Dist2D } from '../numeric/index.js';
import { show } from '../theory/errors.js';
import { TrainError } from './errors.js';
import type { MemberLog } from './types.js';

/**
 * Mode metrics of one member's generated points against a 2-D target, with the definitions of {@link MemberLog.modesCovered}.
 * @param points - x, y pairs, finite.
 * @throws {@link TrainError} when `points` is not a Float32Array of finite pairs or `target` not a 2-D mixture.
 */
export function modeMetrics(
  points: Float32Array,
  target: Dist2D,
): {
  /** Modes that are the nearest mode of at least one high-quality point (within 3σ of it). */
  modesCovered: number;
  /** The target's number of modes M. */
  modes: number;
  /** The share of points that are high quality, in [0, 1]. */
  hqShare: number;
  /** Σ hᵢ ln(hᵢ·M) (nats) for the high-quality mode histogram h; ∞ when no point is high quality. */
  reverseKl: number;
} {
  if (!ArrayBuffer.isView(points) || (points as Float32Array).length % 2 !== 0)
    throw new TrainError('modeMetrics', 'points', `must be a Float32Array of x, y pairs; got ${show(points)}`);
  if (target === null || typeof target !== 'object' || target.dim !== 2 || !(target.modes instanceof Float64Array) || !(target.sigma > 0))
    throw new TrainError('modeMetrics', 'target', `must be a 2-D mixture (ring8, grid25); got ${show(target)}`);
  for (let i = 0; i < points.length; i++) if (!Number.isFinite(points[i] as number)) throw new TrainError('modeMetrics', 'points', 'must be finite');
  const M = target.modes.length / 2;
  const hist = new Array<number>(M).fill(0);
  const n = points.length / 2;
  let hq = 0;
  const limit2 = (3 * target.sigma) ** 2;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let arg = 0;
    for (let j = 0; j < M; j++) {
      const dx = (points[2 * i] as number) - (target.modes[2 * j] as number);
      const dy = (points[2 * i + 1] as number) - (target.modes[2 * j + 1] as number);
      const d2 = dx * dx + dy * dy;
      if (d2 < best) {
        best = d2;
        arg = j;
      }
    }
    if (best <= limit2) {
      hq++;
      hist[arg]! += 1;
    }
  }
  const reverseKl = hq === 0 ? Infinity : hist.reduce((s, c) => (c === 0 ? s : s + (c / hq) * Math.log((c / hq) * M)), 0);
  return { modesCovered: hist.filter((c) => c > 0).length, modes: M, hqShare: hq / n, reverseKl };
}

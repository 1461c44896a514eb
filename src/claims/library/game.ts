/**
 * The dynamics of a two-player bilinear game under gradient steps: min over x, max over y of
 * a·x·y − (γ/2)·y² (the Dirac-GAN of Mescheder et al. 2018 is a = 1: a linear discriminator ψ·θ
 * against a point generator; γ > 0 is a gradient penalty on the discriminator), with step size η,
 * simultaneous or alternating updates. Each step is a linear map z ↦ M z; its spectral radius ρ
 * decides exactly what the iterates do: ρ < 1 they converge to the equilibrium (0, 0), ρ > 1 they
 * spiral out, ρ = 1 they stay on a bounded orbit (cycle). The iterates are also run for `steps`
 * steps and their distance to the equilibrium reported.
 */
import { show } from '../../theory/errors.js';
import { ClaimError, type Outcome } from '../define.js';
import type { LibraryCheck } from './claim.js';

export type GameBehaviour = 'converges' | 'diverges' | 'cycles';

export interface GameSubject {
  /** Coupling a of the payoff a·x·y. @defaultValue 1 */
  a?: number;
  /** Gradient penalty γ ≥ 0 on the maximising player. @defaultValue 0 */
  gamma?: number;
  lr: number;
  update: 'simultaneous' | 'alternating';
  claimed: GameBehaviour;
}

/** The step map M (2×2, row-major) of the game. */
export function stepMatrix(s: GameSubject): [number, number, number, number] {
  const a = s.a ?? 1;
  const g = s.gamma ?? 0;
  const h = s.lr;
  // x' = x − h·a·y;   y' = y + h·a·(x or x') − h·γ·y
  if (s.update === 'simultaneous') return [1, -h * a, h * a, 1 - h * g];
  return [1, -h * a, h * a, 1 - h * g - h * h * a * a];
}

/** Spectral radius of a 2×2 matrix from its trace and determinant. */
export function spectralRadius(m: readonly [number, number, number, number]): number {
  const [m11, m12, m21, m22] = m;
  const tr = m11 + m22;
  const det = m11 * m22 - m12 * m21;
  const disc = tr * tr - 4 * det;
  if (disc >= 0) return Math.max(Math.abs((tr + Math.sqrt(disc)) / 2), Math.abs((tr - Math.sqrt(disc)) / 2));
  return Math.sqrt(det); // complex pair: |λ|² = det
}

/**
 * What a bilinear game's gradient dynamics do.
 *
 * ```ts
 * claim({ id: 'gda-spirals', quote: 'simultaneous gradient descent spirals outwards', statement: '…',
 *   ...game({ lr: 0.1, update: 'simultaneous', claimed: 'diverges' }) });
 * ```
 */
export function game(o: GameSubject & { steps?: number }): LibraryCheck<GameSubject> {
  const fn = 'game';
  if (o === null || typeof o !== 'object') throw new ClaimError(fn, 'options', `must be an object; got ${show(o)}`);
  if (!(typeof o.lr === 'number' && o.lr > 0 && o.lr < 10)) throw new ClaimError(fn, 'lr', `must be in (0, 10); got ${show(o.lr)}`);
  if (o.update !== 'simultaneous' && o.update !== 'alternating')
    throw new ClaimError(fn, 'update', `must be simultaneous or alternating; got ${show(o.update)}`);
  if (!['converges', 'diverges', 'cycles'].includes(o.claimed))
    throw new ClaimError(fn, 'claimed', `must be converges, diverges or cycles; got ${show(o.claimed)}`);
  for (const k of ['a', 'gamma'] as const)
    if (o[k] !== undefined && !(typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0))
      throw new ClaimError(fn, k, `must be a finite number ≥ 0; got ${show(o[k])}`);
  const steps = o.steps ?? 1000;
  if (!Number.isInteger(steps) || steps < 1 || steps > 1e6) throw new ClaimError(fn, 'steps', `must be an integer from 1 to 1000000; got ${show(steps)}`);
  const { steps: _s, ...subject } = o;
  return {
    method: 'exact',
    subject,
    check: (s): Outcome => {
      const M = stepMatrix(s);
      const rho = spectralRadius(M);
      // ρ = 1 up to the rounding of the matrix entries (alternating steps without penalty: det = 1 exactly)
      const found: GameBehaviour = Math.abs(rho - 1) <= 1e-12 ? 'cycles' : rho < 1 ? 'converges' : 'diverges';
      let [x, y] = [1, 1];
      for (let t = 0; t < steps; t++) [x, y] = [M[0] * x + M[1] * y, M[2] * x + M[3] * y];
      const dist = Math.hypot(x, y) / Math.SQRT2;
      const setting = `${s.update} steps, η = ${s.lr}, a = ${s.a ?? 1}, γ = ${s.gamma ?? 0}`;
      const verb = { converges: 'converge', diverges: 'diverge', cycles: 'cycle' }[found];
      const evidence =
        `${setting}: spectral radius of the step map ρ = ${rho.toPrecision(10)}, so the iterates ${verb}; ` +
        `from (1, 1), after ${steps} steps the distance to the equilibrium is ${dist.toPrecision(4)}× the start`;
      return found === s.claimed
        ? { verdict: 'holds', evidence, numbers: { rho, distance: dist, steps } }
        : { verdict: 'refuted', evidence: `${evidence}, not "${s.claimed}"`, counterexample: setting, numbers: { rho, distance: dist, steps } };
    },
    mutant: {
      description: `the other update order (${o.update === 'simultaneous' ? 'alternating' : 'simultaneous'})`,
      subject: { ...subject, update: o.update === 'simultaneous' ? 'alternating' : 'simultaneous' },
    },
  };
}

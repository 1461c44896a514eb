/**
 * The Lipschitz constant of a small MLP critic (layers of widths n₀ → n₁ → … → 1, 1-Lipschitz
 * activations such as ReLU) under a weight constraint: clipping every weight to [−c, c] (Arjovsky et
 * al. 2017) or spectral normalisation (Miyato et al. 2018, every ‖Wᵢ‖₂ = 1). The constant is at most
 * Π ‖Wᵢ‖₂, and under clipping ‖Wᵢ‖₂ ≤ c·√(nᵢ nᵢ₊₁), so it is at most c^L·√n₀·Π(inner widths) for a
 * scalar output. That bound is attained: with every weight +c and no biases, along x = t·(1, …, 1)/√n₀
 * every ReLU is active and the output is c^L·√n₀·Π(inner widths)·t. So the clipped class's constant
 * is known exactly, and "the critic is K-Lipschitz" holds when it is ≤ K and is refuted otherwise.
 * Under spectral normalisation the constant is at most 1 (attained by a linear critic).
 */
import { show } from '../../theory/errors.js';
import { ClaimError, type Outcome } from '../define.js';
import type { LibraryCheck } from './claim.js';

/** An MLP's layer widths, its weight constraint, and the Lipschitz constant claimed. */
export interface LipschitzSubject {
  /** Widths from the input to the output, e.g. [2, 64, 64, 1]. */
  widths: readonly number[];
  /** Weights clipped to ±clip, spectral normalisation of every layer, or none. */
  constraint:
    | {
        /** Every weight in [−clip, clip]. */
        clip: number;
      }
    | 'spectral-norm'
    | 'none';
  /** The claimed Lipschitz constant K (the critic is K-Lipschitz). */
  claimed: number;
}

/** Upper and attained lower bounds of the Lipschitz constant (∞ without a constraint). */
export function lipschitzBounds(s: LipschitzSubject): {
  /** Π‖Wᵢ‖₂ over the class: no critic of it exceeds this constant. */
  upper: number;
  /** The constant of a critic of the class that reaches it. */
  attained: number;
} {
  if (s.constraint === 'none') return { upper: Infinity, attained: Infinity };
  if (s.constraint === 'spectral-norm') return { upper: 1, attained: 1 };
  const c = s.constraint.clip;
  let upper = 1;
  let attained = 1;
  for (let i = 0; i + 1 < s.widths.length; i++) {
    const [m, n] = [s.widths[i] as number, s.widths[i + 1] as number];
    upper *= c * Math.sqrt(m * n);
  }
  // all weights +c, identity-like ReLUs on positive inputs along x = (1, …, 1)/√n₀: slope c^L·√n₀·Π inner widths
  for (let i = 1; i + 1 < s.widths.length; i++) attained *= s.widths[i] as number;
  attained *= c ** (s.widths.length - 1) * Math.sqrt(s.widths[0] as number);
  return { upper, attained };
}

/**
 * An MLP critic under a weight constraint is K-Lipschitz.
 *
 * ```ts
 * claim({ id: 'clipping', quote: 'clipping the weights to [−0.01, 0.01] makes the critic Lipschitz', statement: 'a 2→64→64→1 ReLU critic is 1-Lipschitz',
 *   ...lipschitz({ widths: [2, 64, 64, 1], constraint: { clip: 0.01 }, claimed: 1 }) });
 * ```
 */
export function lipschitz(o: LipschitzSubject & { mutant?: Partial<LipschitzSubject> & { description: string } }): LibraryCheck<LipschitzSubject> {
  const fn = 'lipschitz';
  if (!Array.isArray(o?.widths) || o.widths.length < 2 || !o.widths.every((n) => Number.isSafeInteger(n) && n >= 1 && n <= 1e5))
    throw new ClaimError(fn, 'widths', `must be two or more layer widths from 1 to 100000; got ${show(o?.widths)}`);
  const c = o.constraint;
  if (!(c === 'none' || c === 'spectral-norm' || (typeof c === 'object' && c !== null && typeof c.clip === 'number' && c.clip > 0 && Number.isFinite(c.clip))))
    throw new ClaimError(fn, 'constraint', `must be { clip: c > 0 }, 'spectral-norm' or 'none'; got ${show(c)}`);
  if (!(typeof o.claimed === 'number' && o.claimed > 0)) throw new ClaimError(fn, 'claimed', `must be a constant K > 0; got ${show(o.claimed)}`);
  const { mutant, ...subject } = o;
  return {
    method: 'exact',
    subject,
    check: (s): Outcome => {
      const { upper, attained } = lipschitzBounds(s);
      const how =
        s.constraint === 'none' ? 'no constraint' : s.constraint === 'spectral-norm' ? 'spectral normalisation' : `weights clipped to ±${s.constraint.clip}`;
      const shown = (x: number) => (Number.isFinite(x) ? x.toPrecision(6) : '∞');
      const evidence =
        `MLP ${s.widths.join('→')} with ${how}: Lipschitz constant ≤ Π‖Wᵢ‖₂ ≤ ${shown(upper)}, and a critic in the class reaches ${shown(attained)}; ` +
        `claimed K = ${s.claimed}`;
      const verdict = upper <= s.claimed ? 'holds' : attained > s.claimed ? 'refuted' : 'inconclusive';
      return { verdict, evidence, numbers: { upper: Number.isFinite(upper) ? upper : 'inf', attained: Number.isFinite(attained) ? attained : 'inf' } };
    },
    mutant: mutant
      ? { description: mutant.description, subject: { ...subject, ...mutant } }
      : { description: 'the same critic without a constraint', subject: { ...subject, constraint: 'none' } },
  };
}

/**
 * What a theorem of the kit is, and the user's implementations it runs on. Every implementation may
 * return its result or a promise of it: functions served by another process (`gan-verify theorems
 * --exec`) answer asynchronously.
 */
import type fc from 'fast-check';
import type { Critic } from './critics.js';

type Vec = readonly number[];
/**
 * A result, or a promise of one.
 * @inline
 */
type R<T> = T | Promise<T>;

/**
 * The user's implementations; every field optional. Probability vectors are plain `number[]` (masses
 * of p = p_data and q = p_G on the same points); logits and scores are batches, one number per sample;
 * every loss is a mean over its batch; logarithms are natural.
 */
export interface Implementations {
  /** Jensen–Shannon divergence JSD(p ‖ q). */
  jsd?: (p: number[], q: number[]) => R<number>;
  /** KL(p ‖ q), Infinity where q = 0 < p. */
  kl?: (p: number[], q: number[]) => R<number>;
  /** D*(x) = p/(p + q) per point; anything (NaN, null) where p = q = 0. */
  dstar?: (p: number[], q: number[]) => R<readonly (number | null | undefined)[]>;
  /** V(D, G) = Σ p log d + Σ q log(1 − d) for a table d. */
  value?: (p: number[], q: number[], d: number[]) => R<number>;
  /** The discriminator's loss on tables, L_D = −V. */
  dLoss?: (p: number[], q: number[], d: number[]) => R<number>;
  /** The non-saturating generator loss −mean(log D(G(z))) over D's outputs on fakes. */
  gLoss?: (dFake: number[]) => R<number>;
  /** Binary cross-entropy with logits, mean over the batch: mean(−t·log σ(l) − (1 − t)·log(1 − σ(l))), targets t ∈ [0, 1]. */
  bceWithLogits?: (logits: number[], targets: number[]) => R<number>;
  /** The discriminator's loss on logits: mean softplus(−l_real) + mean softplus(l_fake) (BCE, real = 1, fake = 0). */
  dLossLogits?: (realLogits: number[], fakeLogits: number[]) => R<number>;
  /** The non-saturating generator loss on D's logits at fakes: mean −log σ(l) = mean softplus(−l). */
  gLossNonSaturating?: (fakeLogits: number[]) => R<number>;
  /** The saturating (minimax) generator loss on D's logits at fakes: mean log(1 − σ(l)) = −mean softplus(l). */
  gLossSaturating?: (fakeLogits: number[]) => R<number>;
  /** The WGAN critic's loss: mean f(fake) − mean f(real) (the critic minimises it). */
  criticWgan?: (realScores: number[], fakeScores: number[]) => R<number>;
  /** The hinge critic loss: mean max(0, 1 − f(real)) + mean max(0, 1 + f(fake)) (Lim & Ye 2017; Miyato et al. 2018). */
  criticHinge?: (realScores: number[], fakeScores: number[]) => R<number>;
  /** The least-squares discriminator loss with labels real = 1, fake = 0: ½·mean (f(real) − 1)² + ½·mean f(fake)² (Mao et al. 2017). */
  criticLeastSquares?: (realScores: number[], fakeScores: number[]) => R<number>;
  /**
   * The WGAN-GP penalty without its weight λ: mean over i of (‖∇f(x̂ᵢ)‖ − 1)², x̂ᵢ = tᵢ·realᵢ + (1 − tᵢ)·fakeᵢ
   * (Gulrajani et al. 2017, Algorithm 1), for the critic f given (call it, or its `grad`).
   */
  gradientPenalty?: (critic: Critic, real: number[][], fake: number[][], t: number[]) => R<number>;
  /** The R1 penalty without its weight γ/2: mean over real points of ‖∇f(x)‖² (Mescheder et al. 2018). */
  r1?: (critic: Critic, real: number[][]) => R<number>;
  /** W1 between the empirical distributions of two 1-D samples (each point weight 1/n). */
  w1Samples?: (x: number[], y: number[]) => R<number>;
  /** The optimal discriminator under label smoothing, real label α and fake label β: (α·p + β·q)/(p + q) per point. */
  dstarSmoothed?: (p: number[], q: number[], alpha: number, beta: number) => R<readonly (number | null | undefined)[]>;
}

/** The implementations as the theorems call them (every field present). */
export type Impl = Required<Implementations>;

/** The names of the implementations, in the order of {@link Implementations}. */
export const FIELDS = [
  'jsd',
  'kl',
  'dstar',
  'value',
  'dLoss',
  'gLoss',
  'bceWithLogits',
  'dLossLogits',
  'gLossNonSaturating',
  'gLossSaturating',
  'criticWgan',
  'criticHinge',
  'criticLeastSquares',
  'gradientPenalty',
  'r1',
  'w1Samples',
  'dstarSmoothed',
] as const satisfies readonly (keyof Implementations)[];

/** A theorem: a fast-check property over the implementations it needs. */
export interface Theorem {
  /** A short id, for `only` and in failure messages. */
  id: string;
  /** What it states, with its source. */
  statement: string;
  /** The implementations it needs (all must be given). */
  needs: (keyof Implementations)[];
  /** The property, given the implementations. */
  // biome-ignore lint/suspicious/noExplicitAny: each theorem's property has its own argument types, erased where they are listed together
  property: (impl: Impl) => fc.IAsyncProperty<any>;
  /** Whether the hard distribution pairs run first (fast-check `examples`). */
  examples?: boolean;
}

/** Tolerance of a comparison with a float64 reference: relative 1e-9 or absolute 1e-12. */
export const TOL = { rtol: 1e-9, atol: 1e-12 };

/** The arithmetic mean of a nonempty batch (the mean every loss of the kit's families is over). */
export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** A fresh copy of a vector (the user's function may change its arguments). */
export const copy = (v: Vec): number[] => [...v];

/** Throws with the numbers when the check fails (fast-check keeps the message with the counterexample). */
export function require_(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

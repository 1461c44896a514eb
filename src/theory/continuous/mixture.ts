/**
 * Gaussians and finite Gaussian mixtures with exact parameters, read into one canonical form: the
 * input of every continuous quantity.
 */
import * as B from '../_internals/ball.js';
import { TheoryError, show } from '../errors.js';
import { add, cmp, eq, sum, toRational, ONE, type Rational, type RationalLike } from '../rational.js';

/** A 1-D Gaussian N(μ, σ²) with exact parameters. */
export interface GaussianLike {
  /** The mean μ: a rational, a decimal string or a fraction string such as '1/3'. */
  mu: RationalLike;
  /** The standard deviation σ > 0. */
  sigma: RationalLike;
}

/** One component of a finite Gaussian mixture Σ wᵢ N(μᵢ, σᵢ²). */
export interface ComponentLike extends GaussianLike {
  /** The weight wᵢ ≥ 0; a mixture's weights sum to exactly 1. */
  weight: RationalLike;
}

/** A mixture component in canonical form: exact weight, mean and standard deviation (σ > 0). */
export interface Component {
  /** The weight wᵢ, in (0, 1]. */
  w: Rational;
  /** The mean μᵢ. */
  mu: Rational;
  /** The standard deviation σᵢ > 0. */
  sigma: Rational;
}

/** Options of the continuous quantities. */
export interface ContinuousOptions {
  /** @defaultValue 50 */
  digits?: number;
}

/** One Gaussian as a one-component mixture in canonical form (weight 1). */
export function toGaussian(fn: string, arg: string, g: GaussianLike): Component {
  if (g === null || typeof g !== 'object') throw new TheoryError(fn, arg, `must be {mu, sigma}; got ${show(g)}`);
  const mu = toRational(g.mu, fn, `${arg}.mu`);
  const sigma = toRational(g.sigma, fn, `${arg}.sigma`);
  if (sigma.num <= 0n) throw new TheoryError(fn, `${arg}.sigma`, `must be > 0; got ${show(g.sigma)}`);
  return { w: ONE, mu, sigma };
}

/**
 * Reads a mixture: components with exact weights summing to exactly 1 and σ > 0. Components with
 * equal (μ, σ) are merged and zero weights dropped, so equal mixtures have equal canonical forms
 * (finite Gaussian mixtures are identifiable).
 */
export function toMixture(fn: string, arg: string, components: readonly ComponentLike[]): Component[] {
  if (!Array.isArray(components) || components.length === 0) {
    throw new TheoryError(fn, arg, `must be a nonempty list of {weight, mu, sigma}; got ${show(components)}`);
  }
  const parsed = components.map((c, i) => {
    const g = toGaussian(fn, `${arg}[${i}]`, c);
    const w = toRational(c.weight, fn, `${arg}[${i}].weight`);
    if (w.num < 0n) throw new TheoryError(fn, `${arg}[${i}].weight`, `must be ≥ 0; got ${show(c.weight)}`);
    return { ...g, w };
  });
  const total = sum(parsed.map((c) => c.w));
  if (!eq(total, ONE)) throw new TheoryError(fn, arg, `weights must sum to exactly 1; got a sum of ${total.num}/${total.den}`);
  const merged: Component[] = [];
  for (const c of parsed) {
    if (c.w.num === 0n) continue;
    const same = merged.find((m) => eq(m.mu, c.mu) && eq(m.sigma, c.sigma));
    if (same) same.w = add(same.w, c.w);
    else merged.push({ ...c });
  }
  return merged.sort((a, b) => cmp(a.mu, b.mu) || cmp(a.sigma, b.sigma));
}

/** Whether two canonical mixtures are equal (then every divergence between them is exactly 0). */
export const sameMixture = (a: Component[], b: Component[]) =>
  a.length === b.length && a.every((c, i) => eq(c.w, (b[i] as Component).w) && eq(c.mu, (b[i] as Component).mu) && eq(c.sigma, (b[i] as Component).sigma));

/** A rational r as a ball at precision prec. */
export const ball = (r: Rational, prec: number) => B.fromRatio(r.num, r.den, prec);

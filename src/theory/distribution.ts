import { checkOptions } from './errors.js';
import { roundToString } from './_internals/round.js';
import { TheoryError, show } from './errors.js';
import { cmp, div, eq, formatRational, ONE, sub, sum, toRational, type Rational, type RationalLike } from './rational.js';

/** How masses are read. */
export interface MassOptions {
  /**
   * Rescale the masses exactly so that they sum to 1 (so integer counts can be given). Without it
   * the masses must already sum to exactly 1.
   * @defaultValue false
   */
  normalize?: boolean;
}

function describeSum(s: Rational): string {
  const text = formatRational(s);
  if (text.length <= 40) return text;
  // Long fractions: show how far from 1 the sum is, which is what the user needs to fix.
  const d = sub(s, ONE);
  const off = roundToString(d.num < 0n ? -d.num : d.num, d.den, 6, 'half-even');
  return `1 ${d.num < 0n ? '-' : '+'} ${off}`;
}

/**
 * Reads a probability vector: nonempty, every mass an exact nonnegative number, summing to exactly 1
 * (or rescaled to it when `normalize`). Errors name `fn`, the argument and the offending value.
 */
export function toDistribution(fn: string, arg: string, masses: readonly RationalLike[], options: MassOptions = {}): Rational[] {
  options = checkOptions(String(fn), options);
  if (!Array.isArray(masses)) throw new TheoryError(fn, arg, `must be an array of masses; got ${show(masses)}`);
  if (masses.length === 0) throw new TheoryError(fn, arg, 'must not be empty; got []');
  const out = masses.map((m, i) => {
    const r = toRational(m as RationalLike, fn, `${arg}[${i}]`);
    if (r.num < 0n) throw new TheoryError(fn, `${arg}[${i}]`, `must be a nonnegative mass; got ${show(m)}`);
    return r;
  });
  const total = sum(out);
  if (total.num === 0n) throw new TheoryError(fn, arg, `must have positive total mass; got all zeros (${masses.length} entries)`);
  if (options.normalize === true) return eq(total, ONE) ? out : out.map((r) => div(r, total));
  if (!eq(total, ONE)) {
    throw new TheoryError(fn, arg, `must sum to exactly 1 (use normalize, --normalize on the CLI, to rescale); got a sum of ${describeSum(total)}`);
  }
  return out;
}

/** Reads P and Q over the same points. */
export function toPair(fn: string, p: readonly RationalLike[], q: readonly RationalLike[], options: MassOptions = {}): { p: Rational[]; q: Rational[] } {
  options = checkOptions(String(fn), options);
  const P = toDistribution(fn, 'p', p, options);
  const Q = toDistribution(fn, 'q', q, options);
  if (P.length !== Q.length) {
    throw new TheoryError(fn, 'q', `must have as many masses as p (${P.length}); got ${Q.length}`);
  }
  return { p: P, q: Q };
}

/** Reads support points x: as many as masses, exact, strictly increasing. */
export function toSupport(fn: string, x: readonly RationalLike[], n: number): Rational[] {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TheoryError(String(fn), 'n', `must be a count of masses; got ${show(n)}`);
  if (!Array.isArray(x)) throw new TheoryError(fn, 'x', `must be an array of support points; got ${show(x)}`);
  if (x.length !== n) throw new TheoryError(fn, 'x', `must have one point per mass (${n}); got ${x.length}`);
  const out = x.map((v, i) => toRational(v as RationalLike, fn, `x[${i}]`));
  for (let i = 1; i < out.length; i++) {
    if (cmp(out[i - 1] as Rational, out[i] as Rational) >= 0) {
      throw new TheoryError(fn, `x[${i}]`, `must be strictly greater than x[${i - 1}] = ${show(x[i - 1])}; got ${show(x[i])}`);
    }
  }
  return out;
}

/** Reads a discriminator table D ∈ [0,1]^n. */
export function toDiscriminator(fn: string, d: readonly RationalLike[], n: number): Rational[] {
  if (!Array.isArray(d)) throw new TheoryError(fn, 'd', `must be an array of values in [0, 1]; got ${show(d)}`);
  if (d.length !== n) throw new TheoryError(fn, 'd', `must have one value per mass (${n}); got ${d.length}`);
  return d.map((v, i) => {
    const r = toRational(v as RationalLike, fn, `d[${i}]`);
    if (r.num < 0n || r.num > r.den) throw new TheoryError(fn, `d[${i}]`, `must lie in [0, 1]; got ${show(v)}`);
    return r;
  });
}

/**
 * P and Q over a common denominator per point: pᵢ = a/(bd)·… with a·d and c·b kept as the integers
 * `pq` = numer(pᵢ)·denom(qᵢ) and `qp` = numer(qᵢ)·denom(pᵢ), so that pᵢ/(pᵢ+qᵢ) = pq/(pq+qp) and
 * 2pᵢ/(pᵢ+qᵢ) = 2pq/(pq+qp) without any rational reduction. Computed once, outside Ziv's loop.
 */
export interface CrossTerm {
  p: Rational;
  q: Rational;
  pq: bigint;
  qp: bigint;
}

export function crossTerms(pair: { p: readonly Rational[]; q: readonly Rational[] }): CrossTerm[] {
  return pair.p.map((p, i) => {
    const q = pair.q[i] as Rational;
    return { p, q, pq: p.num * q.den, qp: q.num * p.den };
  });
}

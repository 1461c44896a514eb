/**
 * Is the generator's objective C(G_θ) = max_D V(D, G_θ) = 2·JSD(p_data ‖ p_θ) − log 4 convex in the
 * generator's parameters θ? Convexity means C(½θ₁ + ½θ₂) ≤ ½C(θ₁) + ½C(θ₂) on every chord; one chord
 * where the midpoint lies strictly above is a certificate that it is not.
 *
 * Exact setting: p_data is uniform on {2, 3, 4}; the latent z is uniform on {−1, 0, 1}; the
 * generator is the document's toy network (1 input, ReLU hidden units, 1 output), of which two
 * hidden units are used: G(z) = v₁·relu(w₁z + c₁) + v₂·relu(w₂z + c₂) + b. Its pushforward p_θ is the
 * three atoms G(−1), G(0), G(1) with mass ⅓ each (merged where equal), so every C is an exact
 * JSD between rational distributions, certified by the theory module.
 *
 * The symmetric pair: θ₁ gives G(z) = z + 3 and θ₂ gives G(z) = −z + 3 (v negated): both push the
 * latent onto p_data exactly, so C(θ₁) = C(θ₂) = −log 4, the global minimum. Their midpoint has
 * v = 0, G ≡ 3, a point mass, with C > −log 4. JSD itself is convex in the pair of
 * distributions (it is an f-divergence), so a generator parametrised by its masses directly would
 * give a convex objective: the non-convexity comes from the network's parametrisation.
 */
import { jsd } from '../../theory/index.js';
import { add, formatRational, mul, rational, type Rational } from '../../theory/rational.js';
import type { Rng } from '../../numeric/rng.js';
import { D, LN4, type Dec } from '../precise.js';

/** A parametrised generator on a discrete latent: parameters ↦ atoms with masses. */
export interface Parametrisation {
  name: string;
  /** Pushforward: atom (as a rational's text) ↦ mass. */
  push(theta: readonly Rational[]): Map<string, Rational>;
  /** A random parameter vector (small rationals). */
  random(rng: Rng): Rational[];
  /** A chord the check always includes. */
  known: [Rational[], Rational[]];
}

export const DATA: ReadonlyMap<string, Rational> = new Map(['2', '3', '4'].map((x) => [x, rational(1n, 3n)]));
const LATENT = [-1n, 0n, 1n].map((z) => rational(z));
const relu = (x: Rational) => (x.num > 0n ? x : rational(0n));
const r = (n: number) => rational(BigInt(n));

/** The toy's ReLU network with two hidden units: θ = (w₁, w₂, c₁, c₂, v₁, v₂, b). */
export const TOY_NETWORK: Parametrisation = {
  name: "the toy's ReLU network (two hidden units used)",
  push(theta) {
    const [w1, w2, c1, c2, v1, v2, b] = theta as [Rational, Rational, Rational, Rational, Rational, Rational, Rational];
    const out = new Map<string, Rational>();
    for (const z of LATENT) {
      const x = add(add(mul(v1, relu(add(mul(w1, z), c1))), mul(v2, relu(add(mul(w2, z), c2)))), b);
      const key = formatRational(x);
      out.set(key, add(out.get(key) ?? rational(0n), rational(1n, 3n)));
    }
    return out;
  },
  random: (rng) => Array.from({ length: 7 }, (_, i) => r(Math.floor(rng.uniform() * 5) - 2 + (i === 6 ? 3 : 0))),
  known: [
    [r(1), r(-1), r(0), r(0), r(1), r(-1), r(3)],
    [r(1), r(-1), r(0), r(0), r(-1), r(1), r(3)],
  ],
};

/** The generator parametrised by its masses on the data's three points (θ on the simplex). */
export const MASS_WEIGHTS: Parametrisation = {
  name: 'masses on {2, 3, 4} as the parameters',
  push: (theta) => new Map(['2', '3', '4'].map((x, i) => [x, theta[i] as Rational])),
  random(rng) {
    const a = [0, 1, 2].map(() => BigInt(1 + Math.floor(rng.uniform() * 20)));
    const s = a.reduce((x, y) => x + y, 0n);
    return a.map((x) => rational(x, s));
  },
  known: [
    [rational(1n), rational(0n), rational(0n)],
    [rational(0n), rational(0n), rational(1n)],
  ],
};

/** C(θ) = 2·JSD(p_data ‖ p_θ) − log 4, as a certified enclosure (decimal bounds). */
export function objective(param: Parametrisation, theta: readonly Rational[]): { value: Dec; lower: Dec; upper: Dec } {
  const g = param.push(theta);
  const support = [...new Set([...DATA.keys(), ...g.keys()])];
  const p = support.map((x) => formatRational(DATA.get(x) ?? rational(0n)));
  const q = support.map((x) => formatRational(g.get(x) ?? rational(0n)));
  const e = jsd(p, q, { digits: 30 });
  const at = (s: string) => new D(s).times(2).minus(LN4);
  return { value: at(e.value), lower: at(e.lower), upper: at(e.upper) };
}

export interface ChordResult {
  chords: number;
  /** Chords whose midpoint is certified strictly above the average of the ends. */
  violations: number;
  /** C at the ends and the midpoint of the parametrisation's known chord. */
  known: { ends: [number, number]; mid: number };
  /** The largest certified excess C(mid) − ½(C(θ₁) + C(θ₂)) and its chord. */
  worst: { excess: number; theta1: string; theta2: string; ends: [number, number]; mid: number } | null;
}

/** Tests convexity of C along the known chord and n random ones. */
export function chordTest(param: Parametrisation, rng: Rng, n: number): ChordResult {
  const half = rational(1n, 2n);
  const chords: [Rational[], Rational[]][] = [param.known];
  for (let i = 0; i < n; i++) chords.push([param.random(rng), param.random(rng)]);
  let violations = 0;
  let worst: ChordResult['worst'] = null;
  let known: ChordResult['known'] | null = null;
  for (const [a, b] of chords) {
    const mid = a.map((x, i) => mul(add(x, b[i] as Rational), half));
    const [ca, cb, cm] = [objective(param, a), objective(param, b), objective(param, mid)];
    const avgUpper = ca.upper.plus(cb.upper).div(2);
    const excess = cm.lower.minus(avgUpper);
    known ??= { ends: [ca.value.toNumber(), cb.value.toNumber()], mid: cm.value.toNumber() };
    if (excess.gt(0)) {
      violations++;
      if (worst === null || excess.toNumber() > worst.excess) {
        const show = (t: readonly Rational[]) => `(${t.map(formatRational).join(', ')})`;
        worst = { excess: excess.toNumber(), theta1: show(a), theta2: show(b), ends: [ca.value.toNumber(), cb.value.toNumber()], mid: cm.value.toNumber() };
      }
    }
  }
  return { chords: chords.length, violations, known: known as ChordResult['known'], worst };
}

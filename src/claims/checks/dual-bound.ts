/**
 * The Kantorovich–Rubinstein dual sup_f E_P f − E_Q f over a class of critics f, on exact discrete
 * pairs on the line. Summation by parts (see theory/wasserstein.ts) gives, for f on the support
 * x₀ < x₁ < …,
 *
 *   E_P f − E_Q f = −Σᵢ Fᵢ (f(xᵢ₊₁) − f(xᵢ)),   Fᵢ = Σ_{j≤i} (pⱼ − qⱼ),
 *
 * so for an L-Lipschitz f it is at most L·Σ|Fᵢ|(xᵢ₊₁ − xᵢ) = L·W1(P, Q): bounded, and reached by the
 * theory module's witness scaled by L. Without the constraint, c·f* is a critic for every c and the
 * objective is c·W1, unbounded whenever P ≠ Q. The check computes both: the objective of the scaled
 * witness for growing scales the class admits, and of random critics the class admits, exactly.
 */
import { toRational, w1 } from '../../theory/index.js';
import { add, cmp, mul, rational, sub, ZERO, formatRational, type Rational } from '../../theory/rational.js';
import type { Rng } from '../../numeric/rng.js';
import { randomDist } from '../random-inputs.js';

/** A class of critics, by the largest slope it admits (null: every function). */
export interface CriticClass {
  name: string;
  maxSlope: Rational | null;
}

export const ONE_LIPSCHITZ: CriticClass = { name: '1-Lipschitz critics', maxSlope: rational(1n) };
export const UNCONSTRAINED: CriticClass = { name: 'every critic (no Lipschitz constraint)', maxSlope: null };

const SCALES = [1n, 2n, 10n, 1000n, 1_000_000n].map((c) => rational(c));

export interface DualBoundResult {
  pairs: number;
  /** Largest ratio (objective / W1) reached over the pairs and critics tried. */
  largestRatio: Rational;
  /** The largest scale of the witness the class admits. */
  largestScale: Rational;
  /** The witness attains W1 exactly on every pair (the sup is reached, so the bound is tight). */
  attained: boolean;
  example: string;
}

/** E_P f − E_Q f for critic values f at the support points. */
function objective(p: readonly Rational[], q: readonly Rational[], f: readonly Rational[]): Rational {
  let F = ZERO;
  let total = ZERO;
  for (let i = 0; i + 1 < f.length; i++) {
    F = add(F, sub(p[i] as Rational, q[i] as Rational));
    total = sub(total, mul(F, sub(f[i + 1] as Rational, f[i] as Rational)));
  }
  return total;
}

export function dualBound(cls: CriticClass, rng: Rng, n: number): DualBoundResult {
  const admitted = SCALES.filter((c) => cls.maxSlope === null || cmp(c, cls.maxSlope) <= 0);
  const largestScale = admitted[admitted.length - 1] as Rational;
  let largest = ZERO;
  let attained = true;
  let example = '';
  for (let k = 0; k < n; k++) {
    const size = 3 + (k % 5);
    let pS = randomDist(rng, size, 0.2);
    const qS = randomDist(rng, size, 0.2);
    if (pS.join() === qS.join()) pS = [...pS.slice(1), pS[0] as string];
    const x = Array.from({ length: size }, (_, i) => String(i));
    const r = w1(pS, qS, x);
    const dist = r.exact.distance;
    if (dist.num === 0n) continue;
    const p = pS.map((s) => toRational(s));
    const q = qS.map((s) => toRational(s));
    if (cmp(objective(p, q, r.witness), dist) !== 0) attained = false;
    // random admitted critics: slopes uniform in [−L, L] on a grid of 1/8 (L = the largest admitted scale)
    const critics = [r.witness.map((v) => mul(v, largestScale))];
    for (let t = 0; t < 4; t++) {
      let f = ZERO;
      const vals = [f];
      for (let i = 1; i < size; i++) {
        f = add(f, mul(largestScale, rational(BigInt(Math.floor(rng.uniform() * 17) - 8), 8n)));
        vals.push(f);
      }
      critics.push(vals);
    }
    for (const f of critics) {
      const ratio = mul(objective(p, q, f), rational(dist.den, dist.num));
      if (cmp(ratio, largest) > 0) {
        largest = ratio;
        example =
          `P = (${pS.join(', ')}), Q = (${qS.join(', ')}) on 0…${size - 1}: W1 = ${formatRational(dist)}, objective ` + `${formatRational(objective(p, q, f))}`;
      }
    }
  }
  return { pairs: n, largestRatio: largest, largestScale, attained, example };
}

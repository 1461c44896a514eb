/**
 * The Dirac-GAN of Mescheder, Geiger and Nowozin, "Which Training Methods for GANs do actually
 * Converge?" (ICML 2018, §2.2): the smallest GAN whose gradient dynamics can be written down.
 *
 *   data      p_data = δ₀ (one point at 0)
 *   generator p_θ = δ_θ (one point at θ)
 *   critic    D_ψ(x) = σ(ψ·x), so its logit at the fake point is ψθ and at the real point 0
 *   value     L(θ, ψ) = f(ψθ) + f(0),  f(t) = log σ(−t) = −log(1 + eᵗ)   (the GAN's log(1 − D))
 *
 * D ascends L in ψ and G descends it in θ. With f′(t) = −σ(t):
 *   ∂L/∂θ = ψ f′(ψθ),  ∂L/∂ψ = θ f′(ψθ),
 * and the unique equilibrium is (θ, ψ) = (0, 0). Writing c = −f′(0) = ½, the vector field
 * v = (−∂L/∂θ, ∂L/∂ψ) has Jacobian [[0, c], [−c, 0]] at the equilibrium: eigenvalues ±ic, purely
 * imaginary, so the field rotates about the equilibrium instead of pointing at it.
 *
 * Simultaneous steps (θ, ψ) ← (θ, ψ) + η v(θ, ψ): because v(θ, ψ) = f′(ψθ)·(−ψ, θ) is orthogonal to
 * (θ, ψ), ‖(θ,ψ)‖² grows by exactly η² f′(ψθ)² ‖(θ,ψ)‖² every step: the iterates spiral outward from
 * every start but the equilibrium, at every learning rate. Alternating steps (ψ first, then θ with
 * the new ψ) have a linearisation (`linearStep`) of determinant exactly 1 and trace 2 − η²c²: for
 * ηc < 2 both eigenvalues lie on the unit circle, and the iterates circle without converging.
 *
 * R1 (Mescheder et al. 2018, eq. 9): D also pays γ/2·‖∇ₓD_ψ(x)‖² at the data, here γ/2·ψ², which adds
 * −γψ to D's step and makes the equilibrium attracting (their Theorem 4.1) — the setting where the
 * dynamics do settle, used as the contrast.
 */
import { add, cmp, mul, ONE, rational, sub, type Rational } from '../../theory/rational.js';
import { sigmoid } from '../../numeric/logistic.js';

/** The order of the players' gradient steps: both from the same point, or the discriminator first. */
export type Order = 'simultaneous' | 'alternating';

export interface DiracSetting {
  order: Order;
  /** Learning rate of both players. */
  lr: number;
  /** R1 penalty weight on D (0 for the plain GAN). */
  gammaR1: number;
}

export interface Orbit {
  /** Distance to the equilibrium at the start and after the last step. */
  start: number;
  end: number;
  /** The smallest distance over the second half of the run. */
  minLateDistance: number;
  /** Sign changes of θ: the generator's point passing the data point (overshoots). */
  generatorCrossings: number;
  /** Sign changes of ψ: the discriminator reversing which side it calls real. */
  discriminatorReversals: number;
  steps: number;
}

/** The derivative of f(t) = log σ(−t): f′(t) = −σ(t). */
const fPrime = (t: number) => -sigmoid(t);

/** One step of the Dirac-GAN from (θ, ψ). */
export function diracStep(s: DiracSetting, theta: number, psi: number): [number, number] {
  const dPsi = (th: number, ps: number) => th * fPrime(ps * th) - s.gammaR1 * ps;
  const dTheta = (th: number, ps: number) => -ps * fPrime(ps * th);
  if (s.order === 'simultaneous') return [theta + s.lr * dTheta(theta, psi), psi + s.lr * dPsi(theta, psi)];
  const psi2 = psi + s.lr * dPsi(theta, psi);
  return [theta + s.lr * dTheta(theta, psi2), psi2];
}

/** Runs `steps` steps from (θ₀, ψ₀) and summarises the orbit. */
export function diracOrbit(s: DiracSetting, theta0: number, psi0: number, steps: number): Orbit {
  let [theta, psi] = [theta0, psi0];
  let minLate = Infinity;
  let crossings = 0;
  let reversals = 0;
  for (let t = 0; t < steps; t++) {
    const [th, ps] = diracStep(s, theta, psi);
    if (Math.sign(th) !== Math.sign(theta) && theta !== 0) crossings++;
    if (Math.sign(ps) !== Math.sign(psi) && psi !== 0) reversals++;
    [theta, psi] = [th, ps];
    if (t >= steps / 2) minLate = Math.min(minLate, Math.hypot(theta, psi));
  }
  return {
    start: Math.hypot(theta0, psi0),
    end: Math.hypot(theta, psi),
    minLateDistance: minLate,
    generatorCrossings: crossings,
    discriminatorReversals: reversals,
    steps,
  };
}

/**
 * The linearised step at the equilibrium as an exact rational 2×2 matrix M (so that
 * (θ, ψ) ← M (θ, ψ) near 0), for a rational learning rate η, slope c = −f′(0) and R1 weight γ.
 * Near 0, θ's step is +ηcψ and ψ's is −ηcθ − ηγψ (f′(ψθ) ≈ −c).
 * Simultaneous: M = [[1, ηc], [−ηc, 1 − ηγ]] (rows θ, ψ); det = 1 − ηγ + η²c².
 * Alternating:  ψ′ = −ηcθ + (1 − ηγ)ψ first, then θ′ = θ + ηcψ′, so
 *               M = [[1 − η²c², ηc(1 − ηγ)], [−ηc, 1 − ηγ]]; det = 1 − ηγ, trace = 2 − η²c² − ηγ.
 */
export function linearStep(order: Order, eta: Rational, c: Rational, gamma: Rational): Rational[][] {
  const ec = mul(eta, c);
  const damp = sub(ONE, mul(eta, gamma));
  if (order === 'simultaneous')
    return [
      [ONE, ec],
      [neg(ec), damp],
    ];
  return [
    [sub(ONE, mul(ec, ec)), mul(ec, damp)],
    [neg(ec), damp],
  ];
}

const neg = (a: Rational) => sub(rational(0n), a);

/**
 * Whether every eigenvalue of the real 2×2 matrix M lies strictly inside the unit circle, on it, or
 * some outside, decided exactly from the trace t and determinant d (Jury's conditions):
 * inside ⇔ |d| < 1 and |t| < 1 + d. On the circle (no contraction, no expansion) when complex
 * (t² < 4d) with d = 1.
 */
export function spectralClass(M: Rational[][]): { det: Rational; trace: Rational; cls: 'inside' | 'on-circle' | 'outside' } {
  const [[a, b], [c, d]] = M as [[Rational, Rational], [Rational, Rational]];
  const det = sub(mul(a, d), mul(b, c));
  const trace = add(a, d);
  const absT = cmp(trace, rational(0n)) < 0 ? neg(trace) : trace;
  const absD = cmp(det, rational(0n)) < 0 ? neg(det) : det;
  if (cmp(absD, ONE) < 0 && cmp(absT, add(ONE, det)) < 0) return { det, trace, cls: 'inside' };
  const complex = cmp(mul(trace, trace), mul(rational(4n), det)) < 0;
  if (complex && cmp(det, ONE) === 0) return { det, trace, cls: 'on-circle' };
  return { det, trace, cls: 'outside' };
}

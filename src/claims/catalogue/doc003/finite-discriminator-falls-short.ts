/**
 * Claim `finite-discriminator-falls-short` of seed document 003: "In practice, the discriminator is a
 * finite neural network that may not approximate well." An existential statement, settled by one case:
 * for p_data = ½N(−2, ½²) + ½N(2, ½²) and p_G = N(½, ½²), the smallest network, one sigmoid unit
 * D(x) = σ(wx + c), is maximised exactly (V is concave in (w, c): Newton's method, stopped at a gradient
 * below 10⁻¹⁰) and falls short of max_D V = 2·JSD − log 4, which D* = p_data/(p_data + p_G) attains;
 * all integrals by trapezoid quadrature on [−8, 8].
 */
import { defineClaim, type Outcome } from '../../define.js';
import { fmt } from '../../format.js';
import { src } from './setup.js';

/** The pair (p_data, p_G) the discriminator is trained on, as densities. */
export type Pair = { name: string; p: (x: number) => number; q: (x: number) => number };

const normal = (x: number, m: number, s: number) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
const N = 16_000;
const GRID = Array.from({ length: N + 1 }, (_, i) => -8 + (16 * i) / N);
const W = GRID.map((_, i) => ((i === 0 || i === N ? 0.5 : 1) * 16) / N);
/** ln σ(s) and ln(1 − σ(s)) without cancellation. */
const logSig = (s: number) => -Math.log1p(Math.exp(-s));
const logOneMinusSig = (s: number) => -Math.log1p(Math.exp(s));
const xlog = (a: number, b: number) => (a > 0 ? a * Math.log(a / b) : 0);

export const finiteDFallsShort = defineClaim({
  id: 'finite-discriminator-falls-short',
  source: src('In practice, the discriminator is a finite neural network that may not approximate well.'),
  statement:
    'a finite discriminator may not approximate D* well: for p_data = ½N(−2, ½²) + ½N(2, ½²) and p_G = N(½, ½²), the best one-sigmoid-unit ' +
    'discriminator D(x) = σ(wx + c) (V concave in (w, c), maximised by Newton’s method to a gradient below 10⁻¹⁰) reaches a value of V more than ' +
    '0.01 nats below max_D V = 2·JSD − log 4 (quadrature on [−8, 8]); inconclusive where the unit attains max_D V (no shortfall to show)',
  method: 'exact',
  expected: 'holds',
  subject: {
    name: 'p_data = ½N(−2, ½²) + ½N(2, ½²), p_G = N(½, ½²)',
    p: (x: number) => 0.5 * normal(x, -2, 0.5) + 0.5 * normal(x, 2, 0.5),
    q: (x: number) => normal(x, 0.5, 0.5),
  } as Pair,
  mutant: {
    description: 'a wrong setup: p_data = N(1, 1), p_G = N(−1, 1), whose D* = σ(2x) one sigmoid unit represents exactly',
    subject: { name: 'p_data = N(1, 1), p_G = N(−1, 1)', p: (x: number) => normal(x, 1, 1), q: (x: number) => normal(x, -1, 1) } as Pair,
  },
  check: (pair: Pair): Outcome => {
    const P = GRID.map(pair.p);
    const Q = GRID.map(pair.q);
    // max over every D: D* = p/(p + q), V(D*) = 2·JSD − log 4
    let best = 0;
    for (let i = 0; i <= N; i++) {
      const [p, q] = [P[i] as number, Q[i] as number];
      best += (W[i] as number) * (xlog(p, p + q) + xlog(q, p + q));
    }
    // max over σ(wx + c): Newton on the concave V(w, c)
    let [w, c] = [0, 0];
    let gradNorm = Number.POSITIVE_INFINITY;
    let value = 0;
    for (let it = 0; it < 100 && gradNorm > 1e-10; it++) {
      let [gw, gc, hww, hwc, hcc] = [0, 0, 0, 0, 0];
      value = 0;
      for (let i = 0; i <= N; i++) {
        const x = GRID[i] as number;
        const s = w * x + c;
        const d = 1 / (1 + Math.exp(-s));
        const [p, q] = [(W[i] as number) * (P[i] as number), (W[i] as number) * (Q[i] as number)];
        value += p * logSig(s) + q * logOneMinusSig(s);
        const g = p * (1 - d) - q * d;
        const h = (p + q) * d * (1 - d);
        gw += g * x;
        gc += g;
        hww += h * x * x;
        hwc += h * x;
        hcc += h;
      }
      gradNorm = Math.hypot(gw, gc);
      const det = hww * hcc - hwc * hwc;
      // Newton step: θ += H⁻¹ g (H the negated Hessian, positive definite)
      w += (hcc * gw - hwc * gc) / det;
      c += (-hwc * gw + hww * gc) / det;
    }
    const gap = best - value;
    const falls = gap > 0.01 && gradNorm <= 1e-10;
    const text =
      `${pair.name}: max_D V = 2·JSD − log 4 = ${fmt(best, 6)}; the best σ(wx + c) (w = ${fmt(w, 4)}, c = ${fmt(c, 4)}, gradient ` +
      `${fmt(gradNorm, 2)}) reaches ${fmt(value, 6)}, ${fmt(gap, 3)} nats short`;
    return {
      verdict: falls ? 'holds' : 'inconclusive',
      evidence: falls ? `${text}: the finite discriminator does not approximate D*` : `${text}: here the single unit attains max_D V, no shortfall`,
      numbers: { maxV: best, unitV: value, gap, w, c, gradNorm },
    };
  },
});

/** Claim `minimax-beyond-finite-games` of seed document 000. */
import type { Rng } from '../../../numeric/rng.js';
import { defineClaim } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

/** A two-player zero-sum game on continuum strategy sets: x maximises V, y minimises it; a candidate saddle point. */
interface ContinuumGame {
  name: string;
  /** Draws a random strategy of each player (in their compact convex sets). */
  draw: (rng: Rng) => { x: number[]; y: number[] };
  V: (x: number[], y: number[]) => number;
  saddle: { x: number[]; y: number[] };
}

const mix = (a: number[], b: number[], l: number) => a.map((ai, i) => l * ai + (1 - l) * (b[i] as number));
const P = ['1/10', '2/10', '3/10', '4/10'].map(frac);

/** The tabular GAN of Goodfellow et al. (2014) on 4 points: D ∈ [1/64, 63/64]⁴ (x), p_G on the simplex (y); p_data = (0.1, 0.2, 0.3, 0.4). */
const tabularGan: ContinuumGame = {
  name: 'the tabular GAN (D ∈ [1/64, 63/64]⁴, p_G in the simplex, p_data = (0.1, 0.2, 0.3, 0.4))',
  draw: (rng) => ({ x: randomTable(rng, 4).map(frac), y: randomDist(rng, 4, 0.2).map(frac) }),
  V: (d, q) => P.reduce((s, pi, i) => s + pi * Math.log(d[i] as number) + (q[i] as number) * Math.log(1 - (d[i] as number)), 0),
  saddle: { x: [0.5, 0.5, 0.5, 0.5], y: P },
};

/** V(x, y) = (x − y)² on [0, 1]²: convex in the maximiser's x, outside the minimax theorems' hypotheses; max min 0 < min max ¼. */
const squareGame: ContinuumGame = {
  name: 'V(x, y) = (x − y)² on [0, 1]² (x maximises, y minimises)',
  draw: (rng) => ({ x: [rng.uniform()], y: [rng.uniform()] }),
  V: (x, y) => ((x[0] as number) - (y[0] as number)) ** 2,
  saddle: { x: [0], y: [0.5] },
};

export const minimaxBeyondFinite = defineClaim({
  id: 'minimax-beyond-finite-games',
  source: src('The minimax theorem only ensures the existence of a Nash equilibrium in finite strategy spaces for zero-sum games.'),
  statement:
    'as written, a minimax theorem ensures a Nash equilibrium of a zero-sum game only when the strategy spaces are finite. Refuted by a zero-sum game ' +
    'with continuum strategy sets that meets the hypotheses of Sion’s minimax theorem (1958: compact convex sets, payoff concave in the maximiser and ' +
    'convex in the minimiser) and has the saddle point it ensures: the tabular GAN of Goodfellow et al. (2014), D ∈ [1/64, 63/64]⁴ against p_G in ' +
    'the simplex; concavity and convexity checked on random segments, the saddle point (D ≡ ½, p_G = p_data) on random strategy pairs (float64, ' +
    'tolerance 1e-12); corrected: von Neumann’s theorem is stated for finite games, and Sion’s extends it to such infinite ones',
  method: 'exact',
  expected: 'imprecise',
  subject: tabularGan,
  mutant: { description: `a wrong setup: ${squareGame.name}, a continuum game that no minimax theorem covers`, subject: squareGame },
  check: (g, ctx) => {
    const n = ctx.size(200, 2000);
    const tol = 1e-12;
    let notConcave = 0;
    let notConvex = 0;
    let saddleFails = 0;
    let failAt = '';
    const v0 = g.V(g.saddle.x, g.saddle.y);
    for (let t = 0; t < n; t++) {
      const a = g.draw(ctx.rng);
      const b = g.draw(ctx.rng);
      const l = ctx.rng.uniform();
      if (g.V(mix(a.x, b.x, l), a.y) < l * g.V(a.x, a.y) + (1 - l) * g.V(b.x, a.y) - tol) notConcave++;
      if (g.V(a.x, mix(a.y, b.y, l)) > l * g.V(a.x, a.y) + (1 - l) * g.V(a.x, b.y) + tol) notConvex++;
      const [vx, vy] = [g.V(a.x, g.saddle.y), g.V(g.saddle.x, a.y)];
      if (vx > v0 + tol || vy < v0 - tol) {
        saddleFails++;
        const show = (v: number[]) => v.map((z) => fmt(z, 3)).join(', ');
        failAt ||= `x = (${show(a.x)}) gives ${fmt(vx, 6)} against the saddle's ${fmt(v0, 6)}, or y = (${show(a.y)}) gives ${fmt(vy, 6)}`;
      }
    }
    const numbers = { draws: n, notConcave, notConvex, saddleFails, saddleValue: v0 };
    const hypotheses = `concave in x on ${n - notConcave} of ${n} random segments, convex in y on ${n - notConvex} of ${n}`;
    if (notConcave > 0 || notConvex > 0 || saddleFails > 0)
      return {
        verdict: 'inconclusive',
        evidence:
          `${g.name}: ${hypotheses}; the candidate saddle point fails on ${saddleFails} of ${n} draws${failAt ? ` (${failAt})` : ''}: this game is no ` +
          'counterexample to the "only", and none other was tried',
        numbers,
      };
    return {
      verdict: 'imprecise',
      evidence:
        `${g.name}: ${hypotheses}, so Sion’s theorem applies to a game with infinite strategy sets; its saddle point holds on all ${n} draws: ` +
        `V(D, p_data) ≤ ${fmt(v0, 10)} = −ln 4 ≤ V(½, p_G)`,
      numbers,
      counterexample: `${g.name}: infinite strategy sets, and a Nash equilibrium (D ≡ ½, p_G = p_data) that Sion’s minimax theorem ensures`,
      correction:
        'von Neumann’s theorem (1928) is stated for finite strategy sets; minimax theorems also ensure equilibria in infinite ones: Sion (1958) for ' +
        'compact convex sets and concave–convex payoffs (the GAN game in (D, p_G), as here), Glicksberg (1952) mixed equilibria for continuous payoffs on ' +
        'compact sets; what none ensures is an equilibrium in the parameters of neural networks, where V is not concave–convex',
    };
  },
});

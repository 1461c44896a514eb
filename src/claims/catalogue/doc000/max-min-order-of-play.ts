/** Claim `max-min-order-of-play` of seed document 000. */
import { valueAtOptimum } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { fmt } from '../../format.js';
import { frac } from '../../precise.js';
import { linspace } from '../../calculus.js';
import { randomDist } from '../../random-inputs.js';
import { src } from './setup.js';

export const orderOfPlay = defineClaim({
  id: 'max-min-order-of-play',
  source: src('which will combine into a minimax objective: $$ \\max_D \\min_G V(D, G). $$'),
  statement:
    'the objective as written, max_D min_G V, on tabular games: its value equals min_G max_D V = −ln 4, but the generator that solves the inner min against ' +
    'any non-constant D is a point mass, not p_data',
  method: 'exact',
  expected: 'imprecise',
  subject: { order: 'max-min' as 'max-min' | 'min-max' },
  mutant: { description: 'order min_G max_D', subject: { order: 'min-max' as 'max-min' | 'min-max' } },
  check: (s, ctx) => {
    // max_D min_G V: for a table D the inner min over p_G puts all mass where D is largest, so
    // min_G V(D, G) = Σ pᵢ ln Dᵢ + ln(1 − max D); searched over random tables and constant ones.
    const pStr = randomDist(ctx.rng, 5);
    const p = pStr.map(frac);
    const inner = (d: number[]) => p.reduce((a, pi, i) => a + pi * Math.log(d[i] as number), 0) + Math.log(1 - Math.max(...d));
    let best = -Infinity;
    for (const c of linspace(0.01, 0.99, 99)) best = Math.max(best, inner(p.map(() => c)));
    for (let i = 0; i < ctx.size(2000, 20000); i++) best = Math.max(best, inner(p.map(() => 0.01 + 0.98 * ctx.rng.uniform())));
    const minmax = Number(valueAtOptimum(pStr, pStr).value); // min_G max_D V = C(p_data) = −ln 4
    const valuesEqual = Math.abs(best - minmax) < 1e-3;
    // what the generator does under each order, against a slightly non-constant D
    const d = p.map((_, i) => 0.5 + 0.01 * Math.sin(i + 1));
    const argmax = d.indexOf(Math.max(...d));
    const pointMass = p.map((_, i) => (i === argmax ? 1 : 0));
    const vOf = (q: number[]) => p.reduce((a, pi, i) => a + pi * Math.log(d[i] as number) + (q[i] as number) * Math.log(1 - (d[i] as number)), 0);
    // The generator each order produces, computed, not assumed: with D first (max-min), G best-replies
    // to the fixed D by minimising V(D, q) over the simplex; with G first (min-max), D best-replies
    // with D*_q and G minimises C(q) = V(D*_q, q). Both searched over the vertices, p_data and
    // random interior candidates.
    const C = (q: number[]) =>
      p.reduce((a, pi, i) => {
        const qi = q[i] as number;
        const ds = pi / (pi + qi);
        return a + (pi > 0 ? pi * Math.log(ds) : 0) + (qi > 0 ? qi * Math.log(1 - ds) : 0);
      }, 0);
    const candidates = [
      p,
      ...p.map((_, j) => p.map((_, i) => (i === j ? 1 : 0))),
      ...Array.from({ length: ctx.size(200, 2000) }, () => randomDist(ctx.rng, p.length).map(frac)),
    ];
    const argmin = (f: (q: number[]) => number) => candidates.reduce((best, q) => (f(q) < f(best) ? q : best));
    const generator = s.order === 'max-min' ? argmin(vOf) : argmin(C);
    const generatorIsData = generator.every((g, i) => Math.abs(g - (p[i] as number)) < 1e-12);
    const pointMassBetter = vOf(pointMass) < vOf(p);
    return {
      verdict: verdictOf({ asStated: generatorIsData && valuesEqual, corrected: valuesEqual && pointMassBetter }),
      evidence:
        `max_D min_G V = ${fmt(best, 6)}, min_G max_D V = ${fmt(minmax, 6)}; under ${s.order} the generator found is ` +
        `${generatorIsData ? 'p_data' : `(${generator.map((g) => fmt(g, 2)).join(', ')})`}; G's best reply to a non-constant D is a point mass (V ` +
        `${fmt(vOf(pointMass), 5)} < ${fmt(vOf(p), 5)} at p_data)`,
      numbers: { maxMin: best, minMax: minmax, vPointMass: vOf(pointMass), vData: vOf(p) },
      correction:
        'the GAN objective is min_G max_D V (as the document writes later); the two orders have the same value here, but with D moving first the generator ' +
        'best-responds with a single point (mode collapse)',
    };
  },
});

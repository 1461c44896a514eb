/** Claims of seed document 000 (the toy-GAN tutorial: losses, D*, C(G), Nash, the PyTorch toy). */
import * as tf from '@tensorflow/tfjs';
import { dstarExact, value, valueAtOptimum } from '../../theory/index.js';
import { add, cmp, div, mul, rational, sub, toRational, ONE, ZERO, type Rational } from '../../theory/rational.js';
import { defineClaim, verdictOf, type AnyClaim, type GridCell } from '../define.js';
import { lookAt, median, quantile, sequential, type Population, type Setup } from '../experiments.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { conditionsFrom, gridOf, gridVerdict } from '../checks/robustness.js';
import { makeConfig, train } from '../../train/index.js';
import { guarantees, payoff, pureSaddles, solveMixed, type Game, type MixedSolution } from '../games.js';
import { convergencePlot, histogramPlot, dPlot } from '../plots.js';
import { checkCg, documentCg, wrongCg } from './shared.js';
import { contains, D, DOC0, fmt, frac, LN4, linspace, randomDist, randomTable, relGap, sigmoid } from '../util.js';

const src = (quote: string) => ({ doc: DOC0, quote });

export const TOY: Setup = { preset: 'seed-toy', population: [16, 64] };
/** The document's printed log. */
export const DOCUMENT_LOG = [
  { step: 0, d: 1.6131, g: 0.8809 },
  { step: 200, d: 1.3623, g: 0.9018 },
  { step: 400, d: 1.3865, g: 0.6928 },
  { step: 600, d: 1.3863, g: 0.693 },
  { step: 800, d: 1.3855, g: 0.6933 },
];

const bceReal = defineClaim({
  id: 'bce-real-fake-terms',
  source: src('For real samples, the true label is always $y = 1$, so the cross-entropy becomes: $$ \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -1 \\cdot \\log D(x) - (1 - 1) \\cdot \\log(1 - D(x)) \\right] = \\mathbb{E}_{x \\sim p_{\\text{data}}} \\left[ -\\log D(x) \\right] $$ For fake samples, the true label is always $y = 0$, so the cross-entropy becomes:'),
  statement: 'BCE(D(x), 1) = −log D(x) and BCE(D(G(z)), 0) = −log(1 − D(G(z))), compared with TensorFlow.js sigmoidCrossEntropy on 161 logits in [−8, 8]',
  method: 'exact',
  expected: 'holds',
  subject: { real: (d: number) => -Math.log(d), fake: (d: number) => -Math.log(1 - d) },
  mutant: { description: 'labels swapped: real term −log(1 − D)', subject: { real: (d: number) => -Math.log(1 - d), fake: (d: number) => -Math.log(d) } },
  check: (s) => {
    const logits = linspace(-8, 8, 161);
    const [ref1, ref0] = tf.tidy(() => {
      const l = tf.tensor1d(logits);
      const bce = (y: number) => tf.losses.sigmoidCrossEntropy(tf.fill([logits.length], y), l, undefined, undefined, tf.Reduction.NONE).dataSync();
      return [Array.from(bce(1)), Array.from(bce(0))];
    });
    const gapReal = relGap(logits.map((l) => s.real(sigmoid(l))), ref1);
    const gapFake = relGap(logits.map((l) => s.fake(sigmoid(l))), ref0);
    const ok = gapReal < 1e-5 && gapFake < 1e-5;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `largest relative gap to tf's BCE: real ${fmt(gapReal)}, fake ${fmt(gapFake)} (float32 reference)`,
      numbers: { gapReal, gapFake, logits: logits.length },
    };
  },
});

const lossIsMinusV = defineClaim({
  id: 'discriminator-loss-is-minus-v',
  source: src('$$ \\mathcal{L}_D = - \\mathbb{E}_{x \\sim p_{\\text{data}}} [\\log D(x)] - \\mathbb{E}_{z \\sim p_z} [\\log (1 - D(G(z)))] $$'),
  statement: 'L_D(D, G) = −V(D, G) on random tables (p_data, p_G, D), L_D in float64 against V certified by theory at 30 digits',
  method: 'exact',
  expected: 'holds',
  subject: (p: number[], q: number[], d: number[]) => -p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(d[i] as number) : 0), 0) - q.reduce((s, qi, i) => s + (qi > 0 ? qi * Math.log(1 - (d[i] as number)) : 0), 0),
  mutant: { description: 'fake term with a plus sign', subject: (p: number[], q: number[], d: number[]) => -p.reduce((s, pi, i) => s + pi * Math.log(d[i] as number), 0) + q.reduce((s, qi, i) => s + qi * Math.log(1 - (d[i] as number)), 0) },
  check: (ld, ctx) => {
    let worst = 0;
    const n = ctx.size(20, 100);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 7);
      const p = randomDist(ctx.rng, k, 0.2);
      const q = randomDist(ctx.rng, k, 0.2);
      const d = randomTable(ctx.rng, k);
      const v = Number(value(p, q, d, { digits: 30 }).value);
      worst = Math.max(worst, Math.abs(ld(p.map(frac), q.map(frac), d.map(frac)) + v) / Math.max(1, Math.abs(v)));
    }
    const ok = worst < 1e-12;
    return { verdict: verdictOf({ asStated: ok }), evidence: `|L_D + V| ≤ ${fmt(worst)} (relative) on ${n} random tables`, numbers: { tables: n, worstRelativeGap: worst } };
  },
});

/** f(d) = P·ln d + Q·ln(1 − d) at a pointwise maximiser candidate, exactly (2-point tables). */
const dstarClaim = defineClaim({
  id: 'optimal-discriminator',
  source: src('D^*(x) = \\frac{P(x)}{P(x) + Q(x)} = \\frac{p_{\\text{data}}(x)}{p_{\\text{data}}(x) + p_G(x)}'),
  statement: 'the table D*(x) = P/(P+Q) maximises V(·, G): its certified value equals V(D*, G) and every perturbed table gives a certified smaller V',
  method: 'exact',
  expected: 'holds',
  subject: (P: Rational, Q: Rational): Rational => div(P, add(P, Q)),
  mutant: { description: 'D* = Q/(P+Q)', subject: (P: Rational, Q: Rational): Rational => div(Q, add(P, Q)) },
  check: (formula, ctx) => {
    let worse = 0;
    let cases = 0;
    let counter: string | null = null;
    for (let i = 0; i < ctx.size(8, 30); i++) {
      const k = 2 + (i % 4);
      const p = randomDist(ctx.rng, k);
      const q = randomDist(ctx.rng, k);
      const P = p.map((s) => toRational(s, 'check', 'p'));
      const Q = q.map((s) => toRational(s, 'check', 'q'));
      const d = P.map((pi, j) => formula(pi, Q[j] as Rational));
      const ds = d.map((r) => `${r.num}/${r.den}`);
      const best = valueAtOptimum(p, q, { digits: 30 });
      const at = value(p, q, ds, { digits: 30 });
      cases++;
      if (at.value !== best.value && counter === null) counter = `P=(${p}) Q=(${q}): V(formula) = ${at.value.slice(0, 10)} < V(D*) = ${best.value.slice(0, 10)}`;
      for (let t = 0; t < 3; t++) {
        const j = Math.floor(ctx.rng.uniform() * k);
        const eps = rational(BigInt(1 + Math.floor(ctx.rng.uniform() * 9)), 1000n);
        const pert = d.map((r, m) => (m !== j ? r : cmp(r, rational(1n, 2n)) < 0 ? add(r, eps) : sub(r, eps)));
        const v = value(p, q, pert.map((r) => `${r.num}/${r.den}`), { digits: 30 });
        if (new D(v.upper).lt(new D(at.lower))) worse++;
        else if (counter === null) counter = `P=(${p}) Q=(${q}): perturbing D at point ${j} did not lower V`;
      }
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `V(formula) = V(D*) exactly on ${cases} tables; all ${worse} perturbations strictly lower V` : (counter as string),
      numbers: { tables: cases, perturbationsLower: worse },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

const concavity = defineClaim({
  id: 'pointwise-strict-concavity',
  source: src("$$ f''(d)=-\\frac{P}{d^{2}}-\\frac{Q}{(1-d)^{2}}<0\\qquad\\text{for }d\\in(0,1)\\text{ if }P+Q>0. $$"),
  statement: "f''(d) of f(d) = P ln d + Q ln(1−d) equals the formula (against a central second difference) and is < 0 for P, Q ≥ 0, P + Q > 0, d in (0, 1)",
  method: 'exact',
  expected: 'holds',
  subject: (P: number, Q: number, d: number) => -P / d ** 2 - Q / (1 - d) ** 2,
  mutant: { description: "f'' = −P/d² + Q/(1−d)²", subject: (P: number, Q: number, d: number) => -P / d ** 2 + Q / (1 - d) ** 2 },
  check: (f2, ctx) => {
    let worst = 0;
    let positive = 0;
    const n = ctx.size(200, 2000);
    for (let i = 0; i < n; i++) {
      const P = i % 10 === 0 ? 0 : ctx.rng.uniform();
      const Q = i % 10 === 5 ? 0 : ctx.rng.uniform();
      const d = 0.05 + 0.9 * ctx.rng.uniform();
      const f = (x: number) => (P > 0 ? P * Math.log(x) : 0) + (Q > 0 ? Q * Math.log(1 - x) : 0);
      const h = 1e-4;
      const fd = (f(d + h) - 2 * f(d) + f(d - h)) / (h * h);
      const v = f2(P, Q, d);
      worst = Math.max(worst, Math.abs(v - fd) / Math.max(1, Math.abs(fd)));
      if (!(v < 0)) positive++;
    }
    const ok = worst < 1e-4 && positive === 0;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `formula vs second difference: worst relative gap ${fmt(worst)}; f'' ≥ 0 at ${positive} of ${n} points`,
      numbers: { points: n, worstRelativeGap: worst, nonNegative: positive },
    };
  },
});

const cg = defineClaim({
  id: 'c-of-g-is-2jsd-minus-log4',
  source: src('$$ V(D^*,G) =\\Big[\\mathrm{KL}(p_{\\text{data}}\\|m)+\\mathrm{KL}(p_G\\|m)\\Big]-2\\log 2 =2\\,\\mathrm{JS}(p_{\\text{data}}\\|p_G) -\\log 4 $$'),
  statement: 'V(D*, G) computed from D* (certified, 40 digits) equals 2·JSD − ln 4 computed from the JSD (certified) on random discrete pairs with zeros',
  method: 'exact',
  expected: 'holds',
  subject: documentCg,
  mutant: { description: 'C(G) = JSD − log 4', subject: wrongCg },
  check: (f, ctx) => checkCg(f, ctx, 'discrete'),
});

const globalMin = defineClaim({
  id: 'global-minimum-minus-log4',
  source: src('Since JS divergence is always non-negative and equals zero iff $p_G = p_{\\text{data}}$, the global minimum of the GAN game is achieved when the JS divergence is zero.'),
  statement: 'min over p_G of V(D*, G) = −ln 4, attained at p_G = p_data and only there: C(p, p) = −ln 4 exactly and C(p, q) > −ln 4 (certified) for q ≠ p',
  method: 'exact',
  expected: 'holds',
  subject: { minimum: LN4.neg() },
  mutant: { description: 'minimum −log 2', subject: { minimum: new D(2).ln().neg() } },
  check: (s, ctx) => {
    let atEqual = 0;
    let above = 0;
    let counter: string | null = null;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const p = randomDist(ctx.rng, 2 + (i % 6), 0.2);
      const e = valueAtOptimum(p, p, { digits: 40 });
      if (contains(e, s.minimum)) atEqual++;
      else if (counter === null) counter = `C(p,p) = ${e.value.slice(0, 12)} for p=(${p})`;
      let q = randomDist(ctx.rng, p.length, 0.2);
      if (q.join() === p.join()) q = [...p.slice(1), p[0] as string];
      if (q.map(frac).join() === p.map(frac).join()) continue;
      const c = valueAtOptimum(p, q, { digits: 40 });
      if (new D(c.lower).gt(s.minimum)) above++;
      else if (counter === null) counter = `C = ${c.value.slice(0, 12)} ≤ minimum for p=(${p}) q=(${q})`;
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `C(p,p) = −ln 4 on ${atEqual} tables; C(p,q) > −ln 4 certified on ${above} pairs q ≠ p` : (counter as string),
      numbers: { equalCases: atEqual, strictlyAbove: above },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

const nash = defineClaim({
  id: 'equilibrium-half-is-nash',
  source: src('That is, $$ p_G = p_{\\text{data}} \\quad \\text{and} \\quad D^*(x) = \\frac{1}{2},\\; \\forall x $$ … This is exactly the Nash equilibrium, since neither the generator nor the discriminator can unilaterally change their strategy to improve their own objective.'),
  statement: 'at (p_G = p_data, D ≡ 1/2): D* is exactly 1/2; no table D′ gives V(D′, p_data) > −ln 4 (certified); no p_G′ gives V(1/2, p_G′) < −ln 4 (V does not depend on p_G there)',
  method: 'exact',
  expected: 'holds',
  subject: { d: '1/2' },
  mutant: { description: 'candidate D ≡ 3/5', subject: { d: '3/5' } },
  check: (s, ctx) => {
    const n = ctx.size(10, 30);
    let counter: string | null = null;
    let dev = 0;
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k);
      const half = p.map(() => s.d);
      const star = dstarExact(p, p);
      if (!star.every((r) => r !== null && `${r.num}/${r.den}` === s.d.replace(/^(\d+)$/, '$1/1')) && counter === null) counter = `D*(p, p) = ${star.map((r) => (r ? `${r.num}/${r.den}` : 'undefined')).join(',')}, not ${s.d}`;
      const v0 = value(p, p, half, { digits: 30 });
      for (let t = 0; t < 4; t++) {
        dev++;
        const dAlt = randomTable(ctx.rng, k);
        if (!new D(value(p, p, dAlt, { digits: 30 }).upper).lte(new D(v0.upper)) && counter === null) counter = `D′=(${dAlt}) improves on D at p=(${p})`;
        const qAlt = randomDist(ctx.rng, k);
        if (new D(value(p, qAlt, half, { digits: 30 }).upper).lt(new D(v0.lower)) && counter === null) counter = `p_G′=(${qAlt}) improves on p_data against D=${s.d}`;
      }
    }
    const ok = counter === null;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `D* = 1/2 exactly; ${dev} deviations of D and ${dev} of G: none improves (V = −ln 4)` : (counter as string),
      numbers: { tables: n, deviations: 2 * dev },
      ...(ok ? {} : { counterexample: counter as string }),
    };
  },
});

const zeroSum = defineClaim({
  id: 'zero-sum-accounting-000',
  source: src('$$ \\text{Gain}_{\\text{Player A}} + \\text{Loss}_{\\text{Player B}} = 0 $$'),
  statement: "on random zero-sum matrix games and mixed strategies, the document's identity Gain_A + Loss_B = 0, with Loss_B = −(B's payoff) = Gain_A",
  method: 'exact',
  expected: 'imprecise',
  subject: (gainA: Rational, lossB: Rational): Rational => add(gainA, lossB),
  mutant: { description: 'Gain_A − Loss_B = 0', subject: (gainA: Rational, lossB: Rational): Rational => sub(gainA, lossB) },
  check: (identity, ctx) => {
    const n = ctx.size(50, 200);
    let zero = 0;
    let corrected = 0;
    let example = '';
    for (let i = 0; i < n; i++) {
      const A = randomGame(ctx, 2 + (i % 3), 2 + ((i >> 1) % 3));
      const x = randomMixed(ctx, A.length);
      const y = randomMixed(ctx, (A[0] as Rational[]).length);
      const gainA = payoff(A, x, y);
      const payoffB = mul(gainA, rational(-1n)); // zero-sum: B receives −A's payoff
      const lossB = mul(payoffB, rational(-1n));
      if (identity(gainA, lossB).num === 0n) zero++;
      else if (example === '') example = `Gain_A = ${gainA.num}/${gainA.den}, Loss_B = ${lossB.num}/${lossB.den}: the sum is ${add(gainA, lossB).num}/${add(gainA, lossB).den}`;
      if (add(gainA, payoffB).num === 0n && sub(gainA, lossB).num === 0n) corrected++;
    }
    return {
      verdict: verdictOf({ asStated: zero === n, corrected: corrected === n }),
      evidence: `identity true in ${zero}/${n} games; Gain_A + Gain_B = 0 (Gain_A = Loss_B) in ${corrected}/${n}`,
      numbers: { games: n, identityTrue: zero, correctedTrue: corrected },
      correction: 'Gain_A + Gain_B = 0, i.e. Gain_A = Loss_B (or Gain_A − Loss_B = 0)',
      ...(example !== '' ? { counterexample: example } : {}),
    };
  },
});

function randomGame(ctx: { rng: { uniform(): number } }, m: number, n: number): Game {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => rational(BigInt(Math.floor(ctx.rng.uniform() * 21) - 10))));
}
function randomMixed(ctx: { rng: { uniform(): number } }, n: number): Rational[] {
  const a = Array.from({ length: n }, () => BigInt(1 + Math.floor(ctx.rng.uniform() * 9)));
  const s = a.reduce((x, y) => x + y, 0n);
  return a.map((v) => rational(v, s));
}

const vonNeumann = defineClaim({
  id: 'von-neumann-minimax',
  source: src("In zero-sum games with finite strategies, there exists a saddle point (minimax solution) where each player is playing their optimal strategy. — John von Neumann, 1928 (Von Neumann's Minimax Theorem)"),
  statement: 'random integer matrix games (2–6 strategies each): a saddle point exists in mixed strategies (exact LP solution whose guarantees meet: min_j (xᵀA)_j = max_i (Ay)_i); in pure strategies it often does not',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: (A: Game): MixedSolution => solveMixed(A),
  mutant: { description: 'solver that returns uniform strategies', subject: (A: Game): MixedSolution => ({ value: ZERO, row: A.map(() => rational(1n, BigInt(A.length))), col: (A[0] as Rational[]).map(() => rational(1n, BigInt((A[0] as Rational[]).length))) }) },
  check: (solver, ctx) => {
    const n = ctx.size(40, 200);
    let mixedOk = 0;
    let pure = 0;
    let example = '';
    for (let i = 0; i < n; i++) {
      const A = randomGame(ctx, 2 + (i % 5), 2 + ((i * 7) % 5));
      const sol = solver(A);
      const g = guarantees(A, sol.row, sol.col);
      const valid = [sol.row, sol.col].every((s) => s.every((v) => v.num >= 0n) && cmp(s.reduce((a, b) => add(a, b), ZERO), ONE) === 0);
      if (valid && cmp(g.rowFloor, g.colCeiling) === 0) mixedOk++;
      if (pureSaddles(A).length > 0) pure++;
      else if (example === '') example = `no pure saddle point in ${JSON.stringify(A.map((r) => r.map((a) => Number(a.num))))}`;
    }
    return {
      verdict: verdictOf({ asStated: pure === n && mixedOk === n, underConditions: mixedOk === n }),
      evidence: `mixed-strategy saddle point certified in ${mixedOk}/${n} games; pure saddle point in only ${pure}/${n}`,
      numbers: { games: n, mixedSaddles: mixedOk, pureSaddles: pure },
      conditions: 'in mixed strategies (probability distributions over the finite strategies), not in pure ones',
      ...(example !== '' ? { counterexample: example } : {}),
    };
  },
});

const orderOfPlay = defineClaim({
  id: 'max-min-order-of-play',
  source: src('which will combine into a minimax objective: $$ \\max_D \\min_G V(D, G). $$'),
  statement: 'the objective as written, max_D min_G V, on tabular games: its value equals min_G max_D V = −ln 4, but the generator that solves the inner min against any non-constant D is a point mass, not p_data',
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
    const C = (q: number[]) => p.reduce((a, pi, i) => { const qi = q[i] as number; const ds = pi / (pi + qi); return a + (pi > 0 ? pi * Math.log(ds) : 0) + (qi > 0 ? qi * Math.log(1 - ds) : 0); }, 0);
    const candidates = [p, ...p.map((_, j) => p.map((_, i) => (i === j ? 1 : 0))), ...Array.from({ length: ctx.size(200, 2000) }, () => randomDist(ctx.rng, p.length).map(frac))];
    const argmin = (f: (q: number[]) => number) => candidates.reduce((best, q) => (f(q) < f(best) ? q : best));
    const generator = s.order === 'max-min' ? argmin(vOf) : argmin(C);
    const generatorIsData = generator.every((g, i) => Math.abs(g - (p[i] as number)) < 1e-12);
    const pointMassBetter = vOf(pointMass) < vOf(p);
    return {
      verdict: verdictOf({ asStated: generatorIsData && valuesEqual, corrected: valuesEqual && pointMassBetter }),
      evidence: `max_D min_G V = ${fmt(best, 6)}, min_G max_D V = ${fmt(minmax, 6)}; under ${s.order} the generator found is ${generatorIsData ? 'p_data' : `(${generator.map((g) => fmt(g, 2)).join(', ')})`}; G's best reply to a non-constant D is a point mass (V ${fmt(vOf(pointMass), 5)} < ${fmt(vOf(p), 5)} at p_data)`,
      numbers: { maxMin: best, minMax: minmax, vPointMass: vOf(pointMass), vData: vOf(p) },
      correction: 'the GAN objective is min_G max_D V (as the document writes later); the two orders have the same value here, but with D moving first the generator best-responds with a single point (mode collapse)',
    };
  },
});

const genDropsTerm = defineClaim({
  id: 'generator-loss-drops-constant',
  source: src('Note that the generator loss does not include the term $\\mathbb{E}_{x \\sim p_{\\text{data}}} [\\log D(x)]$ but the minimax objective does. But this term is independent of the generator $G$'),
  statement: 'V(D, G) − L_G^sat(D, G) is the same for every p_G (certified V; L_G^sat = Σ q ln(1 − D))',
  method: 'exact',
  expected: 'holds',
  subject: (q: number[], d: number[]) => q.reduce((s, qi, i) => s + qi * Math.log(1 - (d[i] as number)), 0),
  mutant: { description: 'L_G = Σ q ln D', subject: (q: number[], d: number[]) => q.reduce((s, qi, i) => s + qi * Math.log(d[i] as number), 0) },
  check: (lg, ctx) => {
    let worst = 0;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k);
      const d = randomTable(ctx.rng, k);
      const rest = [randomDist(ctx.rng, k), randomDist(ctx.rng, k), randomDist(ctx.rng, k)].map((q) => Number(value(p, q, d, { digits: 30 }).value) - lg(q.map(frac), d.map(frac)));
      worst = Math.max(worst, Math.max(...rest) - Math.min(...rest));
    }
    const ok = worst < 1e-12;
    return { verdict: verdictOf({ asStated: ok }), evidence: `V − L_G varies by at most ${fmt(worst)} across generators (${n} tables × 3 generators)`, numbers: { tables: n, spread: worst } };
  },
});

/** The toy of 000 with DCGAN-style Adam (lr 1e-3, β₁ ½), batch 64, 3000 steps, on N(0, 1): a target the same networks reach in most seeds (the positive control). */
export const TOY_REACHABLE: Setup = { preset: 'seed-toy', overrides: { target: 'normal:0,1', lrD: 1e-3, lrG: 1e-3, beta1: 0.5, batch: 64 }, population: [16, 32], steps: [3000, 3000], stages: [[16, 32], [32, 64]] };

/** The document's toy, grown while the interval straddles the threshold: 64, 128, 256, then 512 seeds. */
export const TOY_SEQ: Setup = { ...TOY, stages: [[16, 32, 128], [64, 128, 256, 512]] };

type Reading = 'within' | 'improves';
/** Mean and standard deviation of a `normal:μ,σ` target. */
const normalOf = (spec: string) => {
  const m = /^normal:([-\d.e]+),([-\d.e]+)$/.exec(spec);
  if (!m) throw new Error(`expected a normal:μ,σ target; got ${spec}`);
  return { mu: Number(m[1]), sigma: Number(m[2]) };
};

const toyConverges = defineClaim({
  id: 'toy-generates-target',
  source: src('Generator: Takes random noise as input and generates data resembling the target Gaussian distribution.'),
  statement:
    "the document's toy (seed-toy preset: its networks, Adam 0.01, batch 16, 1000 steps): the share of seeds whose generated distribution ends within W1 < 0.25 of the target N(3, 1) (4096 samples, exact CDF) exceeds ½, decided by its Clopper–Pearson interval (64 → 128 → 256 seeds while it straddles ½); recomputed over lr ∈ {0.01, 0.001} × steps ∈ {1000, 3000}",
  method: 'population',
  expected: 'refuted',
  subject: { setup: TOY_SEQ, reading: 'within' as Reading, tolerance: 0.25, grid: true },
  mutant: { description: 'a wrong reading: "resembling" taken as "closer to the target than at step 0" (improvement, not resemblance)', subject: { setup: TOY_SEQ, reading: 'improves' as Reading, tolerance: 0.25, grid: false } },
  positive: { description: 'the same networks and loss on N(0, 1) with Adam 1e-3, β₁ ½, batch 64, 3000 steps, where they reach the target', subject: { setup: TOY_REACHABLE, reading: 'within' as Reading, tolerance: 0.25, grid: false } },
  check: async ({ setup, reading, tolerance, grid }, ctx) => {
    const decide = (su: Setup) =>
      sequential(ctx, su, (pop, level) => {
        const { mu, sigma } = normalOf(pop.config.target);
        const ok = (k: number) => (reading === 'within' ? (pop.final[k]?.w1 as number) < tolerance : (pop.final[k]?.w1 as number) < (pop.logs[0]?.[k]?.w1 as number));
        const k = pop.final.filter((_, i) => ok(i)).length;
        const what = reading === 'within' ? `share of seeds within W1 < ${tolerance} of N(${mu}, ${sigma})` : `share of seeds closer to N(${mu}, ${sigma}) than at step 0`;
        return lookAt(shareEvidence(k, pop.final.length, level, what, 0.5), 'above');
      });
    const main = await decide(setup);
    const pop = main.pop;
    const { mu, sigma } = normalOf(pop.config.target);
    const stds = pop.final.map((m) => m.gStd as number);
    const w1 = pop.final.map((m) => m.w1 as number);
    const cells: GridCell[] = [];
    if (grid) {
      for (const settings of gridOf(ctx.quick ? { lr: [0.01, 0.001], steps: [300, 1000] } : { lr: [0.01, 0.001], steps: [1000, 3000] })) {
        const su: Setup = { ...setup, overrides: { ...setup.overrides, lrD: settings.lr as number, lrG: settings.lr as number }, steps: [settings.steps as number, settings.steps as number] };
        const r = await decide(su);
        cells.push({ settings, verdict: r.verdict, interval: r.interval });
      }
    }
    const verdict = grid ? gridVerdict(cells) : main.verdict;
    const why = reading === 'within' ? `; median W1 ${fmt(median(w1))}, median G std ${fmt(median(stds))} (target ${sigma})${median(stds) < 0.7 * sigma ? ': the spread collapses' : ''}` : '';
    return {
      verdict,
      evidence: `${showShare(main.interval)} ${reading === 'within' ? `within W1 < ${tolerance} of N(${mu},${sigma})` : 'closer to the target than at step 0'} after ${pop.config.steps} steps${why}${grid ? `; over the grid: ${cells.map((c) => c.verdict).join(', ')}` : ''}`,
      numbers: { seeds: pop.final.length, share: main.interval.estimate, low: main.interval.low, high: main.interval.high, medianW1: median(w1), medianGStd: median(stds), q90W1: quantile(w1, 0.9), steps: pop.config.steps, looks: main.looks },
      interval: main.interval,
      ...(grid ? { grid: cells, conditions: conditionsFrom(cells) } : {}),
      plots: [convergencePlot(pop), histogramPlot(pop), dPlot(pop)],
    };
  },
});

interface LogRow {
  step: number;
  d: number;
  g: number;
}
/**
 * How unusual a log is among the population's: the largest robust z-score |v − median| / (1.4826·MAD)
 * over its printed values, each against the population's values at the same step and loss.
 */
function logDepth(rows: readonly LogRow[], pop: Population): number {
  let worst = 0;
  for (const row of rows) {
    const members = pop.logs.find((l) => l[0]?.step === row.step);
    if (!members) continue;
    for (const [v, xs] of [[row.d, members.map((m) => m.dLoss)], [row.g, members.map((m) => m.gLoss)]] as const) {
      const med = median(xs);
      const mad = 1.4826 * median(xs.map((x) => Math.abs(x - med)));
      worst = Math.max(worst, mad > 0 ? Math.abs(v - med) / mad : v === med ? 0 : Infinity);
    }
  }
  return worst;
}

type PrintedLog = { log: LogRow[] } | { freshSeed: number };
const printedLog = defineClaim({
  id: 'toy-printed-log',
  source: src('Step 0: D_loss=1.6131, G_loss=0.8809 Step 200: D_loss=1.3623, G_loss=0.9018 Step 400: D_loss=1.3865, G_loss=0.6928 Step 600: D_loss=1.3863, G_loss=0.6930 Step 800: D_loss=1.3855, G_loss=0.6933'),
  statement:
    "the printed log is a typical log of the document's toy: a Monte Carlo rank test. Its unusualness T (the largest robust z-score of its 10 printed values against the population at each step) is compared with every member's own T; the share of members at least as unusual (the p-value) must exceed 5%, decided by its Clopper–Pearson interval (64 → 128 → 256 seeds)",
  method: 'population',
  expected: 'holds',
  subject: { log: DOCUMENT_LOG } as PrintedLog,
  mutant: { description: 'a log with D_loss = 0.1 at step 800 (a D that wins outright)', subject: { log: DOCUMENT_LOG.map((r) => (r.step === 800 ? { ...r, d: 0.1 } : r)) } as PrintedLog },
  positive: { description: "the trainer's own log for a seed outside the population (seed + 100000), printed to 4 decimals", subject: { freshSeed: 100_000 } as PrintedLog },
  check: async (subject, ctx) => {
    let log: LogRow[];
    if ('log' in subject) log = subject.log;
    else {
      const one = await train(makeConfig(TOY.preset, TOY.overrides as Record<string, unknown>), { seed: ctx.seed + subject.freshSeed });
      log = one.logs.filter((l) => (l[0]?.step as number) <= 800).map((l) => ({ step: l[0]?.step as number, d: Number((l[0]?.dLoss as number).toFixed(4)), g: Number((l[0]?.gLoss as number).toFixed(4)) }));
    }
    const r = await sequential(ctx, TOY_SEQ, (pop, level) => {
      const t = logDepth(log, pop);
      const rows = (k: number) => pop.logs.filter((l) => (l[0]?.step as number) <= 800).map((l) => ({ step: l[0]?.step as number, d: l[k]?.dLoss as number, g: l[k]?.gLoss as number }));
      const asExtreme = pop.final.filter((_, k) => logDepth(rows(k), pop) >= t).length;
      return { ...lookAt(shareEvidence(asExtreme, pop.final.length, level, 'share of members whose log is at least as unusual (p-value)', 0.05), 'above'), t };
    });
    return {
      verdict: r.verdict,
      evidence: `largest robust z-score of the printed values ${fmt(r.t)}; ${showShare(r.interval, 'members')} have a log at least as unusual (p-value; threshold 5%)`,
      numbers: { unusualness: Number.isFinite(r.t) ? r.t : 'inf', pValue: r.interval.estimate, low: r.interval.low, high: r.interval.high, seeds: r.pop.final.length },
      interval: r.interval,
      ...(r.verdict !== 'holds' ? { counterexample: `the log's largest robust z-score is ${fmt(r.t)}` } : {}),
    };
  },
});

export const DOC000: AnyClaim[] = [bceReal, lossIsMinusV, dstarClaim, concavity, cg, globalMin, nash, zeroSum, vonNeumann, orderOfPlay, genDropsTerm, toyConverges, printedLog];

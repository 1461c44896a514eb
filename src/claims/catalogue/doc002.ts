/** Claims of seed document 002 (the long tutorial: BCE, Bayes D*, KL/JSD, gradients, WGAN, stabilisers). */
import * as tf from '@tensorflow/tfjs';
import { normalCdf } from '../../numeric/special.js';
import { jsd, kl, klReverse, w1 as w1Exact } from '../../theory/index.js';
import { shiftSeries } from '../../theory/gaussian.js';
import { abs, add, cmp, mul, sub, toRational, ZERO, type Rational } from '../../theory/rational.js';
import { defineClaim, verdictOf, type AnyClaim, type GridCell, type Verdict } from '../define.js';
import { lookAt, median, population, sequential, spearman, type Population, type Setup } from '../experiments.js';
import { medianEvidence, shareEvidence, showMedian, showShare } from '../checks/statistics.js';
import { conditionsFrom } from '../checks/robustness.js';
import type { MemberLog } from '../../train/index.js';
import { convergencePlot, shiftPlot } from '../plots.js';
import { checkCg, checkModeCollapse, documentCg, wrongCg, type FailureKind } from './shared.js';
import { GRID } from './doc004.js';
import { contains, D, DOC2, fmt, frac, LN2, linspace, pct, randomDist, sigmoid, type Dec } from '../util.js';

const src = (quote: string) => ({ doc: DOC2, quote });

const vIsBce = defineClaim({
  id: 'value-is-cross-entropy',
  source: src('Notice that the value function $V$ is also the cross-entropy loss for a binary classifier.'),
  statement: 'on random logits for n real and n fake samples: V̂ (sample value) against the mean binary cross-entropy over the balanced set of 2n (TensorFlow.js sigmoidCrossEntropy)',
  method: 'exact',
  expected: 'imprecise',
  subject: (meanBce: number) => meanBce,
  mutant: { description: 'V = −2 × mean BCE', subject: (meanBce: number) => -2 * meanBce },
  check: (relation, ctx) => {
    const n = 256;
    let asStated = true;
    let corrected = true;
    let example = '';
    for (let t = 0; t < ctx.size(5, 20); t++) {
      const lr = Array.from({ length: n }, () => 4 * ctx.rng.normal());
      const lf = Array.from({ length: n }, () => 4 * ctx.rng.normal());
      const v = lr.reduce((s, l) => s + Math.log(sigmoid(l)), 0) / n + lf.reduce((s, l) => s + Math.log(1 - sigmoid(l)), 0) / n;
      const bce = tf.tidy(() => tf.losses.sigmoidCrossEntropy(tf.tensor1d([...lr.map(() => 1), ...lf.map(() => 0)]), tf.tensor1d([...lr, ...lf])).dataSync()[0] as number);
      const tol = 1e-5 * Math.max(1, Math.abs(v));
      if (Math.abs(relation(bce) - v) > tol) {
        asStated = false;
        if (example === '') example = `V̂ = ${fmt(v, 5)}, mean BCE = ${fmt(bce, 5)}`;
      }
      if (Math.abs(-2 * bce - v) > tol) corrected = false;
    }
    return {
      verdict: verdictOf({ asStated, corrected }),
      evidence: asStated ? 'V equals the relation on every trial' : `${example}: V is not the BCE; V = −2 × mean BCE ${corrected ? 'on every trial' : 'fails too'}`,
      numbers: { asStated, corrected },
      correction: 'V = −2 × (mean binary cross-entropy on the balanced set of real and generated samples): maximising V is minimising the BCE, but V is its negative (times 2), not the loss itself',
      ...(example ? { counterexample: example } : {}),
    };
  },
});

const bayes = defineClaim({
  id: 'optimal-discriminator-is-bayes-posterior',
  source: src('This is the Bayes-optimal classifier for the binary task of distinguishing $p_{\\text{data}}$ from $p_G$. Given a point $x$ drawn with equal probability from either distribution, the posterior probability that it came from $p_{\\text{data}}$ is exactly $D^*(x)$.'),
  statement: 'Monte Carlo: points drawn with probability 1/2 from N(0,1) (real) or N(2,1) (generated); in each of 30 bins on [−2, 4] the share of real points has a 99.9% Wilson interval that must contain the formula applied to the bin masses',
  method: 'monte-carlo',
  expected: 'holds',
  subject: (p: number, q: number) => p / (p + q),
  mutant: { description: 'D* = q/(p+q)', subject: (p: number, q: number) => q / (p + q) },
  check: (formula, ctx) => {
    const n = ctx.size(60_000, 400_000);
    const bins = 30;
    const lo = -2;
    const hi = 4;
    const w = (hi - lo) / bins;
    const real = new Array<number>(bins).fill(0);
    const all = new Array<number>(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const isReal = ctx.rng.uniform() < 0.5;
      const x = isReal ? ctx.rng.normal() : 2 + ctx.rng.normal();
      const b = Math.floor((x - lo) / w);
      if (b < 0 || b >= bins) continue;
      all[b] = (all[b] as number) + 1;
      if (isReal) real[b] = (real[b] as number) + 1;
    }
    const z = 3.2905; // two-sided 99.9%
    let outside = 0;
    let worst = '';
    for (let b = 0; b < bins; b++) {
      const a = lo + b * w;
      const P = normalCdf(a + w) - normalCdf(a);
      const Q = normalCdf(a + w - 2) - normalCdf(a - 2);
      const m = all[b] as number;
      const ph = (real[b] as number) / m;
      const centre = (ph + (z * z) / (2 * m)) / (1 + (z * z) / m);
      const half = (z / (1 + (z * z) / m)) * Math.sqrt((ph * (1 - ph)) / m + (z * z) / (4 * m * m));
      const f = formula(P, Q);
      if (Math.abs(f - centre) > half) {
        outside++;
        if (worst === '') worst = `bin [${fmt(a)}, ${fmt(a + w)}): share real ${fmt(ph, 4)} ± ${fmt(half, 2)}, formula ${fmt(f, 4)}`;
      }
    }
    // at 99.9% per bin, more than 2 of 30 bins outside has probability < 5e-6 when the formula is right
    const ok = outside <= 2;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `${outside}/${bins} bins outside the 99.9% interval (${n} draws, seed ${ctx.seed})${worst ? `; ${worst}` : ''}`,
      numbers: { draws: n, bins, outside },
      ...(ok ? {} : { counterexample: worst }),
    };
  },
});

const cgContinuous = defineClaim({
  id: 'c-of-g-continuous',
  source: src('$$\\boxed{C(G) = 2 \\cdot \\text{JSD}(p_{\\text{data}} | p_G) - \\log 4}$$'),
  statement: 'V(D*, G) by certified quadrature of the D* form equals 2·JSD − ln 4 (JSD by its own certified quadrature) for Gaussian and mixture pairs, 30 digits',
  method: 'exact',
  expected: 'holds',
  subject: documentCg,
  mutant: { description: 'C(G) = JSD − log 4', subject: wrongCg },
  check: (f, ctx) => checkCg(f, ctx, 'gaussian'),
});

const klJsd = defineClaim({
  id: 'kl-asymmetric-infinite-jsd-bounded',
  source: src('KL divergence is asymmetric and infinite when $p_G$ assigns zero probability to regions where $p_{\\text{data}}$ is positive (mode dropping). JSD is symmetric and always finite'),
  statement: 'exact: KL(p‖q) ≠ KL(q‖p) on random pairs; KL(p_data‖p_G) = ∞ when p_G drops a mode of p_data; JSD symmetric and ≤ the claimed bound ln 2 on random pairs including disjoint ones',
  method: 'exact',
  expected: 'holds',
  subject: { jsdBound: LN2 as Dec },
  mutant: { description: 'JSD bound ln 2 / 2', subject: { jsdBound: LN2.div(2) as Dec } },
  check: (s, ctx) => {
    let asym = 0;
    let sym = 0;
    let bounded = 0;
    const n = ctx.size(10, 40);
    for (let i = 0; i < n; i++) {
      const k = 2 + (i % 5);
      const p = randomDist(ctx.rng, k, 0.3);
      const q = i % 4 === 0 ? p.map((_, j) => (j === 0 ? '1/1' : '0/1')) : randomDist(ctx.rng, k, 0.3);
      const a = kl(p, q, { digits: 20 });
      const b = klReverse(p, q, { digits: 20 });
      if (a.value !== b.value) asym++;
      const j1 = jsd(p, q, { digits: 30 });
      const j2 = jsd(q, p, { digits: 30 });
      if (j1.value === j2.value) sym++;
      if (new D(j1.upper).lte(s.jsdBound) || contains(j1, s.jsdBound)) bounded++;
    }
    const dropped = kl(['1/2', '1/2'], ['1/1', '0/1']);
    const reverse = kl(['1/1', '0/1'], ['1/2', '1/2']);
    const disjoint = jsd(['1/1', '0/1'], ['0/1', '1/1'], { digits: 30 });
    const disjointOk = contains(disjoint, s.jsdBound) || new D(disjoint.upper).lte(s.jsdBound);
    const ok = asym >= n / 2 && sym === n && bounded === n && dropped.value === 'inf' && reverse.value !== 'inf' && disjointOk;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `KL(p‖q) ≠ KL(q‖p) in ${asym}/${n}; KL(data‖G) with a dropped mode = ${dropped.value}, reverse ${fmt(Number(reverse.value))}; JSD symmetric ${sym}/${n}, within bound ${bounded}/${n}, disjoint JSD = ${disjoint.value.slice(0, 10)}`,
      numbers: { pairs: n, asymmetric: asym, symmetric: sym, bounded, disjointJsd: Number(disjoint.value) },
      ...(ok ? {} : { counterexample: `disjoint supports: JSD = ${disjoint.value.slice(0, 12)} vs bound ${s.jsdBound.toSignificantDigits(12).toString()}` }),
    };
  },
});

/** d/dt of f at t by a central difference. */
const deriv = (f: (t: number) => number, t: number, h = 1e-6) => (f(t + h) - f(t - h)) / (2 * h);

const saturatingGradient = defineClaim({
  id: 'saturating-gradient-small-in-d',
  source: src('The function $\\log(1 - d)$ is nearly flat near $d \\approx 0$, so its gradient $\\partial/\\partial d [\\log(1-d)] = -1/(1-d)$ is small in magnitude when $d \\approx 0$.'),
  statement: "the derivative formula against a central difference, and its magnitude at d = 10⁻³; the gradient with respect to D's logit (TensorFlow.js autodiff) at the same point",
  method: 'exact',
  expected: 'imprecise',
  subject: (d: number) => -1 / (1 - d),
  mutant: { description: 'derivative −1/(1+d)', subject: (d: number) => -1 / (1 + d) },
  check: (dformula) => {
    const d = 1e-3;
    const formulaRight = linspace(0.001, 0.9, 50).every((x) => Math.abs(dformula(x) - deriv((y) => Math.log(1 - y), x)) < 1e-6);
    const magnitude = Math.abs(dformula(d));
    const l = Math.log(d / (1 - d));
    const logitGrad = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.log(tf.sub(1, tf.sigmoid(x))))(tf.scalar(l)).dataSync()[0] as number);
    const smallInD = magnitude < 0.1;
    const smallInLogit = Math.abs(logitGrad) < 0.01;
    return {
      verdict: verdictOf({ asStated: formulaRight && smallInD, corrected: formulaRight && smallInLogit }),
      evidence: `formula ${formulaRight ? 'matches' : 'does not match'} the derivative; |∂/∂d log(1−d)| = ${fmt(magnitude, 4)} at d = 10⁻³ (not small); w.r.t. the logit it is ${fmt(logitGrad, 3)}`,
      numbers: { formulaRight, magnitudeInD: magnitude, gradientInLogit: logitGrad },
      correction: "the derivative in d is −1/(1−d) ≈ −1 near d = 0, not small; what vanishes is the gradient through the sigmoid, ∂/∂l log(1−σ(l)) = −σ(l) = −d → 0",
    };
  },
});

const nsGradient = defineClaim({
  id: 'non-saturating-gradient-strong',
  source: src('Near $d \\approx 0$, the gradient of $\\log d$ is $1/d$, which is large - providing strong signal when the discriminator is winning.'),
  statement: "the generator loss's gradient with respect to D's logit (TensorFlow.js autodiff) at d = 10⁻³ against d = 1/2: larger when D is winning; its d-derivative ≥ 100 in magnitude there",
  method: 'exact',
  expected: 'holds',
  subject: (d: tf.Tensor): tf.Tensor => tf.neg(tf.log(d)),
  mutant: { description: 'the saturating loss log(1 − d) in its place', subject: (d: tf.Tensor): tf.Tensor => tf.log(tf.sub(1, d)) },
  check: (loss) => {
    const at = (d: number) =>
      tf.tidy(() => {
        const l = Math.log(d / (1 - d));
        const gl = tf.grad((x: tf.Tensor) => loss(tf.sigmoid(x)))(tf.scalar(l)).dataSync()[0] as number;
        const gd = tf.grad((x: tf.Tensor) => loss(x))(tf.scalar(d)).dataSync()[0] as number;
        return { gl, gd };
      });
    const winning = at(1e-3);
    const even = at(0.5);
    const ok = Math.abs(winning.gl) > Math.abs(even.gl) && Math.abs(winning.gd) >= 100;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `|∂loss/∂logit| = ${fmt(Math.abs(winning.gl))} at d = 10⁻³ vs ${fmt(Math.abs(even.gl))} at d = 1/2; |∂loss/∂d| = ${fmt(Math.abs(winning.gd))} at 10⁻³`,
      numbers: { logitGradWinning: winning.gl, logitGradEven: even.gl, dGradWinning: winning.gd },
    };
  },
});

const sameFixedPoint = defineClaim({
  id: 'same-fixed-point-both-losses',
  source: src('The two objectives have the same Nash equilibrium (both are minimized at $D^* = 1/2$, $p_G = p_{\\text{data}}$) but have completely different gradient landscapes.'),
  statement: "with D = D*(p_G) the generator's objective under each loss, E_q[ℓ(D*)], is minimised at p_G = p_data (200 random and 200 nearby p_G, float64), where D* = 1/2",
  method: 'exact',
  expected: 'holds',
  subject: { saturating: (d: number) => Math.log(1 - d), nonSaturating: (d: number) => -Math.log(d) },
  mutant: { description: 'non-saturating replaced by log d', subject: { saturating: (d: number) => Math.log(1 - d), nonSaturating: (d: number) => Math.log(d) } },
  check: (losses, ctx) => {
    const p = randomDist(ctx.rng, 6).map(frac);
    const objective = (loss: (d: number) => number, q: number[]) => q.reduce((s, qi, i) => (qi > 0 ? s + qi * loss((p[i] as number) / ((p[i] as number) + qi)) : s), 0);
    const fails: string[] = [];
    for (const [name, loss] of Object.entries(losses)) {
      const atData = objective(loss, p);
      for (let t = 0; t < ctx.size(200, 1000); t++) {
        const near = t % 2 === 0;
        const raw = p.map((pi) => (near ? Math.max(1e-9, pi * (1 + 0.05 * (ctx.rng.uniform() - 0.5))) : ctx.rng.uniform()));
        const s = raw.reduce((a, b) => a + b, 0);
        const q = raw.map((x) => x / s);
        if (objective(loss, q) < atData - 1e-12) {
          fails.push(`${name}: q=(${q.map((x) => fmt(x)).join(',')}) gives ${fmt(objective(loss, q), 6)} < ${fmt(atData, 6)} at p_data`);
          break;
        }
      }
    }
    const ok = fails.length === 0;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `both objectives are minimised at p_G = p_data among ${2 * ctx.size(200, 1000)} candidates (saturating: −ln 4 + E_p ln D*, non-saturating: ln 2)` : (fails[0] as string),
      numbers: { candidates: 2 * ctx.size(200, 1000), failures: fails.length },
      ...(ok ? {} : { counterexample: fails[0] as string }),
    };
  },
});

const labelSmoothing = defineClaim({
  id: 'label-smoothing-caps-d',
  source: src('Label smoothing: replace the real label “1” with 0.9 to prevent the discriminator from becoming overconfident.'),
  statement: 'with real label α = 0.9 the pointwise optimal D is αP/(P+Q) (checked against golden-section maximisation of αP ln d + (1−α)P ln(1−d) + Q ln(1−d)), so D* ≤ 0.9 everywhere',
  method: 'exact',
  expected: 'holds',
  subject: (P: number, Q: number, alpha: number) => (alpha * P) / (P + Q),
  mutant: { description: 'D* = P/(P+Q) unchanged by smoothing', subject: (P: number, Q: number) => P / (P + Q) },
  check: (formula, ctx) => {
    const alpha = 0.9;
    let worst = 0;
    let maxD = 0;
    const n = ctx.size(200, 1000);
    for (let i = 0; i < n; i++) {
      const P = i % 25 === 0 ? 1 : ctx.rng.uniform();
      const Q = i % 25 === 0 ? 0 : ctx.rng.uniform();
      const f = (d: number) => alpha * P * Math.log(d) + ((1 - alpha) * P + Q) * Math.log(1 - d);
      let a = 1e-12;
      let b = 1 - 1e-12;
      const g = (Math.sqrt(5) - 1) / 2;
      for (let it = 0; it < 200; it++) {
        const c = b - g * (b - a);
        const d = a + g * (b - a);
        if (f(c) > f(d)) b = d;
        else a = c;
      }
      const argmax = (a + b) / 2;
      worst = Math.max(worst, Math.abs(formula(P, Q, alpha) - argmax));
      maxD = Math.max(maxD, argmax);
    }
    const ok = worst < 1e-6 && maxD <= alpha + 1e-6;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `formula vs numerical maximiser: worst gap ${fmt(worst)} over ${n} (P, Q); largest optimal D ${fmt(maxD, 6)} (≤ 0.9)`,
      numbers: { pairs: n, worstGap: worst, largestOptimalD: maxD },
    };
  },
});

const jsdSaturates = defineClaim({
  id: 'jsd-saturates-w1-does-not',
  source: src('When supports are disjoint, the JSD equals the constant $\\log 2$ regardless of how close the distributions are geometrically. … Even when the piles don’t overlap, the distance is finite and varies smoothly as the generator pile moves.'),
  statement: 'P = U[0,1], Q = P shifted by t: JSD (certified, 30 digits) equals the claimed constant ln 2 for every t ≥ 1, increases for t < 1, and W1 = t exactly',
  method: 'exact',
  expected: 'holds',
  subject: { saturation: LN2 as Dec },
  mutant: { description: 'saturation at 1 (bits and nats confused)', subject: { saturation: new D(1) as Dec } },
  check: (s, ctx) => {
    const ts = ['0', '1/8', '1/4', '1/2', '3/4', '1', '5/4', '3/2', '2', '3', '4', '6'];
    const rows = shiftSeries('uniform', 1, ctx.quick ? ts.filter((_, i) => i % 2 === 0 || i > 6) : ts, { digits: 30 });
    let constant = 0;
    let disjoint = 0;
    let w1Exact = 0;
    let increasing = true;
    let prev = -1;
    for (const r of rows) {
      const t = frac(r.t);
      if (t >= 1) {
        disjoint++;
        if (contains(r.jsd, s.saturation)) constant++;
      } else {
        const v = Number(r.jsd.value);
        if (!(v > prev)) increasing = false;
        prev = v;
      }
      if (new D(r.w1.value).eq(new D(t))) w1Exact++;
    }
    const ok = constant === disjoint && increasing && w1Exact === rows.length;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `JSD = ${rows[rows.length - 1]?.jsd.value.slice(0, 10)} at ${constant}/${disjoint} disjoint shifts (claimed ${s.saturation.toSignificantDigits(8).toString()}); W1 = t exactly at ${w1Exact}/${rows.length}`,
      numbers: { shifts: rows.length, disjoint, saturated: constant, w1Exact },
      plots: [shiftPlot(rows.map((r) => ({ t: frac(r.t), jsd: Number(r.jsd.value), w1: Number(r.w1.value) })), 'uniform, width 1', 'shift-uniform')],
      ...(ok ? {} : { counterexample: `JSD at disjoint supports is ${rows[rows.length - 1]?.jsd.value.slice(0, 12)}` }),
    };
  },
});

const krDuality = defineClaim({
  id: 'kantorovich-rubinstein-duality',
  source: src('by the Kantorovich-Rubinstein duality theorem, there is an equivalent formulation: $$W_1(P, Q) = \\sup_{|f|L \\leq 1} \\left[ \\mathbb{E}{x \\sim P}[f(x)] - \\mathbb{E}_{x \\sim Q}[f(x)] \\right]$$'),
  statement: "random discrete P, Q on the line: the dual value of theory's 1-Lipschitz witness (exactly 1-Lipschitz, checked) equals the cost of the monotone (north-west corner) coupling, computed here independently; equal values certify both optimal",
  method: 'exact',
  expected: 'holds',
  subject: (f: Rational[], p: Rational[], q: Rational[]): Rational => p.reduce((s, pi, i) => add(s, mul(sub(pi, q[i] as Rational), f[i] as Rational)), ZERO),
  mutant: { description: 'E_P f + E_Q f', subject: (f: Rational[], p: Rational[], q: Rational[]): Rational => p.reduce((s, pi, i) => add(s, mul(add(pi, q[i] as Rational), f[i] as Rational)), ZERO) },
  check: (dual, ctx) => {
    const n = ctx.size(20, 100);
    let equal = 0;
    let example = '';
    for (let t = 0; t < n; t++) {
      const k = 2 + (t % 7);
      const p = randomDist(ctx.rng, k, 0.2);
      const q = randomDist(ctx.rng, k, 0.2);
      const xs: number[] = [];
      let x = 0;
      for (let i = 0; i < k; i++) xs.push((x += 1 + Math.floor(ctx.rng.uniform() * 5)));
      const r = w1Exact(p, q, xs);
      const P = p.map((v) => toRational(v, 'check', 'p'));
      const Q = q.map((v) => toRational(v, 'check', 'q'));
      const X = xs.map((v) => toRational(v, 'check', 'x'));
      const lipschitz = r.witness.every((f, i) => i === 0 || cmp(abs(sub(f, r.witness[i - 1] as Rational)), sub(X[i] as Rational, X[i - 1] as Rational)) <= 0);
      const coupling = northWest(P, Q, X);
      const d = dual([...r.witness], P, Q);
      if (lipschitz && cmp(d, coupling) === 0) equal++;
      else if (example === '') example = `P=(${p}) Q=(${q}) x=(${xs}): dual ${d.num}/${d.den}, coupling cost ${coupling.num}/${coupling.den}`;
    }
    const ok = equal === n;
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: ok ? `dual value = coupling cost exactly on ${n}/${n} random pairs (witness 1-Lipschitz)` : example,
      numbers: { pairs: n, equal },
      ...(ok ? {} : { counterexample: example }),
    };
  },
});

/** Cost of the monotone coupling of P and Q on sorted points X (optimal on the line). */
function northWest(P: Rational[], Q: Rational[], X: Rational[]): Rational {
  const a = [...P];
  const b = [...Q];
  let i = 0;
  let j = 0;
  let cost = ZERO;
  while (i < a.length && j < b.length) {
    if ((a[i] as Rational).num === 0n) { i++; continue; }
    if ((b[j] as Rational).num === 0n) { j++; continue; }
    const m = cmp(a[i] as Rational, b[j] as Rational) <= 0 ? (a[i] as Rational) : (b[j] as Rational);
    cost = add(cost, mul(m, abs(sub(X[i] as Rational, X[j] as Rational))));
    a[i] = sub(a[i] as Rational, m);
    b[j] = sub(b[j] as Rational, m);
  }
  return cost;
}

type Sampler = 'independent' | 'optimal-coupling';
const gpUnitNorm = defineClaim({
  id: 'gradient-penalty-unit-norm',
  source: src('the optimal transport function has $|\\nabla f|_2 = 1$ along transport paths. So we penalize deviations from norm 1 along straight lines between real and generated samples'),
  statement: "P = ½U[0,1] + ½U[5,6], Q = ½U[0,1] + ½U[7,8]: every optimal critic has f′ = −sign(F_P − F_Q) where F_P ≠ F_Q and is free (any slope in [−1, 1]) where F_P = F_Q; share of interpolates x̂ = εx + (1−ε)y at which optimality forces |f′(x̂)| = 1, for pairs drawn as the subject says, and along the optimal coupling's transport paths",
  method: 'monte-carlo',
  expected: 'holds-under-conditions',
  subject: 'independent' as Sampler,
  mutant: { description: 'interpolates along the optimal coupling', subject: 'optimal-coupling' as Sampler },
  check: (sampler, ctx) => {
    const FP = (x: number) => 0.5 * clamp01(x) + 0.5 * clamp01(x - 5);
    const FQ = (x: number) => 0.5 * clamp01(x) + 0.5 * clamp01(x - 7);
    // Every optimal critic has f′ = −sign(F_P − F_Q) wherever F_P ≠ F_Q (the transport moves mass
    // across x there); where F_P = F_Q nothing crosses x and any slope in [−1, 1] is optimal (f(x) = −x
    // is one optimal critic). So |∇f| = 1 is forced by optimality exactly where F_P ≠ F_Q.
    const slope = (x: number) => (FP(x) !== FQ(x) ? 1 : 0);
    const invP = (u: number) => (u < 0.5 ? 2 * u : 5 + 2 * (u - 0.5));
    const invQ = (u: number) => (u < 0.5 ? 2 * u : 7 + 2 * (u - 0.5));
    const n = ctx.size(20_000, 200_000);
    const shareFor = (s: Sampler) => {
      let unit = 0;
      let counted = 0;
      for (let i = 0; i < n; i++) {
        const u = ctx.rng.uniform();
        const x = invP(u);
        const y = s === 'independent' ? invQ(ctx.rng.uniform()) : invQ(u);
        if (x === y) continue; // a path of length 0 moves nothing
        const e = ctx.rng.uniform();
        counted++;
        if (slope(e * x + (1 - e) * y) === 1) unit++;
      }
      return unit / counted;
    };
    const stated = shareFor(sampler);
    const onPaths = shareFor('optimal-coupling');
    return {
      verdict: verdictOf({ asStated: stated > 0.99, underConditions: onPaths > 0.99 }),
      evidence: `|∇f| = 1 forced for every optimal critic at ${pct(stated)} of ${sampler} interpolates, at ${pct(onPaths)} of points on the optimal coupling's transport paths (${n} draws)`,
      numbers: { draws: n, shareUnitStated: stated, shareUnitOnPaths: onPaths },
      conditions: "on the optimal coupling's transport paths; between independently drawn real and generated samples optimality does not force a unit norm where P and Q already agree (any slope in [−1, 1] is optimal there), so the penalty constrains the critic beyond what the theory says",
      counterexample: `x̂ in (1, 5), between a real point in [0,1] and a generated one in [0,1] or [7,8]: both f′ = 0 and f′ = −1 give optimal critics there`,
    };
  },
});
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

const floatPrecision = defineClaim({
  id: 'non-saturating-float-precision',
  source: src('Even the non-saturating loss suffers: when $\\log D(G(z))$ becomes very negative, floating-point representations lose precision.'),
  statement: "float32 (TensorFlow.js) −log D(G(z)) at logits −10…−120: computed as −log(sigmoid(l)) (probability form, the subject) against the exact value log(1 + e^{−l}) (float64); and in the logit form softplus(−l)",
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: (l: tf.Tensor): tf.Tensor => tf.neg(tf.log(tf.sigmoid(l))),
  mutant: { description: 'the loss computed in logit form, softplus(−l)', subject: (l: tf.Tensor): tf.Tensor => tf.softplus(tf.neg(l)) },
  check: (loss) => {
    const logits = [-10, -20, -40, -60, -80, -90, -100, -110, -120];
    const exact = logits.map((l) => -l + Math.log1p(Math.exp(l)));
    const rel = (f: (t: tf.Tensor) => tf.Tensor) => {
      const got = tf.tidy(() => Array.from(f(tf.tensor1d(logits)).dataSync()));
      return got.map((g, i) => (Number.isFinite(g) ? Math.abs(g - (exact[i] as number)) / (exact[i] as number) : Infinity));
    };
    const stated = rel(loss);
    const logitForm = rel((l) => tf.softplus(tf.neg(l)));
    const lost = stated.filter((e) => e > 1e-3).length;
    const logitLost = logitForm.filter((e) => e > 1e-3).length;
    const first = logits[stated.findIndex((e) => e > 1e-3)];
    return {
      // as stated, the loss itself loses precision, however it is computed: then the logit form would lose it too
      verdict: verdictOf({ asStated: lost > 0 && logitLost > 0, underConditions: lost > 0 && logitLost === 0 }),
      evidence: `probability form: precision lost at ${lost}/${logits.length} logits${first !== undefined ? ` (from l = ${first})` : ''}; logit form: at ${logitLost}`,
      numbers: { logits: logits.length, lostStated: lost, lostLogitForm: logitLost },
      conditions: 'only when the loss is computed from the probability D = σ(l) in float32 (σ underflows near l = −88 and the log is −∞); the logit form softplus(−l), used by the trainer and by BCEWithLogits, keeps full precision',
    };
  },
});

const RING: Setup = { preset: 'ring8', overrides: { gHidden: [32, 32], dHidden: [32, 32], batch: 64, logEvery: 500 }, population: [8, 8], steps: [1000, 3000], stages: [[8], [8, 16]] };
/** A generator with one hidden ReLU unit: its outputs lie on a ray, so it can reach at most two of the ring's modes. */
const RING_NARROW_G: Setup = { ...RING, overrides: { ...RING.overrides, gHidden: [1] } };
const RING_MODES = Array.from({ length: 8 }, (_, i) => [Math.cos((2 * Math.PI * i) / 8), Math.sin((2 * Math.PI * i) / 8)]).flat();

const modeCollapse = defineClaim({
  id: 'mode-collapse-ring8',
  source: src('Mode collapse is the most common failure: the generator produces a narrow range of outputs that fool the discriminator, but ignores large portions of the true data distribution.'),
  statement:
    'ring8 (8 modes, σ = 0.01), non-saturating GAN, G and D with two hidden layers of 32, Adam 1e-3 β₁ ½, batch 64, 3000 steps: among seeds that miss modes, the share whose output is narrow (covariance trace below half the data’s: collapse) rather than wide (undertrained) exceeds ½ (Clopper–Pearson, 8 → 16 seeds)',
  method: 'population',
  expected: 'inconclusive',
  subject: { setup: RING, kind: 'collapse' as FailureKind },
  mutant: { description: "a wrong setup: the statistic on grid25's GAN (same networks and training), whose failing seeds are diffuse, not collapsed", subject: { setup: GRID, kind: 'collapse' as FailureKind } },
  positive: { description: 'a generator with a single hidden ReLU unit (outputs on a ray), which cannot cover the ring', subject: { setup: RING_NARROW_G, kind: 'collapse' as FailureKind } },
  check: (subject, ctx) => checkModeCollapse(subject, ctx, subject.setup.preset === 'ring8' ? 'ring8-modes' : 'ring8-mutant-modes'),
});

type LrPair = { lrD: number; lrG: number };
const SEPARATE_BASE: Setup = { preset: 'seed-toy', population: [16, 32], overrides: { logEvery: 50 }, stages: [[16, 32], [32, 64, 128]] };
const separateLr = defineClaim({
  id: 'separate-learning-rates',
  source: src('Separate learning rates: often $\\eta_D < \\eta_G$ to keep the discriminator from running too far ahead.'),
  statement:
    "seed toy, the subject's η_D, η_G against η_D = η_G = 0.01, same seeds (paired): how far D is ahead early on, ln 4 − D_loss averaged over the logged steps 50–300 (positive when D beats the coin flip); the claim is that the median paired difference (subject − equal) is below 0, decided by its order-statistic interval (32 → 64 → 128 seeds)",
  method: 'population',
  expected: 'inconclusive',
  subject: { lrD: 0.001, lrG: 0.01 } as LrPair,
  mutant: { description: 'the opposite setting, η_D > η_G (η_D = 0.1, η_G = 0.01)', subject: { lrD: 0.1, lrG: 0.01 } as LrPair },
  positive: { description: 'η_D = 1e-5 ≪ η_G = 0.01, a discriminator that can hardly learn', subject: { lrD: 1e-5, lrG: 0.01 } as LrPair },
  check: async (lr, ctx) => {
    const alt: Setup = { ...SEPARATE_BASE, overrides: { ...SEPARATE_BASE.overrides, lrD: lr.lrD, lrG: lr.lrG } };
    const ahead = (pop: Population) =>
      pop.final.map((_, k) => {
        const xs = pop.logs.filter((l) => (l[0]?.step as number) >= 50 && (l[0]?.step as number) <= 300).map((l) => Math.log(4) - (l[k]?.dLoss as number));
        return xs.reduce((a, b) => a + b, 0) / xs.length;
      });
    const r = await sequential(ctx, SEPARATE_BASE, async (base, level) => {
      const other = await population(ctx, alt, base.final.length);
      const a0 = ahead(base);
      const diff = ahead(other).map((x, i) => x - (a0[i] as number));
      return { ...lookAt(medianEvidence(diff, level, 'median paired difference in how far D is ahead (nats)', 0), 'below'), other };
    });
    return {
      verdict: r.verdict,
      evidence: `D ahead by (η_D = ${lr.lrD}, η_G = ${lr.lrG}) − (both 0.01): ${showMedian(r.interval)} nats; the claim needs it below 0`,
      numbers: { medianDifference: r.interval.estimate, low: r.interval.low, high: r.interval.high, seeds: r.interval.n, lrD: lr.lrD, lrG: lr.lrG },
      interval: r.interval,
      plots: [convergencePlot(r.other, 'convergence-separate-lr')],
    };
  },
});

/** Arjovsky, Chintala & Bottou (2017), Algorithm 1: RMSProp, α = 5·10⁻⁵, clipping c = 0.01, n_critic = 5, m = 64. */
const WGAN_CLIP: Setup = { preset: 'seed-toy', overrides: { loss: 'wgan', optimizer: 'rmsprop', beta2: 0.99, lrD: 5e-5, lrG: 5e-5, clip: 0.01, dSteps: 5, batch: 64, logEvery: 100 }, population: [4, 8], steps: [1000, 2000], stages: [[4, 8], [8, 16]] };
/** Gulrajani et al. (2017), Algorithm 1: Adam α = 10⁻⁴, β = (0, 0.9), λ = 10, n_critic = 5, m = 64. */
const WGAN_GP: Setup = { preset: 'seed-toy', overrides: { loss: 'wgan-gp', lrD: 1e-4, lrG: 1e-4, beta1: 0, beta2: 0.9, gpWeight: 10, dSteps: 5, batch: 64, logEvery: 100 }, population: [4, 8], steps: [1000, 2000], stages: [[4, 8], [8, 16]] };
/** The document's toy GAN logged every 100 steps for 2000 steps: the "standard GAN discriminator loss" the sentence contrasts. */
const GAN_TOY: Setup = { preset: 'seed-toy', overrides: { logEvery: 100 }, population: [4, 8], steps: [1000, 2000], stages: [[4, 8], [8, 16]] };
type Estimate = 'held-out' | 'gan-loss' | 'optimal';
const criticTracks = defineClaim({
  id: 'wgan-critic-tracks-w1',
  source: src('The critic loss $\\mathbb{E}{p{\\text{data}}}[f] - \\mathbb{E}{p_z}[f(G(z))]$ estimates $W_1(p{\\text{data}}, p_G)$ and decreases monotonically with sample quality'),
  statement:
    "on the toy, with each paper's own setup (WGAN: RMSProp 5e-5, clip 0.01; WGAN-GP: Adam 1e-4, β (0, 0.9), λ 10; both 5 critic steps, batch 64, 2000 steps): per seed, the critic's estimate E f(x) − E f(G(z)) on 4096 held-out samples without the penalty, against the exact W1(p_G, N(3,1)) at the logged steps after the first. A seed tracks W1 when Spearman ρ ≥ 0.9, and estimates it when the final estimate is within a factor 2 of W1. Claim as stated: the share of seeds that do both exceeds ½ (Clopper–Pearson, 8 → 16 seeds); corrected: the share that track W1 (up to scale)",
  method: 'population',
  expected: 'imprecise',
  subject: { estimate: 'held-out' as Estimate },
  mutant: { description: 'the wrong loss: the standard GAN discriminator loss (ln 4 − L_D of the toy GAN), which the sentence itself says is uninterpretable', subject: { estimate: 'gan-loss' as Estimate } },
  positive: { description: "a critic at optimality: the Kantorovich potential of each logged generator, whose value is W1 exactly (duality)", subject: { estimate: 'optimal' as Estimate } },
  check: async ({ estimate }, ctx) => {
    const judge = (pop: Population, level: number) => {
      const perSeed = pop.final.map((f, k) => {
        const ls = pop.logs.slice(1);
        const est = (m: MemberLog | undefined) => (estimate === 'held-out' ? (m?.criticEstimate as number) : estimate === 'gan-loss' ? Math.log(4) - (m?.dLoss as number) : (m?.w1 as number));
        const w = ls.map((l) => l[k]?.w1 as number);
        const e = ls.map((l) => est(l[k]));
        const rho = new Set(e).size > 1 ? spearman(e, w).estimate : 0;
        const ratio = est(f) / (f.w1 as number);
        return { rho, ratio, tracks: rho >= 0.9, scaled: ratio >= 0.5 && ratio <= 2 };
      });
      const both = shareEvidence(perSeed.filter((x) => x.tracks && x.scaled).length, perSeed.length, level, 'share of seeds whose critic tracks W1 (ρ ≥ 0.9) and estimates it (within a factor 2)', 0.5);
      const tracks = shareEvidence(perSeed.filter((x) => x.tracks).length, perSeed.length, level, 'share of seeds whose critic tracks W1 (ρ ≥ 0.9)', 0.5);
      const a = lookAt(both, 'above').verdict;
      const t = lookAt(tracks, 'above').verdict;
      const verdict: Verdict = a === 'holds' ? 'holds' : t === 'holds' && a === 'refuted' ? 'imprecise' : t === 'refuted' && a === 'refuted' ? 'refuted' : 'inconclusive';
      return { verdict, interval: both, tracks, perSeed };
    };
    const runs: { name: string; r: Awaited<ReturnType<typeof sequential<ReturnType<typeof judge>>>> }[] = [];
    const setups = estimate === 'gan-loss' ? ([['gan (ns)', GAN_TOY]] as const) : ([['wgan', WGAN_CLIP], ['wgan-gp', WGAN_GP]] as const);
    for (const [name, setup] of setups) runs.push({ name, r: await sequential(ctx, setup, judge) });
    const cells: GridCell[] = runs.map(({ name, r }) => ({ settings: { loss: name }, verdict: r.verdict, interval: r.interval }));
    const verdicts = new Set(cells.map((c) => c.verdict));
    const verdict: Verdict = verdicts.has('holds') ? (verdicts.size === 1 ? 'holds' : 'holds-under-conditions') : verdicts.has('imprecise') ? 'imprecise' : verdicts.has('inconclusive') ? 'inconclusive' : 'refuted';
    const line = ({ name, r }: (typeof runs)[number]) =>
      `${name}: ${showShare(r.tracks)} track W1, ${showShare(r.interval)} also on scale (median ρ ${fmt(median(r.perSeed.map((x) => x.rho)))}, median estimate/W1 ${fmt(median(r.perSeed.map((x) => x.ratio)))})`;
    const best = runs.find((x) => x.r.verdict === verdict) ?? runs[0];
    return {
      verdict,
      evidence: runs.map(line).join('; '),
      numbers: Object.fromEntries(runs.flatMap(({ name, r }) => [[`${name} tracking share`, r.tracks.estimate], [`${name} on-scale share`, r.interval.estimate], [`${name} median rho`, median(r.perSeed.map((x) => x.rho))], [`${name} median estimate/W1`, median(r.perSeed.map((x) => x.ratio))]])),
      interval: (best as (typeof runs)[number]).r.interval,
      grid: cells,
      conditions: conditionsFrom(cells),
      correction:
        "with weight clipping the critic's value tracks W1 but only up to a scale K ≪ 1 (the clipped critic is K-Lipschitz, as Arjovsky et al. note: it estimates K·W1); with the gradient penalty it is on scale but, in 1-D, the critic can settle with the wrong sign of slope and then moves against W1",
      plots: runs.map((x) => convergencePlot(x.r.pop, `convergence-${x.name.replace(/\W+/g, '-')}`)),
    };
  },
});

export const DOC002: AnyClaim[] = [vIsBce, bayes, cgContinuous, klJsd, saturatingGradient, nsGradient, sameFixedPoint, labelSmoothing, jsdSaturates, krDuality, gpUnitNorm, floatPrecision, modeCollapse, separateLr, criticTracks];
export { RING, RING_MODES };

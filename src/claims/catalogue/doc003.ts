/** Claims of seed document 003 (ML-methods notes: failure modes, maximin, heuristics, exercises). */
import { shiftSeries } from '../../theory/gaussian.js';
import { value } from '../../theory/index.js';
import { generatorPieces, pushforwardDensity } from '../../train/pushforward.js';
import { defineClaim, notCheckable, verdictOf, type AnyClaim, type Verdict } from '../define.js';
import { lookAt, sequential } from '../experiments.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { convergedToy, tabularNash, type ConvergedMember } from '../checks/converged.js';
import { confidentGradients } from './shared.js';
import { D, DOC3, fmt, randomDist, randomTable } from '../util.js';
import { TOY_SEQ } from './doc000.js';

const src = (quote: string) => ({ doc: DOC3, quote });

const jsdGradient = defineClaim({
  id: 'jsd-zero-gradient-disjoint',
  source: src('When and have disjoint supports (common in high dimensions), the JSD saturates at , providing zero gradient to the generator. This is the vanishing gradient problem of GANs.'),
  statement: 'd/dt JSD(N(0,1) ‖ N(t,1)) by certified JSD at t ± 1/1000 (Gaussians: supports overlap) for growing t, against the uniform case U[0,1] vs U[t, t+1] with disjoint supports (exactly 0)',
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: { family: 'gaussian' as 'gaussian' | 'uniform' },
  mutant: { description: 'only disjoint uniforms examined', subject: { family: 'uniform' as 'gaussian' | 'uniform' } },
  check: (s, ctx) => {
    const ts = ctx.quick ? [2, 6] : [2, 4, 6, 8];
    const grad = (family: 'gaussian' | 'uniform', t: number) => {
      const rows = shiftSeries(family, 1, [`${t * 1000 - 1}/1000`, `${t * 1000 + 1}/1000`], { digits: 30 });
      return new D((rows[1] as { jsd: { value: string } }).jsd.value).minus((rows[0] as { jsd: { value: string } }).jsd.value).div(new D(2).div(1000)).toNumber();
    };
    const stated = ts.map((t) => grad(s.family, t));
    const disjoint = ts.map((t) => grad('uniform', t));
    const zeroStated = stated.every((g) => g === 0);
    return {
      verdict: verdictOf({ asStated: zeroStated, underConditions: disjoint.every((g) => g === 0) }),
      evidence: `${s.family}: dJSD/dt = ${stated.map((g, i) => `${fmt(g)} at t=${ts[i]}`).join(', ')}; disjoint uniforms: ${disjoint.map((g) => fmt(g)).join(', ')}`,
      numbers: Object.fromEntries(ts.map((t, i) => [`gradient t=${t}`, stated[i] as number])),
      conditions: 'exactly zero only for truly disjoint supports; for distributions with full support (Gaussians) the gradient is positive, though it decays like e^{−t²/8}',
    };
  },
});

const maximin = defineClaim({
  id: 'maximin-generator-single-mode',
  source: src('The minimax solution (where plays first) is , but the maximin solution (where plays first) can concentrate on a single mode.'),
  statement: "tabular games: against a discriminator table D that moves first, the generator's best reply (certified V over all point masses and 50 random p_G) is a point mass on argmax D",
  method: 'exact',
  expected: 'holds',
  subject: (d: number[], p: string[]): string[] => { const j = d.indexOf(Math.max(...d)); return p.map((_, i) => (i === j ? '1/1' : '0/1')); },
  mutant: { description: 'best reply p_G = p_data', subject: (_d: number[], p: string[]): string[] => p },
  check: (reply, ctx) => {
    let ok = 0;
    const n = ctx.size(5, 20);
    let example = '';
    for (let t = 0; t < n; t++) {
      const k = 3 + (t % 4);
      const p = randomDist(ctx.rng, k);
      const d = randomTable(ctx.rng, k);
      const dn = d.map((x) => Number(x.split('/')[0]) / 64);
      if (new Set(dn).size < dn.length) continue; // a tie in argmax D has several best replies
      const r = reply(dn, p);
      const vr = new D(value(p, r, d, { digits: 30 }).upper);
      const rivals = [...p.map((_, i) => p.map((_, j) => (i === j ? '1/1' : '0/1'))), ...Array.from({ length: 50 }, () => randomDist(ctx.rng, k))];
      const beaten = rivals.find((q) => new D(value(p, q, d, { digits: 30 }).lower).lt(vr) && q.join() !== r.join());
      if (beaten === undefined) ok++;
      else if (example === '') example = `D=(${d}): p_G=(${beaten}) gives lower V than the reply (${r})`;
    }
    return {
      verdict: verdictOf({ asStated: example === '' && ok > 0 }),
      evidence: example === '' ? `the point mass on argmax D is the generator's best reply in ${ok}/${ok} games` : example,
      numbers: { games: ok },
      ...(example ? { counterexample: example } : {}),
    };
  },
});

type Hover = { kind: 'toy'; level: number } | { kind: 'tabular-nash'; level: number };
const dLossHover = defineClaim({
  id: 'discriminator-loss-near-log4',
  source: src('Good GAN training has the discriminator loss hovering near (random guessing).'),
  statement:
    "as stated (good training ⇒ D loss near ln 4, the loss of D ≡ ½): among the toy's seeds whose training was good (final W1 < 0.5 to N(3,1)), the share whose D loss, averaged over the last 40% of training, is within 0.1 of ln 4 exceeds ½ (Clopper–Pearson, 64 → 128 → 256 seeds). The converse (near ln 4 ⇒ good) is reported, not judged",
  method: 'population',
  expected: 'holds',
  subject: { kind: 'toy', level: Math.log(4) } as Hover,
  mutant: { description: 'a wrong level: the loss hovers near ln 2', subject: { kind: 'toy', level: Math.log(2) } as Hover },
  positive: { description: 'the tabular GAN at its Nash point (G frozen at p_data, D trained alone): L_D → ln 4 by the theory', subject: { kind: 'tabular-nash', level: Math.log(4) } as Hover },
  check: async (s, ctx) => {
    const band = 0.1;
    const near = (m: ConvergedMember) => Math.abs(m.lateDLoss - s.level) <= band;
    const what = `share of good seeds with late D loss within ${band} of ${fmt(s.level, 4)}`;
    let converse = '';
    const r =
      s.kind === 'toy'
        ? await sequential(ctx, TOY_SEQ, (pop, level) => {
            const good = convergedToy(pop, 0.5, [1, 5]);
            const all = convergedToy(pop, Infinity, [1, 5]);
            const hovering = all.filter(near);
            const goodSeeds = new Set(good.map((m) => m.seed));
            converse = `; conversely only ${hovering.filter((m) => goodSeeds.has(m.seed)).length} of the ${hovering.length} seeds near ${fmt(s.level, 4)} are good`;
            if (good.length === 0) return { verdict: 'inconclusive' as Verdict, interval: { statistic: 'no good seed', estimate: 0, low: 0, high: 1, level, n: 0, threshold: 0.5 } };
            return lookAt(shareEvidence(good.filter(near).length, good.length, level, what, 0.5), 'above');
          })
        : { ...lookAt(shareEvidence((await tabularNash(ctx, ctx.size(8, 16))).filter(near).length, ctx.size(8, 16), 0.95, what, 0.5), 'above'), pop: null };
    const seeds = r.pop ? `${r.pop.final.length} seeds` : `${ctx.size(8, 16)} tabular members`;
    return {
      verdict: r.verdict,
      evidence: `${r.interval.n ? showShare(r.interval, 'good seeds') : 'no good seed'} hover within ${band} of ${fmt(s.level, 4)} (${seeds})${converse}`,
      numbers: { good: r.interval.n, share: r.interval.estimate, low: r.interval.low, high: r.interval.high },
      interval: r.interval,
    };
  },
});

const noDensity = defineClaim({
  id: 'gans-have-no-density',
  source: src('Unlike VAEs or normalizing flows, GANs do not produce an explicit density . You can sample from the generator but cannot evaluate the probability of a given sample.'),
  statement: "a random 1-16-1 ReLU generator of N(0,1) noise: its exact pushforward density (train/pushforward.ts) against 20,000 samples (probabilities of 20 intervals, 99.9% intervals);",
  method: 'monte-carlo',
  expected: 'imprecise',
  subject: { densityEvaluable: false },
  mutant: { description: 'claim that every GAN has an evaluable density', subject: { densityEvaluable: true } },
  check: (s, ctx) => {
    const rng = ctx.rng;
    const W1 = Array.from({ length: 16 }, () => 2 * rng.uniform() - 1);
    const b1 = Array.from({ length: 16 }, () => 2 * rng.uniform() - 1);
    const W2 = Array.from({ length: 16 }, () => (2 * rng.uniform() - 1) / 4);
    const b2 = [0];
    const G = (z: number) => W2.reduce((a, w, j) => a + w * Math.max(0, (W1[j] as number) * z + (b1[j] as number)), b2[0] as number);
    const density = pushforwardDensity(generatorPieces([{ W: W1, b: b1, fin: 1, fout: 16 }, { W: W2, b: b2, fin: 16, fout: 1 }]));
    const n = 20_000;
    const xs = Array.from({ length: n }, () => G(rng.normal())).sort((a, b) => a - b);
    const lo = xs[Math.floor(n * 0.02)] as number;
    const hi = xs[Math.floor(n * 0.98)] as number;
    let outside = 0;
    for (let b = 0; b < 20; b++) {
      const a = lo + ((hi - lo) * b) / 20;
      const c = lo + ((hi - lo) * (b + 1)) / 20;
      let mass = 0;
      const m = 200;
      for (let i = 0; i < m; i++) mass += (density(a + ((c - a) * (i + 0.5)) / m) * (c - a)) / m;
      const count = xs.filter((x) => x >= a && x < c).length;
      const se = Math.sqrt((mass * (1 - mass)) / n);
      if (Math.abs(count / n - mass) > 3.29 * se + 1e-3) outside++;
    }
    const densityMatches = outside <= 1;
    return {
      verdict: verdictOf({ asStated: s.densityEvaluable === densityMatches, corrected: densityMatches }),
      evidence: `exact pushforward density of a 1-D ReLU generator matches 20,000 samples (${outside}/20 intervals outside 99.9%)`,
      numbers: { intervalsOutside: outside, densityMatches },
      correction: 'GAN training never needs p_G, and when the latent dimension is below the data dimension p_G has no density at all; but for a generator from ℝ to ℝ (or an invertible one) the density exists and can be evaluated exactly',
      counterexample: 'a 1-16-1 ReLU generator: p_G(x) = Σ φ((x − c)/a)/|a| over its linear pieces',
    };
  },
});

const exerciseGradient = defineClaim({
  id: 'saturating-gradient-vanishes-exercise',
  source: src('Explain why the standard GAN generator gradient vanishes when the discriminator is too good. Specifically, if for all , what is the gradient ? How does the non-saturating loss help?'),
  statement: "through the trainer's own loss code (gLossOf, logit form) and TensorFlow.js autodiff: ‖∇_θ L_G‖ for G(z) = a·z + b against a confident D (D(G(z)) ≈ e^−12), the subject's loss against the non-saturating one",
  method: 'trainer',
  expected: 'holds',
  subject: 'saturating' as 'saturating' | 'ns',
  mutant: { description: 'non-saturating loss examined', subject: 'ns' as 'saturating' | 'ns' },
  check: (loss) => {
    const stated = confidentGradients(loss, 12);
    const ns = confidentGradients('ns', 12);
    const ratio = stated.norm / ns.norm;
    return {
      verdict: verdictOf({ asStated: ratio < 1e-3 }),
      evidence: `mean D(G(z)) = ${fmt(stated.dOfFake)}; ‖∇θ‖ = ${fmt(stated.norm)} (${loss}) vs ${fmt(ns.norm)} (non-saturating): ratio ${fmt(ratio)}`,
      numbers: { dOfFake: stated.dOfFake, gradNorm: stated.norm, gradNormNs: ns.norm, ratio },
    };
  },
});

const diffusion = defineClaim({
  id: 'diffusion-replaced-gans',
  source: src('For image generation, diffusion models have largely superseded GANs since 2021.'),
  statement: 'a historical and empirical claim about image models',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'an empirical claim about large image models and the field since 2021; it needs benchmarks of trained image models, not mathematics',
  check: notCheckable('an empirical claim about large image models and the field since 2021; it needs benchmarks of trained image models, not mathematics'),
});

const fid = defineClaim({
  id: 'fid-measures-distributions',
  source: src('Frechet Inception Distance (FID) compares the statistics (mean and covariance of Inception features) of generated and real image sets.'),
  statement: 'a claim about a metric on Inception-network features of images',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'needs the Inception network and image sets; outside what this toolkit computes',
  check: notCheckable('needs the Inception network and image sets; outside what this toolkit computes'),
});

export const DOC003: AnyClaim[] = [jsdGradient, maximin, dLossHover, noDensity, exerciseGradient, diffusion, fid];

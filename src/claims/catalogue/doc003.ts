/** Claims of seed document 003 (ML-methods notes: failure modes, maximin, heuristics, exercises). */
import { shiftSeries } from '../../theory/gaussian.js';
import { value } from '../../theory/index.js';
import { generatorPieces, pushforwardDensity, type DenseLayer } from '../../train/pushforward.js';
import { defineClaim, notCheckable, verdictOf, type AnyClaim, type Verdict } from '../define.js';
import { lookAt, sequential } from '../experiments.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { convergedToy, tabularNash, type ConvergedMember } from '../checks/converged.js';
import { confidentGradients } from './shared.js';
import { D, DOC3, fmt, pct, randomDist, randomTable, type Dec } from '../util.js';
import { TOY_SEQ } from './doc000.js';

const src = (quote: string) => ({ doc: DOC3, quote });

const jsdGradient = defineClaim({
  id: 'jsd-zero-gradient-disjoint',
  source: src('When and have disjoint supports (common in high dimensions), the JSD saturates at , providing zero gradient to the generator. This is the vanishing gradient problem of GANs.'),
  statement:
    'under the sentence’s hypothesis (disjoint supports): P = U[0,1] and Q = U[t, t+1] for t > 1 (exact): JSD = ln 2 and d/dt JSD = 0 (certified JSD at t ± 1/1000); beside it, for reference outside the hypothesis, the same for N(0,1) vs N(t,1), whose supports overlap',
  method: 'exact',
  expected: 'holds',
  subject: { family: 'uniform' as 'gaussian' | 'uniform' },
  mutant: { description: 'a wrong claim: the JSD saturates with zero gradient for overlapping supports too (Gaussians)', subject: { family: 'gaussian' as 'gaussian' | 'uniform' } },
  check: (s, ctx) => {
    const ts = ctx.quick ? [2, 6] : [2, 4, 6, 8];
    const at = (family: 'gaussian' | 'uniform', t: number) => {
      const rows = shiftSeries(family, 1, [`${t * 1000 - 1}/1000`, `${t * 1000 + 1}/1000`], { digits: 30 });
      const j = rows.map((r) => new D((r as { jsd: { value: string } }).jsd.value));
      return { jsd: (j[0] as Dec).plus(j[1] as Dec).div(2), gradient: (j[1] as Dec).minus(j[0] as Dec).div(new D(2).div(1000)).toNumber() };
    };
    const stated = ts.map((t) => at(s.family, t));
    const other = ts.map((t) => at(s.family === 'uniform' ? 'gaussian' : 'uniform', t));
    const ln2 = new D(2).ln();
    const ok = stated.every((r) => r.gradient === 0 && r.jsd.minus(ln2).abs().lt(new D(10).pow(-25)));
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `${s.family}: JSD ${stated.every((r) => r.jsd.minus(ln2).abs().lt(new D(10).pow(-25))) ? '= ln 2' : '< ln 2'}, dJSD/dt = ${stated.map((r, i) => `${fmt(r.gradient)} at t=${ts[i]}`).join(', ')}; ${s.family === 'uniform' ? 'overlapping Gaussians (outside the hypothesis)' : 'disjoint uniforms'}: ${other.map((r) => fmt(r.gradient)).join(', ')}`,
      numbers: Object.fromEntries(ts.map((t, i) => [`gradient t=${t}`, (stated[i] as { gradient: number }).gradient])),
      ...(ok ? {} : { counterexample: `d/dt JSD = ${fmt((stated[0] as { gradient: number }).gradient)} at t = ${ts[0]} for ${s.family} distributions` }),
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

/** A density claim about a generator: the density it says p_G has (a function of x), or null for "none can be evaluated". */
type DensityClaim = (layers: DenseLayer[]) => ((x: number) => number) | null;
const noDensity = defineClaim({
  id: 'gans-have-no-density',
  source: src('Unlike VAEs or normalizing flows, GANs do not produce an explicit density . You can sample from the generator but cannot evaluate the probability of a given sample.'),
  statement:
    "two 1-16-1 ReLU generators of N(0,1) noise: one random (no flat piece), one whose units are all off for z < 0 (G is constant there: an atom of mass ½). For each, the subject's density (or 'none') against 20,000 samples: a claimed density must match the probabilities of 20 intervals (99.9% intervals); 'none' is right only where the samples show an atom (≥ 40% at one point)",
  method: 'monte-carlo',
  expected: 'imprecise',
  subject: (() => null) as DensityClaim,
  mutant: { description: 'a wrong density: p_G = the noise density N(0, 1)', subject: (() => (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) as DensityClaim },
  check: (claimOf, ctx) => {
    const rng = ctx.rng;
    const n = 20_000;
    const make = (flat: boolean): DenseLayer[] => {
      const W1 = Array.from({ length: 16 }, () => (flat ? 0.2 + rng.uniform() : 2 * rng.uniform() - 1));
      const b1 = Array.from({ length: 16 }, () => (flat ? 0 : 2 * rng.uniform() - 1));
      const W2 = Array.from({ length: 16 }, () => (2 * rng.uniform() - 1) / 4);
      return [{ W: W1, b: b1, fin: 1, fout: 16 }, { W: W2, b: [0], fin: 16, fout: 1 }];
    };
    const run = (layers: DenseLayer[]) => {
      const [l1, l2] = layers as [DenseLayer, DenseLayer];
      const G = (z: number) => Array.from({ length: 16 }, (_, j) => (l2.W[j] as number) * Math.max(0, (l1.W[j] as number) * z + (l1.b[j] as number))).reduce((a, b) => a + b, 0);
      const xs = Array.from({ length: n }, () => G(rng.normal())).sort((a, b) => a - b);
      // an atom: the most repeated value's share
      let atom = 0;
      for (let i = 0, j = 0; i < n; i = j) {
        for (j = i; j < n && xs[j] === xs[i]; j++);
        atom = Math.max(atom, (j - i) / n);
      }
      const matches = (density: (x: number) => number) => {
        const lo = xs[Math.floor(n * 0.02)] as number;
        const hi = xs[Math.floor(n * 0.98)] as number;
        let outside = 0;
        for (let b = 0; b < 20; b++) {
          const a = lo + ((hi - lo) * b) / 20;
          const c = lo + ((hi - lo) * (b + 1)) / 20;
          let mass = 0;
          for (let i = 0; i < 200; i++) mass += (density(a + ((c - a) * (i + 0.5)) / 200) * (c - a)) / 200;
          const count = xs.filter((x) => x >= a && x < c).length;
          if (Math.abs(count / n - mass) > 3.29 * Math.sqrt((mass * (1 - mass)) / n) + 1e-3) outside++;
        }
        return outside <= 1;
      };
      const exact = atom < 0.4 ? pushforwardDensity(generatorPieces(layers)) : null;
      const truthHasDensity = exact !== null && matches(exact);
      const claimed = claimOf(layers);
      const claimRight = claimed === null ? atom >= 0.4 : atom < 0.4 && matches(claimed);
      return { atom, truthHasDensity, claimRight };
    };
    const smooth = run(make(false));
    const flat = run(make(true));
    const rightIn = [smooth.claimRight, flat.claimRight].filter(Boolean).length;
    const truthShown = smooth.truthHasDensity && flat.atom >= 0.4;
    return {
      verdict: verdictOf({ asStated: rightIn === 2, corrected: truthShown && rightIn === 1 }),
      evidence: `random generator: the exact pushforward density ${smooth.truthHasDensity ? 'matches' : 'does not match'} 20,000 samples, the claim is ${smooth.claimRight ? 'right' : 'wrong'}; generator off for z < 0: an atom holds ${pct(flat.atom)} of the samples (no density), the claim is ${flat.claimRight ? 'right' : 'wrong'}`,
      numbers: { smoothHasDensity: smooth.truthHasDensity, flatAtom: flat.atom, claimRightSmooth: smooth.claimRight, claimRightFlat: flat.claimRight },
      correction: 'GAN training never needs p_G, and a generator can have none (an atom where G is flat, or a latent dimension below the data dimension); but a generator from ℝ to ℝ without flat pieces has a density, p_G(x) = Σ φ((x − c)/a)/|a| over its linear pieces, that can be evaluated exactly',
      ...(rightIn < 2 ? { counterexample: 'a 1-16-1 ReLU generator with no flat piece: its exact density matches the samples' } : {}),
    };
  },
});

const exerciseGradient = defineClaim({
  id: 'saturating-gradient-vanishes-exercise',
  source: src('Explain why the standard GAN generator gradient vanishes when the discriminator is too good. Specifically, if for all , what is the gradient ? How does the non-saturating loss help?'),
  statement: "through the trainer's own loss code (gLossOf, logit form) and TensorFlow.js autodiff: ‖∇_θ L_G‖ for G(z) = a·z + b against a confident D (D(G(z)) ≈ e^−12), the subject's loss against the non-saturating one",
  method: 'trainer',
  expected: 'holds',
  subject: { loss: 'saturating' as 'saturating' | 'ns', depth: 12 },
  mutant: { description: 'the non-saturating loss examined', subject: { loss: 'ns' as 'saturating' | 'ns', depth: 12 } },
  positive: { description: 'a discriminator more confident still, D(G(z)) ≈ e^−20, where the saturating logit gradient is σ(l) ≈ 2·10⁻⁹', subject: { loss: 'saturating' as 'saturating' | 'ns', depth: 20 } },
  check: ({ loss, depth }) => {
    const stated = confidentGradients(loss, depth);
    const ns = confidentGradients('ns', depth);
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

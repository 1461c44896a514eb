/** Claims of seed document 004 (the overview: training-loop pseudo-code, equilibrium, JSD vs W1). */
import * as tf from '@tensorflow/tfjs';
import { mixtureDstarGrid } from '../../theory/gaussian.js';
import { jsd, kl } from '../../theory/index.js';
import { shiftSeries } from '../../theory/gaussian.js';
import { makeConfig, dLossOf } from '../../train/index.js';
import { defineClaim, notCheckable, verdictOf, type AnyClaim } from '../define.js';
import type { Setup } from '../experiments.js';
import { add, div, rational, toRational } from '../../theory/rational.js';
import { checkModeCollapse, type FailureKind } from './shared.js';
import { D, DOC4, fmt, frac, linspace, randomDist } from '../util.js';

const src = (quote: string) => ({ doc: DOC4, quote });

const dLossCode = defineClaim({
  id: 'pseudo-code-discriminator-loss',
  source: src('D_loss = -mean(log(D(real)) + log(1 - D(fake)))'),
  statement: "on random logit batches of equal size, the pseudo-code's D_loss (float64) against the trainer's logit-form BCE (dLossOf, float32)",
  method: 'trainer',
  expected: 'holds',
  subject: (dr: number[], df: number[]) => -dr.reduce((s, d, i) => s + Math.log(d) + Math.log(1 - (df[i] as number)), 0) / dr.length,
  mutant: { description: '−mean(log D(real) − log(1 − D(fake)))', subject: (dr: number[], df: number[]) => -dr.reduce((s, d, i) => s + Math.log(d) - Math.log(1 - (df[i] as number)), 0) / dr.length },
  positive: { description: 'the BCE of the two batches written term by term with log1p, −(Σ log d_r + Σ log1p(−d_f))/n', subject: (dr: number[], df: number[]) => -(dr.reduce((s, d) => s + Math.log(d), 0) + df.reduce((s, d) => s + Math.log1p(-d), 0)) / dr.length },
  check: (loss, ctx) => {
    const c = makeConfig('seed-toy');
    let worst = 0;
    for (let t = 0; t < ctx.size(10, 40); t++) {
      const n = 16;
      const lr = Array.from({ length: n }, () => 3 * ctx.rng.normal());
      const lf = Array.from({ length: n }, () => 3 * ctx.rng.normal());
      const ref = tf.tidy(() => dLossOf(c, tf.tensor3d(lr, [1, n, 1]), tf.tensor3d(lf, [1, n, 1])).dataSync()[0] as number);
      const sig = (l: number) => 1 / (1 + Math.exp(-l));
      worst = Math.max(worst, Math.abs(loss(lr.map(sig), lf.map(sig)) - ref) / Math.max(1, ref));
    }
    const ok = worst < 1e-5;
    return { verdict: verdictOf({ asStated: ok }), evidence: `largest relative gap to the trainer's loss ${fmt(worst)} (float32 reference)`, numbers: { worstGap: worst } };
  },
});

const gLossOptions = defineClaim({
  id: 'pseudo-code-generator-losses',
  source: src('G_loss = -mean(log(D(fake))) # or mean(log(1 - D(fake)))'),
  statement: 'both generator losses push D(fake) up: each decreases as D(fake) increases (central differences at 999 points of (0, 1))',
  method: 'exact',
  expected: 'holds',
  subject: [(d: number) => -Math.log(d), (d: number) => Math.log(1 - d)] as ((d: number) => number)[],
  mutant: { description: 'second option −mean(log(1 − D(fake)))', subject: [(d: number) => -Math.log(d), (d: number) => -Math.log(1 - d)] as ((d: number) => number)[] },
  check: (losses) => {
    const ds = linspace(0.001, 0.999, 999);
    const decreasing = losses.map((f) => ds.every((d) => f(d + 1e-7) - f(d - 1e-7) < 0));
    const ok = decreasing.every(Boolean);
    return {
      verdict: verdictOf({ asStated: ok }),
      evidence: `decreasing in D(fake) on (0, 1): ${decreasing.map((d, i) => `option ${i + 1} ${d ? 'yes' : 'no'}`).join(', ')}`,
      numbers: { decreasing: ok },
    };
  },
});

const halfContinuous = defineClaim({
  id: 'equal-distributions-half-everywhere',
  source: src('When , everywhere—the discriminator can’t tell real from fake.'),
  statement: 'D*(x) = p_data/(p_data + p_g) certified at 20 points for continuous mixtures with p_g = p_data: the enclosure is exactly 1/2',
  method: 'exact',
  expected: 'holds',
  subject: { gSigma: '1/2' },
  mutant: { description: "p_g's component σ 0.51 instead of 0.5", subject: { gSigma: '51/100' } },
  check: (s) => {
    const p = [{ weight: '1/3', mu: -2, sigma: '1/2' }, { weight: '2/3', mu: 1, sigma: 1 }];
    const q = [{ weight: '1/3', mu: -2, sigma: s.gSigma }, { weight: '2/3', mu: 1, sigma: 1 }];
    const xs = linspace(-4, 4, 20).map((x) => `${Math.round(x * 100)}/100`);
    const grid = mixtureDstarGrid(p, q, xs, { digits: 30 });
    const half = grid.filter((e) => new D(e.lower).eq(0.5) && new D(e.upper).eq(0.5)).length;
    const worst = Math.max(...grid.map((e) => Math.abs(Number(e.value) - 0.5)));
    return {
      verdict: verdictOf({ asStated: half === grid.length }),
      evidence: `D* = 1/2 exactly at ${half}/${grid.length} points (largest |D* − 1/2| = ${fmt(worst)})`,
      numbers: { points: grid.length, exactlyHalf: half, worst },
    };
  },
});

type GLoss = 'saturating' | 'non-saturating';
const minimisesJsd = defineClaim({
  id: 'objective-minimises-jsd',
  source: src('The GAN objective minimizes the Jensen-Shannon divergence'),
  statement: "with D = D*, does the generator's objective order pairs (p_data, p_G) as JSD does? For the subject's loss and for the non-saturating one used in practice (random discrete pairs, certified JSD and KL; non-saturating objective = KL(q‖p) − KL(q‖m) + ln 2, an identity checked exactly)",
  method: 'exact',
  expected: 'holds-under-conditions',
  subject: 'saturating' as GLoss,
  mutant: { description: 'the non-saturating loss examined', subject: 'non-saturating' as GLoss },
  check: (loss, ctx) => {
    const p = randomDist(ctx.rng, 4);
    const P = p.map(frac);
    const objective = (l: GLoss, q: string[]) => {
      const Q = q.map(frac);
      return P.reduce((s, pi, i) => {
        const qi = Q[i] as number;
        const dstar = pi / (pi + qi);
        const data = pi > 0 ? pi * Math.log(dstar) : 0;
        if (l === 'saturating') return s + data + (qi > 0 ? qi * Math.log(1 - dstar) : 0); // V(D*, G)
        return s + (qi > 0 ? -qi * Math.log(dstar) : 0); // E_q[−log D*]
      }, 0);
    };
    const qs = Array.from({ length: ctx.size(20, 60) }, () => randomDist(ctx.rng, 4));
    const js = qs.map((q) => Number(jsd(p, q, { digits: 20 }).value));
    const agree = (l: GLoss) => {
      let bad = 0;
      let total = 0;
      for (let i = 0; i < qs.length; i++)
        for (let j = i + 1; j < qs.length; j++) {
          if (Math.abs((js[i] as number) - (js[j] as number)) < 1e-9) continue;
          total++;
          if (Math.sign(objective(l, qs[i] as string[]) - objective(l, qs[j] as string[])) !== Math.sign((js[i] as number) - (js[j] as number))) bad++;
        }
      return { bad, total };
    };
    // the non-saturating objective at D*: E_q[−ln D*] = KL(q‖p) − KL(q‖m) + ln 2
    const q0 = qs[0] as string[];
    const m = p.map((pi, i) => {
      const r = div(add(toRational(pi, 'check', 'p'), toRational(q0[i] as string, 'check', 'q')), rational(2n));
      return `${r.num}/${r.den}`;
    });
    const identity = Math.abs(objective('non-saturating', q0) - (Number(kl(q0, p, { digits: 20 }).value) - Number(kl(q0, m, { digits: 20 }).value) + Math.log(2)));
    const stated = agree(loss);
    const ns = agree('non-saturating');
    return {
      verdict: verdictOf({ asStated: stated.bad === 0 && ns.bad === 0, underConditions: stated.bad === 0 }),
      evidence: `${loss}: order disagrees with JSD in ${stated.bad}/${stated.total} pairs; non-saturating: ${ns.bad}/${ns.total} (identity gap ${fmt(identity)})`,
      numbers: { pairs: stated.total, disagreeStated: stated.bad, disagreeNonSaturating: ns.bad, identityGap: identity },
      conditions: 'with the optimal discriminator and the minimax (saturating) generator loss, where V(D*, G) = 2·JSD − ln 4; the non-saturating loss used in practice minimises KL(q‖p) − KL(q‖m) instead, which orders distributions differently',
    };
  },
});

const smoother = defineClaim({
  id: 'wasserstein-smoother-gradients',
  source: src('WGAN instead minimizes the Wasserstein (Earth Mover’s) distance, which provides smoother gradients.'),
  statement: 'P = N(0,1), Q = P shifted by t: the derivative of the subject distance in t at t = 6 (certified values at t ± 1/1000): W1 keeps slope 1, JSD’s slope has all but vanished',
  method: 'exact',
  expected: 'holds',
  subject: 'w1' as 'w1' | 'jsd',
  mutant: { description: 'JSD as the distance', subject: 'jsd' as 'w1' | 'jsd' },
  check: (which) => {
    const rows = shiftSeries('gaussian', 1, ['5999/1000', '6001/1000'], { digits: 30 });
    const slope = (k: 'w1' | 'jsd') => new D((rows[1] as never as Record<string, { value: string }>)[k]!.value).minus((rows[0] as never as Record<string, { value: string }>)[k]!.value).div(new D(2).div(1000)).toNumber();
    const s = slope(which);
    const other = slope(which === 'w1' ? 'jsd' : 'w1');
    return {
      verdict: verdictOf({ asStated: s > 0.5 }),
      evidence: `slope at t = 6: ${which} ${fmt(s)}, ${which === 'w1' ? 'JSD' : 'W1'} ${fmt(other)}`,
      numbers: { slope: s, otherSlope: other },
    };
  },
});

export const GRID: Setup = { preset: 'grid25', overrides: { gHidden: [32, 32], dHidden: [32, 32], batch: 64, logEvery: 500 }, population: [8, 8], steps: [1000, 3000], stages: [[8], [8, 16]] };
const GRID_NARROW_G: Setup = { ...GRID, overrides: { ...GRID.overrides, gHidden: [1] } };
const collapse = defineClaim({
  id: 'mode-collapse-grid25',
  source: src('Mode Collapse Generator produces limited variety, ignoring modes of the data distribution.'),
  statement:
    'grid25 (25 modes, σ = 0.05), non-saturating GAN, two hidden layers of 32, Adam 1e-3 β₁ ½, batch 64, 3000 steps: when the generator ignores modes, it is by limited variety — among seeds that miss modes, the share whose output is narrow (covariance trace below half the data’s) exceeds ½ (Clopper–Pearson, 8 seeds)',
  method: 'population',
  expected: 'refuted',
  subject: { setup: GRID, kind: 'collapse' as FailureKind },
  mutant: { description: 'the competing claim: seeds that miss modes produce a wide, diffuse output', subject: { setup: GRID, kind: 'diffuse' as FailureKind } },
  positive: { description: 'a generator with a single hidden ReLU unit (outputs on a ray through the grid)', subject: { setup: GRID_NARROW_G, kind: 'collapse' as FailureKind } },
  check: (subject, ctx) => checkModeCollapse(subject, ctx, 'grid25-modes'),
});

const photoreal = defineClaim({
  id: 'photorealistic-faces',
  source: src('Photorealistic face generation (ThisPersonDoesNotExist)'),
  statement: 'a historical claim about applications',
  method: 'none',
  expected: 'not-checkable',
  subject: null,
  why: 'a claim about what image GANs achieved in practice; it needs large image models and human judgement',
  check: notCheckable('a claim about what image GANs achieved in practice; it needs large image models and human judgement'),
});

export const DOC004: AnyClaim[] = [dLossCode, gLossOptions, halfContinuous, minimisesJsd, smoother, collapse, photoreal];

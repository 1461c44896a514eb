/** Checks used by claims of more than one document (the same mathematics, quoted in several places). */
import * as tf from '@tensorflow/tfjs';
import { valueAtOptimum, jsd, type Enclosure } from '../../theory/index.js';
import { mixtureJsd, mixtureValueAtOptimum, type ComponentLike } from '../../theory/gaussian.js';
import { makeConfig, gLossOf } from '../../train/index.js';
import { verdictOf, type CheckContext, type Outcome } from '../define.js';
import { configOf, lookAt, median, sequential, type Setup } from '../experiments.js';
import { parseDistribution } from '../../numeric/distributions.js';
import { shareEvidence, showShare } from '../checks/statistics.js';
import { modesPlot } from '../plots.js';
import { contains, D, fmt, LN4, randomDist, type Dec } from '../util.js';

/** The document's relation C(G) as a function of JSD (both in nats, exact decimals). */
export type CgFormula = (jsd: Dec) => Dec;

/** C(G) = V(D*, G) computed from D* against the subject's formula in JSD, on discrete and Gaussian pairs. */
export function checkCg(formula: CgFormula, ctx: CheckContext, kind: 'discrete' | 'gaussian'): Outcome {
  const digits = 40;
  let worst = new D(0);
  let cases = 0;
  let failed = null as string | null;
  const one = (c: Enclosure, j: { value: string }, label: string) => {
    cases++;
    const predicted = formula(new D(j.value));
    const gap = predicted.minus(c.value).abs();
    if (gap.gt(worst)) worst = gap;
    if (!contains(c, predicted) && gap.gt(new D(10).pow(-digits + 2)) && failed === null) failed = `${label}: V(D*,G) = ${c.value.slice(0, 12)}…, formula gives ${predicted.toSignificantDigits(12).toString()}`;
  };
  if (kind === 'discrete') {
    for (let i = 0; i < ctx.size(10, 40); i++) {
      const n = 2 + (i % 6);
      const p = randomDist(ctx.rng, n, 0.2);
      const q = randomDist(ctx.rng, n, 0.2);
      one(valueAtOptimum(p, q, { digits }), jsd(p, q, { digits: digits + 5 }), `P=(${p}) Q=(${q})`);
    }
  } else {
    const pairs: [ComponentLike[], ComponentLike[]][] = [
      [[{ weight: 1, mu: 0, sigma: 1 }], [{ weight: 1, mu: 1, sigma: 1 }]],
      [[{ weight: 1, mu: 0, sigma: 1 }], [{ weight: 1, mu: 0, sigma: 2 }]],
      [[{ weight: '1/2', mu: -2, sigma: '1/2' }, { weight: '1/2', mu: 2, sigma: '1/2' }], [{ weight: 1, mu: 0, sigma: 1 }]],
      [[{ weight: 1, mu: 3, sigma: 1 }], [{ weight: 1, mu: '3/2', sigma: '3/2' }]],
    ];
    for (const [p, q] of pairs.slice(0, ctx.size(2, 4))) one(mixtureValueAtOptimum(p, q, { digits: 30 }), mixtureJsd(p, q, { digits: 35 }), `P=${JSON.stringify(p)} Q=${JSON.stringify(q)}`);
  }
  const ok = failed === null;
  return {
    verdict: verdictOf({ asStated: ok }),
    evidence: ok ? `V(D*,G) from D* matches the formula in JSD on ${cases} ${kind} pairs (largest gap ${fmt(worst.toNumber())})` : `differs: ${String(failed)}`,
    numbers: { cases, largestGap: worst.toNumber() },
    ...(ok ? {} : { counterexample: String(failed) }),
  };
}

export const documentCg: CgFormula = (j) => j.times(2).minus(LN4);
export const wrongCg: CgFormula = (j) => j.minus(LN4);

/**
 * The generator's gradient with respect to its parameters when D is confident that fakes are fake
 * (D(G(z)) ≈ e^-depth), through the trainer's own loss (gLossOf, logit form): G(z) = a·z + b,
 * D's logit = −w·x − c. Returns the gradient norms for the given loss and for the other one.
 */
export function confidentGradients(loss: 'saturating' | 'ns', depth: number): { norm: number; dOfFake: number } {
  return tf.tidy(() => {
    const z = tf.tensor3d(Array.from({ length: 64 }, (_, i) => -2 + (4 * i) / 63), [1, 64, 1]);
    const a = tf.variable(tf.scalar(0.5));
    const b = tf.variable(tf.scalar(0));
    const c = makeConfig('seed-toy', { loss });
    const logitOf = (x: tf.Tensor) => tf.sub(tf.mul(x, -1), depth) as tf.Tensor3D;
    const f = () => tf.sum(gLossOf(c, logitOf(tf.add(tf.mul(z, a), b)))) as tf.Scalar;
    const { grads } = tf.variableGrads(f, [a, b]);
    const g = [grads[a.name] as tf.Tensor, grads[b.name] as tf.Tensor].map((t) => (t.dataSync()[0] as number));
    const dFake = tf.mean(tf.sigmoid(logitOf(tf.add(tf.mul(z, a), b)))).dataSync()[0] as number;
    a.dispose();
    b.dispose();
    return { norm: Math.hypot(...g), dOfFake: dFake };
  });
}

/** Trace of the covariance of member k's generated points (2-D). */
function spread(samples: Float32Array, k: number, n: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += samples[(k * n + i) * 2] as number;
    my += samples[(k * n + i) * 2 + 1] as number;
  }
  mx /= n;
  my /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((samples[(k * n + i) * 2] as number) - mx) ** 2 + ((samples[(k * n + i) * 2 + 1] as number) - my) ** 2;
  return s / (n - 1);
}

/** Trace of the covariance of a mixture of equal-weight modes with per-coordinate σ. */
function dataSpread(modes: readonly number[], sigma: number): number {
  const M = modes.length / 2;
  let mx = 0;
  let my = 0;
  for (let j = 0; j < M; j++) {
    mx += (modes[2 * j] as number) / M;
    my += (modes[2 * j + 1] as number) / M;
  }
  let s = 0;
  for (let j = 0; j < M; j++) s += (((modes[2 * j] as number) - mx) ** 2 + ((modes[2 * j + 1] as number) - my) ** 2) / M;
  return s + 2 * sigma * sigma;
}

export type FailureKind = 'collapse' | 'diffuse';
/**
 * Mode collapse on a 2-D target, told apart from undertraining. A seed fails when it covers fewer
 * than all M modes; a failing seed has *collapsed* when its output is narrow (the trace of its
 * covariance below half the data's) and is *diffuse* otherwise. The claim "mode collapse is the
 * most common failure" is the share of failing seeds that collapsed (or, for the `diffuse` kind,
 * that are diffuse) against ½, with its Clopper–Pearson interval, the population grown through
 * the setup's stages while it straddles ½. The high-quality share (points within 3σ of a mode) is
 * reported beside the modes.
 */
export async function checkModeCollapse(subject: { setup: Setup; kind: FailureKind }, ctx: CheckContext, plotId: string): Promise<Outcome> {
  const target = parseDistribution(configOf(ctx, subject.setup).target, 'checkModeCollapse', 'target');
  if (!('modes' in target)) throw new Error(`checkModeCollapse: the setup's target must be a 2-D mixture; got ${subject.setup.preset}`);
  const modes = Array.from(target.modes);
  const sigma = target.sigma;
  const M = modes.length / 2;
  const data = dataSpread(modes, sigma);
  const r = await sequential(ctx, subject.setup, (pop, level) => {
    const n = pop.config.evalSamples;
    const failing = pop.final.map((m, k) => ({ m, k })).filter(({ m }) => (m.modesCovered as number) < M);
    const narrow = failing.filter(({ k }) => spread(pop.probe.samples, k, n) < data / 2).length;
    const count = subject.kind === 'collapse' ? narrow : failing.length - narrow;
    if (failing.length === 0) return { verdict: 'inconclusive' as const, interval: { statistic: 'no failing seed', estimate: 0, low: 0, high: 1, level, n: 0, threshold: 0.5 }, failing: 0, narrow: 0 };
    return { ...lookAt(shareEvidence(count, failing.length, level, `share of failing seeds that are ${subject.kind === 'collapse' ? 'collapsed (narrow output)' : 'diffuse (wide output)'}`, 0.5), 'above'), failing: failing.length, narrow };
  });
  const pop = r.pop;
  const covered = pop.final.map((m) => m.modesCovered as number);
  const hq = pop.final.map((m) => m.hqShare as number);
  return {
    verdict: r.verdict,
    evidence: `${r.failing} of ${pop.final.length} seeds miss modes after ${pop.config.steps} steps, ${r.narrow} of them with a narrow output (collapse) and ${r.failing - r.narrow} diffuse; ${r.failing ? showShare(r.interval, 'failing seeds') : 'no failing seed'} ${subject.kind === 'collapse' ? 'collapsed' : 'diffuse'}; modes/high-quality share per seed: ${covered.map((c, i) => `${c}/${fmt(hq[i] as number, 2)}`).join(' ')}`,
    numbers: { seeds: covered.length, failing: r.failing, collapsed: r.narrow, share: r.interval.estimate, low: r.interval.low, high: r.interval.high, medianCovered: median(covered), medianHighQuality: median(hq), steps: pop.config.steps },
    interval: r.interval,
    plots: [modesPlot(pop, modes, plotId)],
  };
}

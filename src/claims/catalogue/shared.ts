/** Checks used by claims of more than one document (the same mathematics, quoted in several places). */
import * as tf from '@tensorflow/tfjs';
import { valueAtOptimum, jsd, type Enclosure } from '../../theory/index.js';
import { mixtureJsd, mixtureValueAtOptimum, type ComponentLike } from '../../theory/gaussian.js';
import { makeConfig, gLossOf } from '../../train/index.js';
import { verdictOf, verdictOfShare, type CheckContext, type Outcome } from '../define.js';
import { median, population, share, type Setup } from '../experiments.js';
import { modesPlot } from '../plots.js';
import { contains, D, fmt, LN4, pct, randomDist, type Dec } from '../util.js';

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

/**
 * Mode collapse on a 2-D target: the share of seeds that miss at least `missing` of the modes
 * (modes flattened as x0, y0, x1, y1, …); it holds when at least half the seeds do.
 */
export async function checkModeCollapse(subject: { setup: Setup; missing: number }, ctx: CheckContext, modes: readonly number[], plotId: string): Promise<Outcome> {
  const pop = await population(ctx, subject.setup);
  const M = modes.length / 2;
  const covered = pop.final.map((m) => m.modesCovered as number);
  const s = share(covered, (c: number) => c <= M - subject.missing);
  return {
    verdict: verdictOfShare(s, { holds: 0.5, conditional: 0.2 }),
    evidence: `${pct(s)} of ${covered.length} seeds miss at least ${subject.missing} of the ${M} modes after ${pop.config.steps} steps; modes covered: ${covered.join(' ')} (median ${median(covered)})`,
    numbers: { seeds: covered.length, share: s, medianCovered: median(covered), steps: pop.config.steps },
    conditions: 'in a share of the seeds only',
    plots: [modesPlot(pop, modes, plotId)],
  };
}

/** Mode collapse told apart from undertraining on the 2-D targets. */
import type { CheckContext, Outcome } from '../define.js';
import { configOf, lookAt, median, sequential, type Setup } from '../experiments.js';
import { parseDistribution } from '../../numeric/read-file.js';
import { shareEvidence, showShare } from './statistics.js';
import { modesPlot } from '../plots.js';
import { fmt } from '../format.js';

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
    if (failing.length === 0)
      return {
        verdict: 'inconclusive' as const,
        interval: { statistic: 'no failing seed', estimate: 0, low: 0, high: 1, level, n: 0, threshold: 0.5 },
        failing: 0,
        narrow: 0,
      };
    return {
      ...lookAt(
        shareEvidence(
          count,
          failing.length,
          level,
          `share of failing seeds that are ${subject.kind === 'collapse' ? 'collapsed (narrow output)' : 'diffuse (wide output)'}`,
          0.5,
        ),
        'above',
      ),
      failing: failing.length,
      narrow,
    };
  });
  const pop = r.pop;
  const covered = pop.final.map((m) => m.modesCovered as number);
  const hq = pop.final.map((m) => m.hqShare as number);
  return {
    verdict: r.verdict,
    evidence:
      `${r.failing} of ${pop.final.length} seeds miss modes after ${pop.config.steps} steps, ${r.narrow} of them with a narrow output (collapse) ` +
      `and ${r.failing - r.narrow} diffuse; ${r.failing ? showShare(r.interval, 'failing seeds') : 'no failing seed'} ` +
      `${subject.kind === 'collapse' ? 'collapsed' : 'diffuse'}; modes/high-quality share per seed: ` +
      `${covered.map((c, i) => `${c}/${fmt(hq[i] as number, 2)}`).join(' ')}`,
    numbers: {
      seeds: covered.length,
      failing: r.failing,
      collapsed: r.narrow,
      share: r.interval.estimate,
      low: r.interval.low,
      high: r.interval.high,
      medianCovered: median(covered),
      medianHighQuality: median(hq),
      steps: pop.config.steps,
    },
    interval: r.interval,
    plots: [modesPlot(pop, modes, plotId)],
  };
}

/**
 * Mode collapse decided from a committed paper-scale sweep (`examples/scale/paper/`), audited before
 * it is read (`auditSweep`: every unit's hash, the summary recomputed from the units, a seeded sample
 * of units retrained for their first steps and compared byte for byte).
 *
 * A seed is *trained* when at least half of G's samples lie within 3σ of a mode (Srivastava et al.
 * 2017's high-quality samples), and *collapsed* when it is trained and covers at most half of the
 * modes. "Mode collapse is the common failure" is read as: among trained seeds, the share that
 * collapsed exceeds ½ (Clopper–Pearson 95%). Runs that are not trained decide nothing about collapse:
 * when the share of trained seeds is decisively below ½ the verdict is `inconclusive`, with that
 * reason and its interval.
 */
import { clopperPearson } from '../../numeric/intervals/index.js';
import { type CheckContext, type IntervalEvidence, type Outcome, verdictOfInterval } from '../define.js';
import { auditedSweep, type CommittedSweep } from '../sweep/committed.js';
import type { Setup } from '../experiments.js';
import { checkModeCollapse, type FailureKind } from './mode-collapse.js';
import { fmt } from '../format.js';

/** `collapse`: the collapsed share among trained seeds; `trained`: the share of trained seeds. */
export type SweepReading = 'collapse' | 'trained';

export interface SweepSubject {
  sweep: CommittedSweep;
  /** The cell, by its `target` setting. */
  target: string;
  reading: SweepReading;
}

interface Stat {
  k: number;
  n: number;
}

export async function checkSweepModeCollapse(subject: SweepSubject, ctx: CheckContext): Promise<Outcome> {
  const audit = await auditedSweep(ctx, subject.sweep);
  const cell = audit.summaries.find((c) => c.settings.target === subject.target);
  if (cell === undefined) throw new Error(`${subject.sweep.spec} has no cell with target ${subject.target}`);
  const st = cell.statistics as Record<string, Stat | undefined>;
  const trainedStat = st.trained;
  const collapsedStat = st.collapsed;
  if (trainedStat === undefined || collapsedStat === undefined) throw new Error(`${subject.sweep.summary}: the cell ${subject.target} has no mode statistics`);
  const final = cell.final as Record<string, { median: number } | null>;
  const modes = final.modes?.median ?? 0;
  const steps = (audit.parsed.base.steps as number | undefined) ?? 0;
  const level = 0.95;
  const trained = clopperPearson(trainedStat.k, trainedStat.n, level);
  const trainedIv: IntervalEvidence = {
    statistic: 'share of seeds trained (at least half of their samples within 3σ of a mode)',
    ...trained,
    threshold: 0.5,
  };
  const pct = (x: number) => `${fmt(100 * x, 3)}%`;
  const head =
    `${cell.members} seeds after ${steps.toLocaleString('en-US')} steps: ${trainedStat.k} trained (${pct(trained.estimate)}, 95% CI ${pct(trained.low)}–` +
    `${pct(trained.high)}), ${collapsedStat.k} collapsed (trained and covering at most ${Math.floor(modes / 2)} of ${modes} modes); median modes covered ` +
    `${fmt(final.modesCovered?.median ?? 0, 3)} of ${modes}, median share of samples within 3σ of a mode ${pct(final.hqShare?.median ?? 0)}`;
  const numbers = {
    seeds: cell.members,
    trained: trainedStat.k,
    collapsed: collapsedStat.k,
    steps,
    medianModesCovered: final.modesCovered?.median ?? 0,
    medianHighQuality: final.hqShare?.median ?? 0,
    unitsAudited: audit.units,
    unitsRecomputed: audit.recomputed.length,
  };
  const source = `Numbers ${audit.text}`;
  if (subject.reading === 'trained') {
    return { verdict: verdictOfInterval(trained, 0.5, 'above'), evidence: `${head}. ${source}`, numbers, interval: trainedIv };
  }
  if (trained.high < 0.5 || trainedStat.k === 0) {
    return {
      verdict: 'inconclusive',
      evidence: `${head}: the runs are not trained, and an untrained generator decides nothing about collapse. ${source}`,
      numbers,
      interval: trainedIv,
    };
  }
  const collapsed = clopperPearson(collapsedStat.k, trainedStat.k, level);
  return {
    verdict: verdictOfInterval(collapsed, 0.5, 'above'),
    evidence: `${head}; among the trained seeds ${pct(collapsed.estimate)} collapsed (95% CI ${pct(collapsed.low)}–${pct(collapsed.high)}). ${source}`,
    numbers,
    interval: { statistic: 'share of trained seeds that collapsed (cover at most half of the modes)', ...collapsed, threshold: 0.5 },
  };
}

/** A mode-collapse claim's subject: a committed sweep's cell, or (for a positive control) a setup trained here. */
export type CollapseSubject = SweepSubject | { setup: Setup; kind: FailureKind };

/** Decides a {@link CollapseSubject}: from the audited sweep, or by training the setup (its plot named `plotId`). */
export function checkCollapse(subject: CollapseSubject, ctx: CheckContext, plotId: string): Promise<Outcome> {
  return 'sweep' in subject ? checkSweepModeCollapse(subject, ctx) : checkModeCollapse(subject, ctx, plotId);
}

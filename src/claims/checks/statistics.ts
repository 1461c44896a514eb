/**
 * The statistics a training claim is decided on, as {@link IntervalEvidence}: a share of members
 * with its Clopper–Pearson interval, a median with its order-statistic interval, and the words an
 * evidence line uses for them ("2 of 64 seeds (95% CI 0.4–10.8%)").
 */
import { clopperPearson, medianInterval, spearman, type Interval } from '../../numeric/intervals/index.js';
import { ClaimError, type IntervalEvidence } from '../define.js';
import { checkInterval } from '../check-args.js';
import { show } from '../../theory/errors.js';

/** The statistic's name and the threshold it is decided against. */
function checkLabels(fn: string, statistic: unknown, threshold: unknown): void {
  if (typeof statistic !== 'string') throw new ClaimError(fn, 'statistic', `must be a string; got ${show(statistic)}`);
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) throw new ClaimError(fn, 'threshold', `must be a number; got ${show(threshold)}`);
}

/** k of n members satisfy the statistic: the share with its exact interval. */
export function shareEvidence(k: number, n: number, level: number, statistic: string, threshold: number): IntervalEvidence {
  checkLabels('shareEvidence', statistic, threshold);
  const ci = clopperPearson(k, n, level);
  return { statistic, estimate: ci.estimate, low: ci.low, high: ci.high, level, n, threshold };
}

/** The median of xs with its distribution-free interval. */
export function medianEvidence(xs: readonly number[], level: number, statistic: string, threshold: number): IntervalEvidence {
  checkLabels('medianEvidence', statistic, threshold);
  const ci = medianInterval(xs, level);
  return { statistic, estimate: ci.estimate, low: ci.low, high: ci.high, level, n: ci.n, threshold };
}

const percent = (x: number) => {
  const v = 100 * x;
  if (v === 0 || v === 100) return String(v);
  return String(Number(v.toPrecision(v < 10 ? 2 : 3)));
};
/** A confidence level as the evidence lines print it: "95%", "98.3%". */
export const levelText = (level: number) => `${Number((100 * level).toPrecision(3))}%`;

/** "2 of 64 seeds (95% CI 0.4–10.8%)". */
export function showShare(iv: IntervalEvidence, unit = 'seeds'): string {
  checkInterval('showShare', 'iv', iv);
  unit = String(unit);
  return `${Math.round(iv.estimate * iv.n)} of ${iv.n} ${unit} (${levelText(iv.level)} CI ${percent(iv.low)}–${percent(iv.high)}%)`;
}

/** "median −0.006 (95% CI −0.024 to 0.017, n = 32)". */
export function showMedian(iv: IntervalEvidence, digits = 3): string {
  checkInterval('showMedian', 'iv', iv);
  if (!Number.isSafeInteger(digits) || digits < 1 || digits > 21) digits = 3;
  const f = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x));
  return `median ${f(iv.estimate)} (${levelText(iv.level)} CI ${f(iv.low)} to ${f(iv.high)}, n = ${iv.n})`;
}

/** How one run's estimate follows a true quantity over its logged steps (see {@link tracking}). */
export interface Tracking {
  /** Spearman ρ of the levels, with its Fisher-z interval. */
  level: Interval;
  /** Spearman ρ of the step-to-step changes, with its Fisher-z interval: what a shared drift alone does not produce. */
  change: Interval;
  /** The levels rank together (the interval of ρ lies above ½) and the changes do too (above 0). */
  tracks: boolean;
}

/**
 * Whether an estimate tracks a true quantity over one run's logged steps: its levels must rank with
 * the truth's (Spearman ρ, interval above ½) and so must its step-to-step changes (interval above 0).
 * Two unrelated quantities that both drift down have ρ of the levels near 1 but ρ of the changes near 0,
 * so drift alone does not make an estimate "track". Needs 5 or more steps (4 changes).
 */
export function tracking(estimate: readonly number[], truth: readonly number[], level = 0.95): Tracking {
  if (!Array.isArray(estimate) || !Array.isArray(truth) || estimate.length !== truth.length || estimate.length < 5)
    throw new ClaimError(
      'tracking',
      'estimate',
      `must be two series of the same length, 5 or more steps; got ${show(estimate?.length)} and ${show(truth?.length)}`,
    );
  const diff = (xs: readonly number[]) => xs.slice(1).map((x, i) => x - (xs[i] as number));
  const rank = (a: readonly number[], b: readonly number[]): Interval =>
    new Set(a).size > 1 && new Set(b).size > 1 ? spearman(a, b, level) : { estimate: 0, low: -1, high: 1, level, n: a.length };
  const lv = rank(estimate, truth);
  const ch = rank(diff(estimate), diff(truth));
  return { level: lv, change: ch, tracks: lv.low > 0.5 && ch.low > 0 };
}

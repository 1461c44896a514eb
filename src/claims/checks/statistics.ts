/**
 * The statistics a training claim is decided on, as {@link IntervalEvidence}: a share of members
 * with its Clopper–Pearson interval, a median with its order-statistic interval, and the words an
 * evidence line uses for them ("2 of 64 seeds (95% CI 0.4–10.8%)").
 */
import { clopperPearson, medianInterval } from '../../numeric/intervals/index.js';
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

/**
 * The per-cell summaries of a sweep, computed from its members alone (sorted by seed), so that any
 * split of the work gives the same bytes:
 * - the final metrics' median and 5–95% band over the members;
 * - the losses' median and band at every logged step;
 * - the claim statistics with 95% intervals: the share of members ending within W1 < tolerance of
 *   the target and the share ending closer to it than at step 0 (Clopper–Pearson), and the median
 *   final W1 (distribution-free, order statistics), for 1-D targets; the share covering every
 *   mode, for the 2-D ones.
 * Non-finite values (a member that stopped on a non-finite loss) are left out of the statistics and
 * counted.
 */
import { clopperPearson, medianInterval, quantile } from '../../numeric/intervals/index.js';
import type { MemberLog } from '../../train/index.js';
import { canonicalJson, type Cell, type SweepSpec } from './spec.js';

/** One member's result as a unit file stores it. */
export interface MemberResult {
  seed: number;
  /** Its logged steps (null for values that were not finite). */
  logs: Record<string, number | null>[];
  /**
   * Its metrics after the last step trained (the last logged step is earlier unless the step count
   * is a multiple of logEvery plus one). Absent in units written before it was stored: the last
   * logged step stands for the end then.
   */
  final?: Record<string, number | null>;
  stopped: boolean;
}

const finite = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
const band = (xs: number[]) => (xs.length === 0 ? null : { median: quantile(xs, 0.5), q05: quantile(xs, 0.05), q95: quantile(xs, 0.95) });

/** A member log as JSON can hold it: non-finite numbers become null. */
export function storable(m: MemberLog): Record<string, number | null> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'number' && Number.isFinite(v) ? v : null])) as Record<string, number | null>;
}

export function cellSummary(spec: SweepSpec, cell: Cell, members: readonly MemberResult[]) {
  const ms = [...members].sort((a, b) => a.seed - b.seed);
  const finals = ms.map((m) => m.final ?? m.logs[m.logs.length - 1] ?? {});
  const keys = [...new Set(finals.flatMap((f) => Object.keys(f)))].filter((k) => k !== 'step' && k !== 'seed').sort();
  const final = Object.fromEntries(keys.map((k) => [k, band(finite(finals.map((f) => f[k])))]));
  const steps = [...new Set(ms.flatMap((m) => m.logs.map((l) => l.step as number)))].sort((a, b) => a - b);
  const bands = steps.map((step) => {
    const at = ms.map((m) => m.logs.find((l) => l.step === step));
    return { step, dLoss: band(finite(at.map((l) => l?.dLoss))), gLoss: band(finite(at.map((l) => l?.gLoss))) };
  });
  const statistics: Record<string, unknown> = {};
  const w1 = finite(finals.map((f) => f.w1));
  if (w1.length > 0) {
    const k = w1.filter((x) => x < spec.tolerance).length;
    statistics.withinTolerance = { statistic: `share of members with final W1 < ${spec.tolerance}`, k, ...clopperPearson(k, w1.length, 0.95) };
    const pairs = ms
      .map((m) => [m.logs[0]?.w1, m.logs[m.logs.length - 1]?.w1])
      .filter((p): p is [number, number] => p.every((x) => typeof x === 'number' && Number.isFinite(x)));
    const better = pairs.filter(([a, b]) => b < a).length;
    statistics.improved = { statistic: 'share of members whose final W1 is below their step-0 W1', k: better, ...clopperPearson(better, pairs.length, 0.95) };
    const { ranks: _ranks, ...mi } = medianInterval(w1, 0.95);
    statistics.medianW1 = { statistic: 'median final W1', ...mi };
  }
  const modes = finals.filter((f) => typeof f.modes === 'number' && typeof f.modesCovered === 'number');
  if (modes.length > 0) {
    const k = modes.filter((f) => f.modesCovered === f.modes).length;
    statistics.allModes = { statistic: 'share of members covering every mode', k, ...clopperPearson(k, modes.length, 0.95) };
    // trained: most of G's samples are high quality (within 3σ of a mode, Srivastava et al. 2017's
    // measure); collapsed: trained, and covering at most half the modes
    const hq = modes.filter((f) => typeof f.hqShare === 'number');
    const trained = hq.filter((f) => (f.hqShare as number) >= 0.5);
    statistics.trained = {
      statistic: 'share of members with at least half of their samples within 3σ of a mode',
      k: trained.length,
      ...clopperPearson(trained.length, hq.length, 0.95),
    };
    const collapsed = trained.filter((f) => (f.modesCovered as number) <= (f.modes as number) / 2).length;
    statistics.collapsed = {
      statistic: 'share of members that are trained and cover at most half of the modes',
      k: collapsed,
      ...clopperPearson(collapsed, hq.length, 0.95),
    };
  }
  return {
    cell: cell.index,
    settings: cell.settings,
    members: ms.length,
    stopped: ms.filter((m) => m.stopped).length,
    seeds: ms.map((m) => m.seed),
    final,
    statistics,
    bands,
  };
}

/** The whole summary file's text: canonical JSON, one cell per line. */
export function summaryText(spec: SweepSpec, hash: string, version: string, summaries: ReturnType<typeof cellSummary>[]): string {
  const head = canonicalJson({ format: 'gan-verify-sweep-summary/1', version, specHash: hash, spec });
  return `{"head":${head},\n"cells":[\n${summaries.map((s) => canonicalJson(s)).join(',\n')}\n]}\n`;
}

/** A short Markdown table of the cells' statistics. */
export function summaryMarkdown(summaries: ReturnType<typeof cellSummary>[]): string {
  const f = (x: unknown) => (typeof x === 'number' ? String(Number(x.toPrecision(3))) : '—');
  const rows = summaries.map((s) => {
    const w = s.statistics.withinTolerance as { estimate: number; low: number; high: number } | undefined;
    const m = s.statistics.medianW1 as { estimate: number; low: number; high: number } | undefined;
    const a = s.statistics.allModes as { estimate: number; low: number; high: number } | undefined;
    return `| ${s.cell} | ${canonicalJson(s.settings).replace(/\|/g, '\\|')} | ${s.members} | ${w ? `${f(w.estimate)} (${f(w.low)}–${f(w.high)})` : '—'} | ${
      m ? `${f(m.estimate)} (${f(m.low)}–${f(m.high)})` : '—'
    } | ${a ? `${f(a.estimate)} (${f(a.low)}–${f(a.high)})` : '—'} |`;
  });
  return (
    `| cell | settings | members | share within tolerance (95% CI) | median final W1 (95% CI) | share covering all modes (95% CI) ` +
    `|\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`
  );
}

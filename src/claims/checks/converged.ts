/**
 * What the discriminator does once training has converged, on two kinds of experiment: members of
 * the toy's population whose generator ended close to the data (the claim's own condition), and
 * the tabular GAN held at its Nash point (G frozen at p_data, D trained alone), where the theory
 * says D → ½ and L_D → ln 4 (the positive control).
 */
import { trainTabular, type TabularLog } from '../../train/index.js';
import type { CheckContext } from '../define.js';
import type { Population } from '../experiments.js';

/** A converged member: its final D on the grid and its logged D losses. */
export interface ConvergedMember {
  seed: number;
  /** max |D(x) − value| over the data's bulk (μ ± 2σ for the toy; the support for tabular). */
  bulkGap: (value: number) => number;
  /** max |D(x) − value| over the whole evaluation grid. */
  wideGap: (value: number) => number;
  /** D loss averaged over the last 40% of training (logged steps and the final one). */
  lateDLoss: number;
}

/** The toy's members with W1(p_G, p_data) < w1Below at the end, and the bulk [lo, hi] used. */
export function convergedToy(pop: Population, w1Below: number, bulk: [number, number]): ConvergedMember[] {
  const grid = pop.probe.grid;
  const n = grid.length;
  const steps = pop.config.steps;
  const out: ConvergedMember[] = [];
  pop.final.forEach((m, k) => {
    if (!((m.w1 as number) < w1Below)) return;
    const d = pop.probe.d.subarray(k * n, (k + 1) * n);
    const gap = (value: number, inside: (x: number) => boolean) => {
      let g = 0;
      for (let i = 0; i < n; i++) if (inside(grid[i] as number)) g = Math.max(g, Math.abs((d[i] as number) - value));
      return g;
    };
    const late = [...pop.logs.map((l) => l[k] as { step: number; dLoss: number }).filter((e) => e.step >= 0.6 * steps), m];
    out.push({
      seed: m.seed,
      bulkGap: (v) => gap(v, (x) => x >= bulk[0] && x <= bulk[1]),
      wideGap: (v) => gap(v, () => true),
      lateDLoss: late.reduce((s, e) => s + e.dLoss, 0) / late.length,
    });
  });
  return out;
}

/** The tabular GAN at its Nash point: G frozen at p_data = (0.1, 0.2, 0.3, 0.4), D trained alone from random tables. */
export function tabularNash(ctx: CheckContext, K: number): Promise<ConvergedMember[]> {
  return ctx.shared(`tabular-nash-${K}-${ctx.seed}`, async () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const logs = trainTabular({ target: p, freezeG: true, steps: 1000, logEvery: 100 }, { seed: ctx.seed, population: K, init: { g: p.map(Math.log) } });
    const last = logs[logs.length - 1] as TabularLog[];
    return last.map((m, k) => {
      const gap = (v: number) => Math.max(...m.d.map((x) => Math.abs(x - v)));
      const late = logs.filter((l) => (l[0]?.step as number) >= 600).map((l) => (l[k] as TabularLog).dLoss);
      return { seed: m.seed, bulkGap: gap, wideGap: gap, lateDLoss: late.reduce((a, b) => a + b, 0) / late.length };
    });
  });
}

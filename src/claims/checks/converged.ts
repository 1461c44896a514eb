/**
 * What the discriminator does once training has converged, on two kinds of experiment: members of
 * the toy's population whose generator ended close to the data (the claim's own condition), and
 * the tabular GAN held at its Nash point (G frozen at p_data, D trained alone), where the theory
 * says D → ½ and L_D → ln 4 (the positive control).
 */
import { makeConfig, train, TrainInterrupted, trainTabular, type Checkpoint, type FinalProbe, type TabularLog } from '../../train/index.js';
import type { CheckContext } from '../define.js';
import { layout, networkSizes, type LayerSpan } from '../../train/mlp.js';
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
  /** G's loss averaged the same way (the toy only). */
  lateGLoss?: number;
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
    const late = [...pop.logs.map((l) => l[k] as { step: number; dLoss: number; gLoss: number }).filter((e) => e.step >= 0.6 * steps), m];
    out.push({
      seed: m.seed,
      bulkGap: (v) => gap(v, (x) => x >= bulk[0] && x <= bulk[1]),
      wideGap: (v) => gap(v, () => true),
      lateDLoss: late.reduce((s, e) => s + e.dLoss, 0) / late.length,
      lateGLoss: late.reduce((s, e) => s + e.gLoss, 0) / late.length,
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

/**
 * The document's toy under the sentence's own hypothesis p_G = p_data: G is set to the exact map
 * G(z) = 3 + relu(z) − relu(−z) = z + 3 (two of its 16 hidden units; z ~ N(0, 1), so p_G = N(3, 1))
 * and frozen (learning rate 0), or, for a wrong setup, frozen at its random initialisation; D is
 * trained alone with the document's optimiser for the document's 1000 steps. Every member counts.
 */
export function frozenGenerator(ctx: CheckContext, K: number, atData: boolean, bulk: [number, number]): Promise<ConvergedMember[]> {
  return ctx.shared(`frozen-g-${K}-${atData}-${ctx.seed}`, async () => {
    const config = makeConfig('seed-toy', { lrG: 0 });
    let start: Checkpoint | null = null;
    // the trainer's own initial state (step 0), taken by interrupting before the first step
    await train(config, { seed: ctx.seed, population: K, onCheckpoint: (c) => (start = c), shouldStop: () => true }).catch((e) => {
      if (!(e instanceof TrainInterrupted)) throw e;
    });
    const ck = start as unknown as Checkpoint;
    // G's layer spans in a member's row (W row-major [in][out], then b): z → 16 hidden → x
    const { layers, P } = layout(networkSizes(ck.config, 1).g);
    const [hidden, out] = layers as [LayerSpan, LayerSpan];
    if (layers.length !== 2 || hidden.fin !== 1 || out.fout !== 1) throw new Error('frozenGenerator: expected the toy G, 1 → hidden → 1');
    if (atData)
      for (let k = 0; k < K; k++) {
        const g = new Array<number>(P).fill(0);
        // hidden units 0 and 1: relu(z) and relu(−z); the output: their difference plus 3
        g[hidden.w] = 1;
        g[hidden.w + 1] = -1;
        g[out.w] = 1;
        g[out.w + 1] = -1;
        g[out.b] = 3;
        ck.g.splice(k * P, P, ...g);
      }
    let probe: FinalProbe | null = null;
    const r = await train(ck.config, { resume: ck, onFinal: (p) => (probe = p) });
    const pop: Population = { config: ck.config, seed: ctx.seed, logs: r.logs, final: r.final, probe: probe as unknown as FinalProbe };
    return convergedToy(pop, Number.POSITIVE_INFINITY, bulk);
  });
}

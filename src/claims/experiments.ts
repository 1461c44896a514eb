/**
 * Training experiments shared by several claims: each runs once per ledger (keyed by its setup)
 * through {@link CheckContext.shared}, on the trainer's current backend.
 */
import { makeConfig, train, type FinalProbe, type MemberLog, type TrainConfig } from '../train/index.js';
import type { CheckContext } from './define.js';

/** A population experiment: a preset, overrides, the population size and the steps. */
export interface Setup {
  preset: string;
  overrides?: Partial<TrainConfig>;
  /** Population in quick and full mode. */
  population: [number, number];
  /** Steps in quick and full mode (default: the preset's). */
  steps?: [number, number];
}

export interface Population {
  config: TrainConfig;
  seed: number;
  logs: MemberLog[][];
  final: MemberLog[];
  probe: FinalProbe;
}

/** Runs (or reuses) the setup's population with seeds ctx.seed, ctx.seed + 1, …. */
export function population(ctx: CheckContext, setup: Setup): Promise<Population> {
  const K = ctx.size(setup.population[0], setup.population[1]);
  const steps = setup.steps ? ctx.size(setup.steps[0], setup.steps[1]) : undefined;
  const overrides: Partial<TrainConfig> = { ...setup.overrides, ...(steps !== undefined ? { steps } : {}) };
  const config = makeConfig(setup.preset, overrides as Record<string, unknown>);
  const key = JSON.stringify({ config, K, seed: ctx.seed });
  return ctx.shared(key, async () => {
    let probe: FinalProbe | null = null;
    const r = await train(config, { seed: ctx.seed, population: K, onFinal: (p) => (probe = p) });
    return { config, seed: ctx.seed, logs: r.logs, final: r.final, probe: probe as unknown as FinalProbe };
  });
}

/** Quantile of a list by linear interpolation (type 7, as numpy's default). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (h - lo);
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const share = (xs: readonly unknown[], ok: (x: never) => boolean) => xs.filter((x) => ok(x as never)).length / xs.length;

/** Spearman's rank correlation (average ranks for ties). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (xs: readonly number[]) => {
    const idx = xs.map((x, i) => [x, i] as const).sort((u, v) => u[0] - v[0]);
    const r = new Array<number>(xs.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && (idx[j + 1] as readonly [number, number])[0] === (idx[i] as readonly [number, number])[0]) j++;
      for (let k = i; k <= j; k++) r[(idx[k] as readonly [number, number])[1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += ((ra[i] as number) - ma) * ((rb[i] as number) - mb);
    saa += ((ra[i] as number) - ma) ** 2;
    sbb += ((rb[i] as number) - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/**
 * Training experiments shared by several claims: each runs once per ledger (keyed by its setup and
 * its seeds) through {@link CheckContext.shared}, on the trainer's current backend.
 *
 * A population of n members has seeds ctx.seed, ctx.seed + 1, …, ctx.seed + n − 1. Since a member
 * is bit-identical to its single run, a population can grow: the members n₁ … n₂ − 1 are trained as
 * a block of their own and appended, and every claim that asks for the first n members of a setup
 * gets the same members whatever size was asked for before.
 */
import { makeConfig, train, type FinalProbe, type MemberLog, type TrainConfig } from '../train/index.js';
import { show } from '../theory/errors.js';
import { checkContext } from './check-args.js';
import { ClaimError, verdictOfInterval, type CheckContext, type IntervalEvidence, type Verdict } from './define.js';

export { quantile, median, spearman } from '../numeric/intervals/index.js';

/** A population experiment: a preset, overrides, the population size and the steps. */
export interface Setup {
  /** The trainer preset: `seed-toy`, `mixture-1d`, `ring8` or `grid25`. */
  preset: string;
  /** Settings over the preset's, as makeConfig takes them (`steps` below, when given, wins over theirs). */
  overrides?: Partial<TrainConfig>;
  /** Population in quick and full mode (for sequential checks: the first stage). */
  population: [number, number];
  /** Steps in quick and full mode (default: the preset's). */
  steps?: [number, number];
  /**
   * Sequential checks: the population sizes to grow to while the interval straddles the
   * threshold, in quick and full mode (the last one is the cap).
   */
  stages?: [number[], number[]];
}

/** The first n members of a setup, trained once per ledger, as {@link population} returns them. */
export interface Population {
  /** The trainer configuration every member ran. */
  config: TrainConfig;
  /** The first member's seed (the context's); member k's is seed + k. */
  seed: number;
  /** Every logged step, one entry per member each, members in seed order. */
  logs: MemberLog[][];
  /** Each member's entry at its last step, in seed order. */
  final: MemberLog[];
  /** G's and D's outputs at the end of training, members concatenated in seed order (`grid`, `d`, `samples`, and `dStar` where known). */
  probe: FinalProbe;
}

/** The setup's trainer configuration at the context's size. */
export function configOf(ctx: CheckContext, setup: Setup): TrainConfig {
  checkContext('configOf', ctx);
  checkSetup('configOf', setup);
  const steps = setup.steps ? ctx.size(setup.steps[0], setup.steps[1]) : undefined;
  const overrides: Partial<TrainConfig> = { ...setup.overrides, ...(steps !== undefined ? { steps } : {}) };
  return makeConfig(setup.preset, overrides as Record<string, unknown>);
}

/** Members seed + offset … seed + offset + K − 1 of a configuration, trained once per ledger. */
function block(ctx: CheckContext, config: TrainConfig, offset: number, K: number): Promise<Population> {
  const key = JSON.stringify({ config, K, seed: ctx.seed + offset });
  return ctx.shared(key, async () => {
    let probe: FinalProbe | null = null;
    // training stops at the check's time limit (the claim then reports the limit as its error)
    const deadline = ctx.deadline ?? Infinity;
    const r = await train(config, {
      seed: ctx.seed + offset,
      population: K,
      onFinal: (p) => (probe = p),
      ...(Number.isFinite(deadline) ? { shouldStop: () => performance.now() > deadline } : {}),
    });
    return { config, seed: ctx.seed + offset, logs: r.logs, final: r.final, probe: probe as unknown as FinalProbe };
  });
}

function concatF32(a: Float32Array, b: Float32Array): Float32Array {
  const o = new Float32Array(a.length + b.length);
  o.set(a);
  o.set(b, a.length);
  return o;
}

/** Two populations of one configuration, the second's members after the first's. */
function append(a: Population, b: Population): Population {
  const probe: FinalProbe = { grid: a.probe.grid, d: concatF32(a.probe.d, b.probe.d), samples: concatF32(a.probe.samples, b.probe.samples) };
  if (a.probe.dStar && b.probe.dStar) {
    const o = new Float64Array(a.probe.dStar.length + b.probe.dStar.length);
    o.set(a.probe.dStar);
    o.set(b.probe.dStar, a.probe.dStar.length);
    probe.dStar = o;
  }
  return { config: a.config, seed: a.seed, logs: a.logs.map((l, i) => [...l, ...(b.logs[i] ?? [])]), final: [...a.final, ...b.final], probe };
}

function checkSetup(fn: string, setup: unknown): void {
  const s = setup as Setup;
  const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isSafeInteger(x) && (x as number) >= 1);
  if (s === null || typeof s !== 'object' || typeof s.preset !== 'string' || !pair(s.population) || (s.steps !== undefined && !pair(s.steps))) {
    throw new ClaimError(fn, 'setup', `must be { preset, population: [quick, full], steps?: [quick, full] }; got ${show(setup)}`);
  }
}

/** The population sizes of a setup at the context's size: its first population and its stages, ascending. */
function stagesOf(ctx: CheckContext, setup: Setup): number[] {
  const first = ctx.size(setup.population[0], setup.population[1]);
  return [...new Set([first, ...(setup.stages ? ctx.size(setup.stages[0], setup.stages[1]) : [])])].sort((a, b) => a - b);
}

/**
 * The first `n` members of the setup (`n` defaults to its population size), grown from blocks at
 * the setup's stage boundaries so that every size reuses the members already trained.
 */
export async function population(ctx: CheckContext, setup: Setup, n?: number): Promise<Population> {
  checkContext('population', ctx);
  checkSetup('population', setup);
  if (n !== undefined && !(Number.isSafeInteger(n) && n >= 1 && n <= 4096))
    throw new ClaimError('population', 'n', `must be an integer from 1 to 4096; got ${show(n)}`);
  const config = configOf(ctx, setup);
  const stages = stagesOf(ctx, setup);
  const want = n ?? ctx.size(setup.population[0], setup.population[1]);
  const cuts = stages.includes(want) ? stages : [...stages, want].sort((a, b) => a - b);
  let pop: Population | null = null;
  let done = 0;
  for (const c of cuts) {
    if (c > want) break;
    const b = await block(ctx, config, done, c - done);
    pop = pop === null ? b : append(pop, b);
    done = c;
  }
  return pop as Population;
}

/** The share of xs that satisfy ok (refuses an empty list, which has no share). */
export function share<T>(xs: readonly T[], ok: (x: T) => boolean): number {
  if (!Array.isArray(xs)) throw new ClaimError('share', 'xs', `must be an array; got ${show(xs)}`);
  if (typeof ok !== 'function') throw new ClaimError('share', 'ok', `must be a predicate function; got ${show(ok)}`);
  if (xs.length === 0) throw new ClaimError('share', 'xs', 'must not be empty: a share of nothing is undefined');
  return xs.filter(ok).length / xs.length;
}

/** What a sequential check computes at one population size: its interval and what it says. */
export interface Look {
  /** The statistic and its interval at this population size. */
  interval: IntervalEvidence;
  /** The decision on this interval (inconclusive: grow the population). */
  verdict: Verdict;
}

/**
 * A sequential test: evaluates the population at each stage size and stops at the first decisive
 * look (verdict other than `inconclusive`); at the cap the last look stands, inconclusive or not.
 * Each of the m looks is made at level 1 − (1 − level)/m (Bonferroni), so the chance that any
 * look errs stays below 1 − level.
 */
export async function sequential<T extends Look>(
  ctx: CheckContext,
  setup: Setup,
  look: (pop: Population, level: number) => T | Promise<T>,
  level = 0.95,
): Promise<
  T & {
    /** The population of the last look. */
    pop: Population;
    /** How many looks were made, 1 to `stages.length`. */
    looks: number;
    /** The population sizes the test could look at, ascending; the last is the cap. */
    stages: number[];
  }
> {
  checkContext('sequential', ctx);
  checkSetup('sequential', setup);
  if (typeof look !== 'function') throw new ClaimError('sequential', 'look', `must be a function (pop, level) => Look; got ${show(look)}`);
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new ClaimError('sequential', 'level', `must be in (0, 1); got ${show(level)}`);
  const stages = stagesOf(ctx, setup);
  const each = 1 - (1 - level) / stages.length;
  let last: (T & { pop: Population }) | null = null;
  let looks = 0;
  for (const n of stages) {
    const pop = await population(ctx, setup, n);
    const r = await look(pop, each);
    looks++;
    last = { ...r, pop };
    if (r.verdict !== 'inconclusive') break;
  }
  const out = last as T & { pop: Population };
  return { ...out, looks, stages };
}

/** An interval's decision against a threshold (see {@link verdictOfInterval}), as a {@link Look}. */
export function lookAt(interval: IntervalEvidence, side: 'above' | 'below'): Look {
  if (interval === null || typeof interval !== 'object' || typeof interval.threshold !== 'number')
    throw new ClaimError('lookAt', 'interval', `must be an interval with a threshold; got ${show(interval)}`);
  return { interval, verdict: verdictOfInterval(interval, interval.threshold as number, side) };
}

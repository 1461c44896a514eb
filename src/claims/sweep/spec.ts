/**
 * A sweep: a grid of trainer settings × a range of seeds. Each cell (one setting of the grid) is a
 * population; its seeds are cut into blocks, and a (cell, block) pair is a *unit*, the smallest
 * piece of work a shard runs. Units are numbered block-major, and within block b the cells are
 * rotated by b (cell (k + b) mod C at position k); shard i of n takes the units whose number is
 * ≡ i − 1 (mod n). Without the rotation, a shard count that divides the number of cells would give
 * each shard one cell (and the 3000-step cells to the same shards); with it, every shard gets a mix
 * of cheap and costly settings and they take about equal time. A member's result depends only on its settings and its seed (a population member equals its
 * single run), so any split gives the same members, and the merge gives the same bytes.
 *
 *   { "preset": "seed-toy", "steps": 300,
 *     "grid": { "lrD": [0.01, 0.001], "loss": ["ns", "saturating"] },
 *     "seeds": { "from": 0, "count": 24 } }
 *
 * Other top-level fields are trainer settings shared by every cell (the `TrainConfig` names:
 * steps, batch, dSteps, lrG, …); `block` (seeds per unit, default 8), `tolerance` (the W1 below
 * which a member counts as reaching the target, default 0.25) and `checkpointEvery` (steps between a
 * unit's checkpoints, default 100) tune the sweep itself.
 */
import { createHash } from 'node:crypto';
import { makeConfig, PRESETS, type TrainConfig } from '../../train/index.js';
import { ClaimError } from '../define.js';
import { show } from '../../theory/errors.js';

export interface SweepSpec {
  preset: string;
  /** Settings shared by every cell. */
  base: Partial<TrainConfig>;
  /** Field → the values it takes; cells are the cartesian product, in the order given. */
  grid: [string, unknown[]][];
  seeds: { from: number; count: number };
  block: number;
  tolerance: number;
  checkpointEvery: number;
}

export interface Cell {
  index: number;
  settings: Record<string, unknown>;
  config: TrainConfig;
}

export interface Unit {
  /** Block-major number of the unit (what shards are cut by). */
  index: number;
  cell: number;
  block: number;
  /** First seed and number of seeds of the block. */
  seed: number;
  count: number;
  /** File-name stem: c<cell>-b<block>. */
  id: string;
}

/** The most cells a grid may have, and units a sweep. */
export const MAX_CELLS = 10_000;
export const MAX_UNITS = 1_000_000;

const SWEEP_FIELDS = ['preset', 'grid', 'seeds', 'block', 'tolerance', 'checkpointEvery'];
const fn = 'sweep';
const bad = (arg: string, detail: string) => new ClaimError(fn, arg, detail);

function posInt(arg: string, v: unknown, dflt: number | undefined, min = 1): number {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw bad(arg, `must be an integer ≥ ${min}; got ${show(v)}`);
  return v;
}

/** Checks a parsed spec completely (every cell's settings through makeConfig) before any work. */
export function parseSpec(raw: unknown): SweepSpec {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('spec', `must be a JSON object; got ${show(raw)}`);
  const o = raw as Record<string, unknown>;
  const preset = o.preset;
  if (typeof preset !== 'string' || PRESETS[preset] === undefined)
    throw bad('spec.preset', `must be one of ${Object.keys(PRESETS).join(', ')}; got ${show(preset)}`);
  const fields = new Set(Object.keys(PRESETS[preset] as TrainConfig).concat('optimizer', 'precision'));
  const base: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (SWEEP_FIELDS.includes(k)) continue;
    if (!fields.has(k)) throw bad(`spec.${k}`, `is neither a sweep field (${SWEEP_FIELDS.join(', ')}) nor a trainer setting (${[...fields].join(', ')})`);
    base[k] = v;
  }
  const g = o.grid;
  if (g === null || typeof g !== 'object' || Array.isArray(g)) throw bad('spec.grid', `must be an object of setting → list of values; got ${show(g)}`);
  const grid: [string, unknown[]][] = [];
  for (const [k, v] of Object.entries(g as Record<string, unknown>)) {
    if (!fields.has(k) || k === 'preset') throw bad(`spec.grid.${k}`, `is not a trainer setting (${[...fields].filter((f) => f !== 'preset').join(', ')})`);
    if (k in base) throw bad(`spec.grid.${k}`, 'is also given as a shared setting; give it in one place');
    if (!Array.isArray(v) || v.length === 0) throw bad(`spec.grid.${k}`, `must be a non-empty list of values; got ${show(v)}`);
    if (new Set(v.map((x) => JSON.stringify(x))).size !== v.length) throw bad(`spec.grid.${k}`, `lists a value twice; got ${show(v)}`);
    grid.push([k, v]);
  }
  const s = o.seeds as Record<string, unknown> | undefined;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) throw bad('spec.seeds', `must be { "from": S, "count": N }; got ${show(s)}`);
  for (const k of Object.keys(s)) if (k !== 'from' && k !== 'count') throw bad(`spec.seeds.${k}`, 'is not a field of seeds (from, count)');
  const seeds = { from: posInt('spec.seeds.from', s.from, 0, 0), count: posInt('spec.seeds.count', s.count, undefined) };
  if (seeds.from + seeds.count - 1 > 0xffff_ffff) throw bad('spec.seeds', `must stay below 2^32; got from ${seeds.from}, count ${seeds.count}`);
  const tolerance = o.tolerance ?? 0.25;
  if (typeof tolerance !== 'number' || !(tolerance > 0) || !Number.isFinite(tolerance))
    throw bad('spec.tolerance', `must be a positive number; got ${show(tolerance)}`);
  const spec: SweepSpec = {
    preset,
    base: base as Partial<TrainConfig>,
    grid,
    seeds,
    block: posInt('spec.block', o.block, 8),
    tolerance,
    checkpointEvery: posInt('spec.checkpointEvery', o.checkpointEvery, 100),
  };
  // sizes bounded before anything is built: a grid's cells and a sweep's units
  const nCells = grid.reduce((a, [, values]) => a * values.length, 1);
  if (nCells > MAX_CELLS) throw bad('spec.grid', `has ${nCells.toLocaleString('en-US')} cells; at most ${MAX_CELLS.toLocaleString('en-US')} are allowed`);
  const nUnits = nCells * Math.ceil(seeds.count / spec.block);
  if (nUnits > MAX_UNITS)
    throw bad(
      'spec',
      `has ${nUnits.toLocaleString('en-US')} units (${nCells} cells × ${Math.ceil(seeds.count / spec.block)} blocks); ` +
        `at most ${MAX_UNITS.toLocaleString('en-US')} are allowed: raise "block"`,
    );
  cells(spec); // every cell's configuration is checked now, not when its turn comes
  return spec;
}

/** The cells, each with its checked configuration. Errors name the cell's settings. */
export function cells(spec: SweepSpec): Cell[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, values] of spec.grid) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  return combos.map((settings, index) => {
    try {
      return { index, settings, config: makeConfig(spec.preset, { ...spec.base, ...settings } as Partial<TrainConfig>) };
    } catch (e) {
      throw bad(`spec (cell ${JSON.stringify(settings)})`, `is not a valid trainer configuration: ${(e as Error).message}`);
    }
  });
}

/** Every unit of the sweep, block-major. */
export function units(spec: SweepSpec): Unit[] {
  // the cells' count is the product of the grid's lengths (their configurations were checked by parseSpec)
  const nCells = spec.grid.reduce((a, [, values]) => a * values.length, 1);
  const nBlocks = Math.ceil(spec.seeds.count / spec.block);
  const out: Unit[] = [];
  for (let b = 0; b < nBlocks; b++) {
    const seed = spec.seeds.from + b * spec.block;
    const count = Math.min(spec.block, spec.seeds.from + spec.seeds.count - seed);
    for (let k = 0; k < nCells; k++) {
      const c = (k + b) % nCells;
      out.push({ index: out.length, cell: c, block: b, seed, count, id: `c${c}-b${b}` });
    }
  }
  return out;
}

/** Shard i of n (1-based): units ≡ i − 1 (mod n). */
export function shardUnits(all: readonly Unit[], i: number, n: number): Unit[] {
  return all.filter((u) => u.index % n === i - 1);
}

/** JSON with keys sorted at every level: the same spec always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** The spec's identity: a hash of its canonical form (defaults filled in). Grid order is kept: it numbers the cells. */
export function specHash(spec: SweepSpec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 16);
}

/**
 * A unit file's content hash: the first 16 hex digits of SHA-256 over the canonical JSON of every
 * field but the hash itself (format, version, spec hash, unit, cell, block, members). A unit whose
 * stored hash differs was edited after it was written.
 */
export function unitContentHash(fields: Record<string, unknown>): string {
  const { contentHash: _omit, ...rest } = fields;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 16);
}

/**
 * The audit of a committed sweep, run by every claim decided from one: nothing in the committed
 * files is trusted until it checks.
 * 1. Every unit file of the spec is there and checks (fields, content hash, members, logged steps,
 *    value ranges: `checkUnit`), so a unit edited by one number is caught by its hash.
 * 2. The committed summary equals, byte for byte, the summary recomputed from those units, so an
 *    edited summary is caught.
 * 3. A seeded random sample of units is retrained here and compared byte for byte with the committed
 *    files, so a unit that the code and its seed would not give (a forged file with a recomputed
 *    hash) is caught. Where a whole unit costs more than the ledger can spend, its first
 *    `prefixSteps` steps are retrained and their logged entries compared (a member's trajectory does
 *    not depend on how many steps follow).
 */
import { statSync } from 'node:fs';
import { readRegularFile } from '../../numeric/read-file.js';
import { join } from 'node:path';
import { Rng } from '../../numeric/index.js';
import { train } from '../../train/index.js';
import { ClaimError } from '../define.js';
import { canonicalJson, cells, parseSpec, specHash, units, type SweepSpec, type Unit, type Cell } from './spec.js';
import { cellSummary, summaryText, type MemberResult } from './summary.js';
import { checkUnit, membersOf, UnitProblem, unitText } from './units.js';

export interface AuditOptions {
  /** The spec file, the folder holding `units/`, and the merged summary.json (paths). */
  spec: string;
  dir: string;
  summary: string;
  /** How many units to retrain, and the seed that picks them. */
  sample: number;
  seed: number;
  /** Retrain only the first N steps of each sampled unit (N a multiple of the spec's logEvery). */
  prefixSteps?: number;
}

export interface AuditResult {
  specHash: string;
  /** Units checked (all of the spec's). */
  units: number;
  members: number;
  /** The sampled units, retrained and equal. */
  recomputed: string[];
  /** Steps retrained per sampled unit (the cell's full length where no prefix was asked). */
  prefixSteps: number | null;
  /** The spec, its cells' summaries (as recomputed, equal to the committed file). */
  parsed: SweepSpec;
  summaries: ReturnType<typeof cellSummary>[];
  /** A sentence for a claim's evidence. */
  text: string;
}

const fn = 'auditSweep';

function readText(arg: string, path: string): string {
  try {
    if (!statSync(path).isFile()) throw new Error('not a regular file');
    return readRegularFile(path);
  } catch (e) {
    throw new ClaimError(fn, arg, `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function parseJson(arg: string, path: string, text: string): Record<string, unknown> {
  try {
    const o = JSON.parse(text);
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new Error('not a JSON object');
    return o as Record<string, unknown>;
  } catch (e) {
    throw new ClaimError(fn, arg, `${path} is not a JSON object (${(e as Error).message})`);
  }
}

/** The first line where two texts differ (1-based), for a message. */
function firstDiff(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

/** Audits a committed sweep (see the module note); throws ClaimError naming the file and the field at the first problem. */
export async function auditSweep(o: AuditOptions): Promise<AuditResult> {
  const spec = parseSpec(parseJson('spec', o.spec, readText('spec', o.spec)));
  const hash = specHash(spec);
  const all = units(spec);
  const cs = cells(spec);
  if (!Number.isSafeInteger(o.sample) || o.sample < 0 || o.sample > all.length)
    throw new ClaimError(fn, 'sample', `must be an integer from 0 to the ${all.length} units; got ${o.sample}`);
  const byCell: MemberResult[][] = cs.map(() => []);
  const texts = new Map<string, string>();
  let version: string | undefined;
  for (const u of all) {
    const path = join(o.dir, 'units', `${u.id}.json`);
    const text = readText('units', path);
    let members: MemberResult[];
    try {
      const obj = parseJson('units', path, text);
      members = checkUnit(obj, hash, u, (cs[u.cell] as Cell).config);
      if (version !== undefined && obj.version !== version) throw new UnitProblem(`version ${String(obj.version)} differs from the other units' ${version}`);
      version = obj.version as string;
    } catch (e) {
      if (e instanceof UnitProblem) throw new ClaimError(fn, 'units', `${path}: ${e.message}`);
      throw e;
    }
    texts.set(u.id, text);
    byCell[u.cell]?.push(...members);
  }
  const summaries = cs.map((c) => cellSummary(spec, c, byCell[c.index] ?? []));
  const committed = readText('summary', o.summary);
  const recomputed = summaryText(spec, hash, version ?? '', summaries);
  if (committed !== recomputed)
    throw new ClaimError(
      fn,
      'summary',
      `${o.summary} does not equal the summary recomputed from its ${all.length} units (first difference at line ${firstDiff(committed, recomputed)}): ` +
        'it was edited, or its units were',
    );
  // the sample: a seeded shuffle's first k units
  const rng = Rng.fromSeed(o.seed);
  const order = all.map((u) => u.index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const picked = order
    .slice(0, o.sample)
    .sort((a, b) => a - b)
    .map((i) => all[i] as Unit);
  const prefix = o.prefixSteps ?? null;
  for (const u of picked) {
    const cell = cs[u.cell];
    if (cell === undefined) throw new ClaimError(fn, 'spec', `has no cell ${u.cell}`);
    const path = join(o.dir, 'units', `${u.id}.json`);
    if (prefix !== null && prefix < cell.config.steps) {
      if (!Number.isSafeInteger(prefix) || prefix < 1 || prefix % cell.config.logEvery !== 0)
        throw new ClaimError(fn, 'prefixSteps', `must be a positive multiple of the cell's logEvery ${cell.config.logEvery}; got ${prefix}`);
      const r = await train({ ...cell.config, steps: prefix + 1 }, { seed: u.seed, population: u.count });
      const fresh = membersOf(r, u).map((m) => m.logs);
      const stored = (JSON.parse(texts.get(u.id) as string) as { members: MemberResult[] }).members.map((m) => m.logs.slice(0, fresh[0]?.length ?? 0));
      if (canonicalJson(fresh) !== canonicalJson(stored))
        throw new ClaimError(
          fn,
          'units',
          `${path}: its first ${prefix} steps, retrained here from seed ${u.seed}, do not give its logged values: the file is not what the code gives`,
        );
    } else {
      const r = await train(cell.config, { seed: u.seed, population: u.count });
      if (unitText(version ?? '', hash, u, membersOf(r, u)) !== texts.get(u.id))
        throw new ClaimError(fn, 'units', `${path}: retrained here from seed ${u.seed}, the unit differs from the file: the file is not what the code gives`);
    }
  }
  const membersN = byCell.reduce((a, m) => a + m.length, 0);
  const ids = picked.map((u) => u.id);
  return {
    specHash: hash,
    units: all.length,
    members: membersN,
    recomputed: ids,
    prefixSteps: prefix,
    parsed: spec,
    summaries,
    text:
      `from the committed sweep ${o.summary} (spec ${o.spec}, hash ${hash}): ${all.length} units, ${membersN} members, every content hash checked and the ` +
      `summary recomputed from them equal; ${ids.length} of ${all.length} units recomputed and equal` +
      `${prefix !== null ? ` (their first ${prefix} steps)` : ''}${ids.length > 0 ? ` (${ids.join(', ')}; sample seed ${o.seed})` : ''}`,
  };
}

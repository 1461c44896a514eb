/**
 * `gan-verify sweep SPEC.json --out DIR [--shard I/N]` and `gan-verify merge DIR… --out DIR`.
 *
 * A shard runs its units (see claims/sweep/spec.ts) one after the other. Each finished unit is one
 * file, `DIR/units/c<cell>-b<block>.json`, written durably (temp, fsync, rename); a unit already
 * there is skipped, so a shard can be rerun. While a unit trains, its checkpoint is written every
 * `checkpointEvery` steps; a shard that was killed resumes the unit from it, bit-identically. When
 * every unit of the shard is done, it writes `DIR/shard-I-of-N.json` (the spec, its hash, the
 * package version and the shard's units). Shards of one spec may share DIR or not.
 *
 * `merge` reads shard manifests and unit files from any number of folders, refuses a missing shard,
 * a duplicate, another spec or another version, and writes `summary.json` and `summary.md`: the
 * same bytes for every split of the same spec.
 */
import { packageVersion } from '../package-version.js';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readRegularFile } from '../numeric/read-file.js';
import { join } from 'node:path';
import { canonicalJson, cells, parseSpec, shardUnits, specHash, units, type Cell, type SweepSpec, type Unit } from '../claims/sweep/spec.js';
import { cellSummary, summaryMarkdown, summaryText, type MemberResult } from '../claims/sweep/summary.js';
import { checkUnit, membersOf, UnitProblem, unitText } from '../claims/sweep/units.js';
import { lanesOf } from '../train/config.js';
import { train, TrainInterrupted, useBackend, type Checkpoint } from '../train/index.js';
import { sealCheckpoint, unsealCheckpoint } from './checkpoint-file.js';
import { CliError, parseArgs, parseShard } from './args.js';
import { ensureOutputDir, existingDir, removeStaleTemp, SaveError, writeFileDurable } from './files.js';

export const SWEEP_HELP = `Usage: gan-verify sweep SPEC.json --out DIR [--shard I/N]
       gan-verify sweep SPEC.json --plan
       gan-verify merge DIR... --out DIR

sweep trains every cell of a grid of trainer settings over a range of seeds. SPEC.json:
  { "preset": "seed-toy", "steps": 300,
    "grid": { "lrD": [0.01, 0.001], "loss": ["ns", "saturating"] },
    "seeds": { "from": 0, "count": 24 } }
Other fields are trainer settings shared by every cell (steps, batch, dSteps, lrG, ...), and
"block" (seeds per unit, default 8), "tolerance" (W1 counted as reaching the target, default 0.25),
"checkpointEvery" (default 100). A unit is one cell x one block of seeds; shard I of N runs units
I, I+N, I+2N, ... (mixed cells, so shards take about equal time).

The shard is --shard I/N, else GAN_VERIFY_SHARD=I/N (a CI matrix), else SLURM_ARRAY_TASK_ID with
SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT (a Slurm array), else JOB_COMPLETION_INDEX (0-based)
with GAN_VERIFY_SHARDS=N (a Kubernetes Indexed Job), else 1/1. Each unit is written as it finishes;
a rerun skips finished units and resumes an interrupted one from its checkpoint.

--plan trains nothing: it prints the units, the member-steps and the estimated core-hours, from a
short run of each cell measured on this machine, so an array job can be sized before it starts.

merge combines the shards' folders into DIR/summary.json and DIR/summary.md (per cell: median and
5-95% bands, the share within tolerance and the median W1 with 95% intervals). It refuses a missing
shard, a duplicate, shards of another spec or of another gan-verify version. Merging any split gives
the same bytes as merging the unsharded run.
`;

const FORMAT_SHARD = 'gan-verify-sweep-shard/1';

const int = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s) : undefined);

/** The shard from the flag or the scheduler's environment, and where it came from. */
export function resolveShard(cmd: string, flag: string | undefined, env: NodeJS.ProcessEnv): { i: number; n: number; from: string } {
  const ofText = (text: string, from: string) => ({ ...parseShard(cmd, from, text.trim()), from });
  if (flag !== undefined) return ofText(flag, '--shard');
  if (env.GAN_VERIFY_SHARD !== undefined) return ofText(env.GAN_VERIFY_SHARD, 'GAN_VERIFY_SHARD');
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = int(env.SLURM_ARRAY_TASK_ID);
    const min = int(env.SLURM_ARRAY_TASK_MIN ?? '0');
    const count = int(env.SLURM_ARRAY_TASK_COUNT);
    if (id === undefined || min === undefined || count === undefined || count < 1 || id < min || id - min >= count) {
      throw new CliError(
        `${cmd}: SLURM_ARRAY_TASK_ID ${JSON.stringify(env.SLURM_ARRAY_TASK_ID)} needs SLURM_ARRAY_TASK_MIN ≤ it < MIN + SLURM_ARRAY_TASK_COUNT ` +
          `(an array --array=MIN-MAX); got MIN ${JSON.stringify(env.SLURM_ARRAY_TASK_MIN)}, COUNT ${JSON.stringify(env.SLURM_ARRAY_TASK_COUNT)}`,
      );
    }
    return { i: id - min + 1, n: count, from: 'SLURM_ARRAY_TASK_ID' };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const idx = int(env.JOB_COMPLETION_INDEX);
    const n = int(env.GAN_VERIFY_SHARDS);
    if (idx === undefined || n === undefined || n < 1 || idx >= n) {
      throw new CliError(
        `${cmd}: JOB_COMPLETION_INDEX ${JSON.stringify(env.JOB_COMPLETION_INDEX)} needs GAN_VERIFY_SHARDS=N (the Job's completions) with the index < N; ` +
          `got ${JSON.stringify(env.GAN_VERIFY_SHARDS)}`,
      );
    }
    return { i: idx + 1, n, from: 'JOB_COMPLETION_INDEX' };
  }
  return { i: 1, n: 1, from: 'no shard given' };
}

function readSpec(cmd: string, file: string | undefined): SweepSpec {
  if (file === undefined) throw new CliError(`${cmd}: missing SPEC.json (see --help)`);
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    throw new CliError(`${cmd}: SPEC ${JSON.stringify(file)} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${cmd}: SPEC ${JSON.stringify(file)} is not JSON: ${(e as Error).message}`);
  }
  return parseSpec(raw);
}

const unitFile = (dir: string, u: Unit) => join(dir, 'units', `${u.id}.json`);
const checkpointFile = (dir: string, u: Unit) => join(dir, 'units', `${u.id}.checkpoint.json`);

/** A unit file that belongs to this spec, or null (absent). Any other content is an error naming the file and the field. */
function readUnit(cmd: string, path: string, hash: string, u: Unit, cell: Cell): { members: MemberResult[]; version: string } | null {
  if (!existsSync(path)) return null;
  const o = readJsonFile(cmd, path, 'unit file', 'remove it to rerun the unit');
  try {
    return { members: checkUnit(o, hash, u, cell.config), version: o.version as string };
  } catch (e) {
    if (e instanceof UnitProblem) throw new CliError(`${cmd}: ${path}: ${e.message}`);
    throw e;
  }
}

/** A regular file's JSON object, or a one-line error naming it. */
function readJsonFile(cmd: string, path: string, what: string, hint: string): Record<string, unknown> {
  let o: unknown;
  try {
    o = JSON.parse(readRegularFile(path));
  } catch (e) {
    throw new CliError(`${cmd}: ${path} is not a readable ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${hint}`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new CliError(`${cmd}: ${path} is not a ${what} (not a JSON object); ${hint}`);
  return o as Record<string, unknown>;
}

export async function runSweep(argv: readonly string[], log: (s: string) => void): Promise<[string, number]> {
  const cmd = 'gan-verify sweep';
  const args = parseArgs(cmd, argv, { help: 'flag', out: 'value', shard: 'value', plan: 'flag' });
  if (args.flags.has('help')) return [SWEEP_HELP, 0];
  if (args.positionals.length > 1) throw new CliError(`${cmd}: one SPEC.json; got ${args.positionals.length} arguments`);
  const spec = readSpec(cmd, args.positionals[0]);
  if (args.flags.has('plan')) {
    if (args.values.has('out') || args.values.has('shard')) throw new CliError(`${cmd}: --plan trains nothing; it takes no --out or --shard`);
    return [await plan(spec), 0];
  }
  const out = args.values.get('out');
  if (out === undefined) throw new CliError(`${cmd}: --out DIR is required (where the shard writes its units)`);
  const shard = resolveShard(cmd, args.values.get('shard'), process.env);
  const hash = specHash(spec);
  const all = units(spec);
  const mine = shardUnits(all, shard.i, shard.n);
  const cs = cells(spec);
  ensureOutputDir(cmd, '--out', out);
  mkdirSync(join(out, 'units'), { recursive: true });
  const v = packageVersion();
  log(
    `${cmd}: spec ${hash}, ${cs.length} cells × ${Math.ceil(spec.seeds.count / spec.block)} blocks of ≤ ${spec.block} seeds = ${all.length} units; ` +
      `shard ${shard.i}/${shard.n} (${shard.from}): ${mine.length} units\n`,
  );
  // every unit file and checkpoint already there is checked before any training
  const done = new Set<string>();
  for (const u of mine) if (readUnit(cmd, unitFile(out, u), hash, u, cs[u.cell] as Cell) !== null) done.add(u.id);
  await useBackend('cpu');
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let ran = 0;
  try {
    for (const [k, u] of mine.entries()) {
      const label = `unit ${u.id} (${k + 1}/${mine.length}): ${canonicalJson(cs[u.cell]?.settings)}; seeds ${u.seed}–${u.seed + u.count - 1}`;
      if (done.has(u.id)) {
        log(`${label}: already done\n`);
        continue;
      }
      const cell = cs[u.cell];
      if (cell === undefined) throw new CliError(`${cmd}: internal: no cell ${u.cell}`);
      const ckPath = checkpointFile(out, u);
      removeStaleTemp(ckPath);
      let resume: Checkpoint | undefined;
      if (existsSync(ckPath)) {
        try {
          resume = unsealCheckpoint(JSON.parse(readRegularFile(ckPath)));
        } catch (e) {
          throw new CliError(`${cmd}: ${ckPath} is not a usable checkpoint (${(e as Error).message}); remove it to restart the unit`);
        }
        if (resume.seed !== u.seed || resume.population !== u.count || canonicalJson(resume.config) !== canonicalJson(cell.config)) {
          throw new CliError(`${cmd}: ${ckPath} is the checkpoint of another run (seed ${resume.seed}, ${resume.population} members); remove it`);
        }
      }
      const t0 = performance.now();
      let savedStep: number | undefined = resume?.step;
      let r: Awaited<ReturnType<typeof train>>;
      try {
        r = await train(cell.config, {
          seed: u.seed,
          population: u.count,
          ...(resume ? { resume } : {}),
          checkpointEvery: spec.checkpointEvery,
          onCheckpoint: (ck) => {
            try {
              writeFileDurable(ckPath, sealCheckpoint(ck));
            } catch (e) {
              if (!(e instanceof SaveError)) throw e;
              const kept = savedStep === undefined ? 'the unit had no checkpoint yet' : `its checkpoint of step ${savedStep} is kept`;
              throw new CliError(
                `${cmd}: ${stop ? 'interrupted; ' : ''}unit ${u.id}: could not save the checkpoint of step ${ck.step}: ${e.message}; ${kept}: ` +
                  'free space and rerun the same command to resume',
                1,
              );
            }
            savedStep = ck.step;
          },
          shouldStop: () => stop,
        });
      } catch (e) {
        if (e instanceof TrainInterrupted)
          throw new CliError(`${cmd}: interrupted in unit ${u.id} before step ${e.step}; its checkpoint is saved: rerun the same command to resume`, 130);
        throw e;
      }
      try {
        writeFileDurable(unitFile(out, u), unitText(v, hash, u, membersOf(r, u)));
      } catch (e) {
        if (!(e instanceof SaveError)) throw e;
        const kept = savedStep === undefined ? 'the unit had no checkpoint' : `its checkpoint of step ${savedStep} is kept`;
        throw new CliError(`${cmd}: unit ${u.id} finished, but ${e.message}; ${kept}: free space and rerun the same command`, 1);
      }
      rmSync(ckPath, { force: true });
      ran++;
      log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s${resume ? ` (resumed at step ${resume.step})` : ''}\n`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const manifest = join(out, `shard-${shard.i}-of-${shard.n}.json`);
  writeFileDurable(
    manifest,
    `${canonicalJson({ format: FORMAT_SHARD, version: v, specHash: hash, spec, shard: `${shard.i}/${shard.n}`, units: mine.map((u) => u.id) })}\n`,
  );
  return [`${cmd}: shard ${shard.i}/${shard.n} done: ${ran} units trained, ${mine.length - ran} already done; ${manifest}\n`, 0];
}

/** The least training time (ms) that `--plan` measures per cell, so that timer noise stays small. */
const PLAN_MIN_MS = 400;

/**
 * `sweep --plan`: the units, the member-steps, and the cost of each cell measured on this machine:
 * a unit's population (one block of seeds) for n steps less a 1-step run (setup and the step-0
 * evaluation), on one thread, n growing ×4 from 10 until the difference is at least PLAN_MIN_MS (or
 * the cell's steps). The estimate counts training; the evaluations at logged steps add a little.
 */
/** Seconds of one core as core-hours (or core-seconds when under a minute). */
const coreTime = (s: number) => (s < 60 ? `${s.toFixed(1)} core-seconds` : `${(s / 3600).toFixed(2)} core-hours`);

async function plan(spec: SweepSpec): Promise<string> {
  const all = units(spec);
  const cs = cells(spec);
  await useBackend('cpu');
  const rows: string[] = [];
  let total = 0;
  let memberSteps = 0;
  let worstUnit = 0;
  for (const c of cs) {
    const cellUnits = all.filter((u) => u.cell === c.index);
    const K = cellUnits[0]?.count ?? spec.block;
    const timeOf = async (steps: number) => {
      const t0 = performance.now();
      await train({ ...c.config, steps, logEvery: steps + 1 }, { seed: spec.seeds.from, population: K });
      return performance.now() - t0;
    };
    const t1 = Math.min(await timeOf(1), await timeOf(1)); // the first also warms the kernel up
    let n = Math.min(10, c.config.steps);
    let dt = Math.max(0, (await timeOf(n + 1)) - t1);
    while (dt < PLAN_MIN_MS && n < c.config.steps) {
      n = Math.min(4 * n, c.config.steps);
      dt = Math.max(0, (await timeOf(n + 1)) - t1);
    }
    const perUnitStep = dt / n / 1000;
    // a unit of k members costs about k/K of a full block's (the kernel trains members in pairs, in fours in float32)
    const lanes = lanesOf(c.config.precision);
    const seconds = cellUnits.reduce((a, u) => a + (Math.ceil(u.count / lanes) / Math.ceil(K / lanes)) * c.config.steps * perUnitStep, 0);
    total += seconds;
    memberSteps += cellUnits.reduce((a, u) => a + u.count, 0) * c.config.steps;
    worstUnit = Math.max(worstUnit, c.config.steps * perUnitStep);
    rows.push(
      `  cell ${c.index} ${canonicalJson(c.settings)}: ${cellUnits.length} units of ${K} members, ${(perUnitStep * 1000).toFixed(3)} ms a unit-step ` +
        `(${n} steps timed), about ${coreTime(seconds)}`,
    );
  }
  const lanes = lanesOf(spec.base.precision);
  const fill = Math.ceil(spec.block / lanes) * lanes;
  const odd =
    fill !== spec.block
      ? `; block ${spec.block} is not a multiple of ${lanes}: the kernel trains members ${lanes === 2 ? 'in pairs' : 'four at a time'}, ` +
        `so block ${fill} costs the same\n`
      : '\n';
  return (
    `gan-verify sweep --plan: spec ${specHash(spec)}: ${cs.length} cells × ${Math.ceil(spec.seeds.count / spec.block)} blocks = ${all.length} units, ` +
    `${memberSteps.toLocaleString('en-US')} member-steps\n${rows.join('\n')}\n` +
    `total about ${coreTime(total)} of training on one thread (each cell timed here on a unit's members); ` +
    `the longest unit about ${(worstUnit / 60).toFixed(1)} minutes${odd}`
  );
}

interface Manifest {
  dir: string;
  file: string;
  version: string;
  specHash: string;
  spec: unknown;
  shard: string;
  units: string[];
}

export async function runMerge(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify merge';
  const args = parseArgs(cmd, argv, { help: 'flag', out: 'value' });
  if (args.flags.has('help')) return [SWEEP_HELP, 0];
  const dirs = args.positionals;
  const out = args.values.get('out');
  if (dirs.length === 0) throw new CliError(`${cmd}: give the shards' folders (DIR...)`);
  if (out === undefined) throw new CliError(`${cmd}: --out DIR is required`);
  const manifests: Manifest[] = [];
  for (const dir of dirs) {
    existingDir(cmd, JSON.stringify(dir), dir, "give the shards' folders (DIR...)");
    const files = readdirSync(dir).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f));
    if (files.length === 0)
      throw new CliError(`${cmd}: ${JSON.stringify(dir)} has no finished shard (no shard-I-of-N.json): is its shard still running, or was it interrupted?`);
    for (const f of files.sort()) {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(readRegularFile(join(dir, f)));
      } catch (e) {
        throw new CliError(`${cmd}: ${join(dir, f)} is not readable (${(e as Error).message})`);
      }
      if (o.format !== FORMAT_SHARD || !Array.isArray(o.units)) throw new CliError(`${cmd}: ${join(dir, f)} is not a sweep shard manifest`);
      manifests.push({
        dir,
        file: join(dir, f),
        version: String(o.version),
        specHash: String(o.specHash),
        spec: o.spec,
        shard: String(o.shard),
        units: o.units as string[],
      });
    }
  }
  const first = manifests[0] as Manifest;
  for (const m of manifests) {
    if (m.specHash !== first.specHash)
      throw new CliError(`${cmd}: ${m.file} is a shard of another spec (hash ${m.specHash}; ${first.file} has ${first.specHash})`);
    if (m.version !== first.version)
      throw new CliError(`${cmd}: ${m.file} was written by gan-verify ${m.version}; ${first.file} by ${first.version}: rerun one of them`);
  }
  const v = packageVersion();
  if (first.version !== v)
    throw new CliError(`${cmd}: the shards were written by gan-verify ${first.version}; this is ${v}: merge with the version that ran them`);
  const spec = parseSpec(specFromCanonical(first.spec));
  if (specHash(spec) !== first.specHash) throw new CliError(`${cmd}: ${first.file}'s spec does not match its hash ${first.specHash}`);
  // each manifest's shard is I/N as its file name says, and lists exactly that shard's units
  const all = units(spec);
  for (const m of manifests) {
    const fm = /shard-(\d+)-of-(\d+)\.json$/.exec(m.file);
    const sm = /^(\d+)\/(\d+)$/.exec(m.shard);
    if (fm === null || sm === null || fm[1] !== sm[1] || fm[2] !== sm[2] || Number(sm[1]) < 1 || Number(sm[1]) > Number(sm[2]))
      throw new CliError(`${cmd}: ${m.file}: shard ${JSON.stringify(m.shard)} must be I/N with 1 ≤ I ≤ N, as the file name says`);
    const want = shardUnits(all, Number(sm[1]), Number(sm[2])).map((u) => u.id);
    if (canonicalJson(m.units) !== canonicalJson(want))
      throw new CliError(
        `${cmd}: ${m.file}: units must list shard ${m.shard}'s ${want.length} units (${want.slice(0, 3).join(', ')}…); ` +
          `got ${JSON.stringify(m.units).slice(0, 80)}`,
      );
  }
  const where = new Map<string, Manifest>();
  for (const m of manifests) {
    for (const id of m.units) {
      const prev = where.get(id);
      if (prev !== undefined) throw new CliError(`${cmd}: unit ${id} is in two shards (${prev.file} and ${m.file}): a duplicate shard`);
      where.set(id, m);
    }
  }
  const missing = all.filter((u) => !where.has(u.id));
  if (missing.length > 0) {
    const shards = [...new Set(manifests.map((m) => m.shard.split('/')[1]))];
    const hint =
      shards.length === 1 && shards[0] !== undefined ? ` (of ${shards[0]} shards: ${missingShards(missing, Number(shards[0])).join(', ')} missing)` : '';
    throw new CliError(`${cmd}: ${missing.length} of ${all.length} units are in no finished shard, e.g. ${missing[0]?.id}${hint}`);
  }
  const cs = cells(spec);
  const byCell: MemberResult[][] = cs.map(() => []);
  for (const u of all) {
    const m = where.get(u.id) as Manifest;
    const r = readUnit(cmd, unitFile(m.dir, u), first.specHash, u, cs[u.cell] as Cell);
    if (r === null) throw new CliError(`${cmd}: ${m.file} lists unit ${u.id}, but ${unitFile(m.dir, u)} is missing`);
    byCell[u.cell]?.push(...r.members);
  }
  const summaries = cs.map((c) => cellSummary(spec, c, byCell[c.index] ?? []));
  ensureOutputDir(cmd, '--out', out);
  writeFileDurable(join(out, 'summary.json'), summaryText(spec, first.specHash, first.version, summaries));
  writeFileDurable(join(out, 'summary.md'), summaryMarkdown(summaries));
  return [
    `${cmd}: ${all.length} units from ${manifests.length} shard${manifests.length === 1 ? '' : 's'} → ${join(out, 'summary.json')}, ` +
      `${join(out, 'summary.md')}\n`,
    0,
  ];
}

/** The shards (1-based, of n) that hold the missing units. */
function missingShards(missing: readonly Unit[], n: number): string[] {
  return [...new Set(missing.map((u) => `${(u.index % n) + 1}/${n}`))].sort();
}

/** A manifest stores the parsed spec; turn it back into the spec file's shape for parseSpec. */
function specFromCanonical(s: unknown): unknown {
  const o = s as SweepSpec;
  if (o === null || typeof o !== 'object' || !Array.isArray(o.grid)) return s;
  return {
    preset: o.preset,
    ...o.base,
    grid: Object.fromEntries(o.grid),
    seeds: o.seeds,
    block: o.block,
    tolerance: o.tolerance,
    checkpointEvery: o.checkpointEvery,
  };
}

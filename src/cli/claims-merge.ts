/**
 * `gan-verify claims merge SHARD.json… [--out DIR] [--json] [--no-report] [--docs DIR]`: the ledger
 * shards of `claims --shard I/N --json` merged into one ledger, in the order one unsharded run
 * would list it (shard I holds claims I, I+N, I+2N, …, so they are interleaved back), and one report.
 * Refuses, with one line: a file that is not a ledger, a missing or repeated shard, shards of
 * different seeds, sizes, backends or gan-verify versions, and a claim in two shards.
 */
import { readRegularFile } from '../numeric/read-file.js';
import { VERDICTS } from '../claims/define.js';
import { resolve } from 'node:path';
import { ledgerJson, ledgerTable, LEDGER_SCHEMA, writeReport, type LedgerMeta } from '../claims/report.js';
import { packageVersion } from '../package-version.js';
import type { LedgerEntry } from '../claims/runner.js';
import type { Plot } from '../claims/define.js';
import { CliError, parseArgs } from './args.js';
import { ensureOutputDir } from './files.js';

export const CLAIMS_MERGE_HELP = `Usage: gan-verify claims merge SHARD.json... [--out DIR] [--no-report] [--json] [--docs DIR]

Merges ledger shards written by 'gan-verify claims --shard I/N --json > SHARD.json' (one per I) into
one ledger and one report (default report/), in the order of the unsharded ledger. Every shard of
1..N must be there once, all from the same seed, size (--quick or not), backend and gan-verify
version. Exit codes: 0 every verdict as expected, 1 some differ, 2 bad input.
`;

interface Shard {
  file: string;
  i: number;
  n: number;
  version: string;
  seed: number;
  quick: boolean;
  backend: string;
  seconds: number;
  claims: (Omit<LedgerEntry, 'plots'> & { plots: string[] })[];
  plotSpecs: Record<string, Plot>;
}

function readShard(cmd: string, file: string): Shard {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(readRegularFile(file));
  } catch (e) {
    throw new CliError(`${cmd}: ${JSON.stringify(file)} is not a readable JSON ledger (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (o.schema !== LEDGER_SCHEMA || !Array.isArray(o.claims)) throw new CliError(`${cmd}: ${JSON.stringify(file)} is not a ledger written by 'claims --json'`);
  const m = typeof o.shard === 'string' ? /^(\d+)\/(\d+)$/.exec(o.shard) : null;
  if ((o.shard !== null && m === null) || (m !== null && !(Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]))))
    throw new CliError(`${cmd}: ${JSON.stringify(file)} has a bad shard field ${JSON.stringify(o.shard)} (I/N with 1 ≤ I ≤ N, or null)`);
  // every entry as 'claims --json' writes it: the fields the report reads, with their types
  (o.claims as unknown[]).forEach((c, k) => {
    const bad = (field: string, want: string, got: unknown) =>
      new CliError(`${cmd}: ${JSON.stringify(file)}: claims[${k}]${field} must be ${want}; got ${JSON.stringify(got)?.slice(0, 60)}`);
    if (c === null || typeof c !== 'object' || Array.isArray(c)) throw bad('', 'a ledger entry (an object)', c);
    const e = c as Record<string, unknown>;
    for (const f of ['id', 'doc', 'evidence'] as const) if (typeof e[f] !== 'string') throw bad(`.${f}`, 'a string', e[f]);
    if (!(VERDICTS as readonly unknown[]).includes(e.verdict)) throw bad('.verdict', `one of ${VERDICTS.join(', ')}`, e.verdict);
    if (e.expected !== undefined && (!(VERDICTS as readonly unknown[]).includes(e.expected) || e.expected === 'error'))
      throw bad('.expected', `absent or one of ${VERDICTS.slice(0, -1).join(', ')}`, e.expected);
    if (typeof e.agrees !== 'boolean') throw bad('.agrees', 'true or false', e.agrees);
    if (typeof e.seconds !== 'number' || !(e.seconds >= 0)) throw bad('.seconds', 'a number ≥ 0', e.seconds);
    if (!Array.isArray(e.plots) || !e.plots.every((x) => typeof x === 'string')) throw bad('.plots', 'a list of plot ids', e.plots);
  });
  if (typeof o.plotSpecs !== 'object' || o.plotSpecs === null)
    throw new CliError(`${cmd}: ${JSON.stringify(file)} has no plotSpecs (written by an older gan-verify?)`);
  return {
    file,
    i: m ? Number(m[1]) : 1,
    n: m ? Number(m[2]) : 1,
    version: String(o.version),
    seed: Number(o.seed),
    quick: o.quick === true,
    backend: String(o.backend),
    seconds: Number(o.seconds),
    claims: o.claims as Shard['claims'],
    plotSpecs: o.plotSpecs as Record<string, Plot>,
  };
}

export async function runClaimsMerge(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify claims merge';
  const args = parseArgs(cmd, argv, { help: 'flag', out: 'value', 'no-report': 'flag', json: 'flag', docs: 'value' });
  if (args.flags.has('help')) return [CLAIMS_MERGE_HELP, 0];
  if (args.positionals.length === 0) throw new CliError(`${cmd}: give the shards' JSON ledgers (SHARD.json...)`);
  const shards = args.positionals.map((f) => readShard(cmd, f));
  const first = shards[0] as Shard;
  for (const s of shards) {
    for (const k of ['n', 'version', 'seed', 'quick', 'backend'] as const) {
      if (s[k] !== first[k])
        throw new CliError(`${cmd}: ${s.file} has ${k} ${JSON.stringify(s[k])}, ${first.file} ${JSON.stringify(first[k])}: not shards of one ledger`);
    }
  }
  if (first.version !== packageVersion()) throw new CliError(`${cmd}: the shards were written by gan-verify ${first.version}; this is ${packageVersion()}`);
  const byIndex = new Map<number, Shard>();
  for (const s of shards) {
    const prev = byIndex.get(s.i);
    if (prev !== undefined) throw new CliError(`${cmd}: shard ${s.i}/${s.n} is given twice (${prev.file} and ${s.file})`);
    byIndex.set(s.i, s);
  }
  const missing = Array.from({ length: first.n }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new CliError(`${cmd}: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.n}`).join(', ')} missing`);
  // shard i holds positions i−1, i−1+n, …: interleave them back
  const ordered: Shard['claims'] = [];
  const longest = Math.max(...shards.map((s) => s.claims.length));
  for (let j = 0; j < longest; j++)
    for (let i = 1; i <= first.n; i++) {
      const c = byIndex.get(i)?.claims[j];
      if (c !== undefined) ordered.push(c);
    }
  const seen = new Set<string>();
  for (const c of ordered) {
    if (seen.has(c.id)) throw new CliError(`${cmd}: claim ${JSON.stringify(c.id)} is in two shards`);
    seen.add(c.id);
  }
  const specs = Object.assign({}, ...shards.map((s) => s.plotSpecs)) as Record<string, Plot>;
  const entries: LedgerEntry[] = ordered.map((c) => ({ ...c, plots: c.plots.map((id) => specs[id]).filter((p): p is Plot => p !== undefined) }));
  const meta: LedgerMeta = { seed: first.seed, quick: first.quick, shard: null, backend: first.backend, seconds: shards.reduce((a, s) => a + s.seconds, 0) };
  const code = entries.every((e) => e.agrees) ? 0 : 1;
  let tail = '';
  if (!args.flags.has('no-report')) {
    const dir = args.values.get('out') ?? 'report';
    ensureOutputDir(cmd, '--out', dir);
    const { defaultDocsDir, docsDir } = await import('./coverage.js');
    const docsGiven = args.values.get('docs');
    await writeReport(dir, entries, meta, docsGiven !== undefined ? docsDir(cmd, docsGiven) : defaultDocsDir());
    tail = `report: ${resolve(dir, 'index.html')} and ${resolve(dir, 'README.md')}\n`;
  }
  if (args.flags.has('json')) {
    if (tail) process.stderr.write(tail);
    return [ledgerJson(entries, meta), code];
  }
  return [`merged ${shards.length} shard${shards.length === 1 ? '' : 's'} of ${first.n}\n${ledgerTable(entries, process.stdout.columns ?? 160)}${tail}`, code];
}

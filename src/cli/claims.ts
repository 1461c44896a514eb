/** `gan-verify claims [FILE…]`: the claims ledger (what `npm start` runs). */
import { Worker } from 'node:worker_threads';
import { renderBar } from './progress.js';
import { writeFileDurable } from '../claims/durable.js';
import { resolve } from 'node:path';
import { CATALOGUE } from '../claims/catalogue/index.js';
import type { AnyClaim } from '../claims/define.js';
import { ledgerJson, ledgerTable, writeReport, type LedgerMeta } from '../claims/report.js';
import { junitXml } from '../claims/junit.js';
import { controlProblems, type LedgerEntry, runLedger, shard } from '../claims/runner.js';
import { useBackend, BACKENDS, type BackendName } from '../train/index.js';
import { CliError, parseArgs, parseSeedFlag, parseShard, parseTimeLimit } from './args.js';
import { loadClaims } from './load-claims.js';
import { ensureOutputDir, ensureOutputFile } from './files.js';

export const CLAIMS_HELP = `Usage: gan-verify claims [FILE…] [options]

Runs a check for every claim of the five seed documents, or for the claims in FILE… only (modules
that export claims made with defineClaim or claim(); --with-builtin runs the seed documents' claims
too), and gives each a verdict: holds, holds-under-conditions, imprecise, refuted, inconclusive (the
interval straddles the claim's threshold even at the largest population), not-checkable, or error (the
check threw or ran past its time limit: nothing was decided). Prints a table, writes report/index.html and report/README.md
with SVG plots.

Options:
  --only ID[,ID…]   run only these claims
  --with-builtin    with FILE…: also run the built-in claims of the seed documents
  --quick           small sizes and populations (under a minute)
  --json            print the ledger as JSON (schema gan-verify-ledger-1) instead of the table
  --junit FILE      also write JUnit XML (one testcase per claim) to FILE
  --shard I/N       run the I-th of N interleaved parts of the ledger (1 ≤ I ≤ N); merge the
                    parts with: gan-verify claims merge SHARD.json... (see claims merge --help)
  --seed N          base seed of every random thing (default 0)
  --out DIR         report folder (default report); --no-report writes none
  --backend NAME    TensorFlow.js backend for the training claims: cpu (default), wasm, tensorflow, tensorflow-gpu
  --controls        also run each claim's mutant (must give another verdict) and positive control
                    (must say holds); the table and JSON show both and flag a check that fails to discriminate
  --time-limit S    seconds one claim's check may take (default 600); past it the claim reports the
                    limit as its error and the ledger goes on
  --docs DIR        the seed documents, for the annotated views of the report (default ../shared/seeds)
  --coverage        also print the sentence accounting of the documents (as gan-verify coverage)
  --list            list the claims (id, document, method, expected verdict) and exit

Exit codes: 0 every verdict is the expected one (and, with --controls, every check discriminates), 1 some differ (the report says which), 2 bad input.
`;

const SPEC = {
  help: 'flag',
  only: 'value',
  quick: 'flag',
  json: 'flag',
  junit: 'value',
  shard: 'value',
  seed: 'value',
  out: 'value',
  'no-report': 'flag',
  backend: 'value',
  list: 'flag',
  controls: 'flag',
  'time-limit': 'value',
  docs: 'value',
  coverage: 'flag',
  'with-builtin': 'flag',
} as const;

/**
 * A watchdog thread over the ledger: `arm(id, s)` gives claim `id` s seconds; if the main thread is
 * still in that claim then (a synchronous loop that no timer can interrupt), the thread writes one
 * line naming the claim and ends the process with SIGKILL. Asynchronous overruns never reach it: the
 * runner's own time limit records them and moves on, and the next claim re-arms it.
 */
function watchdog(cmd: string, limit: number): { arm(id: string, seconds: number): void; stop(): void } {
  const sab = new SharedArrayBuffer(8 + 128);
  const deadline = new Float64Array(sab, 0, 1);
  const idBytes = new Uint8Array(sab, 8, 128);
  const code = `
    const { workerData } = require('node:worker_threads');
    const { writeSync } = require('node:fs');
    const d = new Float64Array(workerData.sab, 0, 1);
    const idb = new Uint8Array(workerData.sab, 8, 128);
    setInterval(() => {
      if (d[0] > 0 && Date.now() > d[0]) {
        const id = Buffer.from(idb).toString('utf8').replace(/\\u0000+$/, '');
        writeSync(2, workerData.cmd + ': claim ' + id + ' ran past its time limit of ' + workerData.limit +
          ' s without ever yielding (a synchronous loop cannot be stopped in place): the ledger is stopped, nothing was written\\n');
        process.kill(process.pid, 'SIGKILL');
      }
    }, 100);`;
  const w = new Worker(code, { eval: true, workerData: { sab, cmd, limit } });
  w.unref();
  return {
    arm(id, seconds) {
      idBytes.fill(0);
      idBytes.set(Buffer.from(id, 'utf8').subarray(0, 127));
      deadline[0] = Date.now() + seconds * 1000;
    },
    stop() {
      deadline[0] = 0;
      void w.terminate();
    },
  };
}

function progress(done: number, total: number, id: string): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${renderBar(done, total, id)}`);
    if (done === total) process.stderr.write('\n');
  } else if (done < total) {
    process.stderr.write(`[${done + 1}/${total}] ${id}\n`);
  }
}

/**
 * Runs claims with progress lines and the watchdog: a check that loops synchronously never yields, so
 * its time limit cannot fire in place; the watchdog thread ends the process (one line, exit by
 * SIGKILL) once a claim is past all its checks' limits.
 */
export async function runWatched(
  cmd: string,
  claims: readonly AnyClaim[],
  o: { quick: boolean; seed: number; controls: boolean; timeLimit: number },
): Promise<LedgerEntry[]> {
  const dog = watchdog(cmd, o.timeLimit);
  try {
    return await runLedger(claims, {
      ...o,
      onProgress: (done, total, id) => {
        progress(done, total, id);
        // subject, mutant and positive control each have the limit; 5 s of slack for the runner itself
        if (done < total) dog.arm(id, (o.controls ? 3 : 1) * o.timeLimit + 5);
      },
    });
  } finally {
    dog.stop();
  }
}

export async function runClaims(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify claims';
  if (argv[0] === 'merge') {
    const { runClaimsMerge } = await import('./claims-merge.js');
    return runClaimsMerge(argv.slice(1));
  }
  const args = parseArgs(cmd, argv, SPEC);
  if (args.flags.has('help')) return [CLAIMS_HELP, 0];
  const seed = parseSeedFlag(cmd, args.values.get('seed'));
  const backend = (args.values.get('backend') ?? 'cpu') as BackendName;
  if (!(BACKENDS as readonly string[]).includes(backend))
    throw new CliError(`${cmd}: --backend must be one of ${BACKENDS.join(', ')}; got ${JSON.stringify(backend)}`);

  // an author's files run alone; the seed documents' claims join them with --with-builtin (and run alone without files)
  let claims: AnyClaim[] = args.positionals.length === 0 || args.flags.has('with-builtin') ? [...CATALOGUE] : [];
  for (const file of args.positionals) claims.push(...(await loadClaims(file)));
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new CliError(`${cmd}: claim id ${JSON.stringify(c.id)} is defined twice`);
    ids.add(c.id);
  }
  const only = args.values.get('only');
  if (only !== undefined) {
    const want = only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = want.filter((id) => !ids.has(id));
    if (want.length === 0 || unknown.length > 0) throw new CliError(`${cmd}: --only names unknown claim ${JSON.stringify(unknown[0] ?? only)} (see --list)`);
    claims = claims.filter((c) => want.includes(c.id));
  }
  const shardRaw = args.values.get('shard');
  if (shardRaw !== undefined) {
    const { i, n } = parseShard(cmd, '--shard', shardRaw);
    claims = shard(claims, i, n);
  }
  if (args.flags.has('list')) {
    return [`${claims.map((c) => `${c.id.padEnd(42)} ${c.source.doc.padEnd(26)} ${c.method.padEnd(11)} ${c.expected ?? '—'}`).join('\n')}\n`, 0];
  }
  const timeLimit = parseTimeLimit(cmd, args.values.get('time-limit'));
  const junit = args.values.get('junit');
  if (junit !== undefined && junit === '') throw new CliError(`${cmd}: --junit needs a file name`);

  // outputs are checked before any claim runs
  if (junit !== undefined) ensureOutputFile(cmd, '--junit', junit);
  if (!args.flags.has('no-report')) ensureOutputDir(cmd, '--out', args.values.get('out') ?? 'report');
  // the documents for the annotated views, resolved now (a bad --docs fails before any claim runs)
  const { defaultDocsDir, docsDir } = await import('./coverage.js');
  const docsGiven = args.values.get('docs');
  const docs = docsGiven !== undefined ? docsDir(cmd, docsGiven) : defaultDocsDir();
  await useBackend(backend);
  const quick = args.flags.has('quick');
  process.stderr.write(`gan-verify claims: ${claims.length} claims, seed ${seed}${quick ? ', quick' : ''}, backend ${backend}\n`);
  const t0 = performance.now();
  const controls = args.flags.has('controls');
  const entries = await runWatched(cmd, claims, { quick, seed, controls, timeLimit });
  const meta: LedgerMeta = { seed, quick, shard: shardRaw ?? null, backend, seconds: (performance.now() - t0) / 1000 };
  const code = entries.every((e) => e.agrees) && (!controls || entries.every((e) => controlProblems(e).length === 0)) ? 0 : 1;
  if (junit !== undefined) writeFileDurable(junit, junitXml(entries, meta));
  let tail = '';
  if (!args.flags.has('no-report')) {
    const dir = args.values.get('out') ?? 'report';
    await writeReport(dir, entries, meta, docs);
    tail = `report: ${resolve(dir, 'index.html')} and ${resolve(dir, 'README.md')}\n`;
  }
  if (args.flags.has('json')) {
    if (tail) process.stderr.write(tail);
    return [ledgerJson(entries, meta), code];
  }
  let coverage = '';
  if (args.flags.has('coverage')) {
    const { runCoverage } = await import('./coverage.js');
    const docs = args.values.get('docs');
    const [text, c] = await runCoverage(docs === undefined ? [] : ['--docs', docs]);
    coverage = `\n${text}`;
    if (c !== 0 && code === 0) return [`${ledgerTable(entries, process.stdout.columns ?? 160)}${tail}${coverage}`, 1];
  }
  return [`${ledgerTable(entries, process.stdout.columns ?? 160)}${tail}${coverage}`, code];
}

/**
 * A full disk never replaces a good file by a truncated one, and every command says what it could
 * not save and where the last good state is (exit 1). Each case runs on a small tmpfs mounted for it
 * (the tests run as root in CI); where tmpfs cannot be mounted the cases are skipped and say so in
 * capitals.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unsealCheckpoint } from '../src/cli/checkpoint-file.js';
import { writeFileDurable, SaveError } from '../src/claims/durable.js';
import { cliAsync } from './cli-helpers.js';

const mounted: string[] = [];
const root = mkdtempSync(join(tmpdir(), 'gan-verify-full-'));

/** Mounts a tmpfs of `kib` KiB; null where this machine cannot (not root, no mount). */
function tmpfs(kib: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = join(root, `fs${mounted.length}`);
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  mounted.push(dir);
  return dir;
}

/** Fills the file system of `dir` until at most `leave` bytes are free. */
function fill(dir: string, leave = 0): void {
  const s = statfsSync(dir);
  const want = s.bavail * s.bsize - leave;
  const fd = openSync(join(dir, `filler-${process.hrtime.bigint()}`), 'w');
  try {
    const chunk = Buffer.alloc(4096);
    for (let done = 0; done < want; done += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, want - done));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
}

const probe = tmpfs(64);
const canMount = probe !== null;
if (!canMount) console.warn('FULL-DISK TESTS SKIPPED: a tmpfs cannot be mounted here (they need root and mount(8) on Linux)');

afterAll(() => {
  for (const d of mounted.reverse()) spawnSync('umount', ['-l', d]);
  rmSync(root, { recursive: true, force: true });
});

const bin = new URL('../bin/gan-verify.js', import.meta.url).pathname;
const oneLine = (s: string) =>
  expect(
    s
      .trimEnd()
      .split('\n')
      .filter((l) => !/could not append/.test(l)),
  ).toHaveLength(1);

describe.skipIf(!canMount)('a full disk', () => {
  it('writeFileDurable: a write that does not fit throws SaveError and keeps the previous file byte for byte', () => {
    const dir = probe as string;
    const file = join(dir, 'good.json');
    writeFileDurable(file, 'the good version\n');
    fill(dir, 4096);
    let error: unknown;
    try {
      writeFileDurable(file, 'x'.repeat(200_000));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SaveError);
    expect((error as SaveError).message).toMatch(/^could not save .*good\.json \(ENOSPC: no space left on device\); its previous version is kept$/);
    expect(readFileSync(file, 'utf8')).toBe('the good version\n');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('train --checkpoint: exit 1, one line naming the step that could not be saved; the kept checkpoint is whole', async () => {
    const dir = tmpfs(48) as string;
    const ck = join(dir, 'ck');
    const r = await cliAsync(['train', '--steps', '3000', '--log-every', '10', '--population', '4', '--checkpoint', ck]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(
      new RegExp(
        '^gan-verify train: could not save the checkpoint of step (\\d+): could not save .*checkpoint\\.json \\(ENOSPC: no space left on device\\); ' +
          '.*the checkpoint of step \\d+ is kept \\(continue with --resume ',
      ),
    );
    const kept = Number(/the checkpoint of step (\d+) is kept/.exec(r.stderr)?.[1]);
    // the file on disk is the last good checkpoint, whole: it validates and names that step
    const saved = unsealCheckpoint(JSON.parse(readFileSync(join(ck, 'checkpoint.json'), 'utf8')));
    expect(saved.step).toBe(kept);
    expect(readdirSync(ck)).toEqual(['checkpoint.json']);
  });

  it('train --out: the streamed log stops with a note, and the end says which file was not saved (exit 1)', async () => {
    const dir = tmpfs(16) as string;
    const r = await cliAsync(['train', '--steps', '400', '--log-every', '1', '--population', '8', '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/could not append to .*log\.jsonl \(ENOSPC\); it will be written whole at the end\n/);
    expect(r.stderr).toMatch(
      new RegExp(
        'gan-verify train: the run finished, but could not save .*(log\\.jsonl|summary\\.json) \\(ENOSPC: no space left on device\\).*; ' +
          'no --checkpoint DIR was given\\n$',
      ),
    );
    expect(existsSync(join(dir, 'out', 'summary.json'))).toBe(false);
  });

  it('the save on SIGINT: exit 1, says the interrupt could not be saved and which checkpoint is kept', async () => {
    const dir = tmpfs(256) as string;
    const ck = join(dir, 'ck');
    const child = spawn(process.execPath, [
      bin,
      'train',
      '--steps',
      '100000',
      '--log-every',
      '1000',
      '--population',
      '4',
      '--checkpoint',
      ck,
      '--checkpoint-every',
      '2000',
    ]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // the first checkpoint is on disk: the run is paused (so that no periodic checkpoint can come
    // between), the disk filled, and the interrupt delivered as it continues
    while (!existsSync(join(ck, 'checkpoint.json'))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGSTOP');
    const before = readFileSync(join(ck, 'checkpoint.json'), 'utf8');
    fill(dir);
    child.kill('SIGINT');
    child.kill('SIGCONT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toMatch(/^gan-verify train: interrupted; could not save the checkpoint of step \d+: .*ENOSPC.*the checkpoint of step \d+ is kept/);
    // whatever periodic checkpoint was last written is whole
    const after = readFileSync(join(ck, 'checkpoint.json'), 'utf8');
    expect(unsealCheckpoint(JSON.parse(after)).step).toBeGreaterThanOrEqual(unsealCheckpoint(JSON.parse(before)).step);
  });

  it('sweep: a unit checkpoint that does not fit ends the shard with exit 1, the previous checkpoint kept; merge keeps a good summary', async () => {
    const dir = tmpfs(64) as string;
    const spec = join(root, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({ preset: 'seed-toy', steps: 400, logEvery: 100, grid: { lrD: [0.01] }, seeds: { from: 0, count: 2 }, block: 2, checkpointEvery: 100 }),
    );
    const out = join(dir, 'sweep');
    // the first checkpoint fits; fill the disk from a second process as soon as it is there
    const child = spawn(process.execPath, [bin, 'sweep', spec, '--out', out]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ckFile = join(out, 'units', 'c0-b0.checkpoint.json');
    let filled = false;
    const closed = new Promise<number | null>((r) => child.on('close', r));
    let code: number | null | undefined;
    void closed.then((c) => (code = c));
    while (code === undefined) {
      if (!filled && existsSync(ckFile)) {
        // paused while the disk fills, so the unit cannot finish in between (its next checkpoint is the write that fails)
        child.kill('SIGSTOP');
        fill(dir);
        filled = true;
        child.kill('SIGCONT');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(filled).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /unit c0-b0: could not save the checkpoint of step \d+: could not save .*c0-b0\.checkpoint\.json \(ENOSPC: no space left on device\)/,
    );
    expect(stderr).toMatch(/its checkpoint of step \d+ is kept: free space and rerun the same command to resume\n$/);
    unsealCheckpoint(JSON.parse(readFileSync(ckFile, 'utf8')));

    // merge: a good summary stays when the new one does not fit
    const good = join(root, 'sweep-ok');
    expect((await cliAsync(['sweep', spec, '--out', good])).code).toBe(0);
    const sumDir = join(tmpfs(64) as string, 'summary');
    expect((await cliAsync(['merge', good, '--out', sumDir])).code).toBe(0);
    const summary = readFileSync(join(sumDir, 'summary.json'), 'utf8');
    writeFileSync(join(sumDir, 'summary.json'), `${summary} `); // a different old file, to see that it is the one kept
    fill(sumDir);
    const m = await cliAsync(['merge', good, '--out', sumDir]);
    expect(m.code).toBe(1);
    oneLine(m.stderr);
    expect(m.stderr).toMatch(/^gan-verify: could not save .*summary\.json \(ENOSPC: no space left on device\); its previous version is kept\n$/);
    expect(readFileSync(join(sumDir, 'summary.json'), 'utf8')).toBe(`${summary} `);
  });

  it('the claims report and --junit: exit 1 with one line naming the file; no partial file is left', async () => {
    const dir = tmpfs(32) as string;
    // one 4 KiB block left: the report's README fits, its index.html (and, where the seeds are there, the pages and KaTeX) does not
    fill(dir, 4096);
    const r = await cliAsync(['claims', '--quick', '--only', 'global-minimum-minus-log4', '--out', join(dir, 'report')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gan-verify: could not save .*report.* \(ENOSPC: no space left on device\)\n$/);
    const junit = tmpfs(16) as string;
    fill(junit);
    const j = await cliAsync(['claims', '--quick', '--only', 'global-minimum-minus-log4', '--no-report', '--junit', join(junit, 'ledger.xml')]);
    expect(j.code).toBe(1);
    expect(j.stderr).toMatch(/gan-verify: could not save .*ledger\.xml \(ENOSPC: no space left on device\)\n$/);
    expect(existsSync(join(junit, 'ledger.xml'))).toBe(false);
  });
});

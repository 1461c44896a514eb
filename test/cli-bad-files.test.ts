import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliAsync as run, resealCheckpoint } from './cli-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gan-verify-files-'));

// A corrupt checkpoint is refused before any work, naming the field and the value.
describe('gan-verify train --resume validates the checkpoint completely', () => {
  let good: Record<string, unknown>;
  beforeAll(async () => {
    const dir = tmp();
    const r = await run(['train', '--steps', '400', '--population', '2', '--checkpoint', dir, '--checkpoint-every', '200']);
    expect(r.code, r.stderr).toBe(0);
    good = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as Record<string, unknown>;
  });
  // biome-ignore lint/suspicious/noExplicitAny: each case corrupts a different field of a parsed checkpoint
  const cases: [string, (c: Record<string, any>) => void, RegExp][] = [
    ['g all null', (c) => (c.g = c.g.map(() => null)), /g\[0\] must be a number; got null/],
    ['step −3', (c) => (c.step = -3), /step must be ≥ 0; got -3/],
    ['step 1e9', (c) => (c.step = 1e9), /step must be at most config.steps = 400; got 1000000000/],
    ['config.loss bogus', (c) => (c.config.loss = 'bogus'), /config.loss must be ns, saturating, lsgan, wgan, wgan-gp or hinge; got "bogus"/],
    ['config.lrD −1', (c) => (c.config.lrD = -1), /config.lrD must be a finite number ≥ 0; got -1/],
    ['config.steps −5', (c) => (c.config.steps = -5), /config.steps must be a positive integer; got -5/],
    ['g[0] "zzz"', (c) => (c.g[0] = 'zzz'), /g\[0\] must be a number; got "zzz"/],
    ['a short weight array', (c) => (c.d = c.d.slice(1)), /d has 97 values; expected 98 \(population 2 × 49 parameters of D\)/],
    ['no rng', (c) => delete c.rng, /rng must be an object; got undefined/],
    ['no logs', (c) => delete c.logs, /logs must be an array; got undefined/],
    ['a log missing', (c) => c.logs.pop(), /logs must hold the logged steps before step 200 \(1, one every 200\); got 0/],
    ['one rng state too few', (c) => c.rng.noise.pop(), /rng.noise must hold one generator state per member \(2\); got 1/],
    ['Adam step count off', (c) => (c.tD = 7), /tD must equal step × dSteps \(200\); got 7/],
    ['another format', (c) => (c.format = 'gan-verify-checkpoint-2'), /format must be gan-verify-checkpoint-3/],
    ['a missing config field', (c) => delete c.config.batch, /config.batch is missing/],
    ['an unknown field', (c) => (c.extra = 1), /extra/],
  ];
  it.each(cases)('%s: one line naming the field, exit 2', async (_, mutate, message) => {
    const dir = tmp();
    const c = structuredClone(good);
    mutate(c);
    writeFileSync(join(dir, 'checkpoint.json'), resealCheckpoint(c));
    const r = await run(['train', '--resume', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gan-verify train: --resume "[^"]+": checkpoint.json is not usable: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
  // edits that keep every field valid: only the content hash can tell
  it.each([
    ['another engine', (c: Record<string, unknown>) => (c.engine = c.engine === 'fused' ? 'autodiff' : 'fused')],
    ['a relabelled preset', (c: Record<string, unknown>) => ((c.config as Record<string, unknown>).preset = 'ring8')],
    ['one weight changed', (c: Record<string, unknown>) => ((c.g as number[])[0] = ((c.g as number[])[0] as number) + 0.5)],
    ['no content hash', (c: Record<string, unknown>) => delete c.contentHash],
  ])('an edit that keeps the fields valid (%s) is refused by the content hash: one line, exit 2', async (_, mutate) => {
    const dir = tmp();
    const c = structuredClone(good);
    mutate(c);
    writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(c));
    const r = await run(['train', '--resume', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /checkpoint.json is not usable: (the file was changed after it was written: its content hash is [0-9a-f]{16}…|contentHash is missing)/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a torn checkpoint.json.tmp left by a kill is removed on start, and the run resumes', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'checkpoint.json.tmp'), '{"format": "gan-verify-check');
    const r = await run(['train', '--resume', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'checkpoint.json.tmp'))).toBe(false);
    expect(r.stdout).toContain('Step 200:');
  });
});

// Outputs are checked before the work starts: one line, exit 2, nothing run.
describe('output paths are checked first', () => {
  const dir = tmp();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  mkdirSync(join(dir, 'a-folder'));
  it.each([
    [['train', '--out', '/dev/null/x'], /train: --out "\/dev\/null\/x" cannot be written \(ENOTDIR\)/],
    [['train', '--checkpoint', file], /train: --checkpoint "[^"]+a-file" exists and is not a folder/],
    [['claims', '--junit', '/dev/null/x.xml'], /claims: --junit "\/dev\/null\/x.xml" cannot be written/],
    [['claims', '--junit', join(dir, 'a-folder')], /claims: --junit "[^"]+a-folder" is a folder, not a file/],
    [['claims', '--out', '/dev/null/rep'], /claims: --out "\/dev\/null\/rep" cannot be written \(ENOTDIR\)/],
    [['claims', '--out', file], /claims: --out "[^"]+a-file" exists and is not a folder/],
    [['claims', '--docs', '/no/such/seeds'], /claims: --docs "\/no\/such\/seeds" does not exist/],
  ])('%j', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\[1\//); // no claim started
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// Divergence that stays finite stops the member, as a non-finite loss does.
describe('a diverging member stops at the loss bound', () => {
  it('--lr-d 1e6 --lr-g 1e6: the member stops with the bound named, exit 1', async () => {
    const r = await run(['train', '--lr-d', '1e6', '--lr-g', '1e6', '--steps', '400']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /member seed 0 stopped at step \d+: its [DG] loss became [\d.e+]+ \(beyond the bound \|loss\| ≤ 1000000: diverged\); its last good state is kept/,
    );
    expect(r.stdout).not.toMatch(/G_loss=\d{7,}/);
  });
});

// Messages that name the cause and the right party, and sizes refused with the figure, at once.
describe('clear messages and resources checked first', () => {
  it.each([
    [
      ['train', '--batch', '100000000'],
      /gan-verify train: --batch 100000000 needs about 76 GiB \(population 1, batch 100000000, 1 D steps, widest layer 16\), beyond the memory limit of 8 GiB/,
    ],
    [
      ['estimate', 'jsd', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '10000000000'],
      /gan-verify estimate jsd: --samples 10000000000 needs about 447 GiB \(48 bytes per draw\), beyond the memory limit of 8 GiB/,
    ],
    [
      ['theory', 'mixture-kl', '--p-mix', '1:0:0.001', '--q-mix', '1:0:1000'],
      /mixtureKl: p and q have scales too far apart .*σ 0.001 in p against a span of 2000 set by σ 1000 in q/,
    ],
    [
      ['regenerate', '--dir', mkdtempSync(join(tmpdir(), 'gan-verify-empty-'))],
      /regenerate: --dir "[^"]+" holds no seed-N.log, seed-N.float32.log or document.log: nothing to regenerate/,
    ],
  ])('%j: one line, exit 2', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a claims file that fails to transform shows the cause, on one line', async () => {
    const f = join(tmp(), 'bad.ts');
    writeFileSync(f, 'export const x = {;\n');
    const r = await run(['claims', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not be loaded: Transform failed with 1 error: \| .*bad.ts:1:18: ERROR: Expected identifier but found ";"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// Long exact computations stop at a stated budget with a clear message.
describe('theory --max-seconds', () => {
  it('stops the certified quadrature of widely spread scales at its budget, exit 2', async () => {
    const r = await run(['theory', 'mixture-jsd', '--p-mix', '1:0:1', '--q-mix', '1:0:0.001,0:0:1000', '--max-seconds', '0.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^gan-verify theory mixture-jsd: --max-seconds \(0.5 s\) was exceeded ` +
          String.raw`(at node \d+ of \d+ \(\d+ bits\)|while bounding the integrand on its strip \(box \d+ of \d+\)); ` +
          String.raw`raise it, ask for fewer digits, or bring the scales closer\n$`,
      ),
    );
  });
  it('a computation within its budget is unchanged', async () => {
    const r = await run(['theory', 'gaussian-jsd', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1', '--max-seconds', '60', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).value).toBe('0.11142148218473617971723681221756024425559116016309');
  });
  it.each([['0'], ['-1'], ['soon']])('--max-seconds %s is refused', async (v) => {
    const r = await run(['theory', 'gaussian-jsd', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1', '--max-seconds', v]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-seconds must be a positive number of seconds/);
  });
});

// The trainer streams: a line is printed as its step completes, and --out's log.jsonl grows as it goes.
describe('gan-verify train streams its log', () => {
  it('prints the first line while a long run is still going', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tmp();
    const p = spawn('node', ['bin/gan-verify.js', 'train', '--steps', '200000', '--log-every', '1000', '--out', dir]);
    const first = await new Promise<string>((resolve) => p.stdout.once('data', (d: Buffer) => resolve(String(d))));
    const running = p.exitCode === null;
    // wait for the next line as well: log.jsonl then holds the records of the steps printed so far
    await new Promise<void>((resolve) => p.stdout.once('data', () => resolve()));
    const jsonl = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    p.kill('SIGKILL');
    expect(running).toBe(true);
    expect(first).toMatch(/^Step 0: D_loss=1\.0106, G_loss=0\.6775\n/);
    expect(jsonl.split('\n')[0]).toMatch(/^\{"step":0,"seed":0,"dLoss":/);
  });
  it('a finished run prints the same lines as before (the golden format)', async () => {
    const r = await run(['train', '--steps', '401']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Step 0: D_loss=1.0106, G_loss=0.6775\nStep 200: D_loss=1.5163, G_loss=0.8056\nStep 400: D_loss=1.3732, G_loss=0.7460\n');
  });
});

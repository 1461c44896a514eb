import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAsync as run } from './cli-helpers.js';
const tmp = () => mkdtempSync(join(tmpdir(), 'gan-verify-cli-claims-'));
const hasChromium = ['chromium', 'chromium-browser'].some((b) => spawnSync('which', [b]).status === 0);

describe('gan-verify claims', () => {
  it('--only, --quick, --json, --junit: exit 0 when every verdict is the expected one', async () => {
    const dir = tmp();
    const r = await run([
      'claims',
      '--only',
      'optimal-discriminator,jsd-saturates-w1-does-not,diffusion-replaced-gans',
      '--quick',
      '--json',
      '--junit',
      join(dir, 'j.xml'),
      '--out',
      join(dir, 'report'),
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.claims.map((c: { id: string }) => c.id)).toEqual(['optimal-discriminator', 'jsd-saturates-w1-does-not', 'diffusion-replaced-gans']);
    expect(j.claims.map((c: { verdict: string }) => c.verdict)).toEqual(['holds', 'holds', 'not-checkable']);
    expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toContain('tests="3" failures="0"');
    const html = readFileSync(join(dir, 'report', 'index.html'), 'utf8');
    expect(html).toContain('<figure class="plot" data-plot="shift-uniform"><img src="plots/shift-uniform.svg"');
    expect(readFileSync(join(dir, 'report', 'plots', 'shift-uniform.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, 'report', 'README.md'), 'utf8')).toContain('![JSD and W1');
  });

  it('the table, and exit 1 naming the claims whose verdict differs (an author claim with a wrong expectation)', async () => {
    const r = await run([
      'claims',
      'test/fixtures/wrong-claim.ts',
      '--with-builtin',
      '--only',
      'wrong-expectation,optimal-discriminator',
      '--quick',
      '--no-report',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^id\s+verdict\s+evidence/);
    expect(r.stdout).toMatch(/wrong-expectation\s+✗refuted/);
    expect(r.stdout).toContain('2 claims: 1 verdicts as expected, 1 differ (wrong-expectation: refuted, expected holds)');
  });

  it("an author's claims file runs alone; --with-builtin adds the seed documents' claims", async () => {
    const alone = await run(['claims', 'examples/my-claims.ts', '--json', '--no-report']);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).claims.map((c: { id: string }) => c.id)).toEqual(['my-dstar-half', 'my-jsd-bits-bound']);
    const r = await run([
      'claims',
      'examples/my-claims.ts',
      '--with-builtin',
      '--only',
      'my-dstar-half,my-jsd-bits-bound,optimal-discriminator',
      '--json',
      '--no-report',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claims.map((c: { id: string; verdict: string }) => `${c.id}:${c.verdict}`)).toEqual([
      'optimal-discriminator:holds',
      'my-dstar-half:holds',
      'my-jsd-bits-bound:holds',
    ]);
  });

  it('--controls: each claim carries its mutant and positive control; the table has a controls column', async () => {
    const ids = 'optimal-discriminator,pseudo-code-discriminator-loss,discriminator-loss-near-log4';
    const r = await run(['claims', '--only', ids, '--quick', '--controls', '--json', '--no-report']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      claims: {
        id: string;
        verdict: string;
        method: string;
        interval?: { low: number; high: number; n: number };
        controls: { mutant: { verdict: string; ok: boolean }; positive?: { verdict: string; ok: boolean } };
      }[];
    };
    for (const c of j.claims) {
      expect(c.controls.mutant.ok, c.id).toBe(true);
      expect(c.controls.mutant.verdict).not.toBe(c.verdict);
    }
    const by = (id: string) => j.claims.find((c) => c.id === id);
    const [exact, trainer, population] = [by('optimal-discriminator'), by('pseudo-code-discriminator-loss'), by('discriminator-loss-near-log4')];
    expect(exact?.controls.positive).toBeUndefined();
    expect(trainer?.controls.positive).toMatchObject({ verdict: 'holds', ok: true });
    expect(population?.controls.positive).toMatchObject({ verdict: 'holds', ok: true });
    expect(population?.interval?.n).toBeGreaterThan(0);
    const t = await run(['claims', '--only', ids, '--quick', '--controls', '--no-report']);
    expect(t.stdout).toMatch(/^id\s+verdict\s+controls\s+evidence/);
    expect(t.stdout).toMatch(/pseudo-code-discriminator-loss\s+holds\s+mutant refuted ✓ · positive holds ✓/);
    expect(t.stdout).toContain('controls: 3 of 3 claims discriminate');
  });

  it('--controls flags a check that cannot fail, with exit 1', async () => {
    const r = await run(['claims', 'test/fixtures/constant-claim.ts', '--only', 'always-holds', '--controls', '--no-report']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/always-holds\s+holds\s+mutant holds ✗ ⚠ mutant also holds/);
    expect(r.stdout).toContain('controls: 0 of 1 claims discriminate; ⚠ always-holds (mutant also holds)');
  });

  it('a check past its --time-limit gets an error and the ledger goes on', async () => {
    const r = await run([
      'claims',
      'test/fixtures/slow-claim.ts',
      '--only',
      'never-returns,after-the-slow-one',
      '--time-limit',
      '0.5',
      '--json',
      '--no-report',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { claims: { id: string; verdict: string; error?: string }[] };
    const by = (id: string) => j.claims.find((c) => c.id === id);
    expect(by('never-returns')).toMatchObject({ error: 'claim never-returns: check exceeded its time limit of 0.5 s' });
    expect(by('after-the-slow-one')).toMatchObject({ verdict: 'holds' });
  });

  it('a check that loops synchronously (no timer can fire) is ended by the watchdog past its limit, with one line', async () => {
    const { spawn } = await import('node:child_process');
    const bin = new URL('../bin/gan-verify.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'claims', 'test/fixtures/busy-claim.ts', '--only', 'busy-loop', '--time-limit', '1', '--no-report']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('close', (c, s) => r([c, s])));
    expect(signal).toBe('SIGKILL');
    expect(code).toBeNull();
    expect(stderr).toMatch(
      /gan-verify claims: claim busy-loop ran past its time limit of 1 s without ever yielding .*: the ledger is stopped, nothing was written\n$/,
    );
  });

  it('--shard splits the list; --list prints it', async () => {
    const all = (await run(['claims', '--list'])).stdout.trim().split('\n');
    const parts = await Promise.all([1, 2].map(async (i) => (await run(['claims', '--list', '--shard', `${i}/2`])).stdout.trim().split('\n')));
    expect([...(parts[0] ?? []), ...(parts[1] ?? [])].sort()).toEqual([...all].sort());
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    [['claims', '--shard', '3/2'], /--shard must be I\/N with 1 ≤ I ≤ N; got "3\/2"/],
    [['claims', '--only', 'no-such-claim'], /--only names unknown claim "no-such-claim"/],
    [['claims', '--seed', '-1'], /--seed must be an integer from 0 to 4294967295; got "-1"/],
    [['claims', '--backend', 'gpu'], /--backend must be one of cpu, wasm, tensorflow, tensorflow-gpu; got "gpu"/],
    [['claims', 'no/such/file.ts'], /FILE "no\/such\/file.ts" does not exist/],
    [['claims', 'package.json'], /exports no claims/],
  ])('bad input %j: one line, exit 2', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!hasChromium)(
    'the report renders in headless Chromium with every plot present',
    async () => {
      const dir = tmp();
      const r = await run(['claims', '--only', 'jsd-saturates-w1-does-not,toy-generates-target', '--quick', '--out', dir]);
      expect(r.code).toBe(0);
      const out = execFileSync('node', ['scripts/check-report.mjs', join(dir, 'index.html')], { encoding: 'utf8' });
      expect(out).toContain('4/4 plots rendered');
      expect(existsSync(join(dir, 'plots', 'histogram.svg'))).toBe(true);
    },
    120_000,
  );
});

describe('a claims file in a CommonJS project', () => {
  it('loads (package.json "type": "commonjs", as npm init -y writes it) and its claims run and the report is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-cjs-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'commonjs' }));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(resolve('.'), join(dir, 'node_modules', 'gan-verify'), 'dir');
    copyFileSync('examples/my-claims.ts', join(dir, 'my-claims.ts'));
    const out = execFileSync(
      process.execPath,
      [resolve('bin/gan-verify.js'), 'claims', 'my-claims.ts', '--only', 'my-dstar-half', '--quick', '--out', 'report'],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out).toMatch(/my-dstar-half\s+holds/);
    expect(existsSync(join(dir, 'report', 'index.html'))).toBe(true);
  });
});

describe('gan-verify claims merge', () => {
  const only = ['--only', 'optimal-discriminator,von-neumann-minimax,jsd-saturates-w1-does-not', '--quick', '--json', '--no-report'];
  const strip = (json: string) => {
    const j = JSON.parse(json) as { claims: { seconds?: number }[]; seconds?: number; shard?: unknown };
    for (const c of j.claims) delete c.seconds;
    delete j.seconds;
    delete j.shard;
    return JSON.stringify(j);
  };
  it('merges --shard I/N --json ledgers into the unsharded ledger (order, verdicts, evidence) and one report with its plots', async () => {
    const dir = tmp();
    const whole = await run(['claims', ...only]);
    const parts = [];
    for (const s of ['1/2', '2/2']) {
      const r = await run(['claims', ...only, '--shard', s]);
      expect(r.code).toBe(0);
      const f = join(dir, `shard-${s.replace('/', '-of-')}.json`);
      writeFileSync(f, r.stdout);
      parts.push(f);
    }
    const merged = await run(['claims', 'merge', ...parts.reverse(), '--json', '--out', join(dir, 'report')]);
    expect(merged.code).toBe(0);
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    const html = readFileSync(join(dir, 'report', 'index.html'), 'utf8');
    expect(html).toContain('jsd-saturates-w1-does-not');
    expect(readFileSync(join(dir, 'report', 'README.md'), 'utf8')).toMatch(/plots\/.*\.svg/);
    // refusals: a missing shard, a repeated one, a file that is not a ledger
    expect((await run(['claims', 'merge', parts[0] as string])).stderr).toMatch(/shard 1\/2 missing|shard 2\/2 missing/);
    expect((await run(['claims', 'merge', parts[0] as string, parts[0] as string])).stderr).toMatch(/is given twice/);
    writeFileSync(join(dir, 'x.json'), '{"a": 1}');
    const bad = await run(['claims', 'merge', join(dir, 'x.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a ledger written by 'claims --json'/);
  });
});

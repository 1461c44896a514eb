/**
 * The audit of committed sweeps: a unit or a summary edited by one number is caught (by the content
 * hash, by the summary recomputed from the units, or by retraining a sample), `merge` refuses an
 * edited unit naming the file and the field, and retraining a prefix of a unit reproduces its logs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditSweep } from '../src/claims/sweep/audit.js';
import { canonicalJson, unitContentHash } from '../src/claims/sweep/spec.js';

const BIN = resolve('bin/gan-verify.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const SPEC = { preset: 'seed-toy', steps: 301, logEvery: 100, grid: { lrD: [0.01, 0.001] }, seeds: { from: 0, count: 4 }, block: 2, checkpointEvery: 100 };

let dir: string;
let spec: string;
let summary: string;

/** A fresh copy of the committed sweep, for one test to edit. */
function copy(): { d: string; s: string } {
  const d = mkdtempSync(join(tmpdir(), 'gan-verify-audit-copy-'));
  spawnSync('cp', ['-r', join(dir, 'run', 'units'), d]);
  writeFileSync(join(d, 'summary.json'), readFileSync(summary));
  return { d, s: join(d, 'summary.json') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gan-verify-audit-'));
  spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(SPEC));
  expect(cli(['sweep', spec, '--out', join(dir, 'run')]).status).toBe(0);
  expect(cli(['merge', join(dir, 'run'), '--out', join(dir, 'merged')]).status).toBe(0);
  summary = join(dir, 'merged', 'summary.json');
});

describe('auditSweep', () => {
  it('a sweep as written passes: every unit checked, the summary recomputed equal, the sample retrained equal', async () => {
    const r = await auditSweep({ spec, dir: join(dir, 'run'), summary, sample: 2, seed: 7 });
    expect(r.units).toBe(4);
    expect(r.members).toBe(8);
    expect(r.recomputed).toHaveLength(2);
    expect(r.text).toMatch(/4 units, 8 members, every content hash checked .* 2 of 4 units recomputed and equal \(c\d-b\d, c\d-b\d; sample seed 7\)/);
    // the sample is a function of the seed
    const again = await auditSweep({ spec, dir: join(dir, 'run'), summary, sample: 2, seed: 7 });
    expect(again.recomputed).toEqual(r.recomputed);
  });

  it('retraining the first steps of a unit reproduces its logged entries (a member’s trajectory does not depend on the steps that follow)', async () => {
    const r = await auditSweep({ spec, dir: join(dir, 'run'), summary, sample: 4, seed: 1, prefixSteps: 100 });
    expect(r.text).toMatch(/4 of 4 units recomputed and equal \(their first 100 steps\)/);
  });

  it('a unit edited by one number is caught by its content hash, naming the file', async () => {
    const { d, s } = copy();
    const f = join(d, 'units', 'c1-b1.json');
    const text = readFileSync(f, 'utf8');
    // one number: the first logged D loss of the first member, its first decimal changed
    const edited = text.replace(/"dLoss":(\d)\.(\d)/, (_, a, b) => `"dLoss":${a}.${(Number(b) + 1) % 10}`);
    expect(edited).not.toBe(text);
    writeFileSync(f, edited);
    await expect(auditSweep({ spec, dir: d, summary: s, sample: 0, seed: 0 })).rejects.toThrow(
      /auditSweep: units .*c1-b1\.json: contentHash "[0-9a-f]{16}" does not match the file's content/,
    );
    // merge refuses it too, in one line naming the file and the field
    spawnSync('cp', [join(dir, 'run', 'shard-1-of-1.json'), d]);
    const m = cli(['merge', d, '--out', join(d, 'out')]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/^gan-verify merge: .*c1-b1\.json: contentHash .* does not match the file's content .*\n$/);
  });

  it('a unit forged with a recomputed hash (and a summary recomputed from it) is caught by retraining it', async () => {
    const { d, s } = copy();
    const f = join(d, 'units', 'c0-b0.json');
    const o = JSON.parse(readFileSync(f, 'utf8'));
    o.members[0].final.dLoss += 0.125;
    o.contentHash = unitContentHash(o);
    writeFileSync(f, `${canonicalJson(o)}\n`);
    spawnSync('cp', [join(dir, 'run', 'shard-1-of-1.json'), d]);
    // the forged unit merges (its hash checks), so its summary is consistent with it
    expect(cli(['merge', d, '--out', join(d, 'm')]).status).toBe(0);
    writeFileSync(s, readFileSync(join(d, 'm', 'summary.json')));
    await expect(auditSweep({ spec, dir: d, summary: s, sample: 4, seed: 0 })).rejects.toThrow(
      /auditSweep: units .*c0-b0\.json: retrained here from seed 0, the unit differs from the file/,
    );
  });

  it('a summary edited by one number is caught, naming the file and the line', async () => {
    const { d, s } = copy();
    const text = readFileSync(s, 'utf8');
    writeFileSync(s, text.replace(/"members":4/, '"members":5'));
    await expect(auditSweep({ spec, dir: d, summary: s, sample: 0, seed: 0 })).rejects.toThrow(
      /auditSweep: summary .*summary\.json does not equal the summary recomputed from its 4 units \(first difference at line \d+\)/,
    );
  });

  it('merge refuses a unit whose members were emptied or doubled, and a manifest whose shard or unit list was edited', () => {
    const cases: [string, (o: Record<string, unknown>) => void, RegExp][] = [
      ['c0-b0.json', (o) => (o.members = []), /members must list the unit's 2 members; got 0/],
      ['c0-b0.json', (o) => (o.members = [...(o.members as unknown[]), ...(o.members as unknown[])]), /members must list the unit's 2 members; got 4/],
      [
        'c0-b0.json',
        (o) => ((o.members as { seed: number }[])[1] = { ...(o.members as { seed: number }[])[0] } as { seed: number }),
        /members\[1\]\.seed must be 1/,
      ],
      ['shard-1-of-1.json', (o) => (o.shard = '1/0'), /shard "1\/0" must be I\/N with 1 ≤ I ≤ N, as the file name says/],
      ['shard-1-of-1.json', (o) => (o.units = (o.units as string[]).slice(1)), /units must list shard 1\/1's 4 units/],
    ];
    for (const [file, edit, re] of cases) {
      const d = mkdtempSync(join(tmpdir(), 'gan-verify-audit-m-'));
      spawnSync('cp', ['-r', join(dir, 'run', 'units'), join(dir, 'run', 'shard-1-of-1.json'), d]);
      const path = file.startsWith('shard') ? join(d, file) : join(d, 'units', file);
      const o = JSON.parse(readFileSync(path, 'utf8'));
      edit(o);
      // a unit keeps a valid hash, so the check that fires is the one named
      if (!file.startsWith('shard')) o.contentHash = unitContentHash(o);
      writeFileSync(path, `${canonicalJson(o)}\n`);
      const m = cli(['merge', d, '--out', join(d, 'out')]);
      expect(m.status, `${file}: ${m.stderr}`).toBe(2);
      expect(m.stderr).toMatch(re);
      expect(m.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('sweep --plan measures the cost before any unit runs', () => {
    const r = cli(['sweep', spec, '--plan']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/spec [0-9a-f]{16}: 2 cells × 2 blocks = 4 units, 2,408 member-steps\n/);
    expect(r.stdout).toMatch(
      /cell 0 \{"lrD":0\.01\}: 2 units of 2 members, \d+\.\d{3} ms a unit-step \(\d+ steps timed\), about \d+\.\d+ core-(hours|seconds)/,
    );
    expect(r.stdout).toMatch(/total about \d+\.\d+ core-(hours|seconds)/);
  });
});

describe('the ledger claim decided from the committed toy sweep', () => {
  it('is audited (k of N units recomputed, in its evidence); a committed unit or summary edited by one number fails it, naming the file', async () => {
    const { toySweep } = await import('../src/claims/catalogue/doc000/toy-generates-target-sweep.js');
    const { makeContext, runClaim } = await import('../src/claims/runner.js');
    const ctx = () => makeContext(toySweep.id, { quick: true, seed: 0, cache: new Map() });
    const ok = await runClaim(toySweep, ctx());
    expect(ok.verdict).toBe('refuted');
    expect(ok.evidence).toMatch(
      new RegExp(
        'from the committed sweep examples/scale/toy-sweep\\.summary\\.json \\(spec examples/scale/toy-sweep\\.json, hash [0-9a-f]{16}\\): ' +
          '160 units, 8000 members, .* 2 of 160 units recomputed and equal',
      ),
    );
    // a copy of the committed run with one unit edited by one number
    const d = mkdtempSync(join(tmpdir(), 'gan-verify-audit-ledger-'));
    spawnSync('cp', ['-r', resolve('examples/scale/toy-sweep-run/units'), d]);
    const f = join(d, 'units', 'c3-b7.json');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace(/"w1":(\d)\.(\d)/, (_, a, b) => `"w1":${a}.${(Number(b) + 1) % 10}`),
    );
    const sweep = { spec: 'examples/scale/toy-sweep.json', dir: d, summary: 'examples/scale/toy-sweep.summary.json' };
    await expect(toySweep.check({ sweep, reading: 'withinTolerance' }, ctx())).rejects.toThrow(/c3-b7\.json: contentHash .* does not match the file's content/);
    // the committed summary edited by one number
    const s = join(d, 'summary.json');
    writeFileSync(s, readFileSync(resolve('examples/scale/toy-sweep.summary.json'), 'utf8').replace('"k":11,', '"k":12,'));
    const sweep2 = { spec: 'examples/scale/toy-sweep.json', dir: resolve('examples/scale/toy-sweep-run'), summary: s };
    await expect(toySweep.check({ sweep: sweep2, reading: 'withinTolerance' }, ctx())).rejects.toThrow(
      /summary\.json does not equal the summary recomputed from its 160 units/,
    );
  });
});

/**
 * Sweeps: specs checked before work, shards that partition the units, shard numbers from each
 * scheduler's variables, and the engine's part played for real: three shards in three processes
 * (one per way of naming the shard), one killed mid-run and rerun, merged — byte for byte the
 * merge of the unsharded run. Then the merge's refusals, and the examples checked statically.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseSpec, shardUnits, specHash, units } from '../src/claims/sweep/spec.js';
import { resolveShard } from '../src/cli/sweep.js';

const BIN = resolve('bin/gan-verify.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'gan-verify-sweep-'));
const cli = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
const SMALL = { preset: 'seed-toy', steps: 1500, checkpointEvery: 50, grid: { lrD: [0.01, 0.001] }, seeds: { from: 0, count: 12 }, block: 4 };

describe('sweep specs', () => {
  it("the issue's smallest spec reads as written: 4 cells × 24 seeds in blocks of 8 = 12 units", () => {
    const spec = parseSpec({ preset: 'seed-toy', steps: 300, grid: { lrD: [0.01, 0.001], loss: ['ns', 'saturating'] }, seeds: { from: 0, count: 24 } });
    expect(units(spec)).toHaveLength(12);
    expect(specHash(spec)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a bad spec before any work, naming the field (and the cell)', () => {
    const bad: [unknown, RegExp][] = [
      [[], /spec must be a JSON object/],
      [{ ...SMALL, preset: 'nope' }, /spec\.preset must be one of seed-toy/],
      [{ ...SMALL, stepz: 3 }, /spec\.stepz is neither a sweep field .* nor a trainer setting/],
      [{ ...SMALL, grid: { lrd: [1] } }, /spec\.grid\.lrd is not a trainer setting/],
      [{ ...SMALL, grid: { lrD: [] } }, /spec\.grid\.lrD must be a non-empty list/],
      [{ ...SMALL, grid: { lrD: [0.1, 0.1] } }, /lists a value twice/],
      [{ ...SMALL, grid: { lrD: [0.01, -1] } }, /cell \{"lrD":-1\}\) is not a valid trainer configuration: train: lrD must be a finite number ≥ 0; got -1/],
      [{ ...SMALL, seeds: { from: 0 } }, /spec\.seeds\.count must be an integer ≥ 1/],
      [{ ...SMALL, seeds: { from: -1, count: 3 } }, /spec\.seeds\.from must be an integer ≥ 0/],
      [{ ...SMALL, block: 0 }, /spec\.block must be an integer ≥ 1/],
      [{ ...SMALL, steps: 100, grid: { steps: [1, 2] } }, /spec\.grid\.steps is also given as a shared setting/],
    ];
    for (const [spec, re] of bad) expect(() => parseSpec(spec)).toThrow(re);
  });

  it('shards partition the units, block-major and interleaved, for any count of shards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }), (count, block, n) => {
        const spec = parseSpec({ ...SMALL, seeds: { from: 5, count }, block });
        const all = units(spec);
        const parts = Array.from({ length: n }, (_, i) => shardUnits(all, i + 1, n).map((u) => u.index));
        expect(parts.flat().sort((a, b) => a - b)).toEqual(all.map((u) => u.index));
        expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
        expect(all.reduce((s, u) => s + u.count, 0)).toBe(count * 2);
      }),
    );
  });

  it('the shard comes from --shard, GAN_VERIFY_SHARD, Slurm or Kubernetes, in that order', () => {
    expect(resolveShard('c', '2/3', { GAN_VERIFY_SHARD: '1/2' })).toMatchObject({ i: 2, n: 3, from: '--shard' });
    expect(resolveShard('c', undefined, { GAN_VERIFY_SHARD: '1/2', SLURM_ARRAY_TASK_ID: '4' })).toMatchObject({ i: 1, n: 2 });
    expect(resolveShard('c', undefined, { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ i: 3, n: 4 });
    expect(resolveShard('c', undefined, { JOB_COMPLETION_INDEX: '0', GAN_VERIFY_SHARDS: '5' })).toMatchObject({ i: 1, n: 5 });
    expect(resolveShard('c', undefined, {})).toMatchObject({ i: 1, n: 1 });
    expect(() => resolveShard('c', '4/3', {})).toThrow(/--shard must be I\/N with 1 ≤ I ≤ N; got "4\/3"/);
    expect(() => resolveShard('c', undefined, { SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(
      /SLURM_ARRAY_TASK_ID/,
    );
    expect(() => resolveShard('c', undefined, { JOB_COMPLETION_INDEX: '2' })).toThrow(/needs GAN_VERIFY_SHARDS/);
  });
});

describe('the engine’s part, played by separate processes', () => {
  it(
    '3 shards (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, --shard), one killed mid-run and rerun: the merge equals the unsharded one byte for ' + 'byte',
    async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'spec.json'), JSON.stringify(SMALL));
      // the reference: one unsharded run, merged
      expect(cli(dir, ['sweep', 'spec.json', '--out', 'whole']).status).toBe(0);
      expect(cli(dir, ['merge', 'whole', '--out', 'ref']).status).toBe(0);
      // shard 1 by Slurm's variables; it is killed as soon as its first unit has a checkpoint
      const slurm = { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' };
      const child = spawn(process.execPath, [BIN, 'sweep', 'spec.json', '--out', 's1'], { cwd: dir, env: { ...process.env, ...slurm }, stdio: 'ignore' });
      const exited = new Promise<void>((res) => child.on('exit', () => res()));
      const unitsDir = join(dir, 's1', 'units');
      let killedMidRun = false;
      await new Promise<void>((res) => {
        const poll = setInterval(() => {
          const files = existsSync(unitsDir) ? readdirSync(unitsDir) : [];
          const ck = files.find((f) => f.endsWith('.checkpoint.json'));
          if (ck !== undefined) {
            // the unit is unfinished: its checkpoint is removed only after its result is written
            killedMidRun = !files.includes(ck.replace('.checkpoint.json', '.json'));
            child.kill('SIGKILL');
            clearInterval(poll);
            res();
          }
        }, 5);
        child.on('exit', () => {
          clearInterval(poll);
          res();
        });
      });
      await exited;
      expect(killedMidRun).toBe(true);
      expect(existsSync(join(dir, 's1', 'shard-1-of-3.json'))).toBe(false);
      // the merge refuses the unfinished shard
      expect(cli(dir, ['sweep', 'spec.json', '--out', 's2'], { JOB_COMPLETION_INDEX: '1', GAN_VERIFY_SHARDS: '3' }).status).toBe(0);
      expect(cli(dir, ['sweep', 'spec.json', '--out', 's3', '--shard', '3/3']).status).toBe(0);
      const early = cli(dir, ['merge', 's1', 's2', 's3', '--out', 'm']);
      expect(early.status).toBe(2);
      expect(early.stderr).toMatch(/"s1" has no finished shard/);
      // rerun: the interrupted unit resumes from its checkpoint
      const rerun = cli(dir, ['sweep', 'spec.json', '--out', 's1'], slurm);
      expect(rerun.status).toBe(0);
      expect(rerun.stdout).toMatch(/resumed at step \d+/);
      expect(cli(dir, ['merge', 's1', 's2', 's3', '--out', 'merged']).status).toBe(0);
      for (const f of ['summary.json', 'summary.md']) expect(readFileSync(join(dir, 'merged', f), 'utf8')).toBe(readFileSync(join(dir, 'ref', f), 'utf8'));
      // a shard rerun after it finished does nothing and changes nothing
      const again = cli(dir, ['sweep', 'spec.json', '--out', 's3', '--shard', '3/3']);
      expect(again.stdout).toMatch(/0 units trained, 2 already done/);

      // refusals: a missing shard, a duplicate, another spec, another version
      const miss = cli(dir, ['merge', 's1', 's3', '--out', 'x']);
      expect(miss.stderr).toMatch(/units are in no finished shard, e\.g\. c\d-b\d \(of 3 shards: 2\/3 missing\)/);
      expect(cli(dir, ['merge', 's1', 's2', 's3', 'whole', '--out', 'x']).stderr).toMatch(/is in two shards .*: a duplicate shard/);
      writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...SMALL, grid: { lrD: [0.01, 0.002] } }));
      expect(cli(dir, ['sweep', 'other.json', '--out', 'o', '--shard', '2/3']).status).toBe(0);
      expect(cli(dir, ['merge', 's1', 'o', 's3', '--out', 'x']).stderr).toMatch(/is a shard of another spec/);
      const manifest = join(dir, 's3', 'shard-3-of-3.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version":"', '"version":"9.9.9-'));
      expect(cli(dir, ['merge', 's1', 's2', 's3', '--out', 'x']).stderr).toMatch(/was written by gan-verify 9\.9\.9-/);
    },
  );
});

describe('examples/scale, checked statically', () => {
  const ex = (f: string) => join('examples', 'scale', f);

  it('the Kubernetes Indexed Job and the GitHub Actions workflow parse as YAML and name their shards', () => {
    const job = parseYaml(readFileSync(ex('kubernetes-indexed-job.yaml'), 'utf8'));
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const container = job.spec.template.spec.containers[0];
    expect(container.command.join(' ')).toMatch(/npx gan-verify sweep/);
    expect(container.env).toContainEqual({ name: 'GAN_VERIFY_SHARDS', value: String(job.spec.completions) });
    const wf = parseYaml(readFileSync(ex('github-actions.yml'), 'utf8'));
    const n = wf.jobs.shard.strategy.matrix.shard.length;
    expect(wf.jobs.shard.env.GAN_VERIFY_SHARD).toBe(`\${{ matrix.shard }}/${n}`);
    expect(wf.jobs.merge.needs).toBe('shard');
    expect(wf.jobs.merge.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toMatch(/gan-verify merge/);
  });

  it('the Kubernetes Job validates against the Kubernetes schema and the workflow against GitHub’s (an edited copy of each does not)', async () => {
    // kubernetes-models carries the batch/v1 Job's OpenAPI schema; @action-validator/core the workflow schema
    const { Job } = await import('kubernetes-models/batch/v1/Job');
    const job = parseYaml(readFileSync(ex('kubernetes-indexed-job.yaml'), 'utf8'));
    expect(() => new Job(job).validate()).not.toThrow();
    const badJob = structuredClone(job);
    badJob.spec.completionMode = 'Sometimes';
    expect(() => new Job(badJob).validate()).toThrow(/completionMode must be equal to one of the allowed values/);
    const { validateWorkflow } = await import('@action-validator/core');
    const text = readFileSync(ex('github-actions.yml'), 'utf8');
    expect(validateWorkflow(text).errors).toEqual([]);
    expect(validateWorkflow(text.replace(/runs-on:/, 'runs_on:')).errors.length).toBeGreaterThan(0);
  });

  it('the Slurm script passes bash -n (and shellcheck where it is installed); its array size is the spec’s shard count', () => {
    expect(spawnSync('bash', ['-n', ex('slurm.sh')]).status).toBe(0);
    if (spawnSync('which', ['shellcheck']).status === 0) {
      const r = spawnSync('shellcheck', [ex('slurm.sh')], { encoding: 'utf8' });
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    } else console.log('shellcheck is not installed: examples/scale/slurm.sh checked with bash -n only');
    expect(readFileSync(ex('slurm.sh'), 'utf8')).toMatch(/#SBATCH --array=1-8/);
  });

  it('the committed spec parses, and its merged summary (examples/scale/toy-sweep.summary.json) is of that spec', () => {
    const spec = parseSpec(JSON.parse(readFileSync(ex('toy-sweep.json'), 'utf8')));
    expect(units(spec).length).toBe(160);
    const summary = readFileSync(ex('toy-sweep.summary.json'), 'utf8');
    expect(summary).toContain(`"specHash":"${specHash(spec)}"`);
  });

  it('merge without any folder, or a folder that does not exist, is one line and exit 2', () => {
    const dir = tmp();
    for (const args of [['merge', '--out', 'x'], ['merge', 'nope', '--out', 'x'], ['sweep'], ['sweep', 'missing.json', '--out', 'x']]) {
      const r = cli(dir, args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(execFileSync(process.execPath, [BIN, 'sweep', '--help'], { encoding: 'utf8' })).toMatch(/Usage: gan-verify sweep SPEC\.json/);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { dLossOf, gLossOf } from '../src/train/engines/autodiff.js';
import { formatFixed, logLine, makeConfig, train, useBackend, TrainError, TrainInterrupted, type Checkpoint, type TrainConfig } from '../src/train/index.js';
import { cliAsync, resealCheckpoint } from './cli-helpers.js';

beforeAll(async () => {
  await useBackend('cpu');
});

const short = (over: Record<string, unknown> = {}) => makeConfig('seed-toy', { steps: 201, logEvery: 50, evalSamples: 256, ...over });

describe('the documents’ log format', () => {
  it('Step N: D_loss=x.xxxx, G_loss=x.xxxx, rounded like Python (half to even on the exact binary value)', () => {
    expect(logLine(0, 1.61314, 0.88085)).toBe('Step 0: D_loss=1.6131, G_loss=0.8809');
    // 0.03125 and 0.09375 are exact binary ties at 4 places: Python gives 0.0312 and 0.0938
    expect(formatFixed(0.03125, 4)).toBe('0.0312');
    expect(formatFixed(0.09375, 4)).toBe('0.0938');
    expect(formatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(formatFixed(2.5, 0)).toBe('2');
  });
});

describe('the trainer', () => {
  it('the same seed gives the same log; another seed does not', async () => {
    const a = await train(short(), { seed: 7 });
    const b = await train(short(), { seed: 7 });
    expect(JSON.stringify(a.logs)).toBe(JSON.stringify(b.logs));
    expect(JSON.stringify((await train(short(), { seed: 8 })).logs)).not.toBe(JSON.stringify(a.logs));
  });

  it('each member of a population is bit-identical to the single run with its seed', async () => {
    const pop = await train(short(), { seed: 11, population: 3 });
    for (let k = 0; k < 3; k++) {
      const single = await train(short(), { seed: 11 + k });
      expect(JSON.stringify(pop.logs.map((l) => l[k]))).toBe(JSON.stringify(single.logs.map((l) => l[0])));
    }
  });

  it('interrupted and resumed from a checkpoint (through JSON), a run logs exactly what it would have uninterrupted', async () => {
    const full = await train(short(), { seed: 5, population: 2 });
    let saved: Checkpoint | undefined;
    let polls = 0;
    await expect(
      train(short(), { seed: 5, population: 2, shouldStop: () => ++polls > 77, onCheckpoint: (ck) => (saved = JSON.parse(JSON.stringify(ck)) as Checkpoint) }),
    ).rejects.toThrow(TrainInterrupted);
    expect(saved?.step).toBe(77); // polled before each step: the 78th poll stops before step 77
    const resumed = await train(short(), { resume: saved });
    expect(JSON.stringify(resumed.logs)).toBe(JSON.stringify(full.logs));
    expect(JSON.stringify(resumed.final)).toBe(JSON.stringify(full.final));
  });

  it('periodic checkpoints resume to the same result', async () => {
    const full = await train(short(), { seed: 9 });
    const cks: Checkpoint[] = [];
    await train(short(), { seed: 9, checkpointEvery: 100, onCheckpoint: (ck) => cks.push(JSON.parse(JSON.stringify(ck)) as Checkpoint) });
    expect(cks.map((c) => c.step)).toEqual([100, 200]);
    const resumed = await train(short(), { resume: cks[0] });
    expect(JSON.stringify(resumed.logs)).toBe(JSON.stringify(full.logs));
  });

  it.each(['fused', 'autodiff'] as const)('%s: leaves no tensor behind', async (engine) => {
    const before = tf.memory().numTensors;
    await train(short({ steps: 60 }), { seed: 1, population: 2, engine });
    await train(short({ steps: 20, loss: 'wgan-gp', dSteps: 2 }), { seed: 1, population: 2, engine, onFinal: () => undefined });
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['seed-toy', { loss: 'ns' }],
    ['seed-toy', { loss: 'saturating', labelSmoothing: 0.1 }],
    ['seed-toy', { loss: 'lsgan', dSteps: 2 }],
    ['seed-toy', { loss: 'wgan', dSteps: 3 }],
    ['seed-toy', { loss: 'wgan-gp', dSteps: 2 }],
    ['mixture-1d', { batch: 16 }],
    ['ring8', { batch: 16, gHidden: [24, 24], dHidden: [24, 24], evalSamples: 200 }],
  ] as const)('the fused engine and TF.js autodiff agree to float32 rounding: %s %j', async (preset, over) => {
    // two implementations of the same step (hand-derived gradients in mlp.ts, TF.js's tape): losses
    // and metrics agree closely over the first steps (they drift apart slowly, as any two float orders do)
    const c = makeConfig(preset, { steps: 21, logEvery: 5, ...(over as Partial<TrainConfig>) });
    const a = await train(c, { seed: 3, engine: 'fused' });
    const b = await train(c, { seed: 3, engine: 'autodiff' });
    expect(a.engine).toBe('fused');
    expect(b.engine).toBe('autodiff');
    a.logs.forEach((entries, i) => {
      const x = entries[0]!;
      const y = b.logs[i]![0]!;
      for (const key of ['dLoss', 'gLoss', 'w1', 'gMean', 'hqShare', 'dHalfGap'] as const) {
        if (x[key] === undefined) continue;
        expect(Math.abs((x[key] as number) - (y[key] as number)), `${key} at step ${x.step}`).toBeLessThan(2e-4 * (1 + Math.abs(y[key] as number)));
      }
    });
  });

  it('the autodiff engine: member = single run, and resume = uninterrupted, there too', async () => {
    const c = short({ steps: 61, logEvery: 20 });
    const pop = await train(c, { seed: 4, population: 2, engine: 'autodiff' });
    const single = await train(c, { seed: 5, engine: 'autodiff' });
    expect(JSON.stringify(pop.logs.map((l) => l[1]))).toBe(JSON.stringify(single.logs.map((l) => l[0])));
    const cks: Checkpoint[] = [];
    await train(c, {
      seed: 4,
      population: 2,
      engine: 'autodiff',
      checkpointEvery: 30,
      onCheckpoint: (ck) => cks.push(JSON.parse(JSON.stringify(ck)) as Checkpoint),
    });
    expect(cks[0]?.engine).toBe('autodiff');
    const resumed = await train(c, { resume: cks[0] });
    expect(JSON.stringify(resumed.logs)).toBe(JSON.stringify(pop.logs));
  });

  it.each(['fused', 'autodiff'] as const)('%s: a member whose loss stops being finite stops alone, keeping its last good state', async (engine) => {
    const c = short({ steps: 41, logEvery: 10 });
    const full = await train(c, { seed: 20, population: 3, engine });
    let at10: Checkpoint | undefined;
    await train(c, { seed: 20, population: 3, engine, checkpointEvery: 10, onCheckpoint: (ck) => (at10 ??= JSON.parse(JSON.stringify(ck)) as Checkpoint) });
    // blow up member 1's discriminator: its logits overflow float32 at the next step
    const ck = at10 as Checkpoint;
    const P = ck.d.length / 3;
    for (let i = P; i < 2 * P; i++) ck.d[i] = 1e30;
    const poisoned = ck.d.slice(P, 2 * P).map(Math.fround);
    const stops: unknown[] = [];
    const cks: Checkpoint[] = [];
    const r = await train(c, {
      resume: ck,
      checkpointEvery: 10,
      onStop: (s) => stops.push(s),
      onCheckpoint: (x) => cks.push(JSON.parse(JSON.stringify(x)) as Checkpoint),
    });
    expect(stops).toEqual([{ seed: 21, step: 10, quantity: 'D loss', value: expect.any(Number) }]);
    expect(Number.isFinite((stops[0] as { value: number }).value)).toBe(false);
    expect(r.stopped.map((s) => s?.seed ?? null)).toEqual([null, 21, null]);
    // the others log exactly what they would have
    for (const k of [0, 2]) expect(JSON.stringify(r.logs.map((l) => l[k]))).toBe(JSON.stringify(full.logs.map((l) => l[k])));
    // the stopped member's entries say so, with no losses; its state in later checkpoints is the last good one
    const later = r.logs.slice(1).map((l) => l[1]!);
    for (const e of later) expect(e).toMatchObject({ seed: 21, dLoss: NaN, gLoss: NaN, stopped: { step: 10, quantity: 'D loss' } });
    expect(cks.map((x) => x.step)).toEqual([20, 30, 40]);
    for (const x of cks) {
      expect(x.d.slice(P, 2 * P)).toEqual(poisoned);
      expect(x.stopped[1]).toMatchObject({ seed: 21, step: 10 });
    }
  });

  it.each(['ns', 'saturating', 'lsgan', 'wgan'])('loss %s trains without NaN', async (loss) => {
    const r = await train(short({ steps: 101, loss }), { seed: 2 });
    for (const l of r.final) expect(Number.isFinite(l.dLoss) && Number.isFinite(l.gLoss) && Number.isFinite(l.w1)).toBe(true);
  });

  it('the non-saturating G loss keeps its gradient where D(G(z)) ≈ 0; the saturating one loses it (measured)', () => {
    const c = makeConfig('seed-toy');
    const logits = tf.tensor3d([-10, -12, -15, -9], [1, 4, 1]); // D is confidently right: fakes look fake
    const grad = (loss: 'ns' | 'saturating') => {
      const g = tf.grad((l: tf.Tensor) => tf.sum(gLossOf({ ...c, loss }, l as tf.Tensor3D)))(logits);
      const v = Math.max(...Array.from(g.dataSync(), Math.abs));
      g.dispose();
      return v;
    };
    const ns = grad('ns');
    const sat = grad('saturating');
    expect(ns).toBeGreaterThan(0.2); // ≈ σ(10)/4
    expect(sat).toBeLessThan(1e-4); // ≈ σ(−9)/4
    logits.dispose();
  });

  it('the D loss is −V(D,G): BCE on real and fake in the stable logit form', () => {
    const c = makeConfig('seed-toy');
    const real = tf.tensor3d([0.3, -1.2], [1, 2, 1]);
    const fake = tf.tensor3d([2.0, -0.5], [1, 2, 1]);
    const got = dLossOf(c, real, fake).dataSync()[0] as number;
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    // −V = −(mean log D(real) + mean log(1 − D(fake)))
    const expected = -((Math.log(sig(0.3)) + Math.log(sig(-1.2))) / 2 + (Math.log(1 - sig(2.0)) + Math.log(1 - sig(-0.5))) / 2);
    expect(Math.abs(got - expected)).toBeLessThan(1e-6);
    tf.dispose([real, fake]);
  });

  it('rejects bad settings with the argument named', async () => {
    expect(() => makeConfig('seed-toy', { steps: 0 })).toThrow('train: steps must be a positive integer; got 0');
    expect(() => makeConfig('seed-toy', { widths: 3 } as never)).toThrow(TrainError);
    expect(() => makeConfig('nope')).toThrow(/train: preset must be one of seed-toy, mixture-1d, ring8, grid25 \(tabular: trainTabular\); got "nope"/);
    await expect(train(short(), { seed: 1, population: 0 })).rejects.toThrow(/population must be an integer from 1 to 4096; got 0/);
  });
});

describe('gan-verify train', () => {
  const run = (...argv: string[]) => cliAsync(['train', ...argv]);
  it('prints the documents’ log format, the same bytes for the same seed', async () => {
    const a = await run('--preset', 'seed-toy', '--seed', '0', '--steps', '401');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(
      /^Step 0: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\nStep 200: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\nStep 400: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\n$/,
    );
    expect((await run('--preset', 'seed-toy', '--seed', '0', '--steps', '401')).stdout).toBe(a.stdout);
  });
  it('on a 2-D target each line also shows the modes covered and the high-quality share, as log.jsonl records them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-ring8-'));
    const a = await run('--preset', 'ring8', '--seed', '1', '--steps', '3', '--log-every', '2', '--batch', '32', '--out', dir);
    expect(a.code, a.stderr).toBe(0);
    const rows = readFileSync(join(dir, 'log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { modesCovered: number; hqShare: number });
    const lines = a.stdout.trim().split('\n');
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const m = /^Step \d+: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}, modes=(\d+)\/8, high-quality=(\d+\.\d)%$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(Number(m?.[1])).toBe(rows[i]?.modesCovered);
      expect(m?.[2]).toBe(formatFixed(100 * (rows[i]?.hqShare as number), 1));
    });
  });
  it('a population prints the median and the 5–95% band; --json prints the summary', async () => {
    const p = await run('--steps', '201', '--population', '4', '--log-every', '100');
    expect(p.stdout.split('\n')[0]).toMatch(/^Step 0: D_loss=\d+\.\d{4} \[\d+\.\d{4}, \d+\.\d{4}\], G_loss=/);
    const j = await run('--steps', '50', '--json');
    const s = JSON.parse(j.stdout) as { final: unknown[]; aggregate: { w1: number } };
    expect(s.final).toHaveLength(1);
    expect(typeof s.aggregate.w1).toBe('number');
  });
  it('--checkpoint then --resume prints the uninterrupted log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-ck-'));
    const full = await run('--steps', '401', '--seed', '4');
    const partial = await run('--steps', '401', '--seed', '4', '--checkpoint', dir, '--checkpoint-every', '300');
    expect(partial.stdout).toBe(full.stdout);
    const resumed = await run('--resume', dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(full.stdout);
    const clash = await run('--resume', dir, '--seed', '1');
    expect(clash.stderr).toMatch(/--resume takes the run's settings from its checkpoint; got --seed too/);
  });
  it('a member whose loss overflows stops alone: one line on stderr, the others go on, exit status 1', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-nan-'));
    const full = await run('--steps', '301', '--seed', '6', '--population', '2', '--log-every', '100', '--json');
    await run('--steps', '301', '--seed', '6', '--population', '2', '--log-every', '100', '--checkpoint', dir, '--checkpoint-every', '200');
    const file = join(dir, 'checkpoint.json');
    const ck = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    ck.d = ck.d.map((v, i) => (i < ck.d.length / 2 ? 1e30 : v)); // member 0 (seed 6)
    writeFileSync(file, resealCheckpoint(ck as unknown as Record<string, unknown>));
    const r = await run('--resume', dir, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('gan-verify train: member seed 6 stopped at step 200: its D loss became Infinity; its last good state is kept\n');
    const summary = JSON.parse(r.stdout) as { final: { seed: number; w1: number }[]; stopped: unknown[] };
    expect(summary.stopped).toEqual([{ seed: 6, step: 200, quantity: 'D loss', value: null }]);
    expect(summary.final[1]).toEqual((JSON.parse(full.stdout) as { final: unknown[] }).final[1]);
  });
  it.each([
    [['--backend', 'tensorflow'], /needs @tensorflow\/tfjs-node, which is not installed/],
    [['--loss', 'hinged'], /loss must be ns, saturating, lsgan, wgan, wgan-gp or hinge; got "hinged"/],
    [['--steps', 'ten'], /--steps must be a nonnegative integer; got "ten"/],
    [['--preset', 'ring9'], /preset must be one of/],
    [['--engine', 'fast'], /--engine must be fused or autodiff; got "fast"/],
    [['--backend', 'wasm', '--engine', 'fused'], /--engine fused runs on the cpu backend only; got --backend wasm/],
  ])('bad input %j exits 2 with one line', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the installed command under SIGINT', () => {
  it('saves a checkpoint, says where in one line, exits 130, and --resume finishes the run', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    const { existsSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const bin = new URL('../bin/gan-verify.js', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-sig-'));
    const args = ['train', '--steps', '3000', '--log-every', '500', '--population', '32'];
    const child = spawn(process.execPath, [bin, ...args, '--checkpoint', dir, '--checkpoint-every', '100']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // the first periodic checkpoint shows that training is under way; interrupt it then
    while (!existsSync(join(dir, 'checkpoint.json'))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^gan-verify train: interrupted before step \d+; checkpoint saved in .* \(continue with --resume .*\)\n$/);
    expect(existsSync(join(dir, 'checkpoint.json'))).toBe(true);
    const resumed = spawnSync(process.execPath, [bin, 'train', '--resume', dir], { encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    const full = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(resumed.stdout).toBe(full.stdout);
  });
});

describe('gan-verify regenerate (golden logs change only on request)', () => {
  const regen = (...argv: string[]) => cliAsync(['regenerate', ...argv]);
  it('the committed fixture logs are reproduced byte for byte, and the documents’ log is placed in the band', async () => {
    const r = await regen('--population', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seed-0\.log: identical \(5 lines\)/);
    expect(r.stdout).toMatch(/seed-2\.float32\.log: identical \(5 lines\)/);
    expect(r.stdout).toMatch(/where the documents' log falls among 2 seeds/);
    expect(r.stdout).toMatch(/\n800 +1\.3855 +\d\.\d\d +0\.6933 +\d\.\d\d\n/);
  });
  it('a drifted fixture fails, naming the file and the first differing line; --update rewrites it', async () => {
    const { copyFileSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-fx-'));
    const src = new URL('../fixtures/seed-toy/seed-0.log', import.meta.url).pathname;
    const good = readFileSync(src, 'utf8');
    writeFileSync(join(dir, 'seed-0.log'), good.replace(/^(Step 200: D_loss=)\d/m, '$19'));
    const r = await regen('--dir', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/seed-0\.log: differs at line 2: expected "Step 200: D_loss=9/);
    expect((await regen('--dir', dir, '--update')).code).toBe(0);
    expect(readFileSync(join(dir, 'seed-0.log'), 'utf8')).toBe(good);
    copyFileSync(src, join(dir, 'seed-0.log'));
  });
});

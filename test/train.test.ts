import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { dLossOf, formatFixed, gLossOf, logLine, makeConfig, train, useBackend, TrainError } from '../src/train/index.js';
import { mainAsync } from '../src/cli/main.js';

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
  it('the same seed gives the same log; another seed does not', () => {
    const a = train(short(), { seed: 7 });
    const b = train(short(), { seed: 7 });
    expect(JSON.stringify(a.logs)).toBe(JSON.stringify(b.logs));
    expect(JSON.stringify(train(short(), { seed: 8 }).logs)).not.toBe(JSON.stringify(a.logs));
  });

  it('each member of a population is bit-identical to the single run with its seed', () => {
    const pop = train(short(), { seed: 11, population: 3 });
    for (let k = 0; k < 3; k++) {
      const single = train(short(), { seed: 11 + k });
      expect(JSON.stringify(pop.logs.map((l) => l[k]))).toBe(JSON.stringify(single.logs.map((l) => l[0])));
    }
  });

  it('leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    train(short({ steps: 60 }), { seed: 1, population: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['ns', 'saturating', 'lsgan', 'wgan'])('loss %s trains without NaN', (loss) => {
    const r = train(short({ steps: 101, loss }), { seed: 2 });
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

  it('rejects bad settings with the argument named', () => {
    expect(() => makeConfig('seed-toy', { steps: 0 })).toThrow('train: steps must be a positive integer; got 0');
    expect(() => makeConfig('seed-toy', { widths: 3 })).toThrow(TrainError);
    expect(() => makeConfig('nope')).toThrow(/train: preset must be one of seed-toy; got "nope"/);
    expect(() => train(short(), { seed: 1, population: 0 })).toThrow(/population must be an integer from 1 to 4096; got 0/);
  });
});

describe('gan-verify train', () => {
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await mainAsync(['train', ...argv], (s) => (stdout += s), (s) => (stderr += s));
    return { code, stdout, stderr };
  };
  it('prints the documents’ log format, the same bytes for the same seed', async () => {
    const a = await run('--preset', 'seed-toy', '--seed', '0', '--steps', '401');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Step 0: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\nStep 200: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\nStep 400: D_loss=\d+\.\d{4}, G_loss=\d+\.\d{4}\n$/);
    expect((await run('--preset', 'seed-toy', '--seed', '0', '--steps', '401')).stdout).toBe(a.stdout);
  });
  it('a population prints the median and the 5–95% band; --json prints the summary', async () => {
    const p = await run('--steps', '201', '--population', '4', '--log-every', '100');
    expect(p.stdout.split('\n')[0]).toMatch(/^Step 0: D_loss=\d+\.\d{4} \[\d+\.\d{4}, \d+\.\d{4}\], G_loss=/);
    const j = await run('--steps', '50', '--json');
    const s = JSON.parse(j.stdout) as { final: unknown[]; aggregate: { w1: number } };
    expect(s.final).toHaveLength(1);
    expect(typeof s.aggregate.w1).toBe('number');
  });
  it.each([
    [['--backend', 'tensorflow'], /needs @tensorflow\/tfjs-node, which is not installed/],
    [['--loss', 'hinge'], /loss must be ns, saturating, lsgan or wgan; got "hinge"/],
    [['--steps', 'ten'], /--steps must be a nonnegative integer; got "ten"/],
    [['--preset', 'ring9'], /preset must be one of/],
  ])('bad input %j exits 2 with one line', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

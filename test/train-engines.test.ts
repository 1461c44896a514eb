// The fused engine's splits: a population's bytes (logs, stops, checkpoints) are the same on one
// thread or several, on the WebAssembly SIMD kernel or the scalar code, and each member is the
// single run with its seed. The oracle is the scalar code on one thread (itself held to TF.js
// autodiff in train.test.ts and to float64 finite differences in properties/).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig, train, useBackend, TrainError, type Checkpoint, type TrainConfig } from '../src/train/index.js';
import { parseDistribution, type Distribution } from '../src/numeric/index.js';
import { layout, networkSizes } from '../src/train/mlp.js';
import { kernelSettings } from '../src/train/engines/fused-simd.js';
import { KERNEL_SETTINGS_BYTES, writeKernelSettings } from '../src/train/engines/kernel-settings.js';
// @ts-expect-error: the table is a plain .mjs module, without declarations
import { KERNEL_SETTINGS } from '../scripts/kernel-settings.mjs';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Everything a run yields, as bytes: logs, final entries, stops, and its checkpoints. */
async function bytesOf(c: TrainConfig, options: Record<string, unknown>): Promise<string> {
  const cks: Checkpoint[] = [];
  const r = await train(c, { seed: 21, population: 5, checkpointEvery: 7, onCheckpoint: (ck) => cks.push(ck), ...options });
  return JSON.stringify({ logs: r.logs, final: r.final, stopped: r.stopped, cks });
}

const DISTINCT_NAME =
  'every setting distinct: Adam β₁ 0.83, β₂ 0.97, ε 1e-6, lrD 0.011 ≠ lrG 0.013, LSGAN, smoothing 0.07, N(2.5, 0.7²), batch 5, noise 4, 3 D steps';

const CASES: [string, TrainConfig][] = [
  ['seed-toy', makeConfig('seed-toy', { steps: 30, logEvery: 10, evalSamples: 64 })],
  ['saturating G loss', makeConfig('seed-toy', { steps: 20, logEvery: 10, evalSamples: 64, loss: 'saturating' })],
  ['LSGAN, label smoothing', makeConfig('seed-toy', { steps: 20, logEvery: 10, evalSamples: 64, loss: 'lsgan', labelSmoothing: 0.1 })],
  [
    'WGAN, RMSprop with lrD ≠ lrG, clipping, 2 D steps',
    makeConfig('seed-toy', { steps: 20, logEvery: 10, evalSamples: 64, loss: 'wgan', optimizer: 'rmsprop', dSteps: 2, lrD: 5e-5, lrG: 1e-4 }),
  ],
  [
    // every setting the kernel reads differs from every other (checked below), so a swapped pair of settings changes the bytes
    DISTINCT_NAME,
    makeConfig('seed-toy', {
      steps: 12,
      logEvery: 6,
      evalSamples: 64,
      loss: 'lsgan',
      labelSmoothing: 0.07,
      beta1: 0.83,
      beta2: 0.97,
      eps: 1e-6,
      lrD: 0.011,
      lrG: 0.013,
      batch: 5,
      noiseDim: 4,
      dSteps: 3,
      target: 'normal:2.5,0.7',
    }),
  ],
  ['members that diverge and stop', makeConfig('seed-toy', { steps: 20, logEvery: 5, evalSamples: 64, lrD: 50, lrG: 50 })],
  ['mixture-1d (two hidden layers)', makeConfig('mixture-1d', { steps: 15, logEvery: 5, evalSamples: 64 })],
  [
    'odd sizes (the kernel remainder loops)',
    makeConfig('seed-toy', { steps: 12, logEvery: 6, evalSamples: 64, batch: 7, noiseDim: 3, gHidden: [6], dHidden: [7, 5] }),
  ],
  ['ring8 (2-D, wide layers)', makeConfig('ring8', { steps: 4, logEvery: 2, evalSamples: 32, batch: 16 })],
  ['WGAN-GP (scalar code only)', makeConfig('seed-toy', { steps: 15, logEvery: 5, evalSamples: 64, loss: 'wgan-gp', dSteps: 2 })],
  // a member that stops at one of its D steps while its lane partner trains on: the stop's value is kept
  ['members that stop at a D step of three', makeConfig('seed-toy', { steps: 20, logEvery: 5, evalSamples: 64, dSteps: 3, lrD: 50, lrG: 50 })],
];

// the same cases in float32 arithmetic (four members an f32x4 in the kernel; the scalar code rounds every
// operation with Math.fround): all but WGAN-GP, whose penalty the fused engine computes in float64 only
const CASES32: [string, TrainConfig][] = CASES.filter(([, c]) => c.loss !== 'wgan-gp').map(([name, c]) => [`${name}, float32`, { ...c, precision: 'float32' }]);

describe("the kernel's settings, by name", () => {
  it('in the case that holds the SIMD kernel to the scalar code, every numeric setting differs from every other (a swapped pair is seen)', () => {
    const c = (CASES.find(([name]) => name === DISTINCT_NAME) as [string, TrainConfig])[1];
    const target = parseDistribution(c.target, 'test', 'target') as Distribution;
    const sizes = networkSizes(c, 1);
    // the areas are laid out apart from each other, as the engine's allocator lays them out
    let at = 1 << 12;
    const next = () => (at += 16 * 97);
    const net = (P: number) => ({ P, desc: next(), p: next(), m: next(), v: next(), g: next(), x: next(), out: next(), back0: next(), delta: next() });
    const G = net(layout(sizes.g).P);
    const D = net(layout(sizes.d).P);
    const s = kernelSettings(c, target, { G, D, realBuf: next(), zBuf: next(), outAt: next(), scratch: next(), scratchPairs: c.dSteps * c.batch * c.noiseDim });
    const numeric = Object.entries(s).filter(([, v]) => typeof v === 'number') as [string, number][];
    expect(numeric.length).toBe(Object.keys(s).length - 3);
    for (const [i, [a, x]] of numeric.entries()) for (const [b, y] of numeric.slice(i + 1)) expect(x, `${a} = ${b}`).not.toBe(y);
    // the three flags: the optimiser (Adam here; RMSprop with lrD ≠ lrG is the WGAN case), clipping off, the data drawn in the kernel
    expect([s.rms, s.clipping, s.drawData]).toEqual([false, false, true]);
  });

  it('writeKernelSettings refuses a setting of the wrong kind, naming it', () => {
    const c = makeConfig('seed-toy');
    const target = parseDistribution(c.target, 'test', 'target') as Distribution;
    const net = { P: 1, desc: 0, p: 0, m: 0, v: 0, g: 0, x: 0, out: 0, back0: 0, delta: 0 };
    const s = kernelSettings(c, target, { G: net, D: net, realBuf: 0, zBuf: 0, outAt: 0, scratch: 0, scratchPairs: 1 });
    const buf = new ArrayBuffer(KERNEL_SETTINGS_BYTES);
    expect(() => writeKernelSettings(buf, 0, { ...s, lrD: Number.NaN })).toThrow(/writeKernelSettings: settings.lrD must be a finite number; got NaN/);
    expect(() => writeKernelSettings(buf, 0, { ...s, B: 2.5 })).toThrow(/settings.B must be an integer from -2147483648 to 2147483647; got 2.5/);
    expect(() => writeKernelSettings(buf, 0, { ...s, gX: -16 })).toThrow(/settings.gX must be an integer from 0 to 4294967295; got -16/);
    expect(() => writeKernelSettings(buf, 0, { ...s, rms: 1 as unknown as boolean })).toThrow(/settings.rms must be true or false; got 1/);
    writeKernelSettings(buf, 0, s);
    expect(new DataView(buf).getFloat64(KERNEL_SETTINGS.findIndex((r: { name: string }) => r.name === 'lrG') * 8, true)).toBe(c.lrG);
  });
});

describe('the fused engine: the same bytes however the work is split', () => {
  it.each(CASES)('%s: SIMD = scalar, and 2 threads (3 for two of them) = 1', async (name, c) => {
    const oracle = await bytesOf(c, { simd: false });
    expect(await bytesOf(c, {})).toBe(oracle);
    expect(await bytesOf(c, { threads: 2 })).toBe(oracle);
    // the split into three ranges on the scalar code: the split is the same code for every
    // configuration (each kernel path is held to the scalar code above), so two of them suffice
    if (c.loss === 'wgan-gp' || name === 'seed-toy') expect(await bytesOf(c, { threads: 3, simd: false })).toBe(oracle);
  });

  // population 5: a full quad and a lone member on one thread; 2 + 3 members on two threads (quads not full)
  it.each(CASES32)('%s: SIMD = scalar float32 reference, and 2 threads = 1', async (_name, c) => {
    const oracle = await bytesOf(c, { simd: false });
    expect(await bytesOf(c, {})).toBe(oracle);
    expect(await bytesOf(c, { threads: 2 })).toBe(oracle);
  });

  it('float32 arithmetic is not float64: the same seed gives other bytes, and losses within a few float32 ulps at the first step', async () => {
    const c = (CASES[0] as [string, TrainConfig])[1];
    const a = await train(c, { seed: 21, simd: false });
    const b = await train({ ...c, precision: 'float32' }, { seed: 21, simd: false });
    expect(JSON.stringify(b.logs)).not.toBe(JSON.stringify(a.logs));
    const [la, lb] = [a.logs[0]?.[0], b.logs[0]?.[0]] as { dLoss: number; gLoss: number }[];
    expect(Math.abs((lb?.dLoss as number) - (la?.dLoss as number))).toBeLessThan(1e-5);
    expect(Math.abs((lb?.gLoss as number) - (la?.gLoss as number))).toBeLessThan(1e-5);
  });

  it('diverging members stop at the same step with the same value on every split', async () => {
    const c = (CASES[5] as [string, TrainConfig])[1];
    const a = await train(c, { seed: 21, population: 5, simd: false });
    const b = await train(c, { seed: 21, population: 5, threads: 2 });
    expect(a.stopped.some((s) => s !== null)).toBe(true);
    expect(b.stopped).toEqual(a.stopped);
  });

  it('each member of a threaded population is the single run with its seed', async () => {
    const c = (CASES[0] as [string, TrainConfig])[1];
    const pop = await train(c, { seed: 40, population: 4, threads: 2 });
    for (let k = 0; k < 4; k++) {
      const single = await train(c, { seed: 40 + k, simd: false });
      expect(JSON.stringify(pop.logs.map((l) => l[k]))).toBe(JSON.stringify(single.logs.map((l) => l[0])));
    }
  });

  it.each(['float64', 'float32'] as const)(
    '%s: a checkpoint of a threaded run resumes on one thread (and back) to the uninterrupted bytes',
    async (precision) => {
      const c = makeConfig('seed-toy', { steps: 40, logEvery: 10, evalSamples: 64, precision });
      const full = await train(c, { seed: 3, population: 6 });
      let ck: Checkpoint | undefined;
      await train(c, { seed: 3, population: 6, threads: 2, checkpointEvery: 13, onCheckpoint: (x) => (ck = JSON.parse(JSON.stringify(x)) as Checkpoint) });
      expect(ck?.step).toBe(39);
      let mid: Checkpoint | undefined;
      await train(c, { seed: 3, population: 6, checkpointEvery: 20, onCheckpoint: (x) => (mid = JSON.parse(JSON.stringify(x)) as Checkpoint) });
      const a = await train(c, { resume: ck, threads: 1 });
      const b = await train(c, { resume: mid, threads: 3 });
      expect(JSON.stringify(a.logs)).toBe(JSON.stringify(full.logs));
      expect(JSON.stringify(b.logs)).toBe(JSON.stringify(full.logs));
    },
  );

  it('a population of 4096 checkpoints (through JSON) and resumes to the uninterrupted bytes', async () => {
    const c = makeConfig('seed-toy', { steps: 4, logEvery: 4, evalSamples: 16 });
    const full = await train(c, { seed: 9, population: 4096, threads: 2 });
    let ck: Checkpoint | undefined;
    await train(c, { seed: 9, population: 4096, checkpointEvery: 2, onCheckpoint: (x) => (ck = JSON.parse(JSON.stringify(x)) as Checkpoint) });
    expect(ck?.population).toBe(4096);
    expect(ck?.step).toBe(2);
    const resumed = await train(c, { resume: ck, threads: 2 });
    expect(JSON.stringify(resumed.logs)).toBe(JSON.stringify(full.logs));
    expect(JSON.stringify(resumed.final)).toBe(JSON.stringify(full.final));
  });

  it.each([
    [{ threads: 0 }, /options\.threads must be an integer from 1 to 256; got 0/],
    [{ threads: 1.5 }, /options\.threads must be an integer from 1 to 256; got 1\.5/],
    [{ threads: '2' }, /options\.threads must be an integer from 1 to 256; got "2"/],
    [{ threads: 2, engine: 'autodiff' }, /options\.threads splits the fused engine's members over threads; the engine is "autodiff"/],
    [{ simd: 'yes' }, /options\.simd must be true or false; got "yes"/],
  ])('refuses %j by name', async (options, message) => {
    const c = makeConfig('seed-toy', { steps: 2, logEvery: 1 });
    const e = await train(c, options as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TrainError);
    expect((e as Error).message).toMatch(message);
  });
});

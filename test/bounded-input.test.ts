/**
 * Inputs bounded and checked before work: files that are not regular files, files where folders are
 * expected and the reverse, sizes past their caps, numbers past float64's range, edited checkpoints
 * and ledger shards, and library calls that used to answer wrongly or hang. Each case gets a clean
 * one-line error (exit 2) or the right answer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridOf } from '../src/claims/checks/robustness.js';
import { compensatedSum, meanVariance, Rng } from '../src/numeric/index.js';
import { assertTheorems, exact, withinEnclosure } from '../src/testing/index.js';
import { parameterCount, validateCheckpoint } from '../src/train/checkpoint.js';
import { makeConfig, train, trainTabular, type Checkpoint } from '../src/train/index.js';
import { cliAsync } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'gan-verify-bounded-'));
const fifo = join(dir, 'fifo');
const file = join(dir, 'empty.md');
const binary = join(dir, 'binary.md');

beforeAll(() => {
  spawnSync('mkfifo', [fifo]);
  writeFileSync(file, '');
  writeFileSync(binary, Buffer.from([0, 1, 2, 255]));
});

const oneLine = async (argv: string[], re: RegExp) => {
  const r = await cliAsync(argv);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(2);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(re);
};

describe('files: regular files only where a file is read, folders where a folder is', () => {
  it.each([
    [['estimate', 'kl', '--p', fifo, '--q', 'normal:0,1'], /nor a readable sample file \(a FIFO, not a regular file\)/],
    [['estimate', 'kl', '--p', '/dev/zero', '--q', 'normal:0,1'], /nor a readable sample file \(a character device, not a regular file\)/],
    [['coverage', '--skeleton', fifo], /--skeleton ".*fifo" cannot be read \(a FIFO, not a regular file\)/],
    [['coverage', '--skeleton', dir], /--skeleton ".*" cannot be read \(a folder, not a regular file\)/],
    [['coverage', '--skeleton', binary], /is not a UTF-8 text document \(binary content\)/],
    [['coverage', '--skeleton', file], /is empty: there is no sentence to account for/],
    [['train', '--config', '/dev/zero'], /--config "\/dev\/zero" is not a readable JSON object \(a character device, not a regular file\)/],
    [['coverage', '--docs', file], /--docs ".*empty\.md" is a file; give the folder that holds the documents/],
    [['claims', '--docs', file, '--only', 'global-minimum-minus-log4'], /--docs ".*empty\.md" is a file/],
    [['merge', file, '--out', join(dir, 'm')], /merge: ".*empty\.md" is a file; give the shards' folders/],
    [['regenerate', '--dir', file], /--dir ".*empty\.md" is a file; give the folder of seed-N\.log files/],
    [['sweep', fifo, '--plan'], /SPEC ".*fifo" cannot be read \(a FIFO, not a regular file\)/],
    // Node's recursive mkdir loops forever under /proc: created one level at a time instead
    [['train', '--steps', '10', '--out', '/proc/x/y'], /--out "\/proc\/x\/y" cannot be written \(ENOENT\)/],
  ])('%j: one line, exit 2', async (argv, re) => oneLine(argv as string[], re));
});

describe('forged claim exports', () => {
  it('an object tagged as a claim but not made by defineClaim is refused in one line naming the file and the field', async () => {
    const f = join(dir, 'forged.mjs');
    writeFileSync(
      f,
      "export const forged = { kind: 'gan-verify-claim', id: 'forged-claim', source: { doc: 'd', quote: 'q' }, statement: 's', method: 'exact' };\n",
    );
    await oneLine(
      ['claims', f, '--no-report'],
      /FILE ".*forged\.mjs": loadClaims: claims\[0\] is not a valid claim: defineClaim: check \(claim forged-claim\) must be a function; got undefined/,
    );
  });
});

describe('sizes and numbers bounded before work', () => {
  it('a sweep grid past 10,000 cells, or past 1,000,000 units, is refused with the figure', async () => {
    const big = join(dir, 'big.json');
    const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    writeFileSync(
      big,
      JSON.stringify({
        preset: 'seed-toy',
        grid: { lrD: values(200), lrG: values(200), batch: values(200), steps: values(100) },
        seeds: { from: 0, count: 1 },
      }),
    );
    await oneLine(['sweep', big, '--plan'], /spec\.grid has 800,000,000 cells; at most 10,000 are allowed/);
    writeFileSync(big, JSON.stringify({ preset: 'seed-toy', grid: {}, seeds: { from: 0, count: 4_000_000_000 }, block: 1 }));
    await oneLine(['sweep', big, '--plan'], /spec has 4,000,000,000 units .*; at most 1,000,000 are allowed: raise "block"/);
  });

  it.each([
    [['claims', '--time-limit', '2147484', '--only', 'global-minimum-minus-log4'], /--time-limit must be at most 2147483 s/],
    [['train', '--lr-d', '1e-400'], /--lr-d "1e-400" is outside float64's range \(it would be read as 0\)/],
    [['train', '--lr-g', '1e400'], /--lr-g "1e400" is outside float64's range/],
    [['theory', 'jsd', '--p', '0.5,0.5', '--q', '0.5,0.5', '--digits', ' 7'], /--digits must be an integer from 1 to 5000; got " 7"/],
    // a valid input that would run for hours: bounded by its time budget (600 s by default), here 1 s
    [['theory', 'mixture-kl', '--p-mix', '1:0:1', '--q-mix', '1:0:0.001', '--max-seconds', '1'], /--max-seconds \(1 s\) was exceeded at node \d+ of \d+/],
    [['theory', 'shift-series', '--family', 'gaussian', '--scale', '1', '--t', '1e300'], /shiftSeries: shifts\[0\] must be at most 10⁶ × scale/],
  ])('%j: one line, exit 2', async (argv, re) => oneLine(argv as string[], re));

  it('--help lists only commands that exist', async () => {
    const r = await cliAsync(['--help']);
    expect(r.stdout).not.toMatch(/mixture-dstar/);
    for (const q of ['mixture-jsd', 'mixture-kl', 'mixture-w1', 'mixture-value-at-optimum', 'shift-series'])
      expect((await cliAsync(['theory', q, '--help'])).code, q).toBe(0);
  });
});

describe('ledger shards are checked as fully as the values they hold', () => {
  let shard: Record<string, unknown>;
  beforeAll(async () => {
    const r = await cliAsync(['claims', '--quick', '--only', 'global-minimum-minus-log4', '--json', '--no-report', '--shard', '1/1']);
    shard = JSON.parse(r.stdout);
  });
  type Shard = { shard?: unknown; claims: Record<string, unknown>[] };
  const cases: [string, (o: Shard) => void, RegExp][] = [
    [
      'a verdict "banana"',
      (o) => {
        (o.claims[0] as Record<string, unknown>).verdict = 'banana';
      },
      /claims\[0\]\.verdict must be one of holds/,
    ],
    [
      'agrees "yes"',
      (o) => {
        (o.claims[0] as Record<string, unknown>).agrees = 'yes';
      },
      /claims\[0\]\.agrees must be true or false/,
    ],
    [
      'shard "1/0"',
      (o) => {
        o.shard = '1/0';
      },
      /bad shard field "1\/0"/,
    ],
    [
      'claims [1, null]',
      (o) => {
        (o as { claims: unknown[] }).claims = [1, null];
      },
      /claims\[0\] must be a ledger entry/,
    ],
  ];
  it.each(cases)('%s is refused in one line', async (_, edit, re) => {
    const o = structuredClone(shard) as Shard;
    edit(o);
    const f = join(dir, `shard-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, JSON.stringify(o));
    await oneLine(['claims', 'merge', f, '--no-report'], re);
  });
});

describe('checkpoints are validated as fully as the values they hold', () => {
  let ck: Checkpoint;
  beforeAll(async () => {
    await train(makeConfig('seed-toy', { steps: 400 }), { population: 2, checkpointEvery: 300, onCheckpoint: (c) => (ck = c) });
  });
  const edited = (edit: (c: Record<string, unknown>) => void) => {
    const c = JSON.parse(JSON.stringify(ck)) as Record<string, unknown>;
    edit(c);
    return () => validateCheckpoint(c);
  };
  it('the checkpoint as written validates', () => expect(validateCheckpoint(JSON.parse(JSON.stringify(ck))).step).toBe(300));
  type Edit = (c: Record<string, unknown>) => void;
  const cases: [string, Edit, RegExp][] = [
    [
      'an rng state of zeros',
      (c) => {
        ((c.rng as { data: { state: number[] }[] }).data[0] as { state: number[] }).state.fill(0);
      },
      /rng\.data\[0\] must not be all zeros/,
    ],
    [
      'g[0] = 1e300 (beyond float32)',
      (c) => {
        (c.g as number[])[0] = 1e300;
      },
      /g\[0\] must lie within float32's range/,
    ],
    [
      'stopped[0] naming another seed',
      (c) => {
        (c.stopped as unknown[])[0] = { seed: 7, step: 5, quantity: 'D loss', value: null };
      },
      /stopped\[0\]\.seed must be member 0's seed 0; got 7/,
    ],
    [
      'an extra field',
      (c) => {
        c.note = 'hi';
      },
      /checkpoint: file .*"note"/,
    ],
    [
      'a null dLoss of a running member',
      (c) => {
        (c.logs as { dLoss: unknown }[][])[1]![0]!.dLoss = null;
      },
      /logs\[1\]\[0\]\.dLoss must be a number/,
    ],
  ];
  it.each(cases)('%s is refused, naming the field', (_, edit, re) => expect(edited(edit)).toThrow(re));
  it('resuming with another engine than the checkpoint’s is refused', async () => {
    await expect(train(makeConfig('seed-toy'), { resume: ck, engine: 'autodiff' })).rejects.toThrow(/engine must be the checkpoint's engine "fused"/);
  });
});

describe('library calls answer rightly or refuse', () => {
  it('sums and moments of values near float64’s limit (mathematics: the exact sum, the exact mean)', () => {
    expect(compensatedSum([1e308, 1e308, -1e308])).toBe(1e308);
    expect(compensatedSum([1e308, 1e308])).toBe(Infinity); // 2e308 is beyond float64: IEEE's ∞
    const mv = meanVariance([1e308, -1e308]);
    expect(mv.mean).toBe(0);
    expect(mv.variance).toBe(Infinity); // 2e616: beyond float64
    expect(meanVariance([1e308, 1e308])).toEqual({ mean: 1e308, variance: 0, n: 2 });
    expect(meanVariance([1, 2, 3, 4])).toEqual({ mean: 2.5, variance: 5 / 3, n: 4 });
  });
  it('refusals with the argument named', () => {
    expect(() => withinEnclosure(0.5, { value: '0.5', lower: '1', upper: '0', digits: 1 } as never)).toThrow(
      /withinEnclosure: enclosure must have lower ≤ value ≤ upper/,
    );
    expect(() => parameterCount([2 ** 40, 2 ** 40])).toThrow(/parameterCount: sizes give [\d.e+]+ parameters, beyond the integers a double holds exactly/);
    expect(() => exact.kl([0.5, 0.5], [0.6, 0.5])).toThrow(/exact\.kl: q must be nonnegative masses summing to 1 \(up to rounding\); got a sum of 1\.1/);
    expect(exact.kl([0.5, 0.5], [0.5, 0.5]).value).toMatch(/^0/);
    expect(() => trainTabular({ steps: Number.NaN })).toThrow(/trainTabular: steps must be a positive integer; got NaN/);
    expect(() => trainTabular({ sampels: 10 } as never)).toThrow(/trainTabular: config\.sampels is not a setting of the tabular trainer/);
    expect(() => gridOf({ a: Array.from({ length: 1000 }, (_, i) => i), b: Array.from({ length: 1000 }, (_, i) => i) })).toThrow(
      /gridOf: axes make 1,000,000 cells; at most 100,000 are allowed/,
    );
    expect(() => Rng.restore({ algorithm: 'xoroshiro128+', seed: 0, stream: 0, state: [0, 0, 0, 0] })).toThrow(/must not be all zeros/);
  });
  it('a misspelled option key is refused with the function, the key and the nearest known key', async () => {
    const { jsd } = await import('../src/theory/index.js');
    const { estimateKl, normal } = await import('../src/numeric/index.js');
    expect(() => jsd(['1/2', '1/2'], ['1/2', '1/2'], { digts: 10 } as never)).toThrow(/jsd: options\.digts is not an option of jsd \(did you mean digits\?\)/);
    expect(() => estimateKl(normal(0, 1), normal(1, 1), { sampels: 10 } as never)).toThrow(
      /estimateKl: options\.sampels is not an option of estimateKl \(did you mean samples\?\)/,
    );
    await expect(train(makeConfig('seed-toy'), { populaton: 2 } as never)).rejects.toThrow(
      /train: options\.populaton is not an option of train \(did you mean population\?\)/,
    );
    await expect(assertTheorems({}, { numRun: 5 } as never)).rejects.toThrow(
      /assertTheorems: options\.numRun is not an option of assertTheorems \(did you mean numRuns\?\)/,
    );
    expect(() => withinEnclosure(0.5, exact.jsd([0.5, 0.5], [0.5, 0.5]), { rtoll: 1e-9 } as never)).toThrow(
      /options\.rtoll is not an option .*\(did you mean rtol\?\)/,
    );
  });

  it('assertTheorems refuses numRuns 1e9 before running anything', async () => {
    await expect(assertTheorems({}, { numRuns: 1e9 })).rejects.toThrow(/assertTheorems: options\.numRuns must be at most 100,000; got 1000000000/);
  });
});

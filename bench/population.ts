/**
 * The population engine against batched PyTorch (bench/torch_population.py: parameters
 * [K, fan_in, fan_out], torch.baddbmm, one Adam), side by side in one run: the seed toy as K members
 * for STEPS steps (default 1000; BENCH_POP_STEPS), K = 256, 1024 and 4096. Targets: ≤ 1× PyTorch
 * with one thread each, and ≤ 0.5× PyTorch's better time (1 or 2 threads) with both cores in use
 * (gan-verify with `threads: 2`). gan-verify runs from dist/ (the built package, as users run it),
 * warmed up; its time is a STEPS-step run minus a 1-step run (so set-up, thread start and the
 * step-0 and final measurements are not counted, as the issue that set the targets measured it);
 * PyTorch's is its best of two runs of the loop alone. Also printed: the cost per member-step, and the arithmetic
 * per member-step against the machine's float64 peak.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type * as Train from '../src/train/index.js';
import { findPython } from './util.js';

const KS = [256, 1024, 4096];

/**
 * Floating-point operations in one member-step of a 1-H-1 GAN with batch B (one D step): a layer of
 * fin·fout weights costs 2·fin·fout per row forward, 4 per row backward with weight gradients
 * (gradient and back-propagated vector), 2 backward without; Adam ~10 per parameter.
 */
function flopsPerMemberStep(train: typeof Train, c: Train.TrainConfig): number {
  const weights = (sizes: number[]) => sizes.slice(1).reduce((s, n, i) => s + (sizes[i] as number) * n, 0);
  const params = train.parameterCount;
  const g = [c.noiseDim, ...c.gHidden, 1];
  const d = [1, ...c.dHidden, 1];
  const B = c.batch;
  const Wg = weights(g);
  const Wd = weights(d);
  const dStep = 2 * Wg * B + 2 * Wd * 2 * B + 4 * Wd * 2 * B;
  const gStep = 2 * Wd * B + 2 * Wd * B + 4 * Wg * B;
  return c.dSteps * dStep + gStep + 10 * (params(g) + params(d));
}

async function timeRun(train: typeof Train, K: number, steps: number, threads: number): Promise<number> {
  const c = train.makeConfig('seed-toy', { steps, logEvery: steps, evalSamples: 16 });
  const t0 = performance.now();
  await train.train(c, { seed: 0, population: K, threads });
  return (performance.now() - t0) / 1000;
}

/** The time of `steps` steps: a run of that many minus a 1-step run (set-up, threads and the measurements not counted). */
async function timeOurs(train: typeof Train, K: number, steps: number, threads: number): Promise<number> {
  const base = await timeRun(train, K, 1, threads);
  return (await timeRun(train, K, steps, threads)) - base;
}

/** The clock of the first core in MHz (os.cpus() says 0 on some virtual machines; /proc/cpuinfo still knows). */
function clockMHz(): number {
  const fromOs = cpus()[0]?.speed ?? 0;
  if (fromOs > 0) return fromOs;
  try {
    const m = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? Math.round(Number(m[1])) : 0;
  } catch {
    return 0;
  }
}

export async function benchPopulation(): Promise<string[]> {
  const steps = Number(process.env.BENCH_POP_STEPS ?? 1000);
  const lines: string[] = [];
  const python = findPython('torch');
  const torch = new Map<string, number>();
  let version = '';
  if (python !== null) {
    for (const threads of [1, 2]) {
      const r = spawnSync(python, [new URL('./torch_population.py', import.meta.url).pathname, String(threads), String(steps), ...KS.map(String)], {
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        lines.push(`PyTorch population script failed: ${r.stderr.trim().split('\n').pop()}`);
        break;
      }
      for (const line of r.stdout.trim().split('\n')) {
        const o = JSON.parse(line) as { K: number; threads: number; seconds: number; torch: string };
        torch.set(`${o.K}/${o.threads}`, o.seconds);
        version = o.torch;
      }
    }
  } else lines.push('batched PyTorch comparison skipped: torch not found (apt-get install python3-torch)');
  const dist = new URL('../dist/train/index.js', import.meta.url).href;
  const train = (await import(dist)) as typeof Train;
  await train.useBackend('cpu');
  await timeRun(train, 256, 20, 1); // warm-up
  await timeRun(train, 256, 20, 2);
  const flops = flopsPerMemberStep(train, train.makeConfig('seed-toy'));
  const mhz = clockMHz();
  // float64 peak of one core: two 256-bit FMA pipes = 16 flops a cycle (AVX2/AVX-512 servers)
  const peak = (mhz * 1e6 * 16 * cpus().length) / 1e9;
  lines.push(
    `population engine vs batched PyTorch ${version} (seed toy, ${steps} steps; ratios < 1 mean gan-verify is faster)`,
    `  arithmetic: ${flops} flops per member-step; machine: ${cpus().length} cores at ${mhz} MHz, ` +
      `float64 peak ≈ ${peak.toFixed(0)} GFLOP/s (16 flops/cycle/core)`,
    '  K      PyTorch 1t   PyTorch 2t   gan-verify 1t   gan-verify 2t   µs/member-step (ours 1t, 2t)   ' +
      'ratio 1t (≤ 1)   ratio 2 cores (≤ 0.5)   GFLOP/s (2t, % of peak)',
  );
  for (const K of KS) {
    const one = await timeOurs(train, K, steps, 1);
    const two = await timeOurs(train, K, steps, 2);
    const t1 = torch.get(`${K}/1`);
    const t2 = torch.get(`${K}/2`);
    const per = (s: number) => ((s / (K * steps)) * 1e6).toFixed(2);
    const gflops = (flops * K * steps) / two / 1e9;
    const r1 = t1 === undefined ? '—' : (one / t1).toFixed(3);
    const r2 = t1 === undefined || t2 === undefined ? '—' : (two / Math.min(t1, t2)).toFixed(3);
    const cell = (x: number | undefined, w: number) => (x === undefined ? '—' : `${x.toFixed(2)} s`).padEnd(w);
    lines.push(
      `  ${String(K).padEnd(6)} ${cell(t1, 12)} ${cell(t2, 12)} ${cell(one, 15)} ${cell(two, 15)} ${`${per(one)}, ${per(two)}`.padEnd(30)} ` +
        `${r1.padEnd(16)} ${r2.padEnd(23)} ${gflops.toFixed(2)} (${((100 * gflops) / peak).toFixed(1)}%)`,
    );
  }
  return lines;
}

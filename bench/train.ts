/**
 * Benchmarks of the trainer against the seed document's PyTorch script (Debian's python3-torch, one
 * thread), side by side in one run: seed-toy for 1000 steps as one run (target: no slower than
 * PyTorch), and as a population of 256 (target: no more than 10× PyTorch's single run), on the cpu
 * backend's fused engine (the default) and, for comparison, as TF.js ops with autodiff on cpu and
 * wasm. The metrics are switched off in the timed runs (logEvery = steps, 16 evaluation samples)
 * so that training is what is measured.
 */
import { spawnSync } from 'node:child_process';
import { makeConfig, train, useBackend, type BackendName, type Engine } from '../src/train/index.js';
import { findPython, median, type BenchResult } from './util.js';

async function timeTrain(population: number, backend: BackendName, engine: Engine, runs: number): Promise<number> {
  await useBackend(backend);
  const c = makeConfig('seed-toy', { logEvery: 1000, evalSamples: 16 });
  await train(makeConfig('seed-toy', { steps: 20, logEvery: 20, evalSamples: 16 }), { population, engine }); // warm-up
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await train(c, { seed: r, population, engine });
    ts.push((performance.now() - t0) / 1000);
  }
  return median(ts);
}

export async function benchTrain(): Promise<BenchResult[]> {
  const python = findPython('torch');
  const ref = python === null ? null : spawnSync(python, [new URL('./torch_toy.py', import.meta.url).pathname], { encoding: 'utf8' });
  const torch = ref !== null && ref.status === 0 ? (JSON.parse(ref.stdout) as { seconds: number; torch: string }) : null;
  const skipped = python === null ? 'torch not found (apt-get install python3-torch)' : 'the PyTorch script failed';
  const results: BenchResult[] = [];
  const row = (title: string, ours: number, name = `PyTorch ${torch?.torch} (1 thread)`): BenchResult =>
    torch ? { title, ours, reference: { name, seconds: torch.seconds } } : { title, ours, skipped };
  const runs: [BackendName, Engine][] = [
    ['cpu', 'fused'],
    ['cpu', 'autodiff'],
    ['wasm', 'autodiff'],
  ];
  for (const [backend, engine] of runs) {
    results.push(
      row(
        `train seed-toy, 1 run, 1000 steps, ${backend} ${engine}${engine === 'fused' ? ' (the default; target ≤ 1×)' : ''}`,
        await timeTrain(1, backend, engine, 3),
      ),
    );
  }
  results.push(
    row(
      'train seed-toy, population 256, 1000 steps, cpu fused (target ≤ 10× PyTorch’s one run)',
      await timeTrain(256, 'cpu', 'fused', 3),
      `PyTorch ${torch?.torch} one run`,
    ),
  );
  results.push(
    row('train seed-toy, population 256, 1000 steps, wasm autodiff', await timeTrain(256, 'wasm', 'autodiff', 1), `PyTorch ${torch?.torch} one run`),
  );
  await useBackend('cpu');
  return results;
}

/**
 * Benchmarks of the trainer against the seed document's PyTorch script (Debian's python3-torch, one
 * thread), side by side in one run: seed-toy for 1000 steps as one run, and as a population of 256
 * (target: no more than 10× PyTorch's single run). The metrics are switched off in the timed runs
 * (logEvery = steps) so that only training is measured.
 */
import { spawnSync } from 'node:child_process';
import { makeConfig, train, useBackend, type BackendName } from '../src/train/index.js';
import { findPython, median, type BenchResult } from './util.js';

async function timeTrain(population: number, backend: BackendName, runs: number): Promise<number> {
  await useBackend(backend);
  const c = makeConfig('seed-toy', { logEvery: 1000, evalSamples: 16 });
  await train(makeConfig('seed-toy', { steps: 20, logEvery: 20, evalSamples: 16 }), { population }); // warm-up
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await train(c, { seed: r, population });
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
  for (const backend of ['cpu', 'wasm'] as const) {
    const one = await timeTrain(1, backend, 3);
    results.push(torch ? { title: `train seed-toy, 1 run, 1000 steps, ${backend} backend`, ours: one, reference: { name: `PyTorch ${torch.torch} (1 thread)`, seconds: torch.seconds } } : { title: `train seed-toy, 1 run, ${backend}`, ours: one, skipped });
  }
  const pop = await timeTrain(256, 'wasm', 1);
  results.push(
    torch
      ? { title: 'train seed-toy, population 256, 1000 steps, wasm backend (target ≤ 10× PyTorch’s one run)', ours: pop, reference: { name: `PyTorch ${torch.torch} one run`, seconds: torch.seconds } }
      : { title: 'train seed-toy, population 256, wasm', ours: pop, skipped },
  );
  return results;
}

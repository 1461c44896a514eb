/**
 * Benchmarks of src/numeric against scipy, side by side in one run:
 *  - W1 between two samples of 10⁶ points: w1() vs scipy.stats.wasserstein_distance;
 *  - float64 JSD on vectors of 10⁶ masses: jsd() vs scipy.spatial.distance.jensenshannon (which
 *    returns √JSD; both are timed on the same inputs and the results cross-checked).
 * Inputs come from the seeded generator outside the timed sections; medians after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsd, normal, Rng, w1 } from '../src/numeric/index.js';
import { findPython, median, type BenchResult } from './util.js';

function time(f: () => number, runs: number): { seconds: number; value: number } {
  f();
  const ts: number[] = [];
  let value = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    value = f();
    ts.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(ts), value };
}

export function benchNumeric({ n = 1_000_000, k = 1_000_000, seed = 1, runs = 5 } = {}): BenchResult[] {
  const rng = Rng.fromSeed(seed);
  const x = normal(0, 1).sample(rng.stream(0), n);
  const y = normal(0.5, 2).sample(rng.stream(1), n);
  const u = rng.stream(2);
  const p = new Float64Array(k);
  const q = new Float64Array(k);
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < k; i++) {
    p[i] = u.uniform();
    q[i] = u.uniform();
    sp += p[i] as number;
    sq += q[i] as number;
  }
  for (let i = 0; i < k; i++) {
    p[i] = (p[i] as number) / sp;
    q[i] = (q[i] as number) / sq;
  }
  const ourW1 = time(() => w1(x, y), runs);
  const ourJsd = time(() => jsd(p, q), runs);
  const w1Title = `numeric w1: two samples of ${n} points, seed ${seed}`;
  const jsdTitle = `numeric jsd: float64, ${k} masses, seed ${seed}`;
  const python = findPython('scipy');
  if (python === null) {
    const skipped = 'scipy not found (apt-get install python3-scipy; GAN_VERIFY_PYTHON picks the interpreter)';
    return [
      { title: w1Title, ours: ourW1.seconds, skipped },
      { title: jsdTitle, ours: ourJsd.seconds, skipped },
    ];
  }
  const dir = mkdtempSync(join(tmpdir(), 'gan-verify-bench-'));
  const input = join(dir, 'numeric.f64');
  const all = new Float64Array(2 * n + 2 * k);
  all.set(x, 0);
  all.set(y, n);
  all.set(p, 2 * n);
  all.set(q, 2 * n + k);
  writeFileSync(input, Buffer.from(all.buffer));
  const res = spawnSync(python, [new URL('./scipy_numeric.py', import.meta.url).pathname, input, String(n), String(k), String(runs)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`bench: scipy run failed: ${res.stderr.trim()}`);
  const ref = JSON.parse(res.stdout) as { scipy: string; w1: { seconds: number; value: number }; jsd: { seconds: number; value: number } };
  const w1Rel = Math.abs(ourW1.value - ref.w1.value) / ref.w1.value;
  const jsRel = Math.abs(ourJsd.value - ref.jsd.value ** 2) / ourJsd.value;
  if (w1Rel > 1e-9 || jsRel > 1e-9)
    throw new Error(`bench: results disagree with scipy (w1 ${ourW1.value} vs ${ref.w1.value}; jsd ${ourJsd.value} vs ${ref.jsd.value ** 2})`);
  return [
    {
      title: w1Title,
      ours: ourW1.seconds,
      reference: { name: `scipy ${ref.scipy} wasserstein_distance`, seconds: ref.w1.seconds },
      check: `values agree (relative difference ${w1Rel.toExponential(1)})`,
    },
    {
      title: jsdTitle,
      ours: ourJsd.seconds,
      reference: { name: `scipy ${ref.scipy} jensenshannon`, seconds: ref.jsd.seconds },
      check: `jsd = jensenshannon² (relative difference ${jsRel.toExponential(1)})`,
    },
  ];
}

/**
 * Benchmark: certified JSD at 50 digits of two distributions on n = 10,000 points, gan-verify
 * against mpmath (pure-Python backend) side by side in one run. Prints both times and the ratio.
 *
 * Inputs are integer counts drawn from a seeded xoroshiro128+ (pure-rand) outside the timed section;
 * gan-verify reads them as exact fractions c/Σc, mpmath as mpf(c)/Σc. Each side reports the median
 * of several runs after a warm-up, and the two values must agree to 45 digits, so neither loop can
 * be optimised away or be wrong silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Decimal } from 'decimal.js';
import { jsd } from '../src/theory/index.js';
import { findPython, median, type BenchResult } from './util.js';

export function benchTheoryJsd({ n = 10_000, digits = 50, seed = 1, runs = 5 } = {}): BenchResult {
  const rng = xoroshiro128plus(seed);
  const cp = Array.from({ length: n }, () => uniformInt(rng, 0, 1000));
  const cq = Array.from({ length: n }, () => uniformInt(rng, 1, 1000));
  const sp = cp.reduce((a, b) => a + b, 0);
  const sq = cq.reduce((a, b) => a + b, 0);
  const p = cp.map((c) => `${c}/${sp}`);
  const q = cq.map((c) => `${c}/${sq}`);

  jsd(p, q, { digits }); // warm-up: JIT and the ln table at this precision
  const times: number[] = [];
  let ours = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    ours = jsd(p, q, { digits }).value;
    times.push((performance.now() - t0) / 1000);
  }
  const oursSeconds = median(times);
  const title = `theory jsd: n = ${n}, ${digits} digits, seed ${seed}`;

  const python = findPython('mpmath');
  if (python === null) {
    return { title, ours: oursSeconds, skipped: 'mpmath not found (apt-get install python3-mpmath; GAN_VERIFY_PYTHON picks the interpreter)' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gan-verify-bench-'));
  const input = join(dir, 'jsd.json');
  writeFileSync(input, JSON.stringify({ digits, p: cp, q: cq }));
  const res = spawnSync(python, [new URL('./mpmath_jsd.py', import.meta.url).pathname, input, String(runs)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`bench: mpmath run failed: ${res.stderr.trim()}`);
  const ref = JSON.parse(res.stdout) as { seconds: number; backend: string; value: string };
  const D = Decimal.clone({ precision: 80 });
  const rel = new D(ours).minus(ref.value).abs().div(ref.value);
  if (rel.gt('1e-45')) throw new Error(`bench: values disagree: gan-verify ${ours}, mpmath ${ref.value}`);
  return {
    title,
    ours: oursSeconds,
    reference: { name: `mpmath (${ref.backend} backend)`, seconds: ref.seconds },
    check: `values agree to ${rel.isZero() ? 'all' : Math.floor(-rel.log(10).toNumber())} digits`,
  };
}

/**
 * Benchmark: JSD(N(0,1)‖N(1,1)) certified to 50 digits (gan-verify's trapezoid rule with an
 * analytic-strip error bound) against mpmath's tanh-sinh `quad` at 50 digits (heuristic error
 * estimate), side by side in one run. Medians of several runs after a warm-up; the values are
 * checked to agree to 45 digits.
 */
import { spawnSync } from 'node:child_process';
import { Decimal } from 'decimal.js';
import { gaussianJsd } from '../src/theory/index.js';
import { findPython, median, type BenchResult } from './util.js';

export function benchGaussianJsd({ runs = 5 } = {}): BenchResult {
  const p = { mu: '0', sigma: '1' };
  const q = { mu: '1', sigma: '1' };
  gaussianJsd(p, q); // warm-up: constants and JIT
  const times: number[] = [];
  let ours = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    ours = gaussianJsd(p, q).value;
    times.push((performance.now() - t0) / 1000);
  }
  const title = 'theory gaussian-jsd: JSD(N(0,1)||N(1,1)) to 50 digits (certified vs heuristic)';
  const python = findPython('mpmath');
  if (python === null) return { title, ours: median(times), skipped: 'mpmath not found (apt-get install python3-mpmath)' };
  const res = spawnSync(python, [new URL('./mpmath_gauss_jsd.py', import.meta.url).pathname, String(runs)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`bench: mpmath run failed: ${res.stderr.trim()}`);
  const ref = JSON.parse(res.stdout) as { seconds: number; value: string };
  const D = Decimal.clone({ precision: 80 });
  const rel = new D(ours).minus(ref.value).abs().div(ref.value);
  if (rel.gt('1e-45')) throw new Error(`bench: values disagree: gan-verify ${ours}, mpmath ${ref.value}`);
  return {
    title,
    ours: median(times),
    reference: { name: 'mpmath tanh-sinh quad', seconds: ref.seconds },
    check: `values agree to ${rel.isZero() ? 'all 50' : Math.floor(-rel.log(10).toNumber())} digits`,
  };
}

/**
 * Whole-process timings, as a CI job meets them: each command is started RUNS times (default 5;
 * BENCH_STARTUP_RUNS) and the median wall time is compared with its reference, side by side:
 * - `gan-verify --version` against `node -e 0` (target ≤ 3×);
 * - `gan-verify train --steps 1 --preset seed-toy` against `gan-verify --version` (target ≤ 2×);
 * - `gan-verify theory jsd --p 1/2,1/2 --q 1,0` against a script that imports gan-verify/theory and
 *   calls jsd (target ≤ 1.5×);
 * - JSD at 50 digits of n = 10⁴ points from JSON files of fractions, against mpmath (target ≤ 1);
 * - certified JSD(N(0,1)‖N(1,1)) at 50 digits, against mpmath's quad (target ≤ 1);
 * - W1 between two files of 10⁶ samples, against scipy (target ≤ 1).
 * The commands run from bin/ and dist/ (the built package); each pair's values are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Rng } from '../src/numeric/rng.js';
import { findPython, median } from './util.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/gan-verify.js');

/** Median wall seconds of `runs` starts of cmd (after one unmeasured start), and its last stdout. */
function timeProcess(cmd: string, args: string[], runs: number): { seconds: number; out: string } {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const s = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.trim().split('\n').pop()}`);
    return { s, out: r.stdout.trim() };
  };
  once();
  const ts: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const r = once();
    ts.push(r.s);
    out = r.out;
  }
  return { seconds: median(ts), out };
}

export function benchStartup(seed = 1): string[] {
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'gan-verify-bench-'));
  const lines = [`whole process, median of ${runs} starts (ratios < 1 mean gan-verify is faster)`];
  const row = (what: string, ours: { seconds: number }, ref: { seconds: number }, refName: string, target: number, check = '') =>
    lines.push(
      `  ${what.padEnd(58)} gan-verify ${ours.seconds.toFixed(3)} s   ${refName} ${ref.seconds.toFixed(3)} s   ` +
        `ratio ${(ours.seconds / ref.seconds).toFixed(2)} ` +
        `(target ≤ ${target})${check ? `   ${check}` : ''}`,
    );
  const node = process.execPath;
  const version = timeProcess(node, [bin, '--version'], runs);
  row('gan-verify --version', version, timeProcess(node, ['-e', '0'], runs), 'node -e 0', 3);
  // issue 26: a one-step run of the toy starts within 2× of --version (the fused engine loads no TensorFlow.js)
  row('gan-verify train --steps 1 --preset seed-toy', timeProcess(node, [bin, 'train', '--steps', '1', '--preset', 'seed-toy'], runs), version, '--version', 2);
  const script = join(dir, 'jsd.mjs');
  writeFileSync(script, `import { jsd } from ${JSON.stringify(join(root, 'dist/theory/index.js'))};\nconsole.log(jsd(['1/2', '1/2'], ['1', '0']).value);\n`);
  const a = timeProcess(node, [bin, 'theory', 'jsd', '--p', '1/2,1/2', '--q', '1,0', '--json'], runs);
  const b = timeProcess(node, [script], runs);
  const same = (JSON.parse(a.out) as { value: string }).value === b.out;
  row('theory jsd --p 1/2,1/2 --q 1,0', a, b, 'import + jsd()', 1.5, same ? 'same value' : 'VALUES DIFFER');

  const python = findPython('mpmath');
  const ref = join(root, 'bench/whole_process.py');
  if (python === null) {
    lines.push('  the mpmath and scipy comparisons skipped: no python3 with mpmath (apt-get install python3-mpmath python3-scipy)');
    return lines;
  }
  // n = 10⁴ fractions c/Σc from seeded counts, as bench/theory-jsd.ts draws them
  const rng = xoroshiro128plus(seed);
  const n = 10_000;
  const cp = Array.from({ length: n }, () => uniformInt(rng, 0, 1000));
  const cq = Array.from({ length: n }, () => uniformInt(rng, 1, 1000));
  const sp = cp.reduce((s, c) => s + c, 0);
  const sq = cq.reduce((s, c) => s + c, 0);
  writeFileSync(join(dir, 'p.json'), JSON.stringify(cp.map((c) => `${c}/${sp}`)));
  writeFileSync(join(dir, 'q.json'), JSON.stringify(cq.map((c) => `${c}/${sq}`)));
  const j1 = timeProcess(node, [bin, 'theory', 'jsd', '--p-file', join(dir, 'p.json'), '--q-file', join(dir, 'q.json'), '--json'], runs);
  const j2 = timeProcess(python, [ref, 'jsd', join(dir, 'p.json'), join(dir, 'q.json')], runs);
  const agree = (x: string, y: string, digits: number) => x.replace('-', '').slice(0, digits + 2) === y.replace('-', '').slice(0, digits + 2);
  row(
    `JSD, 50 digits, n = ${n} from JSON files of fractions`,
    j1,
    j2,
    'mpmath',
    1,
    agree((JSON.parse(j1.out) as { value: string }).value, j2.out, 40) ? 'agree to 40 digits' : 'VALUES DIFFER',
  );
  const g1 = timeProcess(node, [bin, 'theory', 'gaussian-jsd', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1', '--json'], runs);
  const g2 = timeProcess(python, [ref, 'gauss'], runs);
  row(
    'certified JSD(N(0,1)‖N(1,1)), 50 digits',
    g1,
    g2,
    'mpmath quad',
    1,
    agree((JSON.parse(g1.out) as { value: string }).value, g2.out, 40) ? 'agree to 40 digits' : 'VALUES DIFFER',
  );
  if (findPython('scipy') === null) {
    lines.push('  the scipy comparison skipped: no python3 with scipy (apt-get install python3-scipy)');
    return lines;
  }
  // two files of 10⁶ samples each (N(0,1) and N(0.5,1) from the project's generator), one number a line
  const r = Rng.fromSeed(seed);
  const m = 1_000_000;
  const sample = (shift: number) => Array.from({ length: m }, () => String(shift + r.normal())).join('\n');
  writeFileSync(join(dir, 'x.txt'), `${sample(0)}\n`);
  writeFileSync(join(dir, 'y.txt'), `${sample(0.5)}\n`);
  const wRuns = Math.min(runs, 3);
  const w1 = timeProcess(node, [bin, 'estimate', 'w1', '--p', join(dir, 'x.txt'), '--q', join(dir, 'y.txt'), '--json'], wRuns);
  const w2 = timeProcess(python, [ref, 'w1', join(dir, 'x.txt'), join(dir, 'y.txt')], wRuns);
  const ours = (JSON.parse(w1.out) as { estimate: number }).estimate;
  row(`W1 between two files of ${m} samples`, w1, w2, 'scipy', 1, Math.abs(ours - Number(w2.out)) <= 1e-9 * Number(w2.out) ? 'same value' : 'VALUES DIFFER');
  return lines;
}

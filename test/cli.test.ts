import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { agreesTo, expectContains } from './helpers.js';

/** Runs the CLI in-process; returns exit code and captured streams. */
function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(
    argv,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

function json(...argv: string[]): Record<string, unknown> {
  const r = run('theory', ...argv, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

// (3/4)·ln(4/3), from the issue; independently: ln(4/3) = 2·atanh(1/7) by mpmath.
const JSD_HALF = '0.21576155433883569557941425449537057362763228317332';

describe('gan-verify theory (the contract other programs call)', () => {
  it('jsd of (1/2,1/2) and (1,0) encloses (3/4)·ln(4/3) with bounds agreeing to 49 digits', () => {
    const o = json('jsd', '--p', '1/2,1/2', '--q', '1,0');
    expect(Object.keys(o)).toEqual(['quantity', 'unit', 'digits', 'value', 'lower', 'upper']);
    expect(o).toMatchObject({ quantity: 'jsd', unit: 'nats', digits: 50 });
    expectContains(o as { lower: string; upper: string }, JSD_HALF);
    expect(agreesTo(o.lower as string, JSD_HALF, 49)).toBe(true);
    expect(agreesTo(o.upper as string, JSD_HALF, 49)).toBe(true);
  });

  it('--base 2 reports bits, --digits sets the significant digits', () => {
    const o = json('jsd', '--p', '1/2,1/2', '--q', '1,0', '--base', '2', '--digits', '12');
    expect(o.unit).toBe('bits');
    expect(o.digits).toBe(12);
    // (3/4)·log2(4/3) = 0.311278124459132863…
    expect(o.value).toBe('0.311278124459');
  });

  it('--base 10 reports hartleys, for discrete and continuous quantities alike', () => {
    // JSD of disjoint supports = log10 2 = 0.301029995663981195213738894724…; KL(N(0,1)‖N(1,1)) = ½ nats = 1/(2 ln 10) hartleys
    const o = json('jsd', '--p', '1,0', '--q', '0,1', '--base', '10', '--digits', '20');
    expect(o).toMatchObject({ unit: 'hartleys', value: '0.30102999566398119521' });
    const g = json('gaussian-kl', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1', '--base', '10', '--digits', '15');
    expect(g).toMatchObject({ unit: 'hartleys', value: '0.217147240951626' });
  });

  it('every quantity answers with the same JSON shape', () => {
    const p = ['--p', '1/2,1/4,1/4'];
    const q = ['--q', '1/4,1/4,1/2'];
    for (const name of ['value-at-optimum', 'kl', 'kl-reverse', 'jsd']) {
      const o = json(name, ...p, ...q, '--digits', '20');
      expect(o.quantity).toBe(name);
      expect(typeof o.value).toBe('string');
    }
    expect(json('entropy', ...p, '--digits', '20').value).toBe('1.0397207708399179641'); // 1.5·ln 2
    expect(json('value', ...p, ...q, '--d', '1/2,1/2,1/2', '--digits', '10').value).toBe('-1.386294361');
    const w = json('w1', ...p, ...q, '--x', '0,1,3');
    expect(w).toMatchObject({ quantity: 'w1', value: '0.75', lower: '0.75', upper: '0.75', exact: '3/4', dual: '0.75' });
    expect(w.witness).toEqual(['0', '-1', '-3']);
    const d = json('dstar', ...p, '--q', '1/2,1/2,0', '--digits', '5');
    expect(d.value).toEqual(['0.5', '0.33333', '1']);
    expect(d.lower).toEqual(['0.5', '0.33333', '1']);
    expect(d.upper).toEqual(['0.5', '0.33334', '1']);
    expect(d.exact).toEqual(['1/2', '1/3', '1']);
  });

  it('dstar is null (never NaN) where p = q = 0', () => {
    const d = json('dstar', '--p', '1,0', '--q', '1,0');
    expect(d.value).toEqual(['0.5', null]);
  });

  it('infinite values print as "inf" and "-inf"', () => {
    expect(json('kl', '--p', '1/2,1/2', '--q', '1,0').value).toBe('inf');
    expect(json('value', '--p', '1,0', '--q', '0,1', '--d', '0,1/2').value).toBe('-inf');
  });

  it('--normalize takes counts; --p-file reads a JSON array', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-'));
    const f = join(dir, 'p.json');
    writeFileSync(f, JSON.stringify(['2', '2']));
    const a = json('jsd', '--p-file', f, '--q', '3,0', '--normalize');
    const b = json('jsd', '--p', '1/2,1/2', '--q', '1,0');
    expect(a.value).toBe(b.value);
  });

  it('prints a readable line without --json', () => {
    const r = run('theory', 'jsd', '--p', '1/2,1/2', '--q', '1,0', '--digits', '8');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('jsd = 0.21576155 nats\n  certified: [0.21576155, 0.21576156]\n');
    expect(run('theory', 'w1', '--p', '1,0', '--q', '0,1', '--x', '0,1/3').stdout).toContain(
      'w1 = 0.33333333333333333333333333333333333333333333333333  (exactly 1/3)',
    );
  });

  it('--help works on every command and quantity', () => {
    for (const argv of [['--help'], ['theory', '--help'], ['theory', 'jsd', '--help'], ['demo', '--help'], ['theory', 'w1', '-h']]) {
      const r = run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: gan-verify/);
    }
    expect(run('theory', 'kl', '--help').stdout).toContain('KL(P||Q) = sum p_i ln(p_i/q_i)');
  });

  it('demo prints the identity check computed from certified values', () => {
    const r = run('demo');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('identity C(G) = 2*JSD - ln 4: consistent');
  });
});

describe('bad input: exit 2, one line on stderr naming the argument and the value', () => {
  const cases: [string[], RegExp][] = [
    [['theory', 'jsd', '--p', '1/2,1/2', '--q', '1'], /q must have as many masses as p \(2\); got 1/],
    [['theory', 'jsd', '--p', '', '--q', '1'], /p must not be empty/],
    [['theory', 'jsd', '--p', '1.5,-0.5', '--q', '1,0'], /p\[1\] must be a nonnegative mass; got "-0.5"/],
    [['theory', 'jsd', '--p', 'NaN,1', '--q', '1,0'], /p\[0\] must be a finite exact number; got "NaN"/],
    [['theory', 'jsd', '--p', 'Infinity,0', '--q', '1,0'], /p\[0\] must be a finite exact number; got "Infinity"/],
    [['theory', 'jsd', '--p', 'abc,1', '--q', '1,0'], /p\[0\] must be an exact decimal .* got "abc"/],
    [['theory', 'jsd', '--p', '1/0,1', '--q', '1,0'], /p\[0\] has a zero denominator; got "1\/0"/],
    [['theory', 'jsd', '--p', '0.5,0.4', '--q', '1,0'], /p must sum to exactly 1 .* got a sum of 9\/10/],
    [['theory', 'jsd', '--p', '0,0', '--q', '1,0', '--normalize'], /p must have positive total mass; got all zeros/],
    [['theory', 'value', '--p', '1/2,1/2', '--q', '1/2,1/2', '--d', '0.5,1.5'], /d\[1\] must lie in \[0, 1\]; got "1.5"/],
    [['theory', 'value', '--p', '1/2,1/2', '--q', '1/2,1/2'], /--d <list> is required/],
    [['theory', 'w1', '--p', '1/2,1/2', '--q', '1/2,1/2', '--x', '1,1'], /x\[1\] must be strictly greater than x\[0\] = "1"; got "1"/],
    [['theory', 'dstar', '--p', '1/2,1/2', '--q', '1/2,1/2', '--x', '2,1'], /theory dstar: --x: x\[1\] must be strictly greater than x\[0\] = "2"; got "1"/],
    [['theory', 'w1', '--p', '1/2,1/2', '--q', '1/2,1/2'], /--x <list> is required/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--digits', '0'], /digits must be an integer from 1 to 5000; got 0/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--digits', '5001'], /digits must be an integer from 1 to 5000; got 5001/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--digits', 'ten'], /--digits must be an integer from 1 to 5000; got "ten"/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--base', '3'], /--base must be e, 2 or 10; got "3"/],
    [['theory', 'w1', '--p', '1', '--q', '1', '--x', '0', '--base', '2'], /--base applies only to logarithmic quantities/],
    [['theory', 'entropy', '--p', '1', '--q', '1'], /takes only --p; got --q/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--d', '1'], /--d applies only to 'value'/],
    [['theory', 'jsd', '--p', '1', '--q', '1', '--frobnicate'], /unknown option --frobnicate/],
    [['theory', 'jsd', '--p'], /option --p needs a value/],
    [['theory', 'jsd', '--p', '1', '--p', '1', '--q', '1'], /option --p given twice/],
    [['theory', 'mutual-information', '--p', '1'], /unknown quantity "mutual-information"/],
    [['theory'], /missing <quantity>/],
    [['theory', 'jsd', '--p-file', '/nonexistent/p.json', '--q', '1'], /--p-file cannot be read: "\/nonexistent\/p.json" \(ENOENT\)/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  it.each(cases)('%j', (argv, message) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });
});

describe('the installed command (bin/gan-verify.js on the built dist/)', () => {
  const bin = new URL('../bin/gan-verify.js', import.meta.url).pathname;
  it('prints the JSON line and exits 0', () => {
    const out = execFileSync(process.execPath, [bin, 'theory', 'jsd', '--p', '1/2,1/2', '--q', '1,0', '--json'], { encoding: 'utf8' });
    const o = JSON.parse(out) as { value: string };
    expect(o.value).toBe(JSD_HALF);
  });
  it('exits 2 with one line and no stack trace on bad input', () => {
    const r = spawnSync(process.execPath, [bin, 'theory', 'kl', '--p', '1,-1', '--q', '1,0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('gan-verify theory kl: --p: p[1] must be a nonnegative mass; got "-1"\n');
  });
});

describe('gan-verify theory: continuous quantities', () => {
  it('gaussian-jsd prints the certified JSD(N(0,1)‖N(1,1)) in the JSON contract', () => {
    const o = json('gaussian-jsd', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1');
    expect(o).toMatchObject({ quantity: 'gaussian-jsd', unit: 'nats', digits: 50, value: '0.11142148218473617971723681221756024425559116016309' });
  });
  it('closed forms, mixtures and the shift series', () => {
    expect(json('gaussian-w2', '--mu1', '0', '--sigma1', '1', '--mu2', '3', '--sigma2', '5').value).toBe('5');
    expect(json('gaussian-w1', '--mu1', '0', '--sigma1', '2', '--mu2', '1/3', '--sigma2', '2').exact).toBe('1/3');
    expect(json('gaussian-kl', '--mu1', '0', '--sigma1', '1', '--mu2', '0', '--sigma2', '1').value).toBe('0');
    expect(json('mixture-w1', '--p-mix', '1:0:1', '--q-mix', '1:0:2', '--digits', '20').value).toBe('0.79788456080286535588'); // E|Z| = √(2/π)
    const s = JSON.parse(run('theory', 'shift-series', '--family', 'uniform', '--scale', '1', '--t', '0,1/2,3', '--digits', '10', '--json').stdout) as {
      rows: { t: string; jsd: { value: string }; w1: { value: string } }[];
    };
    expect(s.rows.map((r) => [r.t, r.jsd.value, r.w1.value])).toEqual([
      ['0', '0', '0'],
      ['1/2', '0.3465735903', '0.5'],
      ['3', '0.6931471806', '3'],
    ]);
  });
  it.each([
    [['theory', 'gaussian-jsd', '--mu1', '0', '--sigma1', '0', '--mu2', '1', '--sigma2', '1'], /gaussianJsd: p\[0\].sigma must be > 0; got "0"/],
    [['theory', 'gaussian-kl', '--mu1', '0', '--sigma1', '1', '--mu2', '1'], /--sigma2 is required/],
    [['theory', 'mixture-jsd', '--p-mix', '1/2:0:1,1/3:1:1', '--q-mix', '1:0:1'], /mixtureJsd: p weights must sum to exactly 1; got a sum of 5\/6/],
    [['theory', 'mixture-w1', '--p-mix', '1:0', '--q-mix', '1:0:1'], /mixtureW1: p must be w:mu:sigma items separated by commas; got "1:0"/],
    [
      ['theory', 'gaussian-w2', '--mu1', '0', '--sigma1', '1', '--mu2', '1', '--sigma2', '1', '--digits', '0'],
      /digits must be an integer from 1 to 5000; got 0/,
    ],
    [['theory', 'gaussian-w2', '--mu1', 'abc', '--sigma1', '1', '--mu2', '1', '--sigma2', '1'], /p.mu must be an exact decimal/],
  ])('bad input %j', (argv, message) => {
    const r = run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('start-up loads only what a command uses', () => {
  // a loader hook that fails any import of TensorFlow.js or Vega (a positive control: train must trip it)
  const hook =
    'data:text/javascript,import {register} from "node:module"; register("data:text/javascript,export async function resolve(s,c,n){ ' +
    'if(/@tensorflow|vega/.test(s)) throw new Error(\\"loaded \\"+s); return n(s,c); }");';
  it.each([
    [['--version'], /^\d+\.\d+\.\d+\n$/],
    [['theory', 'jsd', '--p', '1/2,1/2', '--q', '1,0', '--digits', '5'], /^jsd = 0\.21576 nats/],
    [['estimate', 'jsd', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '100'], /^jsd ~ /],
    // the fused engine trains without TensorFlow.js (issue 26): the trainer's evaluation is plain arrays
    [['train', '--steps', '1', '--preset', 'seed-toy'], /^Step 0: D_loss=1\.0106, G_loss=0\.6775\n$/],
    [['train', '--steps', '2', '--preset', 'ring8', '--batch', '8'], /^Step 0: D_loss=.*modes=/],
  ])('%j runs without TensorFlow.js or Vega', async (argv, out) => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('node', ['--import', hook, 'bin/gan-verify.js', ...(argv as string[])], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(out);
  });
  it.each([
    [['train', '--steps', '1', '--engine', 'autodiff']],
    [['train', '--steps', '1', '--loss', 'hinge']],
    [['train', '--preset', 'tabular', '--steps', '1']],
  ])('the hook works: %j (an engine or trainer on TensorFlow.js) does load it', async (argv) => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('node', ['--import', hook, 'bin/gan-verify.js', ...argv], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/loaded @tensorflow\/tfjs/);
  });
});

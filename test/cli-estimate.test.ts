import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

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

const dir = mkdtempSync(join(tmpdir(), 'gan-verify-estimate-'));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('gan-verify estimate: limits, not NaN', () => {
  it.each([['const:0'], ['const:1']])('value with --d %s is −∞ (ln 0 at a draw), exit 0, never NaN', (d) => {
    const r = run('estimate', 'value', '--p', 'normal:0,1', '--q', 'normal:1,1', '--d', d, '--samples', '500');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^value ~ -inf \+\/- 0 \(stderr\)/);
    expect(r.stdout).toMatch(/caveat: D = [01] at a draw from [PQ]/);
    expect(r.stdout).not.toContain('NaN');
    const j = JSON.parse(run('estimate', 'value', '--p', 'normal:0,1', '--q', 'normal:1,1', '--d', d, '--samples', '500', '--json').stdout) as {
      estimate: unknown;
      ci: unknown[];
    };
    expect(j.estimate).toBe('-inf');
    expect(j.ci).toEqual(['-inf', '-inf']);
  });
  it('a saturated logistic D is evaluated in log form: --d logistic:100,0 covers the quadrature value −148.236', () => {
    // truth by scipy quad: E_N(0,1)[−softplus(−100x)] + E_N(1,1)[−softplus(100x)] = −148.2363169398443
    const j = JSON.parse(
      run('estimate', 'value', '--p', 'normal:0,1', '--q', 'normal:1,1', '--d', 'logistic:100,0', '--samples', '20000', '--json').stdout,
    ) as { estimate: number; ci: [number, number] };
    expect(Number.isFinite(j.estimate)).toBe(true);
    expect(j.ci[0]).toBeLessThanOrEqual(-148.2363169398443);
    expect(j.ci[1]).toBeGreaterThanOrEqual(-148.2363169398443);
  });
  it('jsd-lower with --d const:0 is the trivial bound −∞, not NaN', () => {
    const r = run('estimate', 'jsd-lower', '--p', 'normal:0,1', '--q', 'normal:1,1', '--d', 'const:0', '--samples', '500');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^jsd-lower ~ -inf/);
  });
});

describe('gan-verify estimate', () => {
  it('prints the documented JSON and the same seed prints the same bytes', () => {
    const argv = ['estimate', 'jsd', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '2000', '--seed', '7', '--json'];
    const a = run(...argv);
    const b = run(...argv);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const o = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['quantity', 'estimate', 'stderr', 'ci', 'level', 'samples', 'seed', 'method']);
    expect(o).toMatchObject({ quantity: 'jsd', level: 0.95, samples: { p: 2000, q: 2000 }, seed: 7 });
    // JSD(N(0,1)‖N(1,1)) = 0.11142148218473617971… (issue 3's reference value)
    const [lo, hi] = o.ci as [number, number];
    expect(lo < 0.1114214821847362 && 0.1114214821847362 < hi).toBe(true);
    expect(run(...argv.slice(0, -2), '8', '--json').stdout).not.toBe(a.stdout);
  });

  it('every quantity runs, and the readable form names seed, samples and method', () => {
    for (const argv of [
      ['value', '--p', 'ring8', '--q', 'grid25', '--samples', '500'],
      ['kl', '--p', 'mixture:0.5:-2:1,0.5:2:1', '--q', 'normal:0,3', '--samples', '500'],
      ['w1', '--p', 'uniform:0,1', '--q', 'normal:0,1', '--samples', '500', '--two-sample'],
      ['kl-knn', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '500', '--k', '3'],
      ['jsd-lower', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '500', '--d', 'logistic:-1,0.5', '--level', '0.9'],
    ]) {
      const r = run('estimate', ...argv);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/~ .* \+\/- .* \(stderr\)\n {2}\d+% CI \[.*\]; .* samples, seed 0\n {2}method: /);
    }
  });

  it('reads files of samples, 1-D and 2-D', () => {
    const one = file('one.txt', '# draws\n0.1\n-0.3\n\n1.7\n0.4\n2.2\n');
    const two = file('two.csv', '0,0\n1,0.5\n0.2,-1\n3,3\n');
    const r = JSON.parse(run('estimate', 'w1', '--p', one, '--q', 'normal:0,1', '--json').stdout) as { samples: { p: number } };
    expect(r.samples.p).toBe(5);
    const k = run('estimate', 'kl-knn', '--p', two, '--q', 'grid25', '--samples', '200', '--json');
    expect(k.code).toBe(0);
  });

  it('reads CSV with a header line and quoted fields (d3-dsv), giving the same estimate as the plain file', () => {
    const plain = file('plain.txt', '0.1\n-0.3\n1.7\n0.4\n2.2\n');
    const csv = file('header.csv', 'x\n"0.1"\n-0.3\n1.7\n"0.4"\n2.2\n');
    const two = file('header2.csv', 'x,y\n0,0\n"1",0.5\n0.2,-1\n3,3\n');
    const a = run('estimate', 'w1', '--p', plain, '--q', 'normal:0,1', '--json').stdout;
    const b = run('estimate', 'w1', '--p', csv, '--q', 'normal:0,1', '--json').stdout;
    const strip = (s: string) => s.replace(/"(p|spec|file)[^,]*,/g, '');
    expect(JSON.parse(b).samples.p).toBe(5);
    expect(strip(b)).toBe(strip(a));
    expect(run('estimate', 'kl-knn', '--p', two, '--q', 'grid25', '--samples', '200', '--json').code).toBe(0);
  });

  const bad: [string[], RegExp][] = [
    [['estimate', 'kl', '--p', 'normal:0,1', '--q', 'normal:1,1', '--samples', '1'], /samples must be an integer ≥ 2; got 1/],
    [['estimate', 'kl', '--p', 'normal:0', '--q', 'normal:1,1'], /--p normal needs two numbers/],
    [['estimate', 'kl', '--p', 'mixture:0.5:0:1,0.6:1:1', '--q', 'normal:1,1'], /--p is not a valid distribution \(weights must sum to 1/],
    [['estimate', 'kl', '--p', 'mixture:-0.5:0:1,1.5:1:1', '--q', 'normal:1,1'], /weights\[0\] must be finite and ≥ 0; got -0.5/],
    [['estimate', 'kl', '--p', 'poisson:3', '--q', 'normal:1,1'], /--p is neither a distribution .* nor a readable sample file; got "poisson:3"/],
    [['estimate', 'w1', '--p', 'EMPTY', '--q', 'normal:1,1'], /holds no samples/],
    [['estimate', 'w1', '--p', 'NAN', '--q', 'normal:1,1'], /line 2 holds a value that is not a finite number; got "NaN"/],
    [['estimate', 'w1', '--p', 'ONE', '--q', 'normal:1,1'], /needs at least 2 samples/],
    [['estimate', 'kl', '--p', 'ONE5', '--q', 'normal:1,1'], /p needs a known density, not a file of samples/],
    [['estimate', 'kl', '--p', 'normal:0,1', '--q', 'normal:1,1', '--seed', '-3'], /--seed must be a nonnegative integer; got "-3"/],
    [['estimate', 'kl', '--p', 'normal:0,1', '--q', 'normal:1,1', '--seed', '4294967296'], /seed must be an integer from 0 to 4294967295; got 4294967296/],
    [['estimate', 'jsd-lower', '--p', 'normal:0,1', '--q', 'normal:1,1'], /--d <disc> is required/],
    [['estimate', 'kl', '--p', 'normal:0,1', '--q', 'normal:1,1', '--d', 'optimal'], /--d applies only to value and jsd-lower/],
    [['estimate', 'w1', '--p', 'ring8', '--q', 'ring8'], /p must be one-dimensional/],
    [['estimate', 'kl', '--p', 'ring8', '--q', 'normal:0,1'], /q must have the dimension of p \(2\); got 1/],
    [['estimate', 'entropy', '--p', 'normal:0,1', '--q', 'normal:0,1'], /unknown quantity "entropy"/],
  ];
  it.each(bad)('bad input %j: exit 2, one line', (argv, message) => {
    const files: Record<string, string> = {
      EMPTY: file('empty.txt', '\n# nothing\n'),
      NAN: file('nan.txt', '1\nNaN\n'),
      ONE: file('one-sample.txt', '1\n'),
      ONE5: file('five.txt', '1\n2\n3\n4\n5\n'),
    };
    const r = run(...argv.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

/**
 * The layering rule (`npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs) fails on an
 * upward import and on an import circle, and passes on src/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const depcruise = resolve('node_modules/.bin/depcruise');
const config = resolve('.dependency-cruiser.cjs');
const cruise = (cwd: string) => spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });

/** A throwaway tree with the project's tsconfig and the given source files. */
function tree(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'gan-verify-layers-'));
  copyFileSync('tsconfig.json', join(d, 'tsconfig.json'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), text);
  }
  return d;
}

describe('the layering rule', () => {
  it('passes on src/ as it is', () => {
    const r = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('fails on an upward import (theory importing train), naming the rule and the files', () => {
    const r = cruise(tree({ 'src/theory/a.ts': "import { b } from '../train/b.js';\nexport const a = b;\n", 'src/train/b.ts': 'export const b = 1;\n' }));
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/theory-imports-downward-only: src\/theory\/a\.ts → src\/train\/b\.ts/);
  });

  it('fails on an import circle', () => {
    const r = cruise(
      tree({
        'src/numeric/c.ts': "import { d } from './d.js';\nexport const c = () => d;\n",
        'src/numeric/d.ts': "import { c } from './c.js';\nexport const d = () => c;\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/no-circular: src\/numeric\/(c|d)\.ts/);
  });
});

describe('Biome over assembly/ (scripts/biome-assembly.mjs)', () => {
  const script = resolve('scripts/biome-assembly.mjs');
  it('passes on assembly/ as it is', () => {
    const r = spawnSync('node', [script], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
  it('fails on an AssemblyScript file that is not formatted, and --write formats it keeping its decorators', () => {
    const d = mkdtempSync(join(tmpdir(), 'gan-verify-asm-'));
    writeFileSync(join(d, 'k.ts'), '@inline export function twice(x: f64): f64 {\n    return x*2;\n}\n');
    expect(spawnSync('node', [script, d], { encoding: 'utf8' }).status).toBe(1);
    expect(spawnSync('node', [script, '--write', d], { encoding: 'utf8' }).status).toBe(0);
    expect(readFileSync(join(d, 'k.ts'), 'utf8')).toBe('@inline export function twice(x: f64): f64 {\n  return x * 2;\n}\n');
  });
});

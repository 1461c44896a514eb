/**
 * The example in each public entry point's module comment (the first page of its API reference), run:
 * every ```ts block is written to a file inside the package (so `gan-verify/…` resolves to dist/ through
 * package.json's exports, as in a user's project), run with tsx, and each `// prints: X` comment must
 * match a line of its output, in order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ENTRY_POINTS = [
  'src/theory/index.ts',
  'src/numeric/index.ts',
  'src/train/index.ts',
  'src/claims/index.ts',
  'src/claims/library/index.ts',
  'src/testing/index.ts',
];

/** The ```ts blocks of a file's first comment, with the comment's leading ` * ` removed. */
function blocks(file: string): string[] {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const text = comment
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

const dir = mkdtempSync(join('test', '.api-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENTRY_POINTS)('the example of %s', (file) => {
  const list = blocks(file);
  it('exists', () => expect(list.length).toBeGreaterThanOrEqual(1));
  it.each(list.map((code, i) => [i, code] as const))('block %i runs and prints what it says', (i, code) => {
    const path = join(dir, `${file.replace(/[/.]/g, '-')}-${i}.mts`);
    writeFileSync(path, code);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    let at = 0;
    for (const m of code.matchAll(/\/\/ prints: (.*)$/gm)) {
      const want = (m[1] as string).trim();
      const k = lines.findIndex((l, j) => j >= at && l.trim() === want);
      expect(k, `"${want}" in:\n${r.stdout}`).toBeGreaterThanOrEqual(0);
      at = k + 1;
    }
  });
});

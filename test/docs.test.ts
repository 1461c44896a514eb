import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const guides = readdirSync('docs/guides').filter((f) => f.endsWith('.md'));
const files = ['README.md', ...guides.map((f) => join('docs/guides', f))];

describe('the documentation', () => {
  it('the README is short (≤ 300 lines) and links every guide', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    for (const g of guides) expect(readme, g).toContain(`](docs/guides/${g})`);
  });
  it.each(files)('%s: every relative link resolves to a file of the repository', (file) => {
    const text = readFileSync(file, 'utf8')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => (m[1] as string).split('#')[0] as string).filter((l) => l !== '' && !/^[a-z]+:/.test(l));
    const missing = links.filter((l) => !existsSync(resolve(dirname(file), l)));
    expect(missing).toEqual([]);
  });
});

describe('npm run docs (typedoc with warnings as errors, every exported name documented)', () => {
  const typedoc = resolve('node_modules/.bin/typedoc');
  /** typedoc with the project's settings on a throwaway package whose one entry point is `source`. */
  const run = (source: string) => {
    const d = mkdtempSync(join(tmpdir(), 'gan-verify-typedoc-'));
    writeFileSync(join(d, 'index.ts'), source);
    writeFileSync(join(d, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022' }, files: ['index.ts'] }));
    const settings = JSON.parse(readFileSync('typedoc.json', 'utf8')) as Record<string, unknown>;
    const { $schema: _, ...rest } = settings;
    const mine = { ...rest, entryPoints: ['index.ts'], tsconfig: 'tsconfig.json', out: 'api', projectDocuments: [] };
    writeFileSync(join(d, 'typedoc.json'), JSON.stringify(mine));
    return spawnSync(typedoc, ['--options', 'typedoc.json'], { cwd: d, encoding: 'utf8' });
  };
  it('passes on a documented entry point', () => {
    const r = run('/** The answer. */\nexport const answer = 42;\n');
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
  it('fails on an exported name without documentation, naming it', () => {
    const r = run('/** The answer. */\nexport const answer = 42;\nexport function undocumented(): number {\n  return 1;\n}\n');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/undocumented.*does not have any documentation/);
  });
  it('fails on a type error in the documented code (skipErrorChecking is off)', () => {
    const r = run('/** The answer. */\nexport const answer: number = "forty-two";\n');
    expect(r.status).not.toBe(0);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

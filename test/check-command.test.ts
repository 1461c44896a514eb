import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliAsync as run } from './cli-helpers.js';

const NOTE = 'examples/author/gan-note.md';
const CLAIMS = 'examples/author/gan-note.claims.ts';
const ACC = 'examples/author/gan-note.accounting.json';
const lib = pathToFileURL(resolve('src/claims/library/index.ts')).href;
const tmp = () => mkdtempSync(join(tmpdir(), 'gan-verify-check-'));

describe('gan-verify check: the example note, every unit accounted for', () => {
  let out: { code: number; stdout: string; stderr: string };
  let report: string;
  beforeAll(async () => {
    report = join(tmp(), 'report');
    out = await run(['check', NOTE, '--claims', CLAIMS, '--accounting', ACC, '--report', report, '--json', '--quick', '--controls']);
  });
  it('exits 0: every quote found, every unit accounted for, every check ran', () => {
    expect(out.code, out.stderr).toBe(0);
    const j = JSON.parse(out.stdout) as {
      claims: { id: string; verdict: string }[];
      accounting: { counts: { units: number; unaccounted: number }; problems: string[] };
    };
    expect(j.accounting.counts.unaccounted).toBe(0);
    expect(j.accounting.problems).toEqual([]);
    expect(j.accounting.counts.units).toBeGreaterThanOrEqual(40);
    const v = Object.fromEntries(j.claims.map((c) => [c.id, c.verdict]));
    // the false statements, by mathematics: KL((1/2,1/2)‖(1/4,3/4)) = ½ln2 + ½ln(2/3) ≈ 0.144 ≠ 0.131;
    // ln x ≤ x − 1 (strict for x ≠ 1); simultaneous steps on xy have ρ = √(1 + η²) > 1
    expect([v['kl-symmetric'], v['log-inequality'], v['simultaneous-converges']]).toEqual(['refuted', 'refuted', 'refuted']);
    expect(j.claims.filter((c) => c.verdict !== 'holds').map((c) => c.id)).toEqual(['kl-symmetric', 'log-inequality', 'simultaneous-converges']);
    // --controls: every claim's mutant reaches another verdict
    const controls = (j.claims as unknown as { id: string; controls?: { mutant?: { ok: boolean } } }[]).filter((c) => c.controls?.mutant?.ok !== true);
    expect(controls.map((c) => c.id)).toEqual([]);
  });
  it('claims average ≤ 8 non-blank lines beyond the quote and statement', () => {
    const text = readFileSync(CLAIMS, 'utf8');
    const blocks = text.split(/\n {2}claim\(\{\n/).slice(1);
    const sizes = blocks.map((b) => b.split('\n').filter((l) => l.trim() !== '' && !/^\s+(quote|statement):/.test(l) && !/^\];?$/.test(l.trim())).length);
    expect(sizes.length).toBeGreaterThanOrEqual(20);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThanOrEqual(8);
  });
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!chromium) console.warn('ANNOTATED PAGE NOT CHECKED IN A BROWSER: no chromium here (apt-get install chromium)');
  it.skipIf(!chromium)('the annotated page, in headless Chromium: rendered, no raw markup, each unit marked', async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    const browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'], headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(report, 'index.html')).href, { waitUntil: 'load' });
      // innerText, not textContent: the text a reader sees (KaTeX's hidden parts excluded)
      const r = await page.evaluate(() => ({
        text: (document.querySelector('main') as HTMLElement).innerText,
        all: document.body.innerText,
        katex: document.querySelectorAll('main .katex').length,
        units: document.querySelectorAll('main .s').length,
        refuted: Array.from(document.querySelectorAll('main .s.v-refuted')).map((e) => (e as HTMLElement).innerText.slice(0, 30)),
        tables: document.querySelectorAll('main table').length,
        headings: document.querySelectorAll('main h1, main h2').length,
        links: document.querySelectorAll('main pre code').length,
      }));
      for (const raw of ['$$', '\\begin', '##', '](', '\\frac']) expect(r.all, raw).not.toContain(raw);
      expect(r.katex).toBeGreaterThan(30);
      expect(r.units).toBe(51);
      expect(r.tables).toBe(1);
      expect(r.headings).toBe(7);
      expect(r.links).toBe(1);
      expect(r.refuted.length).toBe(3);
      expect(r.refuted[0]).toMatch(/^The KL divergence, by contrast/);
    } finally {
      await browser.close();
    }
  });
});

describe('gan-verify check: what an author gets wrong is said in one line', () => {
  const write = (body: string) => {
    const dir = tmp();
    const f = join(dir, 'claims.ts');
    writeFileSync(f, `import { claim, identity } from '${lib}';\nexport default [${body}];\n`);
    return f;
  };
  it('a quote not in the document: exit 2 naming the claim and the typography', async () => {
    const f = write(`claim({ id: 'curly', quote: 'the generator’s samples', statement: 's', ...identity({ lhs: '1', rhs: '1', vars: {} }) })`);
    const doc = join(tmp(), 'd.md');
    writeFileSync(doc, "We look at the generator's samples.\n");
    const r = await run(['check', doc, '--claims', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gan-verify check: claim curly: source.quote is not in the document: it differs from the document only in typography/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a check that throws gets error (exit 1), a unit without entry is listed, --skeleton writes both skeletons', async () => {
    const doc = join(tmp(), 'd.md');
    writeFileSync(doc, '# A note\n\nOne is one. Two is $2$.\n');
    const f = write(`claim({ id: 'throws', quote: 'One is one.', statement: 's', ...identity({ lhs: 'z', rhs: '1', vars: {} }) })`);
    const r = await run(['check', doc, '--claims', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error +throws +check failed: identity: variable z has no value/m);
    expect(r.stdout).toMatch(/accounting: 3 units: 1 tested by a claim, 0 no claim, 0 not checkable, 2 unaccounted/);
    const sk = await run(['check', doc, '--claims', f, '--skeleton', 'accounting']);
    expect(JSON.parse(sk.stdout).entries.map((e: { start: string }) => e.start)).toEqual(['# A note', 'Two is $2$.']);
    const cs = await run(['check', doc, '--skeleton', 'claims']);
    expect(cs.stdout).toContain('//   quote: "One is one.",');
    expect(cs.stdout).toContain('//   quote: "Two is $2$.",');
  });
  it.each([
    [['check'], /give one document DOC; got 0/],
    [['check', 'no/such.md', '--claims', 'x.ts'], /DOC "no\/such.md" cannot be read \(it does not exist\)/],
    [['check', NOTE], /needs --claims CLAIMS.ts/],
    [['check', NOTE, '--skeleton', 'both'], /--skeleton must be accounting or claims; got "both"/],
    [['check', NOTE, '--claims', CLAIMS, '--accounting', NOTE], /--accounting "examples\/author\/gan-note.md" is not readable JSON/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

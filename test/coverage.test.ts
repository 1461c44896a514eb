import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/claims/catalogue/index.js';
import { accountFor, builtInAccounting, checkAccounting, type DocumentAccounting } from '../src/claims/documents/accounting.js';
import { normalise, sentences, splitDocument, unitHash } from '../src/claims/documents/split.js';
import { cliAsync as run } from './cli-helpers.js';

describe('the sentence splitter', () => {
  it('cuts prose at sentence ends, not after abbreviations', () => {
    expect(sentences('GANs were introduced by Goodfellow et al. in 2014. They compete. Think of it as A vs. B: fine.')).toEqual([
      'GANs were introduced by Goodfellow et al. in 2014.',
      'They compete.',
      'Think of it as A vs. B: fine.',
    ]);
    expect(sentences('Is it real? Yes! (It is.) Done')).toEqual(['Is it real?', 'Yes!', '(It is.)', 'Done']);
  });
  it('keeps display formulas and inline math inside their sentence', () => {
    const line = 'So the loss is $$ a. B = c. D $$ For fake samples, $x. Y$ holds. Next one.';
    const s = sentences(line);
    expect(s).toEqual(['So the loss is $$ a. B = c. D $$ For fake samples, $x. Y$ holds.', 'Next one.']);
    for (const u of s) expect((u.match(/\$\$/g) ?? []).length % 2).toBe(0);
  });
  it('keeps code blocks and tables whole, headings and list items apart', () => {
    const doc = [
      'Training Algorithm',
      'for epoch in epochs:',
      '# Train D',
      'x = G(z)',
      'nn.Linear(1, 16), nn.ReLU(),',
      ')',
      'Challenges',
      '| A | B |',
      '|---|---|',
      '| 1 | 2 |',
      '- An item. Two sentences.',
    ].join('\n');
    const u = splitDocument(doc);
    expect(u.map((x) => [x.kind, x.line])).toEqual([
      ['prose', 1],
      ['code', 2],
      ['prose', 7],
      ['table', 8],
      ['prose', 11],
      ['prose', 11],
    ]);
    expect(u[1]?.text.split('\n')).toHaveLength(5);
    expect(u[3]?.text.split('\n')).toHaveLength(3);
  });
  it('hashes the normalised text', () => {
    expect(unitHash('a  b\n c ')).toBe(unitHash('a b c'));
    expect(normalise(' a \n b ')).toBe('a b');
    expect(unitHash('a b c')).toMatch(/^[0-9a-f]{12}$/);
  });
});

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const ids = new Set(CATALOGUE.map((c) => c.id));
const DOC4 = '004_f063a6daaec1512b.txt';

describe('sentence accounting', () => {
  if (!existsSync(seeds)) {
    it('needs ../shared/seeds', () => {
      // said loudly rather than skipped silently: the accounting cannot be checked without the documents
      console.warn('test/coverage.test.ts: ../shared/seeds is absent; the accounting of the documents is not checked');
      expect(existsSync(seeds)).toBe(false);
    });
    return;
  }
  const text = readFileSync(join(seeds, DOC4), 'utf8');
  const acc = builtInAccounting(DOC4) as DocumentAccounting;
  it.each(['000_3ee4abfec5abb774.txt', '001_74b80b0836e81b2a.txt', '002_1e9b12e68fa134a2.txt', '003_cf77f3856df2833f.txt', DOC4])(
    'accounts for every sentence of %s',
    (doc) => {
      const r = accountFor(doc, readFileSync(join(seeds, doc), 'utf8'), builtInAccounting(doc), ids);
      expect(r.problems).toEqual([]);
      expect(r.unaccounted.map((u) => `${u.line}: ${u.text.slice(0, 60)}`)).toEqual([]);
    },
  );
  it('accounts for every sentence of 004, with no stale or wrong entry', () => {
    const r = accountFor(DOC4, text, acc, ids);
    expect(r.problems).toEqual([]);
    expect(r.unaccounted).toEqual([]);
    expect(r.sentences).toBe(r.claims + r.notCheckable + Object.values(r.noClaim).reduce((a, b) => a + b, 0));
  });
  it('fails when an entry is deleted', () => {
    const r = accountFor(DOC4, text, { ...acc, entries: acc.entries.slice(1) }, ids);
    expect(r.unaccounted.map((u) => u.text)).toEqual(['Two neural networks compete to generate realistic data']);
  });
  it('fails when a sentence has two entries or names an unknown claim', () => {
    const e = acc.entries[11] as (typeof acc.entries)[number];
    expect(accountFor(DOC4, text, { ...acc, entries: [...acc.entries, e] }, ids).problems[0]).toMatch(/^two entries for one sentence/);
    const wrong = { ...acc, entries: acc.entries.map((x, i) => (i === 11 ? { ...x, claims: ['no-such-claim'] } : x)) };
    expect(accountFor(DOC4, text, wrong, ids).problems).toEqual([
      'unknown claim "no-such-claim" in the entry for "As training progresses, both improve until the f"',
    ]);
  });
  it('fails when the document changes: the entry goes stale and the new sentence is unaccounted', () => {
    const edited = text.replace('As training progresses, both improve', 'As training progresses, both players improve');
    const r = accountFor(DOC4, edited, acc, ids);
    expect(r.problems).toEqual([expect.stringMatching(/^stale entry: no sentence of the document has hash [0-9a-f]{12} \("As training progresses/)]);
    expect(r.unaccounted.map((u) => u.line)).toEqual([12]);
  });
  it('every built-in accounting file is well formed and names only known claims', () => {
    for (const doc of ['000', '001', '002', '003', '004']) {
      const a = builtInAccounting(`${doc}_x.txt`);
      if (a === null) continue;
      for (const e of a.entries) for (const id of e.claims ?? []) expect(ids.has(id), id).toBe(true);
    }
  });
  it('checkAccounting names the bad entry', () => {
    expect(() => checkAccounting({ doc: 'd', title: 't', entries: [{ hash: 'abc', start: 's' }] }, 'f.json')).toThrow(
      /accounting: f.json: entries\[0\] must have a 12-digit hex hash/,
    );
    expect(() => checkAccounting({ doc: 'd', title: 't', entries: [{ hash: '0123456789ab', start: 's' }] }, 'f.json')).toThrow(
      /must be exactly one of claims, noClaim, notCheckable; got 0/,
    );
    expect(() =>
      checkAccounting({ doc: 'd', title: 't', entries: [{ hash: '0123456789ab', start: 's', noClaim: { kind: 'musing', reason: 'r' } }] }, 'f.json'),
    ).toThrow(/noClaim must be \{ kind: definition/);
  });
  it('gan-verify coverage --json has the documented schema and says which document is complete', async () => {
    const r = await run(['coverage', '--docs', seeds, '--json']);
    const j = JSON.parse(r.stdout) as {
      documents: {
        doc: string;
        sentences: number;
        claims: number;
        noClaim: Record<string, number>;
        notCheckable: number;
        unaccounted: unknown[];
        problems: string[];
      }[];
    };
    expect(j.documents.map((d) => d.doc)).toHaveLength(5);
    const d4 = j.documents.find((d) => d.doc === DOC4);
    expect(d4).toMatchObject({ unaccounted: [], problems: [] });
    expect(j.documents.every((d) => d.unaccounted.length === 0 && d.problems.length === 0)).toBe(true);
    expect(r.code).toBe(0);
  });
  it('coverage --skeleton prints one entry per distinct sentence, with the hashes the accounting uses', async () => {
    const r = await run(['coverage', '--skeleton', join(seeds, DOC4)]);
    expect(r.code).toBe(0);
    const sk = JSON.parse(r.stdout) as { entries: { hash: string; start: string }[] };
    expect(sk.entries.map((e) => e.hash)).toEqual(acc.entries.map((e) => e.hash));
  });
  it('claims --coverage appends the accounting table', async () => {
    const r = await run(['claims', '--only', 'optimal-discriminator', '--quick', '--no-report', '--coverage', '--docs', seeds]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/document +sentences +claims +no-claim +not-checkable +unaccounted/);
    expect(r.stdout).toMatch(/004_f063a6daaec1512b\.txt +58 +10 +36 +12 +0/);
  });
  it('coverage --docs on a missing folder: one line, exit 2', async () => {
    const r = await run(['coverage', '--docs', '/no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/coverage: --docs "\/no\/such\/folder" does not exist/);
  });
});

describe("an author's document and claims", () => {
  it('coverage DOC.md --claims CLAIMS.ts lists the units no claim quotes yet (by position, as gan-verify check does)', async () => {
    const r = await run(['coverage', 'examples/my-notes.md', '--claims', 'examples/my-claims.ts', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { sentences: number; claimed: number; unaccounted: { line: number; text: string }[] };
    expect(j).toMatchObject({ sentences: 5, claimed: 2 });
    expect(j.unaccounted.map((u) => u.text)).toContain('The KL divergence is symmetric in its two arguments.');
    const t = await run(['coverage', 'examples/my-notes.md', '--claims', 'examples/my-claims.ts']);
    expect(t.stdout).toMatch(/claim +4 +When p_G = p_data the optimal discriminator is 1\/2 everywhere\. +\(my-dstar-half\)/);
    expect(t.stdout).toMatch(/^examples\/my-notes.md: 5 units, 2 quoted by a claim, 3 not accounted for yet$/m);
  });
  it.each([
    [['coverage', 'examples/my-notes.md'], /needs --claims CLAIMS.ts/],
    [['coverage', 'no/such.md', '--claims', 'examples/my-claims.ts'], /DOC "no\/such.md" cannot be read \(it does not exist\)/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('the report shows documents by title, whole legends and plural modes', () => {
  it.skipIf(!existsSync(seeds))(
    'a small report',
    async () => {
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'gan-verify-report-'));
      const r = await run(['claims', '--quick', '--only', 'toy-generates-target,optimal-discriminator', '--out', dir]);
      expect(r.code).toBe(0);
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(html).toContain('<td title="000_3ee4abfec5abb774.txt">GANs: architecture, losses and the game-theory foundations (with a PyTorch toy)</td>');
      expect(readFileSync(join(dir, 'plots', 'discriminator.svg'), 'utf8')).toContain('>D*(x) = p_data/(p_data + p_G)</text>');
    },
    60_000,
  );
});

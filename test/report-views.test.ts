/**
 * The ledger report as a reader sees it: numbers to a sensible number of digits, the quotes' TeX rendered
 * by KaTeX on the index page, and "not checkable" drawn unlike "no claim".
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineClaim, runLedger, verdictOf, writeReport } from '../src/claims/index.js';
import { shownValue } from '../src/claims/format.js';
import { accountFor, checkAccounting } from '../src/claims/documents/accounting.js';
import { annotatedPage } from '../src/claims/documents/annotate.js';
import { splitDocument, type Unit } from '../src/claims/documents/split.js';
import type { LedgerEntry } from '../src/claims/runner.js';

describe('the report', () => {
  it('shows numbers to 6 significant digits (integers whole, tiny and huge ones in exponent form)', () => {
    expect(shownValue(5 / 9)).toBe('0.555556');
    expect(shownValue(1000)).toBe('1000');
    expect(shownValue(1.2345678e-9)).toBe('1.23457e-9');
    expect(shownValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(shownValue('ok')).toBe('ok');
  });

  it("renders a quote's TeX on the index page (no $…$ or \\frac left in its text) and prints its numbers short", async () => {
    const c = defineClaim({
      id: 'quote-math',
      source: { doc: 'notes.md', quote: 'the optimum is $D^*(x) = \\frac{p(x)}{p(x)+q(x)}$' },
      statement: 'p/(p + q) at p = 5, q = 4 is 5/9',
      method: 'exact',
      subject: (p: number, q: number) => p / (p + q),
      mutant: { description: 'q/(p + q)', subject: (p: number, q: number) => q / (p + q) },
      check: (f) => ({ verdict: verdictOf({ asStated: f(5, 4) === 5 / 9 }), evidence: 'D* = 5/9 exactly', numbers: { dstar: f(5, 4) } }),
    });
    const entries = await runLedger([c], { seed: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'gan-verify-report-'));
    await writeReport(dir, entries, { seed: 0, quick: true, shard: null, backend: 'cpu', seconds: 0 });
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(page)?.[1] ?? '';
    expect(quote).toContain('class="katex"');
    const text = quote.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/\$|\\frac/);
    expect(page).toContain('<link rel="stylesheet" href="documents/katex/katex.min.css">');
    expect(page).toContain('<code>dstar</code> = 0.555556');
    expect(page).not.toContain('0.5555555555555556</');
  });

  it('draws "not checkable" (striped, dark text) unlike "no claim" (light italic text) on the annotated pages', async () => {
    const css = (file: string) => readFileSync(file, 'utf8');
    for (const f of ['src/claims/documents/annotate.ts', 'src/claims/documents/page.ts']) {
      const nc = /\.nc\{([^}]*)\}/.exec(css(f))?.[1];
      const notCheckable = /\.v-not-checkable\{([^}]*)\}/.exec(css(f))?.[1];
      expect(nc, f).toBeDefined();
      expect(notCheckable, f).toMatch(/repeating-linear-gradient/);
      expect(nc).not.toMatch(/background/);
      expect(nc).toMatch(/italic/);
    }
  });
});

describe('the annotated page marks each tested part of a sentence by its own claim', () => {
  const text = 'The optimum is p over p plus q, and training always finds it.\nA second sentence tested as a whole.\n';
  const entry = (id: string, verdict: LedgerEntry['verdict']): LedgerEntry =>
    ({
      id,
      doc: 'notes.txt',
      quote: 'nowhere in the text',
      statement: '',
      method: 'exact',
      verdict,
      agrees: true,
      evidence: `${id} evidence`,
      numbers: {},
    }) as LedgerEntry;
  const units = splitDocument(text);
  const [first, second] = units as [Unit, Unit];

  it('colours the part each claim tests (parts), and a sentence tested whole by two claims by the more severe', () => {
    const accounting = {
      doc: 'notes.txt',
      title: 'notes',
      entries: [
        {
          hash: first.hash,
          start: 'The optimum',
          claims: ['formula', 'dynamics'],
          parts: { formula: 'The optimum is p over p plus q', dynamics: 'training always finds it' },
        },
        { hash: second.hash, start: 'A second', claims: ['whole-a', 'whole-b'] },
      ],
    };
    expect(accountFor('notes.txt', text, checkAccounting(accounting, 'a.json'), new Set(['formula', 'dynamics', 'whole-a', 'whole-b'])).problems).toEqual([]);
    const page = annotatedPage('notes.txt', text, accounting, [
      entry('formula', 'holds'),
      entry('dynamics', 'refuted'),
      entry('whole-a', 'refuted'),
      entry('whole-b', 'holds'),
    ]);
    const parts = [...page.matchAll(/<a class="part v-([a-z-]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    // the first claim of the first sentence holds: with a verdict per sentence it would be all green
    expect(parts).toContainEqual(['holds', 'The optimum is p over p plus q']);
    expect(parts).toContainEqual(['refuted', 'training always finds it']);
    expect(parts).toContainEqual(['refuted', 'A second sentence tested as a whole.']);
    expect(parts.filter(([v]) => v === 'holds')).toHaveLength(1);
  });

  it('reports a part that is not in its sentence, and a part named for a claim the entry does not list', () => {
    const bad = { doc: 'notes.txt', title: 'n', entries: [{ hash: first.hash, start: 'The', claims: ['formula'], parts: { formula: 'p over q' } }] };
    expect(accountFor('notes.txt', text, checkAccounting(bad, 'a.json'), new Set(['formula'])).problems).toEqual([
      'the part given for formula in the entry for "The" is not in the sentence: "p over q"',
    ]);
    const unnamed = { doc: 'notes.txt', title: 'n', entries: [{ hash: first.hash, start: 'The', claims: ['formula'], parts: { other: 'optimum' } }] };
    expect(() => checkAccounting(unnamed, 'a.json')).toThrow(/accounting: a.json: entries\[0\].parts names "other", which is not in the entry's claims/);
  });
});

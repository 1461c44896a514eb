import { describe, expect, it } from 'vitest';
import { locateQuote, missingQuote } from '../src/claims/documents/locate.js';
import { documentUnits, parseMarkdown } from '../src/claims/documents/parse.js';

const DOC = `# Title

First sentence with $x$ inline. Second one, e.g. with an abbreviation,
continues on the next line.

$$
V = a
  + b
$$

$$
\\begin{aligned}
a &= b \\\\
c &= d
\\end{aligned}
$$

| a | b |
|---|---|
| 1 | 2 |

- an item. With two sentences.
- an item with a [link](http://example.org)

\`\`\`python
x = 1
y = 2
\`\`\`
`;

describe('Markdown is parsed, not split by lines (remark)', () => {
  const units = parseMarkdown(DOC);
  const by = (block: string) => units.filter((u) => u.block === block);
  it('a multi-line $$…$$ block is one unit, and so is a \\begin{aligned} block', () => {
    expect(by('math').map((u) => u.text)).toEqual(['$$\nV = a\n  + b\n$$', '$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$']);
  });
  it('a table is one unit; a code block is one unit; each list item is one unit; a heading is a heading', () => {
    expect(by('table')).toHaveLength(1);
    expect(by('table')[0]?.text.split('\n')).toHaveLength(3);
    expect(by('code')).toHaveLength(1);
    expect(by('code')[0]?.text).toContain('y = 2');
    expect(by('item').map((u) => u.text)).toEqual(['- an item. With two sentences.', '- an item with a [link](http://example.org)']);
    expect(by('heading').map((u) => [u.text, u.depth])).toEqual([['# Title', 1]]);
  });
  it('a paragraph is cut into sentences across its lines, never after an abbreviation', () => {
    expect(by('sentence').map((u) => u.text)).toEqual([
      'First sentence with $x$ inline.',
      'Second one, e.g. with an abbreviation,\ncontinues on the next line.',
    ]);
  });
  it('every unit is the source text at its span, in order', () => {
    let last = -1;
    for (const u of units) {
      expect(DOC.slice(u.start, u.end)).toBe(u.text);
      expect(u.start).toBeGreaterThan(last);
      last = u.start;
    }
  });
  it('plain text keeps the line splitter of the seed documents, with a multi-line display formula as one unit', () => {
    const t = 'One sentence. Two sentences.\nA third line.';
    expect(documentUnits('notes.txt', t).map((u) => u.text)).toEqual(['One sentence.', 'Two sentences.', 'A third line.']);
    const m = 'Before.\n$$\nV = a\n  + b\n$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\nAfter.';
    expect(documentUnits('notes.txt', m).map((u) => u.text)).toEqual([
      'Before.',
      '$$\nV = a\n  + b\n$$',
      '\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}',
      'After.',
    ]);
  });
});

describe('quotes are located by position', () => {
  it('whitespace runs match (a line break in the source is a space in the quote)', () => {
    const span = locateQuote(DOC, 'abbreviation, continues on the next');
    expect(span).not.toBeNull();
    expect(DOC.slice(span?.start, span?.end)).toBe('abbreviation,\ncontinues on the next');
  });
  it('a curly apostrophe where the document has a straight one is not found, and the reason says so', () => {
    const doc = "the generator's loss";
    expect(locateQuote(doc, 'the generator’s loss')).toBeNull();
    expect(missingQuote(doc, 'the generator’s loss')).toMatch(/differs from the document only in typography: the quote has "’" where the document has "'"/);
    expect(missingQuote(doc, 'the generator wins')).toMatch(/the document has "the generator" but not what follows/);
  });
});

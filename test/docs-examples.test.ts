/**
 * The documentation's command examples, run: each `$ npx gan-verify …` line in a fenced block is run and the
 * lines shown under it must appear in its output, in order (runs of spaces match any spacing, "…" any
 * text, a line of just "…" any number of lines). Examples whose numbers are timings are listed apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliAsync } from './cli-helpers.js';

/** Examples whose output depends on this machine's speed (they are checked for their shape only). */
const TIMED = [/sweep .* --plan/];

interface Example {
  argv: string[];
  expected: string[];
}

function examples(file: string): Example[] {
  const out: Example[] = [];
  for (const block of readFileSync(file, 'utf8').matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const lines = (block[1] as string).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^\$ npx gan-verify (.*)$/.exec(lines[i] as string);
      if (m === null) continue;
      let cmd = m[1] as string;
      while (cmd.endsWith('\\')) cmd = `${cmd.slice(0, -1).trimEnd()} ${(lines[++i] as string).trim()}`;
      const expected: string[] = [];
      while (i + 1 < lines.length && !/^\$ /.test(lines[i + 1] as string) && (lines[i + 1] as string).trim() !== '') expected.push(lines[++i] as string);
      out.push({ argv: cmd.split(/\s+/), expected });
    }
  }
  return out;
}

/** Whether the expected lines appear in order in the output ("…" alone skips lines, "…" inside matches any text). */
function shown(expected: readonly string[], actual: string): string | null {
  const lines = actual.split('\n');
  let at = 0;
  for (const e of expected) {
    if (e.trim() === '…') continue;
    const re = new RegExp(
      `^${e
        .trim()
        .split('…')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
        .join('.*')}$`,
    );
    const k = lines.findIndex((l, j) => j >= at && re.test(l.trim()));
    if (k < 0) return e;
    at = k + 1;
  }
  return null;
}

/** The documents whose examples are run (the other guides' examples are long runs or timings: not yet). */
const DOCS = ['README.md', 'docs/guides/check-your-document.md', 'docs/guides/ledger.md'];

describe.each(DOCS)('the examples of %s, run', (doc) => {
  const list = examples(doc).filter((x) => !TIMED.some((t) => t.test(x.argv.join(' '))));
  it('has examples to run', () => expect(list.length).toBeGreaterThanOrEqual(1));
  it.each(list.map((x) => [x.argv.join(' '), x] as const))('gan-verify %s', async (_, x) => {
    const r = await cliAsync(x.argv);
    // an example may show a finding (exit 1: an unaccounted sentence); never bad input
    expect(r.code, r.stderr).not.toBe(2);
    expect(shown(x.expected, r.stdout + r.stderr), `${r.stdout}\n${r.stderr}`).toBeNull();
  });
});

/**
 * Splits a seed document into the units a reader accounts for: sentences of prose, with display
 * formulas ($$ … $$) and inline math kept inside their sentence; headings and list items as units of
 * their own (split further where they hold several sentences); runs of code lines and of table rows
 * each kept whole as one unit.
 *
 * Rules, in order:
 * 0. A display formula over several lines ($$ … $$, \\[ … \\], \\begin{env} … \\end{env}) is one unit.
 * 1. Lines. The documents are line-structured: a line is a heading, a list item, a paragraph, a code
 *    line or a table row. Consecutive code lines form one unit, and so do consecutive table rows.
 * 2. A code block opens at a line that reads as code: a comment `# …`, a `for/while/if/def/import/
 *    class/return` statement, an assignment `name = …`, or a call `name(…)` standing alone; it goes on
 *    through lines of code characters that do not open like a sentence ({@link continuesCode}).
 * 3. Sentences. A prose line is cut after `.`, `!` or `?` followed by a space and a capital letter,
 *    a digit, `$` or `(`, never inside `$…$`, `$$…$$`, `\\(…\\)` or `\\[…\\]`, and not after the abbreviations e.g., i.e.,
 *    et al., vs., cf., Fig., Eq., etc., w.r.t.
 * The hash of a unit is over its normalised text (whitespace collapsed, trimmed), so entries follow a
 * sentence, not its position: an edit to the document shows up as an unmatched entry.
 */
import { createHash } from 'node:crypto';

export type UnitKind = 'prose' | 'code' | 'table';

export interface Unit {
  /** The unit's text as in the document (lines joined with \n for code and tables). */
  text: string;
  kind: UnitKind;
  /** 1-based line of the document where it starts. */
  line: number;
  /** sha256 of the normalised text, first 12 hex digits. */
  hash: string;
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
export const unitHash = (s: string) => createHash('sha256').update(normalise(s)).digest('hex').slice(0, 12);

const CODE = new RegExp(
  [
    String.raw`^(#\s|#$|for\s.+:\s*$|while\s.+:\s*$|if\s.+:\s*$|def\s|import\s|from\s\S+\s+import\s|class\s\w|return\b`,
    String.raw`|[A-Za-z_][\w.]*\s*(\[[^\]]*\])?\s*[+\-*/]?=\s*[^=]|[A-Za-z_][\w.]*\([^)]*\)\s*$)`,
  ].join(''),
);
const TABLE = /^\|.*\|\s*$/;
const ABBREV = /(\be\.g|\bi\.e|\bet al|\bvs|\bcf|\bFig|\bEq|\betc|\bw\.r\.t)\.$/;

/** Whether a line reads as code (see rule 2). */
export function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || /^[-*•]\s/.test(t)) return false;
  // prose that happens to start like an assignment has spaces and words after the "="; code rarely ends in "."
  return CODE.test(t) && !/[.?!]$/.test(t.replace(/#.*$/, '').trim() || 'x');
}

/**
 * Whether a line continues a code block already open: a code line, or one made of code characters
 * only (`nn.Linear(1, 16), nn.ReLU(),`, `)`, `opt.step()`), that does not open like an English
 * sentence (a capitalised word and a space: `Step 0: …`, `This is …`), a heading (`---`) or a list item.
 */
export function continuesCode(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (isCodeLine(t)) return true;
  // code characters only, at least one of them punctuation that prose headings lack
  return /^[\w\s.()[\],;:'"=+\-*/%<>{}!|&^~@#\\]+$/.test(t) && /[()[\]{}=;#]/.test(t) && !/^[A-Z][a-z]+\s/.test(t) && !/^---/.test(t) && !/^[-*•]\s/.test(t);
}

/** Cuts one prose line into sentences (rule 3). */
export function sentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let math = 0; // 0 outside, 1 inside $…$, 2 inside $$…$$, 3 inside \\( … \\) or \\[ … \\]
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    // LaTeX inline and display delimiters \( \) and \[ \] open and close math too
    if (ch === '\\' && (line[i + 1] === '(' || line[i + 1] === '[') && math === 0) {
      math = 3;
      i++;
      continue;
    }
    if (ch === '\\' && (line[i + 1] === ')' || line[i + 1] === ']') && math === 3) {
      math = 0;
      i++;
      continue;
    }
    if (ch === '$') {
      if (line[i + 1] === '$') {
        math = math === 2 ? 0 : math === 0 ? 2 : math;
        i++;
      } else if (math !== 2) math = math === 1 ? 0 : 1;
      continue;
    }
    if (math !== 0 || (ch !== '.' && ch !== '!' && ch !== '?')) continue;
    const next = line.slice(i + 1);
    const m = /^(["”’)]*)\s+(?=[A-Z0-9$(“"])/.exec(next);
    if (m === null) continue;
    const piece = line.slice(start, i + 1 + (m[1]?.length ?? 0));
    if (ABBREV.test(piece.trimEnd())) continue;
    out.push(piece.trim());
    start = i + 1 + m[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/**
 * Whether a line opens a display formula it does not close (an odd number of `$$`, a `\[` without
 * `\]`, a `\begin{env}` without its `\end{env}`): the pattern of the line that closes it, or null.
 */
function openDisplay(line: string): RegExp | null {
  if ((line.match(/\$\$/g) ?? []).length % 2 === 1) return /\$\$/;
  if (/\\\[/.test(line) && !/\\\]/.test(line)) return /\\\]/;
  const env = /\\begin\{([a-zA-Z*]+)\}/.exec(line);
  if (env && !line.includes(`\\end{${env[1]}}`)) return new RegExp(`\\\\end\\{${(env[1] as string).replace('*', '\\*')}\\}`);
  return null;
}

/** The units of a document, in order. */
export function splitDocument(text: string): Unit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units: Unit[] = [];
  const push = (t: string, kind: UnitKind, line: number) => units.push({ text: t, kind, line, hash: unitHash(t) });
  const block = (test: (l: string) => boolean, kind: UnitKind, i: number): number => {
    let j = i;
    const more = kind === 'code' ? continuesCode : test;
    while (j + 1 < lines.length && more(lines[j + 1] as string)) j++;
    push(lines.slice(i, j + 1).join('\n'), kind, i + 1);
    return j;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    // a display formula over several lines ($$ … $$, \[ … \], \begin{env} … \end{env}) is one unit
    const close = openDisplay(raw);
    if (close !== null) {
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j] as string)) j++;
      if (j < lines.length) {
        push(lines.slice(i, j + 1).join('\n'), 'prose', i + 1);
        i = j;
        continue;
      }
    }
    if (TABLE.test(raw.trim())) i = block((l) => TABLE.test(l.trim()), 'table', i);
    else if (isCodeLine(raw)) i = block(isCodeLine, 'code', i);
    else for (const s of sentences(raw)) push(s, 'prose', i + 1);
  }
  return units;
}

/**
 * Where a claim's quote is in its document: the quote is matched with runs of whitespace equal
 * (a line break in the source is a space in the quote) and nothing else loosened, so a quote typed
 * with ’ where the document has ' is not found, and the message says so. A quote credits the units
 * whose span it overlaps, never a unit that merely contains the same words elsewhere.
 */
import { ClaimError } from '../define.js';
import type { DocUnit } from './parse.js';

/** The source text with whitespace runs collapsed, and for each of its characters the source offset. */
function collapse(src: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      if (text.endsWith(' ')) continue;
      text += ' ';
    } else text += ch;
    at.push(i);
  }
  return { text, at };
}

/** Characters typed differently in quotes and documents: curly and straight quotes, dashes. */
const LOOKALIKE: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '–': '-', '—': '-', '−': '-' };
const plain = (s: string) => s.replace(/[’‘“”–—−]/g, (c) => LOOKALIKE[c] as string);

/** A locator for many quotes in one document: the text is collapsed once. */
export function quoteLocator(src: string): (quote: string) => { start: number; end: number } | null {
  const { text, at } = collapse(src);
  return (quote) => {
    const q = quote.replace(/\s+/g, ' ').trim();
    if (q === '') return null;
    const i = text.indexOf(q);
    if (i < 0) return null;
    return { start: at[i] as number, end: (at[i + q.length - 1] as number) + 1 };
  };
}

/** The source span [start, end) of the first occurrence of `quote`, or null. */
export function locateQuote(src: string, quote: string): { start: number; end: number } | null {
  return quoteLocator(src)(quote);
}

/** Why a quote was not found, in one clause: a near miss by typography, or not at all. */
export function missingQuote(src: string, quote: string): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  const text = collapse(src).text;
  if (plain(text).includes(plain(q))) {
    const i = plain(text).indexOf(plain(q));
    const theirs = text.slice(i, i + q.length);
    const k = [...q].findIndex((c, j) => c !== theirs[j]);
    const at = q.slice(Math.max(0, k - 12), k + 12);
    const [mine, its] = [JSON.stringify(q[k]), JSON.stringify(theirs[k])];
    return `it differs from the document only in typography: the quote has ${mine} where the document has ${its} (at "${at}")`;
  }
  // the longest prefix that is found, to show where the quote departs from the text
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(q.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo < 8 ? 'no part of it is in the document' : `the document has "${q.slice(0, lo)}" but not what follows ("${q.slice(lo, lo + 24)}…")`;
}

/** The units each quote covers (by overlap of spans); throws a ClaimError naming a claim whose quote is not in the document. */
export function unitsOfQuotes(src: string, units: readonly DocUnit[], claims: readonly { id: string; quote: string }[], fn: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const locate = quoteLocator(src);
  for (const c of claims) {
    const span = locate(c.quote);
    if (span === null) throw new ClaimError(fn, `claim ${c.id}: source.quote`, `is not in the document: ${missingQuote(src, c.quote)}`);
    const hit = units.flatMap((u, i) => (u.start < span.end && span.start < u.end ? [i] : []));
    out.set(c.id, hit);
  }
  return out;
}

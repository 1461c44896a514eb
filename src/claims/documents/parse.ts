/**
 * Parses a Markdown document (CommonMark with GitHub tables and `$…$` / `$$…$$` math) into the units
 * a reader accounts for, with remark (remark-parse, remark-gfm, remark-math): a well-kept parser, so
 * that a multi-line display block, a `\begin{aligned}` block, a table, a code block and a list item
 * are each one unit, a heading is a heading, and a paragraph is cut into its sentences (the rules of
 * split.ts's `sentences`, never inside math). Each unit keeps its span in the source text, so a
 * claim's quote is matched by position, not by substring.
 *
 * Plain text (any other extension) is split by lines as the seed documents are (split.ts).
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { sentences, splitDocument, unitHash, type Unit } from './split.js';

/** What a unit of a parsed document is. */
export type BlockKind = 'sentence' | 'heading' | 'math' | 'code' | 'table' | 'item' | 'html';

export interface DocUnit extends Unit {
  /** The unit's span in the source text: [start, end). */
  start: number;
  end: number;
  /** What it is; a sentence belongs to the paragraph `block`. */
  block: BlockKind;
  /** Index of the Markdown block (paragraph, list, table, …) the unit belongs to. */
  group: number;
  /** A heading's depth (1–6) or a list's kind. */
  depth?: number;
  ordered?: boolean;
}

/** Whether a file name reads as Markdown. */
export const isMarkdown = (doc: string) => /\.(md|markdown|mdx)$/i.test(doc);

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** The Markdown syntax tree (mdast) of a text, with positions. */
export function markdownTree(text: string): Root {
  return parser.parse(text) as Root;
}

/** The units of a Markdown text, in order. */
export function parseMarkdown(text: string): DocUnit[] {
  const src = text.replace(/\r\n?/g, '\n');
  const tree = markdownTree(src);
  const units: DocUnit[] = [];
  let group = 0;
  const lineAt = (offset: number) => src.slice(0, offset).split('\n').length;
  const push = (start: number, end: number, block: BlockKind, extra: Partial<DocUnit> = {}) => {
    const t = src.slice(start, end).trim();
    if (t === '') return;
    const lead = src.slice(start, end).length - src.slice(start, end).trimStart().length;
    const s = start + lead;
    const kind = block === 'code' ? 'code' : block === 'table' ? 'table' : 'prose';
    units.push({ text: t, kind, line: lineAt(s), hash: unitHash(t), start: s, end: s + t.length, block, group, ...extra });
  };
  const visit = (node: RootContent, ordered?: boolean) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading':
        push(start, end, 'heading', { depth: node.depth });
        break;
      case 'paragraph': {
        // sentences never cut inside math: the cutter sees the paragraph on one line, offsets kept
        const flat = src.slice(start, end).replace(/\n/g, ' ');
        let at = 0;
        for (const s of sentences(flat)) {
          const i = flat.indexOf(s, at);
          push(start + i, start + i + s.length, 'sentence');
          at = i + s.length;
        }
        break;
      }
      case 'math':
        push(start, end, 'math');
        break;
      case 'code':
        push(start, end, 'code');
        break;
      case 'table':
        push(start, end, 'table');
        break;
      case 'html':
        push(start, end, 'html');
        break;
      case 'list':
        for (const item of node.children) {
          const s = item.position?.start.offset ?? start;
          const e = item.position?.end.offset ?? s;
          push(s, e, 'item', { ordered: node.ordered === true });
        }
        break;
      case 'blockquote':
        for (const c of node.children) visit(c, ordered);
        break;
      default:
        // thematic breaks, definitions, footnote definitions: no statement
        return;
    }
    group++;
  };
  for (const node of tree.children) visit(node);
  return units;
}

/** The units of a document: Markdown parsed by remark, plain text split by lines (split.ts). */
export function documentUnits(doc: string, text: string): DocUnit[] {
  if (isMarkdown(doc)) return parseMarkdown(text);
  const src = text.replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  const lineStart: number[] = [];
  let o = 0;
  for (const l of lines) {
    lineStart.push(o);
    o += l.length + 1;
  }
  let from = 0;
  return splitDocument(src).map((u, i) => {
    const first = u.text.split('\n')[0] as string;
    const s = src.indexOf(first, Math.max(from, lineStart[u.line - 1] ?? 0));
    const start = s < 0 ? (lineStart[u.line - 1] ?? 0) : s;
    const end = start + u.text.length;
    from = end;
    return { ...u, start, end, block: u.kind === 'code' ? 'code' : u.kind === 'table' ? 'table' : 'sentence', group: i };
  });
}

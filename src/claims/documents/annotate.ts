/**
 * The annotated document view: a seed document as its reader knows it — formulas rendered by KaTeX
 * (server-side, to HTML), code and tables kept as blocks — with every sentence marked by its entry:
 * each part of it that a claim quotes coloured by that claim's own verdict (a link to the claim's
 * section of the report, the one-line evidence on hover), a sentence no quote reaches by the verdict
 * of the claims its entry names, the kind of a no-claim sentence, or not-checkable with its reason.
 */
import { createRequire } from 'node:module';
import type { LedgerEntry } from '../runner.js';
import type { AccountEntry, DocumentAccounting } from './accounting.js';
import { locateQuote, quoteLocator } from './locate.js';
import { legend, mostSevere } from './marks.js';
import { documentUnits } from './parse.js';

const require = createRequire(import.meta.url);
const katex = require('katex') as { renderToString(tex: string, o: { displayMode: boolean; throwOnError: boolean }): string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text with its TeX ($$…$$, \[…\], \(…\), $…$) rendered by KaTeX and the rest escaped. */
export function renderMath(text: string): string {
  const re = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$([^$\n]+?)\$/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += esc(text.slice(last, m.index));
    const display = m[1] !== undefined || m[2] !== undefined;
    const tex = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    out += katex.renderToString(tex, { displayMode: display, throwOnError: false });
    last = (m.index as number) + m[0].length;
  }
  return out + esc(text.slice(last));
}

/** The mark of a sentence: its class, the link (claims), the hover text. */
function markOf(e: AccountEntry | undefined, byId: Map<string, LedgerEntry>): { cls: string; href?: string; title: string } {
  if (e === undefined) return { cls: 'unaccounted', title: 'no entry in the accounting' };
  if (e.claims) {
    const ran = e.claims.map((id) => byId.get(id)).filter((x): x is LedgerEntry => x !== undefined);
    if (ran.length === 0) return { cls: 'v-unrun', href: `../index.html#${e.claims[0]}`, title: `${e.claims.join(', ')} (not run in this report)` };
    // a block (code, table, display formula) tested as a whole by several claims: the most severe verdict
    const worst = mostSevere(ran.map((x) => x.verdict));
    const first = ran.find((x) => x.verdict === worst) as LedgerEntry;
    return { cls: `v-${worst}`, href: `../index.html#${first.id}`, title: ran.map((x) => `${x.id}: ${x.verdict} — ${x.evidence}`).join('\n') };
  }
  if (e.noClaim) return { cls: `nc nc-${e.noClaim.kind}`, title: `no claim (${e.noClaim.kind}): ${e.noClaim.reason}` };
  return { cls: 'v-not-checkable', title: `not checkable: ${e.notCheckable}` };
}

/** A span of the document quoted by a claim (a quote's part between "…"), with the claim's verdict. */
interface Quoted {
  start: number;
  end: number;
  entry: LedgerEntry;
}

/** The spans of the document that each claim quotes: every part of its quote between "…", located by position. */
function quotedSpans(src: string, entries: readonly LedgerEntry[]): Quoted[] {
  const out: Quoted[] = [];
  const locate = quoteLocator(src);
  for (const e of entries)
    for (const part of e.quote
      .split('…')
      .map((x) => x.trim())
      .filter((x) => x.length >= 3)) {
      const at = locate(part);
      if (at) out.push({ ...at, entry: e });
    }
  return out;
}

/**
 * The parts of one prose unit that claims test: for each claim its entry names, the part the entry
 * gives for it (`parts`), else the parts of the unit its quote covers, else the whole unit; and the
 * parts any other claim quotes.
 */
function testedParts(
  u: { text: string; start: number; end: number },
  entry: AccountEntry | undefined,
  quoted: readonly Quoted[],
  byId: Map<string, LedgerEntry>,
): Quoted[] {
  const inUnit = quoted.filter((q) => q.start < u.end && u.start < q.end);
  const named = entry?.claims ?? [];
  const out = inUnit.filter((q) => !named.includes(q.entry.id));
  for (const id of named) {
    const run = byId.get(id);
    if (run === undefined) continue;
    const part = entry?.parts?.[id];
    const at = part === undefined ? null : locateQuote(u.text, part);
    if (at) {
      out.push({ start: u.start + at.start, end: u.start + at.end, entry: run });
      continue;
    }
    const own = inUnit.filter((q) => q.entry.id === id);
    out.push(...(own.length > 0 ? own : [{ start: u.start, end: u.end, entry: run }]));
  }
  return out;
}

/**
 * A unit's text with each part a claim quotes marked by that claim's verdict (a part quoted by
 * several claims takes the most severe), a link to the claim, its evidence on hover; cuts never fall
 * inside a formula.
 */
function markParts(text: string, offset: number, spans: readonly Quoted[]): string {
  const math = [...text.matchAll(/\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\\\([\s\S]+?\\\)|\$[^$\n]+?\$/g)].map((m) => [
    m.index as number,
    (m.index as number) + m[0].length,
  ]);
  const snap = (x: number, side: 'start' | 'end') => {
    for (const [a, b] of math) if (x > (a as number) && x < (b as number)) return side === 'start' ? (a as number) : (b as number);
    return x;
  };
  const local = spans.map((q) => ({ a: snap(Math.max(0, q.start - offset), 'start'), b: snap(Math.min(text.length, q.end - offset), 'end'), e: q.entry }));
  const cuts = [...new Set([0, text.length, ...local.flatMap((q) => [q.a, q.b])])].sort((x, y) => x - y);
  let html = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k] as number, cuts[k + 1] as number];
    const seg = text.slice(a, b);
    const by = local.filter((q) => q.a <= a && q.b >= b).map((q) => q.e);
    if (by.length === 0) {
      html += renderMath(seg);
      continue;
    }
    const worst = mostSevere(by.map((e) => e.verdict));
    const first = by.find((e) => e.verdict === worst) as LedgerEntry;
    const title = by.map((e) => `${e.id}: ${e.verdict} — ${e.evidence}`).join('\n');
    html += `<a class="part v-${worst}" href="../index.html#${first.id}" title="${esc(title)}">${renderMath(seg)}</a>`;
  }
  return html;
}

/** One document as an HTML page (to be written under report/documents/, beside katex/). */
export function annotatedPage(doc: string, text: string, accounting: DocumentAccounting | null, entries: readonly LedgerEntry[]): string {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byHash = new Map((accounting?.entries ?? []).map((e) => [e.hash, e]));
  const src = text.replace(/\r\n?/g, '\n');
  const units = documentUnits(doc, src);
  const quoted = quotedSpans(src, entries);
  const parts: string[] = [];
  let line = 0;
  units.forEach((u, i) => {
    const entry = byHash.get(u.hash);
    const m = markOf(entry, byId);
    // a sentence whose parts are tested by claims: each part marked by its own claim's verdict
    const mine = u.kind === 'prose' ? testedParts(u, entry, quoted, byId) : [];
    if (mine.length > 0) {
      if (u.line !== line) parts.push(line === 0 ? '<p>' : '</p>\n<p>');
      line = u.line;
      const claims = byHash.get(u.hash)?.claims?.join(', ') ?? mine.map((q) => q.entry.id).join(', ');
      parts.push(`<span class="s claimed" id="s${i}" data-hash="${u.hash}" title="${esc(`claims: ${claims}`)}">${markParts(u.text, u.start, mine)}</span> `);
      return;
    }
    const inner = u.kind === 'prose' ? renderMath(u.text) : `<pre>${esc(u.text)}</pre>`;
    const body = m.href ? `<a href="${m.href}">${inner}</a>` : inner;
    if (u.line !== line) parts.push(line === 0 ? '<p>' : '</p>\n<p>');
    line = u.line;
    parts.push(`<span class="s ${m.cls}" id="s${i}" data-hash="${u.hash}" title="${esc(m.title)}">${body}</span> `);
  });
  parts.push('</p>');
  const title = accounting?.title ?? doc;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em;line-height:1.5}
span.s{border-bottom:3px solid transparent;padding:1px 0}
span.s a{color:inherit;text-decoration:none}
a.part{border-radius:3px;padding:0 1px}
span.claimed{background:#f6f8fa}
.v-holds{background:#dafbe1}
.v-holds-under-conditions{background:#ddf4ff}
.v-imprecise{background:#fff8c5}
.v-refuted{background:#ffebe9}
.v-inconclusive{background:#fbefff}
.v-not-checkable{background:repeating-linear-gradient(135deg,#eaeef2 0 4px,#fff 4px 8px);color:#24292f;border-bottom:2px dotted #6e7781}
.v-unrun{background:#eee}
.nc{color:#8c959f;font-style:italic}
.unaccounted{outline:2px solid red}
pre{background:#f6f8fa;padding:.5em;overflow-x:auto}#legend span{margin-right:1em;padding:0 .3em}</style>
</head><body><p><a href="../index.html">← the ledger</a></p><h1>${esc(title)}</h1><p><code>${esc(doc)}</code> · ${units.length} sentences</p>
${legend([{ cls: 'nc', text: 'no claim' }])}
<main data-sentences="${units.length}">
${parts.join('')}
</main></body></html>
`;
}

/** The KaTeX stylesheet and its woff2 fonts, to copy beside the pages. */
export function katexAssets(): { css: string; fonts: string } {
  const dist = require.resolve('katex/dist/katex.min.css');
  return { css: dist, fonts: dist.replace(/katex\.min\.css$/, 'fonts') };
}

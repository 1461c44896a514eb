/**
 * The annotated document view: a seed document as its reader knows it — formulas rendered by KaTeX
 * (server-side, to HTML), code and tables kept as blocks — with every sentence marked by its entry:
 * the verdict of the claims that check it (a link to the claim's section of the report, the one-line
 * evidence on hover), the kind of a no-claim sentence, or not-checkable with its reason.
 */
import { createRequire } from 'node:module';
import type { LedgerEntry } from '../runner.js';
import type { AccountEntry, DocumentAccounting } from './accounting.js';
import { splitDocument } from './split.js';

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
    const first = ran[0];
    if (first === undefined) return { cls: 'v-unrun', href: `../index.html#${e.claims[0]}`, title: `${e.claims.join(', ')} (not run in this report)` };
    return { cls: `v-${first.verdict}`, href: `../index.html#${first.id}`, title: ran.map((x) => `${x.id}: ${x.verdict} — ${x.evidence}`).join('\n') };
  }
  if (e.noClaim) return { cls: `nc nc-${e.noClaim.kind}`, title: `no claim (${e.noClaim.kind}): ${e.noClaim.reason}` };
  return { cls: 'v-not-checkable', title: `not checkable: ${e.notCheckable}` };
}

/** One document as an HTML page (to be written under report/documents/, beside katex/). */
export function annotatedPage(doc: string, text: string, accounting: DocumentAccounting | null, entries: readonly LedgerEntry[]): string {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byHash = new Map((accounting?.entries ?? []).map((e) => [e.hash, e]));
  const units = splitDocument(text);
  const parts: string[] = [];
  let line = 0;
  units.forEach((u, i) => {
    const m = markOf(byHash.get(u.hash), byId);
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
.v-holds{background:#dafbe1}
.v-holds-under-conditions{background:#ddf4ff}
.v-imprecise{background:#fff8c5}
.v-refuted{background:#ffebe9}
.v-inconclusive{background:#fbefff}
.v-not-checkable{background:#f6f8fa;color:#57606a}
.v-unrun{background:#eee}
.nc{color:#57606a}
.unaccounted{outline:2px solid red}
pre{background:#f6f8fa;padding:.5em;overflow-x:auto}#legend span{margin-right:1em;padding:0 .3em}</style>
</head><body><p><a href="../index.html">← the ledger</a></p><h1>${esc(title)}</h1><p><code>${esc(doc)}</code> · ${units.length} sentences</p>
<p id="legend"><span class="v-holds">holds</span>
<span class="v-holds-under-conditions">holds under conditions</span>
<span class="v-imprecise">imprecise</span>
<span class="v-refuted">refuted</span>
<span class="v-inconclusive">inconclusive</span>
<span class="v-not-checkable">not checkable</span>
<span class="nc">no claim</span></p>
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

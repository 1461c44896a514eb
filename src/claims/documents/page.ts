/**
 * The annotated page of any document: rendered as its reader knows it (headings, lists, links,
 * tables, code, math by KaTeX, server-side to HTML: remark → rehype → rehype-katex), each unit
 * marked by the verdict of the claims that test it (the most severe when several do), the evidence
 * on hover, and a link to each claim's section below the document; a unit without a claim shows its
 * accounting (no claim, not checkable) or is outlined as unaccounted.
 */
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { LedgerEntry } from '../runner.js';
import type { DocumentAccount, UnitAccount } from './author.js';
import { legend, mostSevere } from './marks.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeKatex, { output: 'html' }).use(rehypeStringify);

/** Markdown to HTML (math by KaTeX, HTML output only: no MathML copy of the TeX in the page text). */
export function renderMarkdown(md: string): string {
  return String(renderer.processSync(md)).trim();
}

/** Text that may hold `$…$` math, rendered inline (Markdown syntax in it is escaped first, but for the math). */
function inline(text: string): string {
  const parts = text.split(/(\$[^$]+\$)/);
  const md = parts.map((p, i) => (i % 2 === 1 ? p : p.replace(/([\\`*_[\]<>#|])/g, '\\$1'))).join('');
  return renderMarkdown(md)
    .replace(/^<p>/, '')
    .replace(/<\/p>$/, '');
}

function markOf(r: UnitAccount, byId: Map<string, LedgerEntry>): { cls: string; title: string; refs: string } {
  if (r.claims.length > 0) {
    const ran = r.claims.map((id) => byId.get(id)).filter((x): x is LedgerEntry => x !== undefined);
    const worst = mostSevere(ran.map((e) => e.verdict));
    const refs = r.claims.map((id) => `<a class="ref v-${byId.get(id)?.verdict ?? 'unrun'}" href="#claim-${esc(id)}">${esc(id)}</a>`).join(' ');
    return { cls: `v-${ran.length ? worst : 'unrun'}`, title: ran.map((e) => `${e.id}: ${e.verdict} — ${e.evidence}`).join('\n'), refs: `<sup>${refs}</sup>` };
  }
  if (r.entry?.noClaim) return { cls: 'nc', title: `no claim (${r.entry.noClaim.kind}): ${r.entry.noClaim.reason}`, refs: '' };
  if (r.entry?.notCheckable) return { cls: 'v-not-checkable', title: `not checkable: ${r.entry.notCheckable}`, refs: '' };
  return { cls: 'unaccounted', title: 'no claim quotes this and the accounting has no entry for it', refs: '' };
}

const attrs = (m: { cls: string; title: string }, i: number, hash: string) => `class="s ${m.cls}" id="u${i}" data-hash="${hash}" title="${esc(m.title)}"`;

/** The page: the document, then one section per claim. */
export function annotatedDocumentPage(title: string, account: DocumentAccount, entries: readonly LedgerEntry[]): string {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: string[] = [];
  let open: { group: number; close: string } | null = null;
  const closeGroup = () => {
    if (open) out.push(open.close);
    open = null;
  };
  account.units.forEach((r, i) => {
    const u = r.unit;
    const m = markOf(r, byId);
    if (open && open.group !== u.group) closeGroup();
    const html = renderMarkdown(u.text);
    if (u.block === 'sentence') {
      if (!open) {
        out.push('<p>');
        open = { group: u.group, close: '</p>' };
      }
      out.push(`<span ${attrs(m, i, u.hash)}>${html.replace(/^<p>/, '').replace(/<\/p>$/, '')}</span>${m.refs} `);
    } else if (u.block === 'item') {
      if (!open) {
        out.push(u.ordered ? '<ol>' : '<ul>');
        open = { group: u.group, close: u.ordered ? '</ol>' : '</ul>' };
      }
      const li = html
        .replace(/^<(ul|ol)[^>]*>\s*/, '')
        .replace(/\s*<\/(ul|ol)>$/, '')
        .replace(/^<li>/, '')
        .replace(/<\/li>$/, '');
      out.push(`<li ${attrs(m, i, u.hash)}>${li}${m.refs}</li>`);
    } else if (u.block === 'heading') {
      closeGroup();
      out.push(html.replace(/^<h(\d)>/, (_, d) => `<h${d} ${attrs(m, i, u.hash)}>`).replace(/<\/h(\d)>$/, (_, d) => `${m.refs}</h${d}>`));
    } else {
      closeGroup();
      out.push(`<div ${attrs(m, i, u.hash)}>${html}${m.refs}</div>`);
    }
  });
  closeGroup();
  const sections = entries.map(
    (e) =>
      `<section id="claim-${esc(e.id)}"><h3>${esc(e.id)} <span class="badge v-${e.verdict}">${e.verdict}</span>${
        e.expected !== undefined && !e.agrees ? ` <small>(expected ${e.expected})</small>` : ''
      }</h3>\n<blockquote>${renderMarkdown(e.quote)}</blockquote>\n<p><b>Statement.</b> ${esc(e.statement)}</p>\n<p><b>Evidence.</b> ${inline(e.evidence)}</p>${
        e.counterexample ? `\n<p><b>Counterexample.</b> ${inline(e.counterexample)}</p>` : ''
      }${e.correction ? `\n<p><b>Correction.</b> ${esc(e.correction)}</p>` : ''}${e.conditions ? `\n<p><b>Conditions.</b> ${esc(e.conditions)}</p>` : ''}${
        e.controls?.mutant ? `\n<p><b>Mutant.</b> ${esc(e.controls.mutant.description)}: ${e.controls.mutant.verdict}</p>` : ''
      }</section>`,
  );
  const c = account.counts;
  const nc = Object.values(c.noClaim).reduce((a, b) => a + b, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<style>body{font-family:system-ui,sans-serif;max-width:920px;margin:2em auto;padding:0 1em;line-height:1.55}
.s{border-radius:3px;padding:1px 0}
sup a.ref{font-size:.7em;text-decoration:none;margin-left:.2em;padding:0 .25em;border-radius:3px;color:#24292f}
.v-holds{background:#dafbe1}.v-holds-under-conditions{background:#ddf4ff}.v-imprecise{background:#fff8c5}
.v-refuted{background:#ffebe9}.v-inconclusive{background:#fbefff}
.v-not-checkable{background:repeating-linear-gradient(135deg,#eaeef2 0 4px,#fff 4px 8px);color:#24292f;border-bottom:2px dotted #6e7781}
.v-error{background:#cf222e;color:#fff}.v-unrun{background:#eee}.nc{color:#8c959f;font-style:italic}.unaccounted{outline:2px solid #cf222e}
div.s{margin:.6em 0;padding:.2em .4em}pre{background:#f6f8fa;padding:.5em;overflow-x:auto}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2em .5em}
.badge{font-size:.7em;padding:.1em .4em;border-radius:3px}blockquote{color:#57606a;border-left:3px solid #d0d7de;margin-left:0;padding-left:1em}
#legend span{margin-right:.8em;padding:0 .3em}</style>
</head><body>
<header><p>gan-verify check: <code>${esc(account.doc)}</code> · ${c.units} units: ${c.claimed} tested by a claim, ${nc} no claim,
${c.notCheckable} not checkable, ${c.unaccounted} unaccounted</p>
${legend([
  { cls: 'v-error', text: 'error' },
  { cls: 'nc', text: 'no claim' },
  { cls: 'unaccounted', text: 'unaccounted' },
])}</header>
<main id="document" data-units="${c.units}">
${out.join('\n')}
</main>
<hr>
<h2 id="claims">Claims (${entries.length})</h2>
${sections.join('\n')}
</body></html>
`;
}

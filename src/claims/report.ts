/** The ledger's outputs: the terminal table, JSON, JUnit XML, and the HTML + Markdown report with SVG plots. */
import { show } from '../theory/errors.js';
import { packageVersion } from '../package-version.js';
import { ClaimError } from './define.js';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { copyFileDurable, writeFileDurable } from './durable.js';
import { join } from 'node:path';
import { renderSvg } from './plots.js';
import { controlProblems, type LedgerEntry } from './runner.js';
import type { IntervalEvidence, Review } from './define.js';
import { checkEntries, checkInterval, checkMeta } from './check-args.js';
import { builtInAccounting, type DocumentAccounting } from './documents/accounting.js';
import { levelText } from './checks/statistics.js';
import { annotatedPage, katexAssets, renderMath } from './documents/annotate.js';
import { shownValue } from './format.js';

/** The `schema` tag of the JSON ledger this version writes ({@link ledgerJson}). */
export const LEDGER_SCHEMA = 'gan-verify-ledger-1';

/** What the ledger records about the run that made it. */
export interface LedgerMeta {
  /** The ledger's base seed ({@link CheckContext.seed}). */
  seed: number;
  /** Whether the claims ran at quick sizes ({@link CheckContext.quick}). */
  quick: boolean;
  /** `I/N` for shard I of N (claims I, I + N, I + 2N, …), null for a whole ledger. */
  shard: string | null;
  /** The TensorFlow.js backend the training claims ran on, e.g. `cpu`. */
  backend: string;
  /** Wall-clock seconds of the run (of all shards together, for a merged ledger). */
  seconds: number;
}

/** The machine-readable ledger (documented in README, "The --json ledger"). */
export function ledgerJson(entries: readonly LedgerEntry[], meta: LedgerMeta): string {
  checkEntries('ledgerJson', entries);
  checkMeta('ledgerJson', meta);
  const claims = entries.map(({ plots, ...e }) => ({ ...e, plots: (plots ?? []).map((p) => p.id) }));
  const disagree = entries.filter((e) => !e.agrees).map((e) => e.id);
  // the plots' Vega-Lite specs, so that `claims merge` can write the whole report from the JSON shards
  const plotSpecs = Object.fromEntries(entries.flatMap((e) => (e.plots ?? []).map((p) => [p.id, p])));
  const version = packageVersion();
  const ledger = { schema: LEDGER_SCHEMA, version, ...meta, total: entries.length, agree: entries.length - disagree.length, disagree, claims, plotSpecs };
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** An interval as the report prints it: "0.0312 (95% CI 0.0038–0.108, n = 64)". */
export function showInterval(iv: IntervalEvidence): string {
  checkInterval('showInterval', 'iv', iv);
  const f = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));
  return (
    `${iv.statistic} = ${f(iv.estimate)} (${levelText(iv.level)} CI ${f(iv.low)} to ${f(iv.high)}, n = ` +
    `${iv.n}${iv.threshold !== undefined ? `; threshold ${f(iv.threshold)}` : ''})`
  );
}

/** What an interval in the evidence means, said once at the top of the report. */
export const HOW_TO_READ =
  'How to read a training verdict: "12 of 13 seeds (98.8% CI 56.2–100%)" means 12 of 13 independent training runs (seeds) met the ' +
  'statistic named beside it, and the interval is the range of true shares that this count cannot rule out (Clopper–Pearson, exact). ' +
  'Its confidence is 95% when the check looked once and decided one thing; when it grew its population while the interval was undecided, ' +
  'or decided several things at once, each look is held to a stricter level so that the whole stays at 95% (Bonferroni): 97.5% for 2 ' +
  'looks, 98.3% for 3, 98.8% for 4, 99.4% for 8. A claim holds when the whole interval lies on the claim\u2019s side of its threshold, is ' +
  'refuted when it lies on the other side, and is inconclusive when it straddles it.';

/** A review's decision in words. */
function showDecision(r: Review): string {
  return `${r.decision === 'changed' ? 'the check changed' : 'the verdict kept'}: ${r.because}`;
}

/** The controls in one short cell: "mutant refuted ✓ · positive holds ✓". */
export function showControls(e: LedgerEntry): string {
  const c = e.controls;
  if (!c) return '';
  const parts = [];
  if (c.mutant) parts.push(`mutant ${c.mutant.verdict} ${c.mutant.ok ? '✓' : '✗'}`);
  if (c.positive) parts.push(`positive ${c.positive.verdict} ${c.positive.ok ? '✓' : '✗'}`);
  const bad = controlProblems(e);
  return `${parts.join(' · ')}${bad.length ? ` ⚠ ${bad.join('; ')}` : ''}`;
}

/** The terminal table: id, verdict (with ✗ where it differs from the expected one), one-line evidence. */
export function ledgerTable(entries: readonly LedgerEntry[], width = 160): string {
  checkEntries('ledgerTable', entries);
  if (typeof width !== 'number' || !Number.isFinite(width)) width = 160;
  const idW = Math.max(2, ...entries.map((e) => e.id.length));
  const vW = 24;
  const withControls = entries.some((e) => e.controls);
  const cW = 44;
  const lines = [`${'id'.padEnd(idW)}  ${'verdict'.padEnd(vW)}  ${withControls ? `${'controls'.padEnd(cW)}  ` : ''}evidence`];
  for (const e of entries) {
    const mark = e.agrees ? ' ' : '✗';
    const ctl = withControls ? `${showControls(e).padEnd(cW)}  ` : '';
    lines.push(
      `${e.id.padEnd(idW)} ${mark}${e.verdict.padEnd(vW)}  ${ctl}${clip(e.evidence, Math.max(30, width - idW - vW - 5 - (withControls ? cW + 2 : 0)))}`,
    );
  }
  const bad = entries.filter((e) => !e.agrees);
  lines.push(
    '',
    `${entries.length} claims: ${entries.length - bad.length} verdicts as expected, ${bad.length} ` +
      `differ${bad.length ? ` (${bad.map((e) => `${e.id}: ${e.verdict}, expected ${e.expected ?? '—'}`).join('; ')})` : ''}`,
  );
  if (withControls) {
    const weak = entries.filter((e) => controlProblems(e).length > 0);
    lines.push(
      `controls: ${entries.length - weak.length} of ${entries.length} claims ` +
        `discriminate${weak.length ? `; ⚠ ${weak.map((e) => `${e.id} (${controlProblems(e).join('; ')})`).join(', ')}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const html = xml;

/** Writes report/index.html, report/README.md and report/plots/*.svg; returns the paths written. */
export async function writeReport(dir: string, entries: readonly LedgerEntry[], meta: LedgerMeta, docsDir?: string): Promise<string[]> {
  // everything is checked before the first file is written
  if (typeof dir !== 'string' || dir === '') throw new ClaimError('writeReport', 'dir', `must be a folder path; got ${show(dir)}`);
  checkEntries('writeReport', entries);
  checkMeta('writeReport', meta);
  mkdirSync(join(dir, 'plots'), { recursive: true });
  const svgs = new Map<string, string>();
  const written: string[] = [];
  for (const e of entries) {
    for (const p of e.plots ?? []) {
      const svg = await renderSvg(p);
      svgs.set(p.id, svg);
      const file = join(dir, 'plots', `${p.id}.svg`);
      writeFileDurable(file, svg);
      written.push(file);
    }
  }
  // a seed document is shown by its title (from its accounting file), not its hashed file name
  // each seed document's accounting is read once, for the titles and the annotated pages
  const accountings = new Map<string, DocumentAccounting | null>();
  const accountingOf = (doc: string) => {
    if (!accountings.has(doc)) accountings.set(doc, /^\d{3}_/.test(doc) ? builtInAccounting(doc) : null);
    return accountings.get(doc) ?? null;
  };
  const titleOf = (doc: string) => accountingOf(doc)?.title ?? doc;
  const bad = entries.filter((e) => !e.agrees);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  const summary =
    `${entries.length} claims (seed ${meta.seed}${meta.quick ? ', quick' : ''}${meta.shard ? `, shard ${meta.shard}` : ''}, backend ` +
    `${meta.backend}, ${meta.seconds.toFixed(1)} s): ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}. ` +
    `${bad.length === 0 ? 'Every verdict is the expected one.' : `${bad.length} differ from the expected verdict: ${bad.map((e) => e.id).join(', ')}.`}`;

  const mdLines = [
    '# gan-verify claims ledger',
    '',
    summary,
    '',
    HOW_TO_READ,
    '',
    '| id | document | verdict | expected | evidence |',
    '|---|---|---|---|---|',
  ];
  for (const e of entries)
    mdLines.push(`| [${e.id}](#${e.id}) | ${md(titleOf(e.doc))} | ${e.agrees ? '' : '✗ '}${e.verdict} | ${e.expected ?? '—'} | ${md(e.evidence)} |`);
  for (const e of entries) {
    mdLines.push(
      '',
      `## ${e.id}`,
      '',
      `**${e.verdict}**${e.agrees ? '' : ` (expected ${e.expected ?? '—'})`} · ${e.method} · ${e.doc} · ${e.seconds.toFixed(2)} s`,
      '',
      `> ${md(e.quote)}`,
      '',
      `Checked: ${e.statement}`,
      '',
      `Evidence: ${e.evidence}`,
    );
    if (e.interval) mdLines.push('', `Interval: ${showInterval(e.interval)}`);
    if (e.grid)
      mdLines.push(
        '',
        `Robustness grid: ${e.grid
          .map(
            (g) =>
              `${Object.entries(g.settings)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')} → ${g.verdict}`,
          )
          .join('; ')}`,
      );
    if (e.controls)
      mdLines.push(
        '',
        `Controls: ${showControls(e)}${e.controls.mutant ? ` (mutant: ${e.controls.mutant.description})` : ''}` +
          `${e.controls.positive ? ` (positive: ${e.controls.positive.description})` : ''}`,
      );
    if (e.conditions) mdLines.push('', `Conditions: ${e.conditions}`);
    if (e.review) mdLines.push('', `Review (${e.review.by}): ${e.review.said} Decision: ${showDecision(e.review)}`);
    if (e.correction) mdLines.push('', `What is right: ${e.correction}`);
    if (e.counterexample) mdLines.push('', `Counterexample: ${e.counterexample}`);
    const nums = Object.entries(e.numbers);
    if (nums.length) mdLines.push('', nums.map(([k, v]) => `\`${k}\` = ${shownValue(v)}`).join(' · '));
    for (const p of e.plots ?? []) mdLines.push('', `![${md(p.title)}](plots/${p.id}.svg)`);
  }
  writeFileDurable(join(dir, 'README.md'), `${mdLines.join('\n')}\n`);
  written.push(join(dir, 'README.md'));

  const rows = entries.map(
    (e) =>
      `<tr class="${e.agrees ? 'agree' : 'differ'}"><td><a href="#${e.id}">${html(e.id)}</a></td><td title="${html(e.doc)}">${html(titleOf(e.doc))}</td><td ` +
      `class="v-${e.verdict}">${e.agrees ? '' : '✗ '}${e.verdict}</td><td>${e.expected ?? '—'}</td><td>${html(e.evidence)}</td></tr>`,
  );
  const sections = entries.map((e) => {
    const grid = e.grid
      ? `<table class="grid"><thead><tr>${Object.keys(e.grid[0]?.settings ?? {})
          .map((k) => `<th>${html(k)}</th>`)
          .join('')}<th>verdict</th><th>interval</th></tr></thead><tbody>${e.grid
          .map(
            (g) =>
              `<tr>${Object.values(g.settings)
                .map((v) => `<td>${html(shownValue(v))}</td>`)
                .join('')}<td class="v-${g.verdict}">${g.verdict}</td><td>${g.interval ? html(showInterval(g.interval)) : ''}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
    const ctl = e.controls
      ? `<p><b>Controls:</b> ` +
        `${html(showControls(e))}${e.controls.mutant ? `<br>mutant: ${html(e.controls.mutant.description)}: ${html(e.controls.mutant.evidence)}` : ''}` +
        `${e.controls.positive ? `<br>positive: ${html(e.controls.positive.description)}: ${html(e.controls.positive.evidence)}` : ''}</p>`
      : '';
    const extra = [
      e.interval ? `<p><b>Interval:</b> ${html(showInterval(e.interval))}</p>` : '',
      grid,
      ctl,
      e.conditions ? `<p><b>Conditions:</b> ${html(e.conditions)}</p>` : '',
      e.review ? `<p><b>Review</b> (${html(e.review.by)}): ${renderMath(e.review.said)}<br><b>Decision:</b> ${renderMath(showDecision(e.review))}</p>` : '',
      e.correction ? `<p><b>What is right:</b> ${html(e.correction)}</p>` : '',
      e.counterexample ? `<p><b>Counterexample:</b> ${html(e.counterexample)}</p>` : '',
    ].join('');
    const nums = Object.entries(e.numbers)
      .map(([k, v]) => `<code>${html(k)}</code> = ${html(shownValue(v))}`)
      .join(' · ');
    // plots are files beside the page (index.html stays small), drawn by the browser from plots/
    const figs = (e.plots ?? [])
      .map(
        (p) =>
          `<figure class="plot" data-plot="${html(p.id)}"><img src="plots/${html(p.id)}.svg" ` +
          `alt="${html(p.title)}"${svgs.has(p.id) ? '' : ' data-missing'}><figcaption>${html(p.title)}</figcaption></figure>`,
      )
      .join('');
    return (
      `<section id="${e.id}"><h2>${html(e.id)}</h2><p><b class="v-${e.verdict}">${e.verdict}</b>${e.agrees ? '' : ` (expected ${e.expected ?? '—'})`} · ` +
      `${e.method} · ${html(e.doc)} · ${e.seconds.toFixed(2)} s</p><blockquote>${renderMath(e.quote)}</blockquote><p><b>Checked:</b> ` +
      `${renderMath(e.statement)}</p><p><b>Evidence:</b> ${renderMath(e.evidence)}</p>${extra}<p>${nums}</p>${figs}</section>`
    );
  });
  // the annotated documents (one page each, beside the index; KaTeX's stylesheet and fonts copied once)
  const docPages: { doc: string; title: string; file: string }[] = [];
  // KaTeX's stylesheet and fonts, once, for the math of the index page's quotes and of the documents
  mkdirSync(join(dir, 'documents', 'katex', 'fonts'), { recursive: true });
  const k = katexAssets();
  copyFileDurable(k.css, join(dir, 'documents', 'katex', 'katex.min.css'));
  for (const f of readdirSync(k.fonts).filter((x) => x.endsWith('.woff2'))) copyFileDurable(join(k.fonts, f), join(dir, 'documents', 'katex', 'fonts', f));
  if (docsDir !== undefined && existsSync(docsDir)) {
    const docs = readdirSync(docsDir)
      .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
      .sort();
    for (const doc of docs) {
      const file = `documents/${doc.slice(0, 3)}.html`;
      const acc = accountingOf(doc);
      writeFileDurable(join(dir, file), annotatedPage(doc, readFileSync(join(docsDir, doc), 'utf8'), acc, entries));
      written.push(join(dir, file));
      docPages.push({ doc, title: acc?.title ?? doc, file });
    }
  }
  const docList = docPages.length
    ? `<h2 id="documents">The documents, ` +
      `annotated</h2><ul>${docPages.map((d) => `<li><a href="${d.file}">${html(d.title)}</a> <code>${html(d.doc)}</code></li>`).join('')}</ul>`
    : '<p id="documents">The annotated documents need the seed documents: pass <code>--docs DIR</code> (default <code>../shared/seeds</code>).</p>';
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gan-verify claims ledger</title>
<link rel="stylesheet" href="documents/katex/katex.min.css">
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;width:100%;font-size:14px}
td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
tr.differ{background:#fee}
.v-holds{color:#1a7f37}
.v-refuted{color:#cf222e}
.v-error{color:#fff;background:#cf222e}
.v-imprecise{color:#9a6700}
.v-holds-under-conditions{color:#0969da}
.v-not-checkable{color:#6e7781}
.v-inconclusive{color:#8250df}
table.grid{width:auto}
blockquote{border-left:3px solid #ccc;margin:0;padding-left:1em;color:#555}
figure{margin:1em 0}
section{border-top:1px solid #eee;margin-top:1.5em}
</style>
</head><body><h1>gan-verify claims ledger</h1><p id="summary">${html(summary)}</p><p id="how-to-read">${html(HOW_TO_READ)}</p>
${docList}
<table><thead><tr><th>id</th><th>document</th><th>verdict</th><th>expected</th><th>evidence</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${sections.join('\n')}
</body></html>
`;
  writeFileDurable(join(dir, 'index.html'), page);
  written.push(join(dir, 'index.html'));
  return written;
}

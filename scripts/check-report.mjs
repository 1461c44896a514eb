#!/usr/bin/env node
// Opens the claims report in headless Chromium (Debian's `chromium`) and checks that every plot the
// Markdown report references is present in the rendered page as a non-empty SVG figure, and that each
// annotated document has every sentence present and marked, live links and no raw TeX.
// Usage: node scripts/check-report.mjs [report/index.html]   (exit 0 ok, 1 a plot missing, 2 no chromium / no report)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const page = resolve(process.argv[2] ?? 'report/index.html');
const browser = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => {
  try {
    execFileSync('which', [b], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!existsSync(page)) {
  console.error(`check-report: ${page} does not exist (run gan-verify claims first)`);
  process.exit(2);
}
if (!browser) {
  console.error('check-report: no chromium on PATH (Debian: apt-get install chromium)');
  process.exit(2);
}
const dom = execFileSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=5000', '--dump-dom', pathToFileURL(page).href], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  maxBuffer: 256 * 1024 * 1024,
});
const markdown = readFileSync(join(dirname(page), 'README.md'), 'utf8');
const expected = [...markdown.matchAll(/\]\(plots\/([\w-]+)\.svg\)/g)].map((m) => m[1]);
const figures = new Map();
for (const m of dom.matchAll(/<figure class="plot" data-plot="([\w-]+)">([\s\S]*?)<\/figure>/g)) figures.set(m[1], m[2]);
let bad = 0;
for (const id of expected) {
  // the page shows each plot as an <img> of plots/<id>.svg: the figure must be there and the file a drawn SVG
  const body = figures.get(id);
  const file = join(dirname(page), 'plots', `${id}.svg`);
  const svg = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marks = (svg.match(/<(path|rect|circle|line|text)\b/g) ?? []).length;
  const ok = body?.includes(`src="plots/${id}.svg"`) && /^<svg\b/.test(svg) && marks > 10;
  if (!ok) bad++;
  console.log(`${ok ? 'ok     ' : 'MISSING'} ${id} (${marks} SVG elements)`);
}
const rows = (dom.match(/<tr class="(agree|differ)">/g) ?? []).length;
console.log(`${browser}: ${rows} claims in the table, ${expected.length - bad}/${expected.length} plots rendered`);
// the annotated documents: every sentence present and marked, every link to a claim resolving, no raw TeX
const ids = new Set([...dom.matchAll(/<section id="([\w-]+)">/g)].map((m) => m[1]));
const pages = [...dom.matchAll(/<a href="(documents\/\d{3}\.html)">/g)].map((m) => m[1]);
let docBad = 0;
let sentences = 0;
for (const rel of pages) {
  const d = execFileSync(
    browser,
    ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=3000', '--dump-dom', pathToFileURL(join(dirname(page), rel)).href],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 },
  );
  const want = Number(/data-sentences="(\d+)"/.exec(d)?.[1] ?? -1);
  const spans = [...d.matchAll(/<span class="s ([^"]+)" id="s\d+"/g)].map((m) => m[1]);
  const unmarked = spans.filter((c) => c === 'unaccounted').length;
  const links = [...d.matchAll(/href="\.\.\/index\.html#([\w-]+)"/g)].map((m) => m[1]);
  const dead = links.filter((id) => !ids.has(id) && !/v-unrun/.test(d));
  const raw = d
    .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .includes('$$');
  const ok = spans.length === want && unmarked === 0 && dead.length === 0 && !raw;
  if (!ok) docBad++;
  sentences += spans.length;
  console.log(
    `${ok ? 'ok     ' : 'BAD    '} ${rel}: ${spans.length}/${want} sentences, ${unmarked} unmarked, ${links.length} links (${dead.length} ` +
      `dead)${raw ? ', raw $$ left' : ''}`,
  );
}
console.log(`documents: ${pages.length} annotated pages, ${sentences} sentences, ${docBad} with problems`);
process.exit(bad === 0 && expected.length > 0 && rows > 0 && docBad === 0 ? 0 : 1);

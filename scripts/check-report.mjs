#!/usr/bin/env node
// Opens the claims report in headless Chromium (Debian's `chromium`) and checks that every plot the
// Markdown report references is present in the rendered page as a non-empty SVG figure.
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
const dom = execFileSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=5000', '--dump-dom', pathToFileURL(page).href], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
const markdown = readFileSync(join(dirname(page), 'README.md'), 'utf8');
const expected = [...markdown.matchAll(/\]\(plots\/([\w-]+)\.svg\)/g)].map((m) => m[1]);
const figures = new Map();
for (const m of dom.matchAll(/<figure class="plot" data-plot="([\w-]+)">([\s\S]*?)<\/figure>/g)) figures.set(m[1], m[2]);
let bad = 0;
for (const id of expected) {
  const body = figures.get(id);
  const marks = body ? (body.match(/<(path|rect|circle|line|text)\b/g) ?? []).length : 0;
  const ok = body !== undefined && /<svg\b/.test(body) && marks > 10;
  if (!ok) bad++;
  console.log(`${ok ? 'ok     ' : 'MISSING'} ${id} (${marks} SVG elements)`);
}
const rows = (dom.match(/<tr class="(agree|differ)">/g) ?? []).length;
console.log(`${browser}: ${rows} claims in the table, ${expected.length - bad}/${expected.length} plots rendered`);
process.exit(bad === 0 && expected.length > 0 && rows > 0 ? 0 : 1);

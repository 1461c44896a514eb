// Screenshots the playground's ring8 view in headless Chromium (Debian's, driven by puppeteer-core) into
// docs/guides/playground-ring8.png: D's heatmap over the plane with G's samples and the modes, and the other
// panels. Usage: npm run build && node scripts/screenshot-playground.mjs [OUT.png]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';

const out = process.argv[2] ?? 'docs/guides/playground-ring8.png';
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (chromium === undefined) {
  console.error('screenshot-playground: no chromium (apt-get install chromium)');
  process.exit(2);
}
const site = mkdtempSync(join(tmpdir(), 'gan-verify-shot-'));
execFileSync(process.execPath, ['bin/gan-verify.js', 'playground', '--out', site], { stdio: 'inherit' });
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const file = join(site, path === '/' ? 'index.html' : path);
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/html' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 700 });
  const query = 'autostart=1&preset=ring8&steps=1500&seed=0&logEvery=100';
  await page.goto(`http://127.0.0.1:${server.address().port}/?${query}`);
  await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'done', { timeout: 0 });
  const panels = await page.$('#panels');
  await panels.screenshot({ path: out });
  console.log(`screenshot-playground: ${out} (ring8, ${query})`);
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}

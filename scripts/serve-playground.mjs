// npm run playground: writes the page into playground/ and serves it on http://127.0.0.1:PORT/
// (PORT from the environment, default 8765). Any static server would do; this one has no dependency.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize } from 'node:path';

const dir = process.argv[2] ?? 'playground';
execFileSync(process.execPath, ['bin/gan-verify.js', 'playground', '--out', dir], { stdio: 'inherit' });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const port = Number(process.env.PORT ?? 8765);
createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}).listen(port, '127.0.0.1', () => console.log(`playground: http://127.0.0.1:${port}/ (Ctrl-C to stop)`));

// npm run playground: writes the page into playground/ and serves it on http://127.0.0.1:PORT/
// (PORT from the environment, default 8765). Any static server would do; this one has no dependency.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, resolve, sep } from 'node:path';

const dir = process.argv[2] ?? 'playground';
execFileSync(process.execPath, ['bin/gan-verify.js', 'playground', '--out', dir], { stdio: 'inherit' });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const port = Number(process.env.PORT ?? 8765);
const root = resolve(dir);
const server = createServer((req, res) => {
  // a malformed URL (a bad %-escape, a NUL) is the client's error: 400, and the server keeps serving
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: malformed URL\n');
    return;
  }
  if (path.includes('\0')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: malformed URL\n');
    return;
  }
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  try {
    if ((file !== root && !file.startsWith(root + sep)) || !statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  try {
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('could not read the file\n');
  }
});
server.on('clientError', (_e, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
server.listen(port, '127.0.0.1', () => console.log(`playground: http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`));

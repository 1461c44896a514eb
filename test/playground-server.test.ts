/**
 * The playground's static server (`npm run playground`): malformed URLs get 400 and the server keeps
 * serving; paths outside its folder and folders get 404.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let port = 0;
let child: ReturnType<typeof spawn>;

/** A raw GET of `path` (sent as written, not re-encoded). */
const get = (path: string) =>
  new Promise<{ status: number; body: string }>((ok, fail) => {
    const r = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', fail);
    r.end();
  });

beforeAll(async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'gan-verify-serve-')), 'site');
  child = spawn(process.execPath, ['scripts/serve-playground.mjs', dir], { env: { ...process.env, PORT: '0' } });
  let out = '';
  // the server says its port when it listens
  port = await new Promise<number>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.on('exit', (code) => fail(new Error(`the server exited (${code}): ${out}`)));
  });
});

afterAll(() => {
  child?.kill();
});

describe('the playground server', () => {
  it('answers 400 to malformed %-escapes and keeps serving', async () => {
    for (const bad of ['/%', '/%zz', '/%C0%AE%C0%AE/etc/passwd', '/a%00b']) {
      const r = await get(bad);
      expect(r.status, bad).toBe(400);
    }
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html/i);
  });

  it('serves only files inside its folder: 404 for escapes, folders and missing files', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/nope.js']) expect((await get(p)).status, p).toBe(404);
    expect((await get('/app.js')).status).toBe(200);
  });
});

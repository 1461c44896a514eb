#!/usr/bin/env node
// Entry point of the `gan-verify` command: runs the compiled CLI in dist/ (built by `npm install`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('gan-verify: dist/ is missing; run `npm install` (or `npm run build`) in the package folder\n');
  process.exit(2);
}
// a reader that stops early (`| head`) closes the pipe: end quietly, as Unix tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { mainAsync } = await import(entry.href);
process.exitCode = await mainAsync(process.argv.slice(2));

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
// Node can deadlock at exit when one of V8's background compiles still running waits for a garbage
// collection that only this thread can run, while this thread, its event loop empty, waits for the
// background tasks (nodejs/node#54918; seen here as a `train` that printed its log and never exited,
// about 1 run in 100). A short wait with the loop alive lets those compiles finish (and their
// collection run) before the loop drains.
await new Promise((resolve) => setTimeout(resolve, 50));

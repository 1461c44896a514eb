/**
 * `gan-verify playground [--out DIR] [--open]`: writes the playground (a static page that trains a GAN
 * in the browser on the project's own trainer, with the exact theory beside it) into DIR (default
 * playground/). It works from any static HTTP server; `npm run playground` serves it on 127.0.0.1.
 */
import { existsSync, readdirSync } from 'node:fs';
import { copyFileDurable } from '../claims/durable.js';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, parseArgs } from './args.js';
import { ensureOutputDir } from './files.js';

export const PLAYGROUND_HELP = `Usage: gan-verify playground [--out DIR] [--open]

Writes the playground into DIR (default playground/): index.html and app.js, a static page that trains
a GAN live in the browser on gan-verify's own trainer (the toy of document 000 by default; mixture-1d,
ring8, grid25 and tabular as choices) and draws beside it D(x) against the exact D*(x), p_G against
p_data, the losses against log 4 and log 2, JSD and W1 (or, in 2-D, the modes covered), and with
several seeds the band of the population. Serve DIR with any static HTTP server (npm run playground
serves it on 127.0.0.1); the page's URL takes ?autostart=1 and the settings (preset, seed, population,
loss, lrD, lrG, dSteps, steps, logEvery). --open also opens it in the default browser (file://).
`;

export function runPlayground(argv: readonly string[]): string {
  const cmd = 'gan-verify playground';
  const args = parseArgs(cmd, argv, { help: 'flag', out: 'value', open: 'flag' });
  if (args.flags.has('help')) return PLAYGROUND_HELP;
  if (args.positionals.length > 0) throw new CliError(`${cmd}: unexpected argument ${JSON.stringify(args.positionals[0])}`);
  // the bundle lives in the package's dist/playground/ (built by npm run build), whether this runs from src/ or dist/
  const from = fileURLToPath(new URL('../../dist/playground/', import.meta.url));
  if (!existsSync(join(from, 'app.js'))) throw new CliError(`${cmd}: the page is not built (${from}app.js is missing): run npm run build`);
  const out = args.values.get('out') ?? 'playground';
  ensureOutputDir(cmd, '--out', out);
  const files = readdirSync(from).filter((f) => f === 'index.html' || f.startsWith('app.js'));
  for (const f of files) copyFileDurable(join(from, f), join(out, f));
  const page = resolve(out, 'index.html');
  if (args.flags.has('open')) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    spawn(opener, [page], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref();
  }
  return `${cmd}: wrote ${files.join(', ')} to ${resolve(out)}; serve it (npm run playground, or any static server) and open index.html\n`;
}

import { existsSync, readdirSync } from 'node:fs';
import { readRegularFile } from '../numeric/read-file.js';
import { writeFileDurable } from '../claims/durable.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFixed, logLine, makeConfig, train, useBackend, type MemberLog } from '../train/index.js';
import { CliError, parseArgs } from './args.js';
import { existingDir } from './files.js';

export const REGENERATE_HELP = `Usage: gan-verify regenerate [--update] [--population K] [--dir DIR]

Reruns every fixture log in fixtures/seed-toy/ (seed-<S>.log: gan-verify train --preset seed-toy
--seed S, cpu backend; seed-<S>.float32.log: the same with --precision float32) and fails, naming the
file and the first differing line, if any byte differs; --update rewrites them instead. Then trains a population of K seeds (default 32) and reports, at each
logged step, where the documents' own log (document.log) falls in the population: the share of
members with a lower D_loss and G_loss.
`;

const DEFAULT_DIR = fileURLToPath(new URL('../../fixtures/seed-toy/', import.meta.url));

/** Runs `gan-verify regenerate`; resolves to [stdout text, exit code]. */
export async function runRegenerate(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify regenerate';
  const args = parseArgs(cmd, argv, { help: 'flag', update: 'flag', population: 'value', dir: 'value' });
  if (args.flags.has('help')) return [REGENERATE_HELP, 0];
  if (args.positionals.length > 0) throw new CliError(`${cmd}: unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const popRaw = args.values.get('population') ?? '32';
  if (!/^\d+$/.test(popRaw) || Number(popRaw) < 1) throw new CliError(`${cmd}: --population must be a positive integer; got ${JSON.stringify(popRaw)}`);
  const dir = args.values.get('dir') ?? DEFAULT_DIR;
  existingDir(cmd, `--dir ${JSON.stringify(dir)}`, dir, 'give the folder of seed-N.log files');
  await useBackend('cpu');
  const out: string[] = [];
  let failed = false;
  const files = readdirSync(dir)
    .filter((f) => /^seed-\d+(\.float32)?\.log$/.test(f))
    .sort();
  if (files.length === 0 && !existsSync(join(dir, 'document.log')))
    throw new CliError(`${cmd}: --dir ${JSON.stringify(dir)} holds no seed-N.log, seed-N.float32.log or document.log: nothing to regenerate`);
  for (const f of files) {
    const float32 = f.endsWith('.float32.log');
    const seed = Number(f.slice(5, float32 ? -12 : -4));
    const lines: string[] = [];
    await train(makeConfig('seed-toy', float32 ? { precision: 'float32' } : {}), {
      seed,
      onLog: (l) => lines.push(logLine((l[0] as MemberLog).step, (l[0] as MemberLog).dLoss, (l[0] as MemberLog).gLoss)),
    });
    const fresh = `${lines.join('\n')}\n`;
    const path = join(dir, f);
    const old = readRegularFile(path);
    if (old === fresh) out.push(`${f}: identical (${lines.length} lines)`);
    else if (args.flags.has('update')) {
      writeFileDurable(path, fresh);
      out.push(`${f}: rewritten`);
    } else {
      failed = true;
      const a = old.split('\n');
      const b = fresh.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      const at = i < 0 ? b.length : i;
      out.push(`${f}: differs at line ${at + 1}: expected ${JSON.stringify(a[at] ?? '')}, got ${JSON.stringify(b[at] ?? '')}`);
    }
  }
  const docPath = join(dir, 'document.log');
  if (existsSync(docPath)) {
    const doc = readRegularFile(docPath)
      .trim()
      .split('\n')
      .map((l) => /^Step (\d+): D_loss=([\d.]+), G_loss=([\d.]+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ step: Number(m[1]), d: Number(m[2]), g: Number(m[3]) }));
    const K = Number(popRaw);
    const logs = (await train(makeConfig('seed-toy'), { seed: 0, population: K })).logs;
    out.push('', `where the documents' log falls among ${K} seeds (0–${K - 1}): share of members with a lower loss`);
    out.push('step  D_loss(doc)  share below  G_loss(doc)  share below');
    for (const row of doc) {
      const members = logs.find((l) => (l[0] as MemberLog).step === row.step);
      if (members === undefined) continue;
      const below = (xs: number[], v: number) => xs.filter((x) => x < v).length / xs.length;
      out.push(
        `${String(row.step).padEnd(5)} ${formatFixed(row.d, 4).padStart(11)}  ${formatFixed(
          below(
            members.map((m) => m.dLoss),
            row.d,
          ),
          2,
        ).padStart(11)}  ${formatFixed(row.g, 4).padStart(11)}  ${formatFixed(
          below(
            members.map((m) => m.gLoss),
            row.g,
          ),
          2,
        ).padStart(11)}`,
      );
    }
  }
  return [`${out.join('\n')}\n`, failed ? 1 : 0];
}

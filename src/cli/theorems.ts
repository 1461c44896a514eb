import { assertTheorems, execImplementations, THEOREMS, TestingError, type ExecClient } from '../testing/index.js';
import { CliError, parseArgs, parseSeedFlag } from './args.js';

export const THEOREMS_HELP = `Usage: gan-verify theorems --exec "CMD" [--only ID,…] [--seed S] [--num-runs N] [--path P]
                          [--timeout S]
       gan-verify theorems --list

Holds GAN code written in any language to the testing kit's theorems: CMD is started by the shell and
serves its functions over JSON lines on stdin/stdout (the protocol: docs/guides/testing-kit.md; a
Python adapter: examples/python/gan_verify_adapter.py). Every theorem whose functions CMD serves
runs, with fast-check's shrinking; a failure prints the theorem, the shrunk counterexample and the
command that replays it.

Options:
  --exec CMD       the command serving the implementations
  --only ID,…      only these theorems (ids from --list or a failure)
  --seed S         fast-check seed, 0 to 4294967295 (default 0): the same seed runs the same cases
  --num-runs N     cases per theorem (default 100, at most 100000)
  --path P         fast-check's replay path, from a failure
  --timeout S      seconds one call may take before CMD is called hung (default 60)
  --list           the theorems, with the functions each needs
  -h, --help       this text

Exit codes: 0 every theorem holds, 1 a theorem fails (a finding), 2 bad input or a CMD that crashes,
hangs or breaks the protocol (one line naming the function and the request).

Example:
  npx gan-verify theorems --exec "python3 examples/python/losses.py"
`;

const SPEC = { help: 'flag', list: 'flag', exec: 'value', only: 'value', seed: 'value', 'num-runs': 'value', path: 'value', timeout: 'value' } as const;

/** Runs `gan-verify theorems …`; resolves to the text for stdout and the exit code. */
export async function runTheorems(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify theorems';
  const a = parseArgs(cmd, argv, SPEC);
  if (a.flags.has('help')) return [THEOREMS_HELP, 0];
  if (a.positionals.length > 0) throw new CliError(`${cmd}: takes no positional arguments; got ${JSON.stringify(a.positionals[0])}`);
  if (a.flags.has('list')) {
    const width = Math.max(...THEOREMS.map((t) => t.id.length));
    return [`${THEOREMS.map((t) => `${t.id.padEnd(width)}  needs ${t.needs.join(', ')}\n${' '.repeat(width + 2)}${t.statement}`).join('\n')}\n`, 0];
  }
  const command = a.values.get('exec');
  if (command === undefined || command.trim() === '') throw new CliError(`${cmd}: --exec CMD is required (or --list); see --help`);
  const seed = parseSeedFlag(cmd, a.values.get('seed'));
  const runsText = a.values.get('num-runs') ?? '100';
  if (!/^\d+$/.test(runsText) || Number(runsText) < 1 || Number(runsText) > 100_000)
    throw new CliError(`${cmd}: --num-runs must be an integer from 1 to 100000; got ${JSON.stringify(runsText)}`);
  const timeoutText = a.values.get('timeout') ?? '60';
  if (!/^\d+(\.\d+)?$/.test(timeoutText) || !(Number(timeoutText) > 0) || Number(timeoutText) > 86_400)
    throw new CliError(`${cmd}: --timeout must be a positive number of seconds, at most 86400; got ${JSON.stringify(timeoutText)}`);
  const path = a.values.get('path');
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path))
    throw new CliError(`${cmd}: --path must be a fast-check path such as 3:1:0; got ${JSON.stringify(path)}`);
  const only = a.values
    .get('only')
    ?.split(',')
    .map((s) => s.trim());
  for (const id of only ?? [])
    if (!THEOREMS.some((t) => t.id === id)) throw new CliError(`${cmd}: --only names an unknown theorem ${JSON.stringify(id)} (see --list)`);

  let client: ExecClient;
  try {
    client = await execImplementations(command, { timeoutSeconds: Number(timeoutText) });
  } catch (e) {
    if (e instanceof TestingError) throw new CliError(`${cmd}: --exec ${e.message.replace(/^execImplementations: command /, '')}`);
    throw e;
  }
  const served = THEOREMS.filter((t) => t.needs.every((k) => client.functions.includes(k)) && (only === undefined || only.includes(t.id)));
  try {
    const r = await assertTheorems(client.impl, { seed, numRuns: Number(runsText), ...(path !== undefined ? { path } : {}), ...(only ? { only } : {}) });
    const lines = [
      `theorems: ${r.theorems.length} hold for ${JSON.stringify(command)} (seed ${seed}, ${r.numRuns} cases each)`,
      ...r.theorems.map((id) => `  ✓ ${id}`),
    ];
    const none = THEOREMS.filter((t) => !served.includes(t) && (only === undefined || only.includes(t.id)));
    if (none.length > 0) lines.push(`not run (their functions are not served): ${none.map((t) => t.id).join(', ')}`);
    return [`${lines.join('\n')}\n`, 0];
  } catch (e) {
    const broken = client.failure();
    if (broken) throw new CliError(`gan-verify ${broken.message}`);
    if (e instanceof TestingError) throw e;
    const message = (e as Error).message.replace(
      /replay: assertTheorems\(impl, \{ seed: (\d+), path: "([\d:]*)", only: \["([\w-]+)"\] \}\)/,
      (_, s, p, id) => `replay: gan-verify theorems --exec ${JSON.stringify(command)} --seed ${s} --path ${p} --only ${id}`,
    );
    return [`${message.replace(/^assertTheorems: /, 'theorems: ')}\n`, 1];
  } finally {
    await client.close();
  }
}

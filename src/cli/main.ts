import { optionalPeers, packageVersion } from '../package-version.js';
import { InputError } from '../theory/index.js';
import { runEstimate } from './estimate.js';
import { CliError, parseArgs } from './args.js';
import { SaveError } from '../claims/durable.js';
import { runDemo } from './demo.js';
import { runPlayground } from './playground.js';
import { runTheory, THEORY_HELP } from './theory.js';
// train, regenerate and claims load TensorFlow.js and Vega: imported only when one of them runs,
// so `--version`, `theory` and `estimate` start without them

const COMMANDS = ['check', 'claims', 'coverage', 'theory', 'theorems', 'estimate', 'train', 'sweep', 'merge', 'playground', 'regenerate', 'demo'];

const HELP = `Usage: gan-verify <command> [options]

Checks the mathematics of Generative Adversarial Networks.

Commands:
  check DOC --claims F  an author's own document (Markdown or text) checked by the author's claims:
                      every quote found, every sentence accounted for, an annotated page (--report)
  claims [FILE…]      the claims ledger: a verdict with evidence for every claim of the seed
                      documents, a table and an HTML/Markdown report (what 'npm start' runs)
  theory <quantity>   exact values with certified enclosures: discrete (dstar, value,
                      value-at-optimum, kl, kl-reverse, jsd, w1, entropy) and continuous (gaussian-kl,
                      gaussian-w1, gaussian-w2, gaussian-jsd, mixture-jsd, mixture-kl, mixture-w1,
                      mixture-value-at-optimum, shift-series)
  theorems --exec CMD  GAN code in any language (PyTorch: examples/python/) held to the testing kit's
                      theorems over JSON lines, with shrunk counterexamples and a replay command
  estimate <quantity>  Monte Carlo estimates with confidence intervals (value, kl, jsd, w1,
                      kl-knn, jsd-lower) for normal, mixture, categorical, ring8, grid25 or samples
  train               the reference GAN trainer (TensorFlow.js): presets, populations, logs
  coverage            every sentence of the seed documents accounted for: claim, no-claim or
                      not-checkable (accounting/NNN.json); lists the unaccounted ones
  sweep SPEC.json     a grid of trainer settings x seeds, sharded over a cluster (Slurm, Kubernetes,
                      a CI matrix); each shard writes its units and can be rerun or resumed
  merge DIR...        the shards of a sweep merged into per-cell summaries (same bytes for any split)
  playground          the interactive demo of document 004 as a static page: training in the
                      browser with the exact D*, JSD and W1 beside it (--out DIR)
  regenerate          rerun the fixture logs, fail on any differing byte (--update rewrites)
  demo                a short demonstration of C(G) = 2 JSD - log 4

Options:
  -h, --help          help; every command takes --help too
  --version           the package version

Exit codes: 0 success, 2 bad input (one line on stderr), 1 a file that could not be saved (the
previous one is kept; the line says which) or an internal error, (regenerate) a
drifted fixture or (claims) a verdict other than the expected one, 130 a training run stopped by SIGINT/SIGTERM (after saving its checkpoint).
`;

const DEMO_HELP = `Usage: gan-verify demo

Evaluates Goodfellow et al.'s Theorem 1, C(G) = V(D*,G) = 2 JSD - log 4, two independent ways on a
four-point example and prints both certified values and whether they agree.
`;

/** Turns an error into the one-line report and the exit code. */
function report(e: unknown, err: (s: string) => void): number {
  if (e instanceof CliError || e instanceof InputError) {
    err(`${e.message.startsWith('gan-verify') ? '' : 'gan-verify: '}${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return e instanceof CliError ? e.exitCode : 2;
  }
  if (e instanceof SaveError) {
    err(`gan-verify: ${e.message}\n`);
    return 1;
  }
  // an optional peer dependency that is not installed (npm install gan-verify leaves them out): which one, and the line that installs them
  const missing = /^Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec((e as Error | undefined)?.message ?? '')?.[1];
  const peers = missing === undefined ? [] : optionalPeers();
  if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND' && missing !== undefined && peers.includes(missing)) {
    const all = peers.join(' ');
    err(`gan-verify: this command needs ${missing}, an optional dependency that is not installed; install the optional ones with: npm install ${all}\n`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`gan-verify: internal error: ${message.replace(/\s*\n\s*/g, ' ')} (set GAN_VERIFY_DEBUG=1 for the stack)\n`);
  if (process.env.GAN_VERIFY_DEBUG) err(`${(e as Error).stack ?? ''}\n`);
  return 1;
}

/** `gan-verify train …`, which is asynchronous (backend start-up); resolves to the exit code. */
export async function mainAsync(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  if (!['train', 'regenerate', 'check', 'claims', 'coverage', 'sweep', 'merge', 'theorems'].includes(argv[0] as string)) return main(argv, out, err);
  try {
    if (argv[0] === 'check') {
      const { runCheck } = await import('./check.js');
      const [text, code] = await runCheck(argv.slice(1));
      out(text);
      return code;
    }
    if (argv[0] === 'sweep' || argv[0] === 'merge') {
      const { runSweep, runMerge } = await import('./sweep.js');
      const [text, code] = argv[0] === 'sweep' ? await runSweep(argv.slice(1), out) : await runMerge(argv.slice(1));
      out(text);
      return code;
    }
    if (argv[0] === 'theorems') {
      const { runTheorems } = await import('./theorems.js');
      const [text, code] = await runTheorems(argv.slice(1));
      out(text);
      return code;
    }
    if (argv[0] === 'coverage') {
      const { runCoverage } = await import('./coverage.js');
      const [text, code] = await runCoverage(argv.slice(1));
      out(text);
      return code;
    }
    if (argv[0] === 'claims') {
      const { runClaims } = await import('./claims.js');
      const [text, code] = await runClaims(argv.slice(1));
      out(text);
      return code;
    }
    if (argv[0] === 'regenerate') {
      const { runRegenerate } = await import('./regenerate.js');
      const [text, code] = await runRegenerate(argv.slice(1));
      out(text);
      return code;
    }
    const { runTrain } = await import('./train.js');
    const [text, code] = await runTrain(argv.slice(1), err, out);
    out(text);
    return code;
  } catch (e) {
    return report(e, err);
  }
}

/** Runs the CLI; returns the exit code. Output goes to the given writers (process streams by default). */
export function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(HELP);
      return 0;
    }
    if (command === '--version') {
      out(`${packageVersion()}\n`);
      return 0;
    }
    if (command === 'theory') {
      out(runTheory(rest));
      return 0;
    }
    if (command === 'estimate') {
      out(runEstimate(rest));
      return 0;
    }
    if (command === 'playground') {
      out(runPlayground(rest));
      return 0;
    }
    if (command === 'demo') {
      const args = parseArgs('gan-verify demo', rest, { help: 'flag' });
      if (args.positionals.length > 0) throw new CliError(`gan-verify demo: unexpected argument ${JSON.stringify(args.positionals[0])}`);
      out(args.flags.has('help') ? DEMO_HELP : runDemo());
      return 0;
    }
    if (['train', 'regenerate', 'check', 'claims', 'coverage', 'sweep', 'merge'].includes(command))
      throw new CliError(`gan-verify ${command}: runs asynchronously; call mainAsync`);
    throw new CliError(`gan-verify: unknown command ${JSON.stringify(command)}; one of ${COMMANDS.join(', ')} (see --help)`);
  } catch (e) {
    return report(e, err);
  }
}

export { THEORY_HELP };

/**
 * The documentation's examples, run: README.md and every guide of docs/guides/ (a new guide joins by
 * itself). Every fenced block of them is one of these, and nothing is skipped silently:
 *
 * - A transcript (lines starting `$ `): each command is run by bash in a scratch folder of its document,
 *   which holds symbolic links to the repository's top-level entries (so `examples/…` resolves, and what
 *   a command writes stays out of the repository); `npx gan-verify` is this checkout's bin/gan-verify.js
 *   (dist/). A document's commands run in order, so a later one may use what an earlier one wrote. A
 *   command goes on over lines ending in `\` and over a here-document (`<<'JSON'` … `JSON`). A command
 *   shown in two documents is run once, in the first one's folder.
 *   The lines shown under a command, up to the next `$ ` line, must appear in its output (stdout and
 *   stderr as they came), in order: blank lines are ignored, a run of spaces matches any spacing, "…"
 *   inside a line matches any text and a line of just "…" any number of lines. "…" stands only for lines
 *   or the end of a long line left out, and for what varies from machine to machine (times, memory,
 *   absolute paths, a table clipped to the terminal's width): every seeded number shown is as printed.
 * - The exit status: `$ echo $?` after a command shows its status, which must be the one shown; a
 *   command without one must exit 0. Exit 2 is bad input (bad-input.md, and the bad-input examples of
 *   the other guides): it must be exactly one line, on stderr, with nothing on stdout and no stack trace.
 * - A ```ts program importing `gan-verify/…`: written to a file in the scratch folder (inside the
 *   package, so `gan-verify/…` resolves through package.json's exports to dist/, as in a user's project)
 *   and run with `node --import tsx`; it must exit 0, and its `// prints: X` comments, then the lines of
 *   a ```text block that follows it (prose between, no other block), must appear in its output. A ```ts
 *   block importing `vitest` is a test file: run with vitest, its tests must pass.
 * - Anything else (a synopsis, a list of commands without output, the output of a run too long for a
 *   test, a fragment) and every command that is not run is in NOT_RUN with the reason. An example that is
 *   neither run nor listed fails, and so does an entry that matches no example.
 *
 * Examples that need something outside the repository (NEEDS) run where it is there and say NOT CHECKED
 * in capitals where it is not.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DOCS = [
  'README.md',
  ...readdirSync('docs/guides')
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/guides/${f}`),
];

/** What is not run, and why: `starts` is the start of a command (after `$ `) or of a block's first line ("\n" at its end: all of it). */
const NOT_RUN: { doc: string; starts: string; why: string }[] = [
  {
    doc: 'README.md',
    starts: 'npm install ',
    why: "the project's own scripts, no output shown: npm test is the whole suite (this file is part of it), npm start the full ledger (2¼ min)",
  },
  {
    doc: 'docs/guides/bad-input.md',
    starts: 'mount -t tmpfs',
    why: 'mounts a file system (root only); test/full-disk.test.ts mounts its own and checks these lines',
  },
  {
    doc: 'docs/guides/bad-input.md',
    starts: 'npx gan-verify train --steps 3000 --log-every 10',
    why: 'fills the 48 KiB tmpfs mounted above (test/full-disk.test.ts)',
  },
  {
    doc: 'docs/guides/bad-input.md',
    starts: 'npx gan-verify merge sweep-out',
    why: 'needs the full tmpfs above and a sweep-out folder (test/full-disk.test.ts)',
  },
  { doc: 'docs/guides/estimate.md', starts: 'npx gan-verify estimate <quantity>', why: 'a synopsis' },
  {
    doc: 'docs/guides/ledger.md',
    starts: 'npm start ',
    why: "the ledger's options, no output shown: the full ledger takes 2¼ min, --quick 40 s (test/cli-claims.test.ts runs the options)",
  },
  {
    doc: 'docs/guides/ledger.md',
    starts: 'npx gan-verify claims --controls ',
    why: 'the ledger with every mutant and positive control, longer than the full ledger; no output shown',
  },
  {
    doc: 'docs/guides/ledger.md',
    starts: 'id                                             verdict',
    why: "the full ledger's table: npm start, about 7 minutes",
  },
  { doc: 'docs/guides/ledger.md', starts: 'npx gan-verify coverage  ', why: "the command's forms, no output shown (the first one's is the table below it)" },
  { doc: 'docs/guides/ledger.md', starts: '{ "schema": "gan-verify-ledger-1"', why: 'the --json schema, not an output (test/claims.test.ts checks it)' },
  { doc: 'docs/guides/playground.md', starts: 'npm run playground', why: 'a server that runs until it is stopped (test/playground-server.test.ts starts it)' },
  {
    doc: 'docs/guides/sweeps.md',
    starts: 'npm run test:slurm',
    why: 'brings up a Slurm cluster (apt-get, root, daemons; about 45 s); .ci/run runs it, and prints SLURM NOT CHECKED where it cannot',
  },
  { doc: 'docs/guides/tests-and-benchmarks.md', starts: 'src/theory/ ', why: 'the source layout, not a command' },
  {
    doc: 'docs/guides/tests-and-benchmarks.md',
    starts: 'metrics at a log step (float32',
    why: "a line npm run bench printed (minutes of training and PyTorch; the host's timings), not a command",
  },
  { doc: 'docs/guides/theory.md', starts: 'npx gan-verify theory <quantity>', why: 'a synopsis' },
  { doc: 'docs/guides/theory.md', starts: 'npx gan-verify theory gaussian-kl|', why: 'a synopsis' },
  { doc: 'docs/guides/trainer.md', starts: 'npx gan-verify train --preset seed-toy [', why: 'a synopsis' },
  {
    doc: 'docs/guides/trainer.md',
    starts: 'npx gan-verify train --steps 3000 --checkpoint ck ',
    why: 'its point is a Ctrl-C at any moment; test/train.test.ts interrupts the real command with SIGINT (after a logged line, not a time)',
  },
  { doc: 'docs/guides/trainer.md', starts: 'npx gan-verify train --resume ck', why: 'resumes the interrupted run above (test/train.test.ts: byte for byte)' },
];

const torch = () => spawnOk('/usr/bin/python3', ['-c', 'import torch']);
const seeds = () => existsSync('../shared/seeds');

/** Examples run only where what they need is there. */
const NEEDS: { doc: string; starts: string; what: string; there: () => Promise<boolean> | boolean }[] = [
  { doc: 'docs/guides/testing-kit.md', starts: 'npx gan-verify theorems --exec "/usr/bin/python3', what: "Debian's python3-torch", there: torch },
  { doc: 'docs/guides/ledger.md', starts: 'npx gan-verify coverage\n', what: 'the seed documents (../shared/seeds)', there: seeds },
];

interface Block {
  doc: string;
  line: number;
  lang: string;
  body: string[];
}

type Example =
  | { kind: 'command'; doc: string; line: number; cmd: string; expected: string[]; exit: number }
  | { kind: 'program'; doc: string; line: number; code: string; runner: 'tsx' | 'vitest'; expected: string[] }
  | { kind: 'other'; doc: string; line: number; first: string };

function blocks(doc: string): Block[] {
  const lines = readFileSync(doc, 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] as string);
    if (open === null) continue;
    const block: Block = { doc, line: i + 1, lang: open[1] as string, body: [] };
    while (++i < lines.length && !/^```\s*$/.test(lines[i] as string)) block.body.push(lines[i] as string);
    out.push(block);
  }
  return out;
}

function examples(doc: string): Example[] {
  const out: Example[] = [];
  let program: (Example & { kind: 'program' }) | undefined;
  for (const b of blocks(doc)) {
    const code = b.body.join('\n');
    const prev = program;
    program = undefined;
    if (b.body.some((l) => l.startsWith('$ '))) {
      const body = b.body;
      if (!(body[0] as string).startsWith('$ ')) throw new Error(`${doc}:${b.line}: a transcript must start with a $ line`);
      for (let i = 0; i < body.length; i++) {
        const line = b.line + 1 + i;
        let cmd = (body[i] as string).slice(2);
        while (cmd.endsWith('\\') && i + 1 < body.length) cmd += `\n${body[++i]}`;
        const here = /<<-?\s*'?(\w+)'?/.exec(cmd);
        if (here !== null) while (i + 1 < body.length && body[i]?.trim() !== here[1]) cmd += `\n${body[++i]}`;
        const expected: string[] = [];
        while (i + 1 < body.length && !(body[i + 1] as string).startsWith('$ ')) expected.push(body[++i] as string);
        const last = out.at(-1);
        if (cmd.trim() === 'echo $?') {
          const shown = expected.filter((l) => l.trim() !== '');
          if (last?.kind !== 'command' || shown.length !== 1 || !/^\d+$/.test((shown[0] as string).trim()))
            throw new Error(`${doc}:${line}: "$ echo $?" must follow a command and show one number`);
          last.exit = Number(shown[0]);
        } else out.push({ kind: 'command', doc, line, cmd, expected, exit: 0 });
      }
    } else if (b.lang === 'ts' && /from 'vitest'/.test(code)) {
      out.push({ kind: 'program', doc, line: b.line, code, runner: 'vitest', expected: [] });
    } else if (b.lang === 'ts' && /from 'gan-verify(\/[\w-]+)?'/.test(code)) {
      const expected = [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1] as string);
      program = { kind: 'program', doc, line: b.line, code, runner: 'tsx', expected };
      out.push(program);
    } else if (b.lang === 'text' && prev !== undefined) {
      prev.expected.push(...b.body);
    } else out.push({ kind: 'other', doc, line: b.line, first: b.body[0] ?? '' });
  }
  return out;
}

/** The text an entry of NOT_RUN or NEEDS is matched against. */
const head = (x: Example): string => `${x.kind === 'command' ? x.cmd : x.kind === 'other' ? x.first : x.code.split('\n')[0]}\n`;
const listed = <T extends { doc: string; starts: string }>(list: readonly T[], x: Example): T | undefined =>
  list.find((e) => e.doc === x.doc && head(x).startsWith(e.starts));

/** Whether the expected lines appear in order in the output ("…" alone skips lines, "…" inside matches any text); the first missing line, or null. */
function shown(expected: readonly string[], actual: string): string | null {
  const lines = actual.split('\n');
  let at = 0;
  for (const e of expected) {
    if (e.trim() === '…' || e.trim() === '') continue;
    const re = new RegExp(
      `^${e
        .trim()
        .split('…')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
        .join('.*')}$`,
    );
    const k = lines.findIndex((l, j) => j >= at && re.test(l.trim()));
    if (k < 0) return e;
    at = k + 1;
  }
  return null;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams in the order their pieces came. */
  out: string;
}

/** The environment of the examples: `npx gan-verify` is this checkout's CLI; no vitest variables leak into a nested vitest. */
function environment(bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' };
}

function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const r: Run = { code: null, stdout: '', stderr: '', out: '' };
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      r.stdout += s;
      r.out += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      r.stderr += s;
      r.out += s;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ ...r, code }));
  });
}

function spawnOk(file: string, args: readonly string[]): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(file, args, { stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

const ALL = DOCS.flatMap(examples);
/** A command shown in two documents (the README's tour repeats the guides') is run once. */
const ran = new Map<string, Promise<Run>>();
const root = mkdtempSync(join('test', '.docs-examples-'));
const bin = resolve(root, 'bin');
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  mkdirSync(bin);
  const cli = resolve('bin/gan-verify.js');
  writeFileSync(
    join(bin, 'npx'),
    [
      '#!/bin/sh',
      '[ "$1" = gan-verify ] || { echo "docs example: only npx gan-verify is provided" >&2; exit 127; }',
      'shift',
      `exec "${process.execPath}" "${cli}" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'npx'), 0o755);
});

/** A document's scratch folder: links to the repository's top-level entries, not to what commands write. */
function scratch(doc: string): string {
  const dir = resolve(root, doc.replace(/[/.]/g, '-'));
  mkdirSync(dir);
  for (const name of readdirSync('.')) {
    if (name.startsWith('.') || ['test', 'report', 'reports', 'coverage'].includes(name)) continue;
    symlinkSync(resolve(name), join(dir, name));
  }
  return dir;
}

describe('every example of the documentation is run or listed', () => {
  it('every block that is not run is listed with a reason', () => {
    const unlisted = ALL.filter((x) => x.kind === 'other' && listed(NOT_RUN, x) === undefined).map((x) => `${x.doc}:${x.line}: ${head(x)}`);
    expect(unlisted.join('\n')).toBe('');
  });
  it('every entry of NOT_RUN and NEEDS matches an example', () => {
    const stale = [...NOT_RUN, ...NEEDS].filter((e) => !ALL.some((x) => e.doc === x.doc && head(x).startsWith(e.starts)));
    expect(stale.map((e) => `${e.doc}: ${e.starts}`).join('\n')).toBe('');
  });
  it('the guides have examples that run', () => expect(ALL.filter((x) => x.kind !== 'other' && listed(NOT_RUN, x) === undefined).length).toBeGreaterThan(50));
});

const title = (x: Example): string => `line ${x.line}: ${(head(x).split('\n')[0] as string).slice(0, 100)}`;

describe.each(DOCS.filter((d) => ALL.some((x) => x.doc === d && x.kind !== 'other' && listed(NOT_RUN, x) === undefined)))('the examples of %s, run', (doc) => {
  const list = ALL.filter((x) => x.doc === doc && x.kind !== 'other' && listed(NOT_RUN, x) === undefined);
  let dir = '';
  beforeAll(() => {
    dir = scratch(doc);
  });
  it.each(list.map((x) => [title(x), x] as const))('%s', async (_, x) => {
    const need = listed(NEEDS, x);
    if (need !== undefined && !(await need.there())) {
      console.log(`DOCS EXAMPLE NOT CHECKED: ${x.doc}:${x.line} needs ${need.what}, which is absent here`);
      return;
    }
    const env = environment(bin);
    let r: Run;
    if (x.kind === 'command') {
      const once = ran.get(x.cmd) ?? run('bash', ['-c', x.cmd], dir, env);
      ran.set(x.cmd, once);
      r = await once;
      const said = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
      expect(r.code, said).toBe(x.exit);
      if (x.exit === 2) {
        // bad input: one line on stderr naming what is wrong, nothing else, never a stack trace
        expect(r.stdout, said).toBe('');
        expect(r.stderr.trimEnd().split('\n'), said).toHaveLength(1);
        expect(r.stderr, said).not.toMatch(/^\s+at /m);
      }
      expect(shown(x.expected, r.out), said).toBeNull();
    } else if (x.kind === 'program') {
      const name = `${x.doc.replace(/[/.]/g, '-')}-${x.line}`;
      if (x.runner === 'vitest') {
        const test = join(dir, `${name}.vitest.ts`);
        writeFileSync(test, x.code);
        writeFileSync(join(dir, `${name}.config.mjs`), `export default { test: { include: ['${name}.vitest.ts'] } };\n`);
        r = await run(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', '--config', `${name}.config.mjs`], dir, env);
      } else {
        const file = join(dir, `${name}.mts`);
        writeFileSync(file, x.code);
        r = await run(process.execPath, ['--import', 'tsx', file], dir, env);
      }
      const said = `exit ${r.code}\n${r.out}`;
      expect(r.code, said).toBe(0);
      expect(shown(x.expected, r.stdout), said).toBeNull();
    }
  });
});

/**
 * Implementations served by another process, in any language, over JSON lines on its stdin and
 * stdout (`gan-verify theorems --exec "CMD"`; the protocol is in docs/guides/testing-kit.md):
 *
 * 1. The child starts by writing one line: `{"protocol": "gan-verify-theorems/1", "functions": [names]}`,
 *    the names being those of {@link Implementations} it serves.
 * 2. Each request is one line `{"id": N, "fn": NAME, "args": [...]}`; a critic argument is sent as
 *    `{"critic": SPEC}` (see `critics.ts`), for the child to rebuild in its own framework.
 * 3. Each answer is one line `{"id": N, "result": R}`, or `{"id": N, "error": "message"}` when the
 *    function raised (a finding: the theorem fails with it). Numbers JSON cannot hold are written as
 *    the strings "Infinity", "-Infinity" and "NaN".
 *
 * A child that exits, writes a line that is not such an answer, or takes longer than the time limit
 * breaks the connection: the call rejects with an {@link ExecError} naming the function and the
 * request, every later call rejects with the same error at once, and {@link ExecClient.failure} holds it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Critic } from './critics.js';
import { TestingError } from './errors.js';
import { FIELDS, type Implementations } from './theorem.js';

/** The protocol's name and version, as the child's first line states it. */
export const EXEC_PROTOCOL = 'gan-verify-theorems/1';

/** The child process broke the protocol (exited, answered malformed, or hung): not a finding about the user's code. */
export class ExecError extends Error {
  /** Always `'ExecError'`: the class name that stack traces and `String(error)` show. */
  override readonly name = 'ExecError';
}

/** A connection to a child serving implementations. */
export interface ExecClient {
  /** The implementations, one function per name the child serves. */
  readonly impl: Implementations;
  /** The names the child serves. */
  readonly functions: readonly string[];
  /** The error that broke the connection, if any. */
  failure(): ExecError | null;
  /** Ends the child (closes its stdin, then kills it if it has not exited within a second). */
  close(): Promise<void>;
}

/** Options of {@link execImplementations}. */
export interface ExecOptions {
  /** Seconds one request may take before the child is called hung and killed. @defaultValue 60 */
  timeoutSeconds?: number;
}

const encode = (v: unknown): unknown => {
  if (typeof v === 'function' && 'spec' in v) return { critic: (v as Critic).spec };
  if (Array.isArray(v)) return v.map(encode);
  return v;
};

const decode = (v: unknown): unknown => {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === 'NaN') return NaN;
  if (Array.isArray(v)) return v.map(decode);
  return v;
};

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Starts `command` (run by the shell, so it may carry arguments) and connects to it. Resolves once the
 * child has announced its functions; rejects with a TestingError when it exits or says something else
 * first.
 */
export async function execImplementations(command: string, options: ExecOptions = {}): Promise<ExecClient> {
  const fn = 'execImplementations';
  if (typeof command !== 'string' || command.trim() === '') throw new TestingError(fn, 'command', `must be a command line; got ${JSON.stringify(command)}`);
  const timeout = options.timeoutSeconds ?? 60;
  if (typeof timeout !== 'number' || !(timeout > 0 && timeout <= 86_400))
    throw new TestingError(fn, 'options.timeoutSeconds', `must be a number of seconds in (0, 86400]; got ${JSON.stringify(timeout)}`);
  const child: ChildProcessWithoutNullStreams = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  let waiter: ((line: string | null) => void) | null = null;
  let exited: string | null = null;
  lines.on('line', (l) => {
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(l);
    } else queue.push(l);
  });
  child.on('error', (e) => {
    exited = `could not be started (${e.message})`;
    waiter?.(null);
  });
  child.on('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    // let the last lines arrive before a waiter is told
    setImmediate(() => {
      if (waiter) {
        const w = waiter;
        waiter = null;
        w(null);
      }
    });
  });
  child.stdin.on('error', () => {}); // a child that exits early: reported through 'exit'
  const nextLine = (ms: number): Promise<string | null | 'timeout'> =>
    new Promise((res) => {
      const q = queue.shift();
      if (q !== undefined) return res(q);
      if (exited) return res(null);
      const timer = setTimeout(() => {
        waiter = null;
        res('timeout');
      }, ms);
      waiter = (l) => {
        clearTimeout(timer);
        res(l);
      };
    });
  const tail = () => (stderr.trim() === '' ? '' : `; its stderr ends: ${short(stderr.trim().split('\n').slice(-3).join(' | '))}`);

  const hello = await nextLine(timeout * 1000);
  let functions: string[];
  try {
    if (hello === null || hello === 'timeout')
      throw new Error(hello === null ? `${exited ?? 'exited'} before announcing its functions` : `announced nothing within ${timeout} s`);
    let h: { protocol?: unknown; functions?: unknown } | null = null;
    try {
      h = JSON.parse(hello);
    } catch {
      // reported below as a first line that is not the announcement
    }
    if (h === null || typeof h !== 'object' || h.protocol !== EXEC_PROTOCOL)
      throw new Error(`must start with {"protocol": "${EXEC_PROTOCOL}", "functions": [...]}; its first line was ${short(hello)}`);
    if (!Array.isArray(h.functions) || h.functions.length === 0 || h.functions.some((f) => !(FIELDS as readonly unknown[]).includes(f)))
      throw new Error(`announced functions ${short(JSON.stringify(h.functions))}; each must be one of ${FIELDS.join(', ')}`);
    functions = h.functions as string[];
  } catch (e) {
    child.kill('SIGKILL');
    throw new TestingError(fn, 'command', `${JSON.stringify(command)} ${(e as Error).message}${tail()}`);
  }

  let broken: ExecError | null = null;
  let nextId = 1;
  let chain: Promise<unknown> = Promise.resolve();
  const call = (name: string, args: unknown[]): Promise<unknown> => {
    const run = async (): Promise<unknown> => {
      if (broken) throw broken;
      const id = nextId++;
      const request = JSON.stringify({ id, fn: name, args: encode(args) });
      const fail = (why: string): never => {
        broken = new ExecError(`theorems --exec: ${name} ${why}; request: ${short(request)}${tail()}`);
        child.kill('SIGKILL');
        throw broken;
      };
      if (exited) fail(`could not be called: the process ${exited}`);
      child.stdin.write(`${request}\n`);
      const line = await nextLine(timeout * 1000);
      if (line === 'timeout') fail(`did not answer within ${timeout} s (the process is stopped)`);
      if (line === null) fail(`got no answer: the process ${exited ?? 'ended'}`);
      let answer: { id?: unknown; result?: unknown; error?: unknown };
      try {
        answer = JSON.parse(line as string);
      } catch {
        return fail(`answered with a line that is not JSON: ${short(line as string)}`);
      }
      if (answer === null || typeof answer !== 'object' || answer.id !== id)
        fail(`answered ${short(line as string)}, which is not {"id": ${id}, "result": …} or {"id": ${id}, "error": "…"}`);
      if (typeof answer.error === 'string') throw new Error(`${name} raised in the child process: ${answer.error}`);
      if (!('result' in answer)) fail(`answered ${short(line as string)} without a result`);
      return decode(answer.result);
    };
    const p = chain.then(run, run);
    chain = p.catch(() => undefined);
    return p;
  };
  const impl = Object.fromEntries(functions.map((name) => [name, (...args: unknown[]) => call(name, args)])) as Implementations;
  return {
    impl,
    functions,
    failure: () => broken,
    close: async () => {
      if (exited) return;
      child.stdin.end();
      await new Promise<void>((res) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          res();
        }, 1000);
        child.on('exit', () => {
          clearTimeout(t);
          res();
        });
      });
    },
  };
}

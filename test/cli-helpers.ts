import { createHash } from 'node:crypto';
import { mainAsync } from '../src/cli/main.js';

/** Runs the asynchronous CLI (claims, train, regenerate) in-process, capturing both streams. */
export async function cliAsync(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await mainAsync(
    argv,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

/**
 * A checkpoint file's text after a test edits the parsed object: the object without its old
 * `contentHash`, then the SHA-256 of that JSON appended (what a deliberate forger would do), so the
 * validation of the fields themselves is what the test reaches.
 */
export function resealCheckpoint(ck: Record<string, unknown>): string {
  const { contentHash: _old, ...rest } = ck;
  const text = JSON.stringify(rest);
  return `${text.slice(0, -1)},"contentHash":"${createHash('sha256').update(text).digest('hex')}"}`;
}

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

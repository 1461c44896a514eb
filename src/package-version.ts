/** The package's version, from the package.json beside src/ and dist/ (one reader for the CLI, the ledger and sweeps). */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The package's version, from the package.json beside src/ and dist/ (one reader for the CLI, the ledger and sweeps). */
import { readFileSync } from 'node:fs';

interface PackageJson {
  version: string;
  peerDependencies?: Record<string, string>;
}

const read = (): PackageJson => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

export function packageVersion(): string {
  return read().version;
}

/**
 * The optional peer dependencies (TensorFlow.js, Vega, KaTeX, the Markdown stack, the LaTeX parser, tsx):
 * `npm install gan-verify` leaves them out, so that the theory, numeric and testing entry points install
 * light; the commands and entry points that load one name it when it is missing.
 */
export function optionalPeers(): string[] {
  return Object.keys(read().peerDependencies ?? {});
}

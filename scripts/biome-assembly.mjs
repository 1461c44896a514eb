// Biome over assembly/ (AssemblyScript). Biome parses TypeScript, where a decorator on a function
// (`@inline function f`) is a parse error; AssemblyScript puts them there. So each file is copied to a
// temporary folder with its decorators turned into comments (`/*@inline*/ function f`), Biome checks the
// copies with the project's settings plus assembly's two differences (below), and with --write the
// formatted copies come back with their decorators restored. Nothing else in a file changes.
//
// Usage: node scripts/biome-assembly.mjs [--write] [DIR]   (DIR defaults to assembly/; exit 1 when a file is not
// formatted or a rule fails)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DECORATORS = /^(\s*)@(inline|global|unmanaged|lazy|final|operator|external)\b/gm;
const COMMENTED = /^(\s*)\/\*@(inline|global|unmanaged|lazy|final|operator|external)\*\//gm;
const write = process.argv.includes('--write');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'assembly'));
const dir = mkdtempSync(join(tmpdir(), 'gan-verify-assembly-'));
const files = readdirSync(source).filter((f) => f.endsWith('.ts'));
try {
  for (const f of files) writeFileSync(join(dir, f), readFileSync(join(source, f), 'utf8').replace(DECORATORS, '$1/*@$2*/'));
  const config = readFileSync(join(root, 'biome.jsonc'), 'utf8')
    .replace('"./node_modules/@biomejs/biome/configuration_schema.json"', JSON.stringify(join(root, 'node_modules/@biomejs/biome/configuration_schema.json')))
    .replace(/"includes": \[[\s\S]*?\]/, '"includes": ["*.ts"]')
    // AssemblyScript's == on numbers compares values of one static type (no coercion: it is ===)
    .replace('"suspicious": {', '"suspicious": {\n        "noDoubleEquals": "off",')
    // fdlibm's and Cody's constants are kept as their sources print them, and memory.data takes literals
    .replace('"suspicious": {', '"suspicious": {\n        "noApproximativeNumericConstant": "off",');
  writeFileSync(join(dir, 'biome.jsonc'), config);
  const biome = join(root, 'node_modules/.bin/biome');
  try {
    execFileSync(biome, ['check', ...(write ? ['--write'] : []), '--error-on-warnings', '.'], { cwd: dir, stdio: 'inherit' });
  } catch {
    process.exitCode = 1;
  }
  if (write) {
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8').replace(COMMENTED, '$1@$2');
      if (text !== readFileSync(join(source, f), 'utf8')) {
        writeFileSync(join(source, f), text);
        console.log(`${join(source, f)}: formatted`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

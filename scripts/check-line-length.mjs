// Fails when a tracked source line is longer than 160 characters (Biome's formatter wraps code at
// 160 but leaves long strings and comments alone). Usage: node scripts/check-line-length.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 160;
const files = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.js', '*.cjs'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && !f.startsWith('fixtures/'));
let bad = 0;
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    const n = [...line].length;
    if (n > LIMIT) {
      bad++;
      console.log(`${f}:${i + 1}: ${n} characters (limit ${LIMIT})`);
    }
  });
}
if (bad > 0) {
  console.log(`check-line-length: ${bad} line${bad === 1 ? '' : 's'} over ${LIMIT} characters`);
  process.exit(1);
}

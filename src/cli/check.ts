/**
 * `gan-verify check DOC --claims CLAIMS.ts`: an author's document checked by the author's claims:
 * every quote found in DOC, every unit accounted for (a claim, or an entry of --accounting), every
 * check run; prints the verdicts and the accounting, writes the annotated page with --report.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CATALOGUE } from '../claims/catalogue/index.js';
import { accountDocument, accountingSkeleton, claimsSkeleton } from '../claims/documents/author.js';
import { katexAssets } from '../claims/documents/annotate.js';
import { annotatedDocumentPage } from '../claims/documents/page.js';
import type { AnyClaim } from '../claims/define.js';
import { copyFileDurable, writeFileDurable } from '../claims/durable.js';
import { THIS_DOCUMENT } from '../claims/library/claim.js';
import { controlProblems } from '../claims/runner.js';
import { CliError, parseArgs, parseSeedFlag, parseTimeLimit } from './args.js';
import { ensureOutputDir, readAccountingFile, readTextDocument } from './files.js';

export const CHECK_HELP = `Usage: gan-verify check DOC --claims CLAIMS.ts [--accounting ACC.json] [--report DIR] [--json]
       gan-verify check DOC [--claims CLAIMS.ts] --skeleton accounting|claims

Checks an author's own document (Markdown with $…$ / $$…$$ math, or plain text) with the author's
claims (a module exporting claims made with claim() from gan-verify/checks or defineClaim). Every
claim's quote must be in DOC (a quote that is not is an error naming the claim); every unit of DOC
(a sentence, a heading, a list item, a display formula, a table, a code block) needs a claim whose
quote covers it or an entry in ACC.json (noClaim with its kind, or notCheckable with the reason).
A check that throws gets the verdict error, never refuted.

Options:
  --claims FILE      the claims file (TypeScript or JavaScript)
  --accounting FILE  the entries for the units no claim quotes ({ doc, title, entries: [{ hash, start,
                     noClaim: { kind, reason } | notCheckable: reason }] })
  --skeleton KIND    print a skeleton instead of checking: accounting (one entry per unit no claim
                     quotes yet) or claims (a claims file with one commented stub per such sentence)
  --report DIR       write DIR/index.html: the document rendered, each unit marked by its verdict
  --json             print {doc, claims: [ledger entries], accounting: {counts, unaccounted, problems}}
  --with-builtin     also run the built-in claims of the seed documents
  --controls         also run each claim's mutant (it must reach another verdict)
  --quick            small sizes
  --seed N           base seed of every random thing (default 0)
  --time-limit S     seconds one claim's check may take (default 600)

Exit codes: 0 every unit accounted for, every check ran (no error), every expected verdict met (and,
with --controls, every mutant discriminates); 1 otherwise; 2 bad input.
`;

const SPEC = {
  help: 'flag',
  claims: 'value',
  accounting: 'value',
  skeleton: 'value',
  report: 'value',
  json: 'flag',
  'with-builtin': 'flag',
  controls: 'flag',
  quick: 'flag',
  seed: 'value',
  'time-limit': 'value',
} as const;

export async function runCheck(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify check';
  const args = parseArgs(cmd, argv, SPEC);
  if (args.flags.has('help')) return [CHECK_HELP, 0];
  if (args.positionals.length !== 1) throw new CliError(`${cmd}: give one document DOC; got ${args.positionals.length}`);
  const doc = args.positionals[0] as string;
  const text = readTextDocument(cmd, 'DOC', doc);
  const seed = parseSeedFlag(cmd, args.values.get('seed'));
  const timeLimit = parseTimeLimit(cmd, args.values.get('time-limit'));
  const skeleton = args.values.get('skeleton');
  if (skeleton !== undefined && skeleton !== 'accounting' && skeleton !== 'claims')
    throw new CliError(`${cmd}: --skeleton must be accounting or claims; got ${JSON.stringify(skeleton)}`);
  const claimsFile = args.values.get('claims');
  if (claimsFile === undefined && skeleton === undefined)
    throw new CliError(`${cmd}: ${JSON.stringify(doc)} needs --claims CLAIMS.ts (or --skeleton to start one)`);

  // the accounting file, validated whole before any check runs
  const accFile = args.values.get('accounting');
  const accounting = accFile === undefined ? null : readAccountingFile(cmd, accFile);
  let own: AnyClaim[] = [];
  if (claimsFile !== undefined) {
    const { loadClaims } = await import('./load-claims.js');
    own = await loadClaims(claimsFile, cmd);
  }
  const name = basename(doc);
  // the author's claims belong to DOC (claim() leaves the document to the command); the built-in ones to the seeds
  own = own.map((c) => (c.source.doc === THIS_DOCUMENT ? { ...c, source: { ...c.source, doc: name } } : c));
  const foreign = own.find((c) => c.source.doc !== name);
  if (foreign)
    throw new CliError(
      `${cmd}: claim ${foreign.id} quotes ${JSON.stringify(foreign.source.doc)}, not ${JSON.stringify(name)} ` +
        '(claim() from gan-verify/checks leaves the document to check)',
    );
  let account: ReturnType<typeof accountDocument>;
  try {
    account = accountDocument(name, text, own, accounting);
  } catch (e) {
    throw new CliError(`${cmd}: ${(e as Error).message.replace(/^check: /, '')}`);
  }
  if (skeleton === 'accounting') return [`${JSON.stringify(accountingSkeleton(account, accounting?.title ?? name), null, 1)}\n`, 0];
  if (skeleton === 'claims') return [claimsSkeleton(account), 0];

  const claims = args.flags.has('with-builtin') ? [...own, ...CATALOGUE] : own;
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new CliError(`${cmd}: claim id ${JSON.stringify(c.id)} is defined twice`);
    ids.add(c.id);
  }
  const report = args.values.get('report');
  if (report !== undefined) ensureOutputDir(cmd, '--report', report);
  const controls = args.flags.has('controls');
  const { runWatched } = await import('./claims.js');
  process.stderr.write(`${cmd}: ${doc}: ${account.counts.units} units, ${claims.length} claims, seed ${seed}${args.flags.has('quick') ? ', quick' : ''}\n`);
  const entries = await runWatched(cmd, claims, { quick: args.flags.has('quick'), seed, controls, timeLimit });
  const c = account.counts;
  const ok =
    c.unaccounted === 0 &&
    account.problems.length === 0 &&
    entries.every((e) => e.agrees) &&
    (!controls || entries.every((e) => controlProblems(e).length === 0));
  let tail = '';
  if (report !== undefined) {
    mkdirSync(join(report, 'katex', 'fonts'), { recursive: true });
    const k = katexAssets();
    copyFileDurable(k.css, join(report, 'katex', 'katex.min.css'));
    for (const f of readdirSync(k.fonts).filter((x) => x.endsWith('.woff2'))) copyFileDurable(join(k.fonts, f), join(report, 'katex', 'fonts', f));
    writeFileDurable(
      join(report, 'index.html'),
      annotatedDocumentPage(
        accounting?.title ?? name,
        account,
        entries.filter((e) => e.doc === name),
      ),
    );
    tail = `report: ${resolve(report, 'index.html')}\n`;
  }
  if (args.flags.has('json')) {
    if (tail) process.stderr.write(tail);
    const unaccounted = account.unaccounted.map((r) => ({ line: r.unit.line, hash: r.unit.hash, text: r.unit.text }));
    return [`${JSON.stringify({ doc: name, claims: entries, accounting: { counts: c, unaccounted, problems: account.problems } }, null, 1)}\n`, ok ? 0 : 1];
  }
  const lines: string[] = [];
  const w = Math.max(10, ...entries.map((e) => e.id.length));
  for (const e of entries) {
    const flag = e.expected !== undefined && !e.agrees ? ` (expected ${e.expected})` : '';
    lines.push(`${e.verdict.padEnd(23)} ${e.id.padEnd(w)}  ${e.evidence.replace(/\s+/g, ' ').slice(0, 150)}${flag}`);
    if (controls && e.controls?.mutant)
      lines.push(
        `${''.padEnd(23)} ${''.padEnd(w)}  mutant (${e.controls.mutant.description}): ` +
          `${e.controls.mutant.verdict}${e.controls.mutant.ok ? '' : ' ✗ does not discriminate'}`,
      );
  }
  const byVerdict = new Map<string, number>();
  for (const e of entries) byVerdict.set(e.verdict, (byVerdict.get(e.verdict) ?? 0) + 1);
  const nc = Object.entries(c.noClaim);
  lines.push(
    '',
    `verdicts: ${[...byVerdict].map(([v, n]) => `${n} ${v}`).join(', ')}`,
    `accounting: ${c.units} units: ${c.claimed} tested by a claim, ${nc.reduce((a, [, n]) => a + n, 0)} no claim${
      nc.length ? ` (${nc.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''
    }, ${c.notCheckable} not checkable, ${c.unaccounted} unaccounted`,
  );
  for (const r of account.unaccounted.slice(0, 10))
    lines.push(`  unaccounted, line ${r.unit.line}: ${r.unit.text.replace(/\s+/g, ' ').slice(0, 100)} (hash ${r.unit.hash})`);
  if (account.unaccounted.length > 10) lines.push(`  … and ${account.unaccounted.length - 10} more (--skeleton accounting lists them all)`);
  for (const p of account.problems) lines.push(`  problem: ${p}`);
  return [`${lines.join('\n')}\n${tail}`, ok ? 0 : 1];
}

/** `gan-verify coverage`: each seed document's sentences, and which of them no entry accounts for. */
import { existsSync, readdirSync } from 'node:fs';
import { readRegularFile } from '../numeric/read-file.js';
import { basename, join, resolve } from 'node:path';
import { CATALOGUE } from '../claims/catalogue/index.js';
import { accountFor, builtInAccounting, skeleton, type CoverageReport } from '../claims/documents/accounting.js';
import { accountDocument } from '../claims/documents/author.js';
import { THIS_DOCUMENT } from '../claims/library/claim.js';
import { CliError, parseArgs } from './args.js';
import { existingDir, readAccountingFile, readTextDocument } from './files.js';
import { normalise } from '../claims/documents/split.js';

export const COVERAGE_HELP = `Usage: gan-verify coverage [--docs DIR] [--json] | --skeleton FILE | DOC.md --claims CLAIMS.ts [--json]

Accounts for every sentence of the seed documents: each has one entry in accounting/NNN.json — a claim
(the ledger's claims that check it), a no-claim (its kind: definition, notation, motivation, history,
example, code, instruction, question, heading, reference) or not-checkable (the reason). Prints per
document the sentences, claims, no-claims by kind, not-checkable, and the unaccounted sentences.

Options:
  --docs DIR   the seed documents (default ../shared/seeds, where it exists)
  --json       {"documents": [{"doc", "title", "sentences", "claims", "noClaim", "notCheckable", "unaccounted", "problems"}]}
  DOC.md --claims CLAIMS.ts [--accounting ACC.json]  an author's own document: the units no claim quotes
               (by position) and no accounting entry covers (gan-verify check does this and runs the checks)
  --skeleton FILE  print an accounting file for FILE with one entry per sentence (hash and first words),
               to be completed with claims, noClaim or notCheckable

Exit codes: 0 every sentence accounted for and no stale or wrong entry, 1 otherwise, 2 bad input.
`;

/** The seed documents' default folder: ../shared/seeds from the working folder, else beside the package; undefined if neither exists. */
export function defaultDocsDir(): string | undefined {
  return [resolve('..', 'shared', 'seeds'), new URL('../../../shared/seeds', import.meta.url).pathname].find((d) => existsSync(d));
}

/** The documents folder: --docs, else the default one. */
export function docsDir(cmd: string, given: string | undefined): string {
  if (given !== undefined) {
    existingDir(cmd, `--docs ${JSON.stringify(given)}`, given, 'give the folder that holds the documents');
    return given;
  }
  const d = defaultDocsDir();
  if (d !== undefined) return d;
  throw new CliError(`${cmd}: no seed documents found; point --docs at the folder that holds them (e.g. --docs ../shared/seeds)`);
}

export function coverageReports(dir: string): CoverageReport[] {
  const ids = new Set(CATALOGUE.map((c) => c.id));
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
    .sort()
    .map((f) => accountFor(f, readRegularFile(join(dir, f)), builtInAccounting(f), ids));
}

export async function runCoverage(argv: readonly string[]): Promise<[string, number]> {
  const cmd = 'gan-verify coverage';
  const args = parseArgs(cmd, argv, { help: 'flag', json: 'flag', docs: 'value', skeleton: 'value', claims: 'value', accounting: 'value' });
  if (args.flags.has('help')) return [COVERAGE_HELP, 0];
  const sk = args.values.get('skeleton');
  if (sk !== undefined) {
    const name = sk.split('/').pop() as string;
    return [`${JSON.stringify(skeleton(name, name, readTextDocument(cmd, '--skeleton', sk)), null, 1)}\n`, 0];
  }
  if (args.positionals.length > 0 || args.values.has('claims'))
    return await authorCoverage(cmd, args.positionals, args.values.get('claims'), args.flags.has('json'), args.values.get('accounting'));
  const reports = coverageReports(docsDir(cmd, args.values.get('docs')));
  const bad = reports.some((r) => r.unaccounted.length > 0 || r.problems.length > 0);
  if (args.flags.has('json')) return [`${JSON.stringify({ documents: reports }, null, 1)}\n`, bad ? 1 : 0];
  const lines = [
    `${'document'.padEnd(28)} ${'sentences'.padStart(9)} ${'claims'.padStart(7)} ${'no-claim'.padStart(9)} ${'not-checkable'.padStart(13)} ` +
      `${'unaccounted'.padStart(11)}`,
  ];
  for (const r of reports) {
    const nc = Object.values(r.noClaim).reduce((a, b) => a + b, 0);
    lines.push(
      `${r.doc.padEnd(28)} ${String(r.sentences).padStart(9)} ${String(r.claims).padStart(7)} ${String(nc).padStart(9)} ` +
        `${String(r.notCheckable).padStart(13)} ${String(r.unaccounted.length).padStart(11)}`,
    );
  }
  for (const r of reports) {
    if (Object.keys(r.noClaim).length)
      lines.push(
        '',
        `${r.doc} no-claim by kind: ${Object.entries(r.noClaim)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
    for (const p of r.problems) lines.push(`${r.doc}: ${p}`);
    const show = r.unaccounted.slice(0, 5);
    for (const u of show) lines.push(`${r.doc}:${u.line}: unaccounted: ${u.text.replace(/\s+/g, ' ').slice(0, 100)}`);
    if (r.unaccounted.length > show.length) lines.push(`${r.doc}: … and ${r.unaccounted.length - show.length} more unaccounted (--json lists them all)`);
  }
  return [`${lines.join('\n')}\n`, bad ? 1 : 0];
}

/**
 * An author's document against their claims file, with the accounting of `gan-verify check` (one
 * definition: documents/author.ts): a unit is accounted for when a claim's quote overlaps it (by
 * position) or --accounting has an entry for it; every other unit is listed.
 */
async function authorCoverage(cmd: string, positionals: string[], claimsFile: string | undefined, json: boolean, accFile?: string): Promise<[string, number]> {
  if (positionals.length !== 1) throw new CliError(`${cmd}: give one document (DOC.md) with --claims CLAIMS.ts; got ${positionals.length} documents`);
  const doc = positionals[0] as string;
  if (claimsFile === undefined) throw new CliError(`${cmd}: ${JSON.stringify(doc)} needs --claims CLAIMS.ts (the claims that check it)`);
  const docText = readTextDocument(cmd, 'DOC', doc);
  const accounting = accFile === undefined ? null : readAccountingFile(cmd, accFile);
  const { loadClaims } = await import('./load-claims.js');
  const name = basename(doc);
  const claims = (await loadClaims(claimsFile, cmd)).map((c) => (c.source.doc === THIS_DOCUMENT ? { ...c, source: { ...c.source, doc: name } } : c));
  let account: ReturnType<typeof accountDocument>;
  try {
    account = accountDocument(name, docText, claims, accounting);
  } catch (e) {
    throw new CliError(`${cmd}: ${(e as Error).message.replace(/^check: /, '')}`);
  }
  const open = account.unaccounted;
  const bad = open.length > 0 || account.problems.length > 0;
  if (json) {
    const unaccounted = open.map((r) => ({ line: r.unit.line, text: normalise(r.unit.text), hash: r.unit.hash }));
    return [
      `${JSON.stringify({ doc, sentences: account.units.length, claimed: account.counts.claimed, unaccounted, problems: account.problems }, null, 1)}\n`,
      bad ? 1 : 0,
    ];
  }
  const lines = [`${doc}: ${account.units.length} units, ${account.counts.claimed} quoted by a claim, ${open.length} not accounted for yet`];
  for (const r of account.units) {
    const kind = r.claims.length ? 'claim' : r.entry?.noClaim ? 'no-claim' : r.entry?.notCheckable ? 'n/c' : 'none';
    lines.push(
      `  ${kind.padEnd(8)} ${String(r.unit.line).padStart(3)}  ${normalise(r.unit.text).slice(0, 90)}${r.claims.length ? `  (${r.claims.join(', ')})` : ''}`,
    );
  }
  for (const p of account.problems) lines.push(`  problem: ${p}`);
  return [`${lines.join('\n')}\n`, bad ? 1 : 0];
}

/** `gan-verify coverage`: each seed document's sentences, and which of them no entry accounts for. */
import { existsSync, readdirSync } from 'node:fs';
import { readRegularFile } from '../numeric/read-file.js';
import { join, resolve } from 'node:path';
import { CATALOGUE } from '../claims/catalogue/index.js';
import { accountFor, builtInAccounting, skeleton, type CoverageReport } from '../claims/documents/accounting.js';
import { CliError, parseArgs } from './args.js';
import { existingDir } from './files.js';
import { normalise, splitDocument } from '../claims/documents/split.js';

export const COVERAGE_HELP = `Usage: gan-verify coverage [--docs DIR] [--json] | --skeleton FILE | DOC.md --claims CLAIMS.ts [--json]

Accounts for every sentence of the seed documents: each has one entry in accounting/NNN.json — a claim
(the ledger's claims that check it), a no-claim (its kind: definition, notation, motivation, history,
example, code, instruction, question, heading, reference) or not-checkable (the reason). Prints per
document the sentences, claims, no-claims by kind, not-checkable, and the unaccounted sentences.

Options:
  --docs DIR   the seed documents (default ../shared/seeds, where it exists)
  --json       {"documents": [{"doc", "title", "sentences", "claims", "noClaim", "notCheckable", "unaccounted", "problems"}]}
  DOC.md --claims CLAIMS.ts  an author's own document and claims file: the sentences of DOC.md that no
               claim quotes yet (a claim accounts for a sentence its quote contains, or that contains it)
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

/** A document the command reads: a regular text file, or one line naming the flag and why not. */
function readInput(cmd: string, flag: string, path: string): string {
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    const x = e as NodeJS.ErrnoException;
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} cannot be read (${x.code === 'ENOENT' ? 'it does not exist' : (x.code ?? x.message)})`);
  }
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} is not a UTF-8 text document (binary content)`);
  if (text.trim() === '') throw new CliError(`${cmd}: ${flag} ${JSON.stringify(path)} is empty: there is no sentence to account for`);
  return text;
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
  const args = parseArgs(cmd, argv, { help: 'flag', json: 'flag', docs: 'value', skeleton: 'value', claims: 'value' });
  if (args.flags.has('help')) return [COVERAGE_HELP, 0];
  const sk = args.values.get('skeleton');
  if (sk !== undefined) {
    const name = sk.split('/').pop() as string;
    return [`${JSON.stringify(skeleton(name, name, readInput(cmd, '--skeleton', sk)), null, 1)}\n`, 0];
  }
  if (args.positionals.length > 0 || args.values.has('claims'))
    return await authorCoverage(cmd, args.positionals, args.values.get('claims'), args.flags.has('json'));
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
 * An author's document against their claims file: a sentence is accounted for when a claim's quote
 * (normalised) contains it or it contains the quote; every other sentence is listed, so an author sees
 * the claims they have not written yet.
 */
async function authorCoverage(cmd: string, positionals: string[], claimsFile: string | undefined, json: boolean): Promise<[string, number]> {
  if (positionals.length !== 1) throw new CliError(`${cmd}: give one document (DOC.md) with --claims CLAIMS.ts; got ${positionals.length} documents`);
  const doc = positionals[0] as string;
  if (claimsFile === undefined) throw new CliError(`${cmd}: ${JSON.stringify(doc)} needs --claims CLAIMS.ts (the claims that check it)`);
  const docText = readInput(cmd, 'DOC', doc);
  const { loadClaims } = await import('./load-claims.js');
  const claims = await loadClaims(claimsFile);
  const quotes = claims.map((c) => ({ id: c.id, quote: normalise(c.source.quote.replace(/…/g, ' ')) }));
  const units = splitDocument(docText.replace(/^#+\s*/gm, ''));
  const rows = units.map((u) => {
    const t = normalise(u.text);
    const by = quotes.filter((q) => q.quote.includes(t) || t.includes(q.quote)).map((q) => q.id);
    return { line: u.line, text: t, claims: by };
  });
  const open = rows.filter((r) => r.claims.length === 0);
  if (json)
    return [`${JSON.stringify({ doc, sentences: rows.length, claimed: rows.length - open.length, unaccounted: open }, null, 1)}\n`, open.length ? 1 : 0];
  const lines = [`${doc}: ${rows.length} sentences, ${rows.length - open.length} quoted by a claim, ${open.length} not yet`];
  for (const r of rows)
    lines.push(
      `${r.claims.length ? '  claim  ' : '  none   '} ${String(r.line).padStart(3)}  ` +
        `${r.text.slice(0, 90)}${r.claims.length ? `  (${r.claims.join(', ')})` : ''}`,
    );
  return [`${lines.join('\n')}\n`, open.length ? 1 : 0];
}

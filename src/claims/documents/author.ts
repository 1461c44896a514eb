/**
 * Accounting for any document: every unit (parse.ts) needs an entry, and a claim whose quote
 * overlaps a unit's span is one (locate.ts); the others come from an accounting file (`noClaim`
 * with its kind, or `notCheckable` with the reason), matched by the hash of the unit's text, and
 * written first by `--skeleton`. An entry that matches no unit (the document changed) or that
 * claims ids no claim file gives is a problem.
 */
import type { AnyClaim } from '../define.js';
import type { AccountEntry, DocumentAccounting } from './accounting.js';
import { unitsOfQuotes } from './locate.js';
import { documentUnits, type DocUnit } from './parse.js';

export interface UnitAccount {
  unit: DocUnit;
  /** The claims whose quote overlaps the unit, in the claims file's order. */
  claims: string[];
  /** The accounting file's entry for it, if any. */
  entry?: AccountEntry;
}

export interface DocumentAccount {
  doc: string;
  units: UnitAccount[];
  /** Units with neither a claim nor an entry. */
  unaccounted: UnitAccount[];
  /** Stale entries, entries naming unknown claims, an entry twice. */
  problems: string[];
  counts: { units: number; claimed: number; noClaim: Record<string, number>; notCheckable: number; unaccounted: number };
}

/**
 * Accounts for every unit of `text`: quotes located (a quote not in the document throws a ClaimError
 * naming the claim), then entries matched by hash.
 */
export function accountDocument(doc: string, text: string, claims: readonly AnyClaim[], accounting: DocumentAccounting | null): DocumentAccount {
  const units = documentUnits(doc, text);
  const src = text.replace(/\r\n?/g, '\n');
  const hits = unitsOfQuotes(
    src,
    units,
    claims.map((c) => ({ id: c.id, quote: c.source.quote })),
    'check',
  );
  const problems: string[] = [];
  const byHash = new Map<string, AccountEntry>();
  const ids = new Set(claims.map((c) => c.id));
  for (const e of accounting?.entries ?? []) {
    if (byHash.has(e.hash)) problems.push(`two entries for one sentence: ${e.hash} ("${e.start}")`);
    byHash.set(e.hash, e);
    for (const id of e.claims ?? [])
      if (!ids.has(id)) problems.push(`the entry for "${e.start}" names claim ${JSON.stringify(id)}, which the claims file does not define`);
  }
  const hashes = new Set(units.map((u) => u.hash));
  for (const e of accounting?.entries ?? [])
    if (!hashes.has(e.hash)) problems.push(`stale entry: no sentence of the document has hash ${e.hash} ("${e.start}"): the document changed`);
  const rows: UnitAccount[] = units.map((unit) => ({ unit, claims: [] }));
  for (const c of claims) for (const i of hits.get(c.id) ?? []) (rows[i] as UnitAccount).claims.push(c.id);
  for (const r of rows) {
    const e = byHash.get(r.unit.hash);
    if (e === undefined) continue;
    r.entry = e;
    for (const id of e.claims ?? []) if (ids.has(id) && !r.claims.includes(id)) r.claims.push(id);
  }
  const unaccounted = rows.filter((r) => r.claims.length === 0 && (r.entry === undefined || r.entry.claims !== undefined));
  const noClaim: Record<string, number> = {};
  let notCheckable = 0;
  for (const r of rows) {
    if (r.claims.length > 0) continue;
    if (r.entry?.noClaim) noClaim[r.entry.noClaim.kind] = (noClaim[r.entry.noClaim.kind] ?? 0) + 1;
    else if (r.entry?.notCheckable) notCheckable++;
  }
  return {
    doc,
    units: rows,
    unaccounted,
    problems,
    counts: { units: rows.length, claimed: rows.filter((r) => r.claims.length > 0).length, noClaim, notCheckable, unaccounted: unaccounted.length },
  };
}

/** An accounting file for the units no claim quotes: one entry each (hash and first words) to complete with noClaim or notCheckable. */
export function accountingSkeleton(account: DocumentAccount, title: string): { doc: string; title: string; entries: { hash: string; start: string }[] } {
  const seen = new Set<string>();
  const entries: { hash: string; start: string }[] = [];
  for (const r of account.units) {
    if (r.claims.length > 0 || seen.has(r.unit.hash)) continue;
    seen.add(r.unit.hash);
    entries.push({ hash: r.unit.hash, start: r.unit.text.replace(/\s+/g, ' ').slice(0, 60) });
  }
  return { doc: account.doc, title, entries };
}

/** A claims file to start from: one commented stub per unit that no claim quotes yet. */
export function claimsSkeleton(account: DocumentAccount): string {
  const lines = [
    "import { claim, identity, inequality, derivative, optimum, divergence, game } from 'gan-verify/checks';",
    '',
    '// One stub per sentence of the document that no claim quotes yet. Keep the quote as it is in the',
    '// document; write what the sentence asserts as the statement; pick a check (see gan-verify/checks).',
    '// Sentences that assert nothing go into the accounting file (gan-verify check DOC --skeleton accounting).',
    'export default [',
  ];
  account.units.forEach((r, i) => {
    if (r.claims.length > 0 || r.unit.block === 'heading' || r.unit.block === 'code') return;
    const quote = r.unit.text.replace(/\s+/g, ' ');
    lines.push(
      `  // claim({`,
      `  //   id: 's${i + 1}',`,
      `  //   quote: ${JSON.stringify(quote.length > 120 ? quote.slice(0, 120) : quote)},`,
      `  //   statement: '…',`,
      `  //   ...identity({ lhs: '…', rhs: '…', vars: { x: 'real' } }),`,
      `  // }),`,
    );
  });
  lines.push('];', '');
  return lines.join('\n');
}

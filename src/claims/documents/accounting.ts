/**
 * Sentence accounting: every unit of a document (see split.ts) has exactly one entry, matched by the
 * hash of its normalised text — a `claim` naming the ledger's claims that check it, a `no-claim` with
 * its kind and a reason, or `not-checkable` with the reason. An entry whose hash matches no unit is
 * stale (the document changed); a unit without an entry is unaccounted.
 *
 * The data are JSON files, one per document, in `accounting/` at the package root:
 * `{ "doc": "004_f063a6daaec1512b.txt", "title": "…", "entries": [{ "hash", "start", … }] }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { show } from '../../theory/errors.js';
import { ClaimError } from '../define.js';
import { locateQuote } from './locate.js';
import { splitDocument, type Unit } from './split.js';

/** Why a unit makes no claim. `heading` and `reference` (a citation or link) extend the list. */
export const NO_CLAIM_KINDS = [
  'definition',
  'notation',
  'motivation',
  'history',
  'example',
  'code',
  'instruction',
  'question',
  'heading',
  'reference',
] as const;
export type NoClaimKind = (typeof NO_CLAIM_KINDS)[number];

export interface AccountEntry {
  /** sha256 of the unit's normalised text, first 12 hex digits. */
  hash: string;
  /** The unit's first words, for a reader (not used for matching). */
  start: string;
  claims?: string[];
  /**
   * Which part of the sentence each claim tests, where they differ: claim id → an exact substring of
   * the sentence. A claim of `claims` not listed here tests the whole sentence.
   */
  parts?: Record<string, string>;
  noClaim?: { kind: NoClaimKind; reason: string };
  notCheckable?: string;
}

export interface DocumentAccounting {
  doc: string;
  title: string;
  entries: AccountEntry[];
}

export interface CoverageReport {
  doc: string;
  title: string;
  sentences: number;
  claims: number;
  noClaim: Record<string, number>;
  notCheckable: number;
  unaccounted: { line: number; text: string; hash: string }[];
  /** Entries that are wrong: stale (no unit), several kinds at once, an unknown claim, a hash given twice. */
  problems: string[];
}

/** Checks an accounting file's shape; throws a ClaimError naming the entry. */
export function checkAccounting(raw: unknown, where: string): DocumentAccounting {
  const fn = 'accounting';
  const a = raw as DocumentAccounting;
  if (a === null || typeof a !== 'object' || typeof a.doc !== 'string' || typeof a.title !== 'string' || !Array.isArray(a.entries))
    throw new ClaimError(fn, where, `must be { doc, title, entries: [...] }; got ${show(raw)}`);
  a.entries.forEach((e, i) => {
    const at = `${where}: entries[${i}]`;
    if (e === null || typeof e !== 'object' || typeof e.hash !== 'string' || !/^[0-9a-f]{12}$/.test(e.hash) || typeof e.start !== 'string')
      throw new ClaimError(fn, at, `must have a 12-digit hex hash and a start; got ${show(e)}`);
    const kinds = [e.claims !== undefined, e.noClaim !== undefined, e.notCheckable !== undefined].filter(Boolean).length;
    if (kinds !== 1) throw new ClaimError(fn, at, `(${e.start}) must be exactly one of claims, noClaim, notCheckable; got ${kinds}`);
    if (e.claims !== undefined && (!Array.isArray(e.claims) || e.claims.length === 0 || !e.claims.every((c) => typeof c === 'string')))
      throw new ClaimError(fn, `${at}.claims`, `must be a non-empty list of claim ids; got ${show(e.claims)}`);
    if (
      e.noClaim !== undefined &&
      (!(NO_CLAIM_KINDS as readonly string[]).includes(e.noClaim?.kind) || typeof e.noClaim.reason !== 'string' || e.noClaim.reason === '')
    )
      throw new ClaimError(fn, `${at}.noClaim`, `must be { kind: ${NO_CLAIM_KINDS.join(' | ')}, reason }; got ${show(e.noClaim)}`);
    if (e.parts !== undefined) {
      if (e.claims === undefined || e.parts === null || typeof e.parts !== 'object' || Array.isArray(e.parts))
        throw new ClaimError(fn, `${at}.parts`, `must be { claim id: part of the sentence } beside claims; got ${show(e.parts)}`);
      for (const [id, part] of Object.entries(e.parts)) {
        if (!e.claims.includes(id)) throw new ClaimError(fn, `${at}.parts`, `names ${JSON.stringify(id)}, which is not in the entry's claims`);
        if (typeof part !== 'string' || part.trim() === '') throw new ClaimError(fn, `${at}.parts.${id}`, `must be a part of the sentence; got ${show(part)}`);
      }
    }
    if (e.notCheckable !== undefined && (typeof e.notCheckable !== 'string' || e.notCheckable === ''))
      throw new ClaimError(fn, `${at}.notCheckable`, `must be the reason; got ${show(e.notCheckable)}`);
  });
  return a;
}

/** Accounts for every unit of a document's text against its entries and the known claim ids. */
export function accountFor(doc: string, text: string, accounting: DocumentAccounting | null, claimIds: ReadonlySet<string>): CoverageReport {
  const units = splitDocument(text);
  const entries = accounting?.entries ?? [];
  const byHash = new Map<string, AccountEntry>();
  const problems: string[] = [];
  for (const e of entries) {
    if (byHash.has(e.hash)) problems.push(`two entries for one sentence: ${e.hash} (${e.start})`);
    byHash.set(e.hash, e);
    for (const id of e.claims ?? []) if (!claimIds.has(id)) problems.push(`unknown claim ${JSON.stringify(id)} in the entry for "${e.start}"`);
  }
  const hashes = new Set(units.map((u) => u.hash));
  for (const e of entries)
    if (!hashes.has(e.hash)) problems.push(`stale entry: no sentence of the document has hash ${e.hash} ("${e.start}"): the document changed`);
  // a part is found as a quote is (whitespace runs equal), so the annotated page finds every part this accepts
  for (const u of units) {
    const e = byHash.get(u.hash);
    for (const [id, part] of Object.entries(e?.parts ?? {}))
      if (locateQuote(u.text, part) === null)
        problems.push(`the part given for ${id} in the entry for "${e?.start}" is not in the sentence: ${JSON.stringify(part)}`);
  }
  const noClaim: Record<string, number> = {};
  let claims = 0;
  let notCheckable = 0;
  const unaccounted: Unit[] = [];
  for (const u of units) {
    const e = byHash.get(u.hash);
    if (e === undefined) unaccounted.push(u);
    else if (e.claims) claims++;
    else if (e.noClaim) noClaim[e.noClaim.kind] = (noClaim[e.noClaim.kind] ?? 0) + 1;
    else notCheckable++;
  }
  return {
    doc,
    title: accounting?.title ?? doc,
    sentences: units.length,
    claims,
    noClaim,
    notCheckable,
    unaccounted: unaccounted.map((u) => ({ line: u.line, text: u.text, hash: u.hash })),
    problems,
  };
}

/** The accounting file of a seed document (accounting/NNN.json at the package root), or null. */
export function builtInAccounting(doc: string): DocumentAccounting | null {
  const url = new URL(`../../../accounting/${doc.slice(0, 3)}.json`, import.meta.url);
  if (!existsSync(url)) return null;
  return checkAccounting(JSON.parse(readFileSync(url, 'utf8')), `accounting/${doc.slice(0, 3)}.json`);
}

/** A skeleton accounting for a document: one entry per distinct unit, to be filled in by a reader. */
export function skeleton(doc: string, title: string, text: string): { doc: string; title: string; entries: { hash: string; start: string }[] } {
  const seen = new Set<string>();
  const entries = [];
  for (const u of splitDocument(text)) {
    if (seen.has(u.hash)) continue;
    seen.add(u.hash);
    entries.push({ hash: u.hash, start: u.text.replace(/\s+/g, ' ').slice(0, 48) });
  }
  return { doc, title, entries };
}

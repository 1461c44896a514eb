/**
 * The ledger as JUnit XML, for CI systems that show test reports (GitLab, Jenkins, GitHub
 * Actions' test reporters). One <testcase> per claim, classname `gan-verify.claims.<document>`:
 * - every case carries its verdict, expected verdict, evidence (and interval, controls) as
 *   <property> elements;
 * - a claim whose verdict is the expected one passes; `not-checkable` ones are <skipped/>;
 * - a verdict other than the expected one is a <failure>;
 * - a check that threw is an <error> (the check is broken; that is not a refutation).
 * Text is escaped for XML 1.0, and characters XML cannot hold (control characters other than tab,
 * newline and carriage return, lone surrogates) are replaced by U+FFFD.
 */
import { checkEntries, checkObject } from './check-args.js';
import { ClaimError } from './define.js';
import { show } from '../theory/errors.js';
import { showControls, showInterval, type LedgerMeta } from './report.js';
import type { LedgerEntry } from './runner.js';

/** Escapes text for XML attribute values and character data. */
export function xmlEscape(s: string): string {
  if (typeof s !== 'string') throw new ClaimError('xmlEscape', 's', `must be a string; got ${show(s)}`);
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The ledger as one JUnit XML <testsuite>, one <testcase> per claim: the expected verdict passes (`not-checkable` is skipped),
 * another verdict is a <failure>, a check that threw an <error>.
 * @throws {@link ClaimError} when `entries` are not ledger entries or `meta` lacks `shard` or `seconds`.
 */
export function junitXml(entries: readonly LedgerEntry[], meta: LedgerMeta): string {
  checkEntries('junitXml', entries);
  checkObject('junitXml', 'meta', meta, ['shard', 'seconds'], 'the ledger meta');
  const x = xmlEscape;
  const errors = entries.filter((e) => e.error !== undefined).length;
  const failures = entries.filter((e) => !e.agrees && e.error === undefined).length;
  const skipped = entries.filter((e) => e.agrees && e.verdict === 'not-checkable').length;
  const cases = entries.map((e) => {
    const props: [string, string][] = [
      ['verdict', e.verdict],
      ['expected', e.expected ?? '—'],
      ['evidence', e.evidence],
      ...(e.interval ? [['interval', showInterval(e.interval)] as [string, string]] : []),
      ...(e.controls ? [['controls', showControls(e)] as [string, string]] : []),
    ];
    const properties = `\n    <properties>${props.map(([k, v]) => `<property name="${x(k)}" value="${x(v)}"/>`).join('')}</properties>`;
    let outcome = '';
    if (e.error !== undefined) outcome = `\n    <error message="${x(e.error)}" type="CheckError">${x(e.error)}</error>`;
    else if (!e.agrees)
      outcome = `\n    <failure message="${x(`verdict ${e.verdict}, expected ${e.expected ?? '—'}`)}" type="VerdictMismatch">${x(e.evidence)}</failure>`;
    else if (e.verdict === 'not-checkable') outcome = `\n    <skipped message="${x(e.evidence)}"/>`;
    return `  <testcase classname="gan-verify.claims.${x(e.doc)}" name="${x(e.id)}" time="${e.seconds.toFixed(3)}">${properties}${outcome}\n  </testcase>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="gan-verify claims${meta.shard ? ` shard ${x(meta.shard)}` : ''}" tests="${entries.length}" ` +
    `failures="${failures}" errors="${errors}" skipped="${skipped}" time="${meta.seconds.toFixed(3)}">\n${cases.join('\n')}\n</testsuite>\n`
  );
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/claims/catalogue/index.js';
import { ClaimError, defineClaim, verdictOf, verdictOfInterval, type AnyClaim, type Verdict } from '../src/claims/define.js';
import { conditionsFrom, gridOf, gridVerdict } from '../src/claims/checks/robustness.js';
import { sequential } from '../src/claims/experiments.js';
import { guarantees, pureSaddles, solveMixed } from '../src/claims/games.js';
import { ledgerJson, LEDGER_SCHEMA } from '../src/claims/report.js';
import { junitXml, xmlEscape } from '../src/claims/junit.js';
import { makeContext, runClaim, runLedger, shard } from '../src/claims/runner.js';
import { rational, type Rational } from '../src/theory/rational.js';

const DOCS = ['000_3ee4abfec5abb774.txt', '001_74b80b0836e81b2a.txt', '002_1e9b12e68fa134a2.txt', '003_cf77f3856df2833f.txt', '004_f063a6daaec1512b.txt'];
const r = (n: number, d = 1) => rational(BigInt(n), BigInt(d));

describe('the catalogue', () => {
  it('covers every document: ≥ 30 checkable claims, ≥ 3 per document, unique ids, every verdict kind', () => {
    const checkable = CATALOGUE.filter((c) => c.method !== 'none');
    expect(checkable.length).toBeGreaterThanOrEqual(30);
    for (const doc of DOCS) expect(checkable.filter((c) => c.source.doc === doc).length).toBeGreaterThanOrEqual(3);
    expect(new Set(CATALOGUE.map((c) => c.id)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((c) => c.expected))).toEqual(
      new Set(['holds', 'holds-under-conditions', 'imprecise', 'refuted', 'inconclusive', 'not-checkable']),
    );
    // every checkable claim comes with a deliberately wrong subject
    for (const c of checkable) expect(c.mutant, c.id).toBeDefined();
  });

  const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))('quotes the documents exactly (parts between … are verbatim)', () => {
    const norm = (s: string) => s.replace(/\s+/g, ' ');
    for (const c of CATALOGUE) {
      const text = norm(readFileSync(join(seeds, c.source.doc), 'utf8'));
      for (const part of c.source.quote
        .split('…')
        .map((p) => norm(p).trim())
        .filter(Boolean))
        expect(text.includes(part), `${c.id}: ${part}`).toBe(true);
    }
  });
});

describe('every exact, Monte Carlo and trainer check can fail', () => {
  const quickCtx = (id: string) => makeContext(id, { quick: true, seed: 0, cache: new Map() });
  for (const claim of CATALOGUE.filter((c) => c.method !== 'none' && c.method !== 'population')) {
    it(`${claim.id}: subject → ${claim.expected}; mutant (${claim.mutant?.description}) → another verdict`, async () => {
      const good = await runClaim(claim, quickCtx(claim.id));
      expect(good.error).toBeUndefined();
      expect(good.verdict).toBe(claim.expected);
      const bad = await runClaim(claim, quickCtx(claim.id), 'mutant');
      expect(bad.error).toBeUndefined();
      expect(bad.verdict).not.toBe(claim.expected);
      if (claim.method === 'trainer') expect(claim.positive, 'trainer claims have a positive control').toBeDefined();
      if (claim.positive) expect((await runClaim(claim, quickCtx(claim.id), 'positive')).verdict, 'the positive control says holds').toBe('holds');
    });
  }
});

describe('interval verdicts', () => {
  it('verdictOfInterval decides from the interval alone', () => {
    expect(verdictOfInterval({ low: 0.6, high: 0.9 }, 0.5, 'above')).toBe('holds');
    expect(verdictOfInterval({ low: 0.1, high: 0.4 }, 0.5, 'above')).toBe('refuted');
    expect(verdictOfInterval({ low: 0.4, high: 0.6 }, 0.5, 'above')).toBe('inconclusive');
    expect(verdictOfInterval({ low: -0.3, high: -0.1 }, 0, 'below')).toBe('holds');
    expect(verdictOfInterval({ low: 0.1, high: 0.3 }, 0, 'below')).toBe('refuted');
    expect(() => verdictOfInterval({ low: 1, high: 0 }, 0, 'below')).toThrow(/verdictOfInterval: interval must be \{ low ≤ high \}/);
    expect(() => verdictOfInterval({ low: 0, high: 1 }, Number.NaN, 'below')).toThrow(/threshold must be a number/);
  });
  it('the robustness grid computes its conditions from the cells', () => {
    const cells = gridOf({ lr: [0.01, 0.001], steps: [1000, 3000] }).map((settings) => ({
      settings,
      verdict: (settings.lr === 0.001 ? 'holds' : 'refuted') as Verdict,
    }));
    expect(gridVerdict(cells)).toBe('holds-under-conditions');
    expect(conditionsFrom(cells)).toBe('holds for lr = 0.001; not for (lr 0.01, steps 1000: refuted), (lr 0.01, steps 3000: refuted)');
    const one = cells.map((c, i) => ({ ...c, verdict: (i === 3 ? 'holds' : 'refuted') as Verdict }));
    expect(conditionsFrom(one)).toBe(
      'holds for lr = 0.001 and steps = 3000; not for (lr 0.01, steps 1000: refuted), (lr 0.01, steps 3000: refuted), (lr 0.001, steps 1000: refuted)',
    );
    expect(gridVerdict(cells.map((c) => ({ ...c, verdict: 'refuted' as Verdict })))).toBe('refuted');
  });
  it('sequential looks grow the population only while the interval straddles, at a Bonferroni-adjusted level', async () => {
    const ctx = makeContext('seq', { quick: false, seed: 0, cache: new Map() });
    const sizes: number[] = [];
    const levels: number[] = [];
    // a fake population: its "members" are the sizes asked for; the look is inconclusive below 100
    const fake = {
      preset: 'seed-toy',
      population: [8, 32] as [number, number],
      stages: [[8], [32, 100, 400]] as [number[], number[]],
      steps: [1, 1] as [number, number],
    };
    const r = await sequential(ctx, fake, (pop, level) => {
      sizes.push(pop.final.length);
      levels.push(level);
      return {
        verdict: pop.final.length >= 100 ? 'holds' : 'inconclusive',
        interval: { statistic: 's', estimate: 0, low: 0, high: 0, level, n: pop.final.length },
      };
    });
    expect(sizes).toEqual([32, 100]);
    expect(levels.every((l) => Math.abs(l - (1 - 0.05 / 3)) < 1e-15)).toBe(true);
    expect(r.verdict).toBe('holds');
    expect(r.looks).toBe(2);
  });
});

describe('verdict rules', () => {
  it('verdictOf', () => {
    expect(verdictOf({ asStated: true })).toBe('holds');
    expect(verdictOf({ asStated: false, underConditions: true })).toBe('holds-under-conditions');
    expect(verdictOf({ asStated: false, corrected: true })).toBe('imprecise');
    expect(verdictOf({ asStated: false })).toBe('refuted');
  });

  it('defineClaim names the bad field', () => {
    const base = {
      id: 'ok-id',
      source: { doc: 'd', quote: 'q' },
      statement: 's',
      method: 'exact' as const,
      expected: 'holds' as const,
      subject: 1,
      check: () => ({ verdict: 'holds' as const, evidence: '', numbers: {} }),
    };
    expect(() => defineClaim({ ...base, id: 'Bad Id' })).toThrow(/defineClaim: id must be 2–63 lowercase letters, digits or dashes; got "Bad Id"/);
    expect(() => defineClaim({ ...base, expected: 'true' as never })).toThrow(ClaimError);
    expect(() => defineClaim({ ...base, method: 'none' })).toThrow(/'none' goes with expected 'not-checkable'/);
  });

  it('a check that throws or returns a bad verdict is reported, not hidden', async () => {
    const thrower = defineClaim({
      id: 'throws',
      source: { doc: 'd', quote: 'q' },
      statement: 's',
      method: 'exact',
      expected: 'holds',
      subject: 0,
      check: () => {
        throw new Error('boom');
      },
    });
    const e = await runClaim(thrower as AnyClaim, makeContext('throws', { quick: true, seed: 0, cache: new Map() }));
    expect(e).toMatchObject({ verdict: 'error', agrees: false, error: 'boom' });
    const nan = defineClaim({
      id: 'nan-number',
      source: { doc: 'd', quote: 'q' },
      statement: 's',
      method: 'exact',
      expected: 'holds',
      subject: 0,
      check: () => ({ verdict: 'holds', evidence: '', numbers: { x: Number.NaN } }),
    });
    const n = await runClaim(nan as AnyClaim, makeContext('nan-number', { quick: true, seed: 0, cache: new Map() }));
    expect(n.error).toMatch(/numbers\.x must be a number \(not NaN\)/);
  });
});

describe('exact matrix games', () => {
  it('rock–paper–scissors: value 0, uniform strategies, no pure saddle point', () => {
    const A = [
      [r(0), r(-1), r(1)],
      [r(1), r(0), r(-1)],
      [r(-1), r(1), r(0)],
    ];
    const s = solveMixed(A);
    expect(s.value).toEqual(r(0));
    expect(s.row).toEqual([r(1, 3), r(1, 3), r(1, 3)]);
    expect(s.col).toEqual([r(1, 3), r(1, 3), r(1, 3)]);
    expect(pureSaddles(A)).toEqual([]);
  });
  it('a 2×2 game solved by hand: [[3, −1], [−2, 1]] has value 1/7 with x = (3/7, 4/7), y = (2/7, 5/7)', () => {
    const A = [
      [r(3), r(-1)],
      [r(-2), r(1)],
    ];
    const s = solveMixed(A);
    expect(s.value).toEqual(r(1, 7));
    expect(s.row).toEqual([r(3, 7), r(4, 7)]);
    expect(s.col).toEqual([r(2, 7), r(5, 7)]);
    const g = guarantees(A, s.row as Rational[], s.col as Rational[]);
    expect(g.rowFloor).toEqual(r(1, 7));
    expect(g.colCeiling).toEqual(r(1, 7));
  });
  it('a game with a pure saddle point', () => {
    expect(
      pureSaddles([
        [r(2), r(3)],
        [r(1), r(4)],
      ]),
    ).toEqual([[0, 0]]);
  });
});

describe('ledger outputs', () => {
  const mine = defineClaim({
    id: 'always-two',
    source: { doc: 'notes', quote: '1 + 1 = 2' },
    statement: '1 + 1 against the subject',
    method: 'exact',
    expected: 'holds',
    subject: 3,
    check: (s: number) => ({ verdict: verdictOf({ asStated: 1 + 1 === s }), evidence: `1 + 1 vs ${s}`, numbers: { subject: s } }),
  });

  it('the --json ledger has the documented schema; JUnit marks the disagreeing claim', async () => {
    const claims = [...CATALOGUE.filter((c) => c.id === 'optimal-discriminator' || c.id === 'diffusion-replaced-gans'), mine as AnyClaim];
    const entries = await runLedger(claims, { quick: true, seed: 7 });
    const meta = { seed: 7, quick: true, shard: null, backend: 'cpu', seconds: 1 };
    const j = JSON.parse(ledgerJson(entries, meta));
    expect(j).toMatchObject({ schema: LEDGER_SCHEMA, seed: 7, quick: true, total: 3, agree: 2, disagree: ['always-two'] });
    for (const c of j.claims) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'doc', 'quote', 'statement', 'method', 'expected', 'verdict', 'agrees', 'evidence', 'numbers', 'seconds', 'plots']),
      );
      expect(typeof c.evidence).toBe('string');
    }
    expect(j.claims[2]).toMatchObject({ id: 'always-two', verdict: 'refuted', agrees: false, numbers: { subject: 3 } });
    const xml = junitXml(entries, meta);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(3);
    expect((xml.match(/<failure /g) ?? []).length).toBe(1);
    expect(xml).toContain('name="always-two"');
  });

  it('JUnit: passing cases carry verdict and evidence as properties, not-checkable is <skipped/>, a check that threw is an <error>', async () => {
    const broken = defineClaim({
      id: 'throws',
      source: { doc: 'notes', quote: 'x' },
      statement: 'a check with a bug',
      method: 'exact',
      expected: 'holds',
      subject: 0,
      check: () => {
        throw new Error('bug <&> "here"');
      },
    });
    const claims = [...CATALOGUE.filter((c) => c.id === 'optimal-discriminator' || c.id === 'diffusion-replaced-gans'), mine as AnyClaim, broken as AnyClaim];
    const xml = junitXml(await runLedger(claims, { quick: true, seed: 7 }), { seed: 7, quick: true, shard: null, backend: 'cpu', seconds: 1 });
    expect(xml).toMatch(/<testsuite [^>]*tests="4" failures="1" errors="1" skipped="1"/);
    const cases = Object.fromEntries([...xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/testcase>/g)].map((m) => [m[1], m[2] as string]));
    expect(cases['optimal-discriminator']).toMatch(
      /<property name="verdict" value="holds"\/><property name="expected" value="holds"\/><property name="evidence" value="[^"]+"\/>/,
    );
    expect(cases['optimal-discriminator']).not.toMatch(/<failure|<error|<skipped/);
    expect(cases['diffusion-replaced-gans']).toMatch(/<skipped message=/);
    expect(cases['always-two']).toMatch(/<failure message="verdict refuted, expected holds"/);
    expect(cases.throws).toMatch(/<error message="[^"]*bug &lt;&amp;&gt; &quot;here&quot;[^"]*" type="CheckError">/);
    expect(cases.throws).not.toMatch(/<failure/);
  });

  it('xmlEscape: the unescaped text is the original (invalid XML characters replaced), with no raw markup left', () => {
    const unesc = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const valid = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = xmlEscape(s);
        expect(e).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
        expect(unesc(e)).toBe(valid(s));
      }),
    );
  });

  it('shards partition the ledger', () => {
    const ids = CATALOGUE.map((c) => c.id);
    const parts = [1, 2, 3].map((i) => shard(ids, i, 3));
    expect(parts.flat().sort()).toEqual([...ids].sort());
    expect(parts[0]?.some((id) => parts[1]?.includes(id))).toBe(false);
  });

  it('same seed, same ledger bytes (timings aside)', async () => {
    const claims = CATALOGUE.filter((c) => ['optimal-discriminator-is-bayes-posterior', 'von-neumann-minimax'].includes(c.id));
    const strip = (es: Awaited<ReturnType<typeof runLedger>>) => JSON.stringify(es.map(({ seconds: _seconds, ...e }) => e));
    expect(strip(await runLedger(claims, { quick: true, seed: 3 }))).toBe(strip(await runLedger(claims, { quick: true, seed: 3 })));
  });
});

/**
 * Robustness of a training verdict: the check is rerun over a small grid of reasonable settings
 * (learning rate, steps, batch size). Where the verdict is the same in every cell it stands; where
 * it changes, the verdict is `holds-under-conditions` and the conditions are computed from the
 * cells, never written by hand.
 */
import { ClaimError, VERDICTS, type GridCell, type Verdict } from '../define.js';
import { show } from '../../theory/errors.js';

function checkCells(fn: string, cells: unknown): void {
  if (!Array.isArray(cells) || cells.length === 0) throw new ClaimError(fn, 'cells', `must be a non-empty array of { settings, verdict }; got ${show(cells)}`);
  cells.forEach((c, i) => {
    if (
      c === null ||
      typeof c !== 'object' ||
      typeof (c as GridCell).settings !== 'object' ||
      (c as GridCell).settings === null ||
      !(VERDICTS as readonly unknown[]).includes((c as GridCell).verdict)
    ) {
      throw new ClaimError(fn, `cells[${i}]`, `must be { settings, verdict }; got ${show(c)}`);
    }
  });
}

/** Every combination of the axes' values, in order (the first axis varies slowest). */
export function gridOf(axes: Record<string, readonly (number | string)[]>): Record<string, number | string>[] {
  if (axes === null || typeof axes !== 'object' || Array.isArray(axes))
    throw new ClaimError('gridOf', 'axes', `must be { name: [values…] }; got ${show(axes)}`);
  for (const [k, vs] of Object.entries(axes)) {
    if (!Array.isArray(vs) || vs.length === 0 || !vs.every((v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string'))
      throw new ClaimError('gridOf', `axes.${k}`, `must be a non-empty list of numbers or strings; got ${show(vs)}`);
  }
  const cells = Object.values(axes).reduce((a, vs) => a * vs.length, 1);
  if (cells > 100_000) throw new ClaimError('gridOf', 'axes', `make ${cells.toLocaleString('en-US')} cells; at most 100,000 are allowed`);
  let out: Record<string, number | string>[] = [{}];
  for (const [k, vs] of Object.entries(axes)) out = out.flatMap((c) => vs.map((v) => ({ ...c, [k]: v })));
  return out;
}

const cellText = (s: Record<string, number | string>) =>
  Object.entries(s)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/**
 * The conditions under which the claim holds on the grid, in words. When the holding cells are
 * exactly a product of per-axis subsets they are named per axis ("lrD ∈ {0.001} and steps ∈
 * {3000}"); otherwise the holding cells are listed.
 */
export function conditionsFrom(cells: readonly GridCell[]): string {
  checkCells('conditionsFrom', cells);
  const holds = cells.filter((c) => c.verdict === 'holds');
  const fails = cells.filter((c) => c.verdict !== 'holds');
  if (holds.length === 0) return 'in no cell of the grid';
  if (fails.length === 0) return 'in every cell of the grid';
  const axes = Object.keys(cells[0]?.settings ?? {});
  const subset = axes.map((a) => [a, [...new Set(holds.map((c) => c.settings[a] as number | string))]] as const);
  const product = subset.reduce((n, [, vs]) => n * vs.length, 1);
  const inProduct = (c: GridCell) => subset.every(([a, vs]) => vs.includes(c.settings[a] as number | string));
  const exact = product === holds.length && cells.filter(inProduct).length === holds.length;
  const all = (a: string) => new Set(cells.map((c) => c.settings[a])).size;
  const where = exact
    ? subset
        .filter(([a, vs]) => vs.length < all(a))
        .map(([a, vs]) => (vs.length === 1 ? `${a} = ${vs[0]}` : `${a} ∈ {${vs.join(', ')}}`))
        .join(' and ')
    : holds.map((c) => `(${cellText(c.settings)})`).join(', ');
  return `holds for ${where}; not for ${fails.map((c) => `(${cellText(c.settings)}: ${c.verdict})`).join(', ')}`;
}

/** The verdict over a grid: the common verdict, or holds-under-conditions when it holds somewhere but not everywhere. */
export function gridVerdict(cells: readonly GridCell[]): Verdict {
  checkCells('gridVerdict', cells);
  const vs = new Set(cells.map((c) => c.verdict));
  if (vs.size === 1) return cells[0]?.verdict as Verdict;
  if (vs.has('holds')) return 'holds-under-conditions';
  return vs.has('refuted') && !vs.has('inconclusive') ? 'refuted' : 'inconclusive';
}

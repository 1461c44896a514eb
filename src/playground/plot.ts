/** Small SVG plots for the playground: lines, bands, bars, points and horizontal reference lines. */

export interface Series {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  color: string;
  label: string;
  dash?: boolean;
  /** Draw as bars (histograms) instead of a line. */
  bars?: boolean;
  /** Draw as points (2-D samples). */
  points?: boolean;
}

export interface Band {
  xs: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  color: string;
  label: string;
}

export interface PlotSpec {
  title: string;
  series: Series[];
  bands?: Band[];
  hlines?: { y: number; label: string }[];
  xRange?: [number, number];
  yRange?: [number, number];
}

const W = 420;
const H = 220;
const M = { l: 44, r: 10, t: 22, b: 34 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const finite = (xs: ArrayLike<number>) => Array.from(xs).filter((x) => Number.isFinite(x));
const fmt = (x: number) => (Math.abs(x) >= 1000 || (Math.abs(x) < 0.01 && x !== 0) ? x.toExponential(1) : String(Number(x.toPrecision(3))));

/** The plot as an SVG string (also what the tests read). */
export function svg(spec: PlotSpec): string {
  const xsAll = [...spec.series.flatMap((s) => finite(s.xs)), ...(spec.bands ?? []).flatMap((b) => finite(b.xs))];
  const ysAll = [
    ...spec.series.flatMap((s) => finite(s.ys)),
    ...(spec.bands ?? []).flatMap((b) => [...finite(b.lo), ...finite(b.hi)]),
    ...(spec.hlines ?? []).map((h) => h.y),
  ];
  let [x0, x1] = spec.xRange ?? [Math.min(...xsAll), Math.max(...xsAll)];
  let [y0, y1] = spec.yRange ?? [Math.min(0, ...ysAll), Math.max(...ysAll)];
  if (!Number.isFinite(x0) || !Number.isFinite(x1)) [x0, x1] = [0, 1];
  if (!Number.isFinite(y0) || !Number.isFinite(y1)) [y0, y1] = [0, 1];
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const X = (x: number) => M.l + ((x - x0) / (x1 - x0)) * (W - M.l - M.r);
  const Y = (y: number) => H - M.b - ((y - y0) / (y1 - y0)) * (H - M.t - M.b);
  const parts: string[] = [];
  parts.push(`<rect x="${M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="#fff" stroke="#ccc"/>`);
  for (const b of spec.bands ?? []) {
    const up = Array.from(b.xs, (x, i) => `${X(x).toFixed(1)},${Y(b.hi[i] as number).toFixed(1)}`);
    const down = Array.from(b.xs, (x, i) => `${X(x).toFixed(1)},${Y(b.lo[i] as number).toFixed(1)}`).reverse();
    parts.push(`<polygon class="band" points="${[...up, ...down].join(' ')}" fill="${b.color}" fill-opacity="0.25" stroke="none"/>`);
  }
  for (const h of spec.hlines ?? []) {
    parts.push(`<line x1="${M.l}" x2="${W - M.r}" y1="${Y(h.y).toFixed(1)}" y2="${Y(h.y).toFixed(1)}" stroke="#888" stroke-dasharray="2,3"/>`);
    parts.push(`<text x="${W - M.r - 2}" y="${(Y(h.y) - 3).toFixed(1)}" font-size="10" text-anchor="end" fill="#666">${esc(h.label)}</text>`);
  }
  for (const s of spec.series) {
    const n = s.xs.length;
    if (s.bars) {
      const w = n > 1 ? Math.abs(X(s.xs[1] as number) - X(s.xs[0] as number)) : 4;
      for (let i = 0; i < n; i++) {
        const y = s.ys[i] as number;
        parts.push(
          `<rect x="${(X(s.xs[i] as number) - w / 2).toFixed(1)}" y="${Y(y).toFixed(1)}" width="${Math.max(1, w - 1).toFixed(1)}" ` +
            `height="${(Y(y0) - Y(y)).toFixed(1)}" fill="${s.color}" fill-opacity="0.6"/>`,
        );
      }
    } else if (s.points) {
      for (let i = 0; i < n; i++)
        parts.push(`<circle cx="${X(s.xs[i] as number).toFixed(1)}" cy="${Y(s.ys[i] as number).toFixed(1)}" r="1.6" fill="${s.color}" fill-opacity="0.6"/>`);
    } else {
      const pts = Array.from(s.xs, (x, i) => [x, s.ys[i] as number]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
      parts.push(
        `<polyline class="series" points="${pts.map(([x, y]) => `${X(x as number).toFixed(1)},${Y(y as number).toFixed(1)}`).join(' ')}" fill="none" ` +
          `stroke="${s.color}" stroke-width="1.6"${s.dash ? ' stroke-dasharray="5,3"' : ''}/>`,
      );
    }
  }
  const ticks = (a: number, b: number) => [a, (a + b) / 2, b];
  for (const t of ticks(x0, x1)) parts.push(`<text x="${X(t).toFixed(1)}" y="${H - M.b + 14}" font-size="10" text-anchor="middle">${fmt(t)}</text>`);
  for (const t of ticks(y0, y1)) parts.push(`<text x="${M.l - 4}" y="${(Y(t) + 3).toFixed(1)}" font-size="10" text-anchor="end">${fmt(t)}</text>`);
  const legend = [...spec.series, ...(spec.bands ?? [])]
    .map((s) => `<tspan fill="${s.color}">■ ${esc(s.label)}</tspan>`)
    .join('<tspan fill="#666"> · </tspan>');
  parts.push(`<text x="${M.l + 4}" y="${H - 6}" font-size="10">${legend}</text>`);
  parts.push(`<text x="${M.l}" y="14" font-size="12" font-weight="600">${esc(spec.title)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

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

/** Values on a grid drawn as coloured cells under the series (D over the plane). */
export interface Heat {
  /** The grid's x values (nx) and y values (ny), increasing. */
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** z[i·ny + j] at (xs[i], ys[j]). */
  z: ArrayLike<number>;
  /** The values at the two ends of the colour scale (blue at lo, white midway, red at hi). */
  lo: number;
  hi: number;
  label: string;
}

export interface PlotSpec {
  title: string;
  series: Series[];
  bands?: Band[];
  heat?: Heat;
  hlines?: { y: number; label: string }[];
  xRange?: [number, number];
  yRange?: [number, number];
  /** Axis titles. */
  xLabel?: string;
  yLabel?: string;
  /** One unit is as long on both axes (2-D targets: a ring is drawn round). */
  equal?: boolean;
}

const W = 420;
const H = 240;
const M = { l: 50, r: 10, t: 22, b: 46 };

/** Round numbers covering [a, b]: steps of 1, 2 or 5 × 10^k, about five of them. */
export function niceTicks(a: number, b: number, count = 5): number[] {
  const raw = (b - a) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let t = Math.ceil(a / step - 1e-9) * step; t <= b + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/** Blue (lo) through white to red (hi). */
function colour(v: number, lo: number, hi: number): string {
  const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
  const [r, g, b] = t < 0.5 ? [2 * t, 2 * t, 1] : [1, 2 - 2 * t, 2 - 2 * t];
  const c = (x: number) => Math.round(40 + 215 * x);
  return `rgb(${c(r)},${c(g)},${c(b)})`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const finite = (xs: ArrayLike<number>) => Array.from(xs).filter((x) => Number.isFinite(x));
const fmt = (x: number) =>
  Number.isInteger(x) && Math.abs(x) < 1e6
    ? String(x)
    : Math.abs(x) >= 1e6 || (Math.abs(x) < 0.01 && x !== 0)
      ? x.toExponential(1)
      : String(Number(x.toPrecision(3)));

/** The plot as an SVG string (also what the tests read). */
export function svg(spec: PlotSpec): string {
  const xsAll = [...spec.series.flatMap((s) => finite(s.xs)), ...(spec.bands ?? []).flatMap((b) => finite(b.xs)), ...finite(spec.heat?.xs ?? [])];
  const ysAll = [
    ...finite(spec.heat?.ys ?? []),
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
  if (spec.equal) {
    // widen the shorter range so that a unit has the same length in pixels on both axes
    const per = Math.max((x1 - x0) / (W - M.l - M.r), (y1 - y0) / (H - M.t - M.b));
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    [x0, x1] = [cx - (per * (W - M.l - M.r)) / 2, cx + (per * (W - M.l - M.r)) / 2];
    [y0, y1] = [cy - (per * (H - M.t - M.b)) / 2, cy + (per * (H - M.t - M.b)) / 2];
  }
  const X = (x: number) => M.l + ((x - x0) / (x1 - x0)) * (W - M.l - M.r);
  const Y = (y: number) => H - M.b - ((y - y0) / (y1 - y0)) * (H - M.t - M.b);
  const parts: string[] = [];
  parts.push(`<defs><clipPath id="plot-area"><rect x="${M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}"/></clipPath></defs>`);
  parts.push(`<rect x="${M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="#fff" stroke="#ccc"/>`);
  if (spec.heat) {
    const h = spec.heat;
    const [nx, ny] = [h.xs.length, h.ys.length];
    const dx = nx > 1 ? ((h.xs[nx - 1] as number) - (h.xs[0] as number)) / (nx - 1) : 1;
    const dy = ny > 1 ? ((h.ys[ny - 1] as number) - (h.ys[0] as number)) / (ny - 1) : 1;
    const cells: string[] = [];
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        const [xa, xb] = [X((h.xs[i] as number) - dx / 2), X((h.xs[i] as number) + dx / 2)];
        const [ya, yb] = [Y((h.ys[j] as number) + dy / 2), Y((h.ys[j] as number) - dy / 2)];
        cells.push(
          `<rect x="${xa.toFixed(1)}" y="${ya.toFixed(1)}" width="${(xb - xa + 0.4).toFixed(1)}" height="${(yb - ya + 0.4).toFixed(1)}" ` +
            `fill="${colour(h.z[i * ny + j] as number, h.lo, h.hi)}"/>`,
        );
      }
    }
    parts.push(`<g class="heat" clip-path="url(#plot-area)">${cells.join('')}</g>`);
  }
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
  for (const t of niceTicks(x0, x1)) {
    parts.push(`<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${H - M.b}" y2="${H - M.b + 3}" stroke="#666"/>`);
    parts.push(`<text class="tick" x="${X(t).toFixed(1)}" y="${H - M.b + 13}" font-size="10" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    parts.push(`<line x1="${M.l - 3}" x2="${M.l}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#666"/>`);
    parts.push(`<text class="tick" x="${M.l - 5}" y="${(Y(t) + 3).toFixed(1)}" font-size="10" text-anchor="end">${fmt(t)}</text>`);
  }
  if (spec.xLabel)
    parts.push(`<text class="axis" x="${((M.l + W - M.r) / 2).toFixed(1)}" y="${H - M.b + 25}" font-size="10" text-anchor="middle">${esc(spec.xLabel)}</text>`);
  const midY = ((M.t + H - M.b) / 2).toFixed(1);
  if (spec.yLabel)
    parts.push(`<text class="axis" x="12" y="${midY}" font-size="10" text-anchor="middle" transform="rotate(-90 12 ${midY})">${esc(spec.yLabel)}</text>`);
  const legend = [...spec.series, ...(spec.bands ?? [])]
    .map((s) => `<tspan fill="${s.color}">■ ${esc(s.label)}</tspan>`)
    .concat(spec.heat ? [`<tspan fill="#555">${esc(spec.heat.label)}</tspan>`] : [])
    .join('<tspan fill="#666"> · </tspan>');
  parts.push(`<text x="${M.l + 4}" y="${H - 6}" font-size="10">${legend}</text>`);
  parts.push(`<text x="${M.l}" y="14" font-size="12" font-weight="600">${esc(spec.title)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

/** Vega-Lite specs (data inline) for the report's plots, and their rendering to SVG with Vega. */
import { show } from '../theory/errors.js';
import { checkArray, checkPopulation } from './check-args.js';
import { ClaimError } from './define.js';
import type * as vega from 'vega';
import type * as vl from 'vega-lite';
import { normalLogPdf } from '../numeric/special.js';
import type { Plot } from './define.js';
import { quantile, type Population } from './experiments.js';

const W = 520;
const H = 260;
const LN2 = Math.log(2);

/** Losses per logged step: population median with a 5–95% band, against ln 4 (D) and ln 2 (G). */
export function convergencePlot(pop: Population, id = 'convergence'): Plot {
  checkPopulation('convergencePlot', pop);
  const rows: Record<string, number | string>[] = [];
  for (const members of pop.logs) {
    const step = members[0]?.step ?? 0;
    for (const [series, xs] of [
      ['D_loss', members.map((m) => m.dLoss)],
      ['G_loss', members.map((m) => m.gLoss)],
    ] as const) {
      rows.push({ step, series, median: quantile(xs, 0.5), lo: quantile(xs, 0.05), hi: quantile(xs, 0.95) });
    }
  }
  const refs = [
    { y: 2 * LN2, label: 'log 4 (D at equilibrium)' },
    { y: LN2, label: 'log 2 (G at equilibrium)' },
  ];
  return {
    id,
    title: `Losses of ${pop.final.length} seeds (${pop.config.preset}, ${pop.config.loss}): median and 5–95% band`,
    spec: {
      width: W,
      height: H,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'area', opacity: 0.25 },
          encoding: {
            x: { field: 'step', type: 'quantitative' },
            y: { field: 'lo', type: 'quantitative', title: 'loss' },
            y2: { field: 'hi' },
            color: { field: 'series', type: 'nominal' },
          },
        },
        {
          data: { values: rows },
          mark: { type: 'line', point: true },
          encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'median', type: 'quantitative' }, color: { field: 'series', type: 'nominal' } },
        },
        { data: { values: refs }, mark: { type: 'rule', strokeDash: [4, 4], color: 'black' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        {
          data: { values: refs },
          mark: { type: 'text', align: 'right', dy: -6, x: W },
          encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

/** First seed's generated histogram (density scale) against the target density (1-D Gaussian targets). */
export function histogramPlot(pop: Population, id = 'histogram'): Plot {
  checkPopulation('histogramPlot', pop);
  const n = pop.config.evalSamples;
  const xs = Array.from(pop.probe.samples.subarray(0, n));
  const [mu, sigma] = pop.config.target
    .replace(/^normal:/, '')
    .split(',')
    .map(Number) as [number, number];
  const lo = mu - 4 * sigma;
  const hi = mu + 4 * sigma;
  const bins = 40;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of xs) {
    const b = Math.floor((x - lo) / width);
    if (b >= 0 && b < bins) counts[b] = (counts[b] as number) + 1;
  }
  const hist = counts.map((c, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, density: c / (n * width) }));
  const curve = Array.from({ length: 161 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / 160;
    return { x, density: Math.exp(normalLogPdf(x, mu, sigma)) };
  });
  return {
    id,
    title: `Generated histogram (seed ${pop.seed}, ${n} samples) against the target N(${mu}, ${sigma}²)`,
    spec: {
      width: W,
      height: H,
      layer: [
        {
          data: { values: hist },
          mark: { type: 'rect', opacity: 0.6, color: '#4c78a8' },
          encoding: {
            x: { field: 'x0', type: 'quantitative', title: 'x' },
            x2: { field: 'x1' },
            y: { field: 'density', type: 'quantitative', title: 'density' },
          },
        },
        {
          data: { values: curve },
          mark: { type: 'line', color: '#e45756', strokeWidth: 2 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } },
        },
      ],
    },
  };
}

/** First seed's D(x) on the grid against D*(x) (exact pushforward density of G) and 1/2. */
export function dPlot(pop: Population, id = 'discriminator'): Plot {
  checkPopulation('dPlot', pop);
  const grid = Array.from(pop.probe.grid);
  const rows: Record<string, number | string>[] = [];
  grid.forEach((x, i) => {
    rows.push({ x, curve: 'D(x), trained', y: pop.probe.d[i] as number });
    const s = pop.probe.dStar?.[i];
    if (s !== undefined && Number.isFinite(s)) rows.push({ x, curve: 'D*(x) = p_data/(p_data + p_G)', y: s });
    rows.push({ x, curve: '1/2', y: 0.5 });
  });
  return {
    id,
    title: `D(x) after training (seed ${pop.seed}) against D*(x) for the trained G, and 1/2`,
    spec: {
      width: W,
      height: H,
      data: { values: rows },
      mark: { type: 'line' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative', title: 'D', scale: { domain: [0, 1] } },
        color: { field: 'curve', type: 'nominal' },
        strokeDash: { field: 'curve', type: 'nominal' },
      },
    },
  };
}

/** JSD and W1 as P shifts past Q. */
export function shiftPlot(rows: { t: number; jsd: number; w1: number }[], family: string, id = 'shift'): Plot {
  family = String(family);
  id = String(id);
  checkArray('shiftPlot', 'rows', rows, 'shift rows { t, jsd, w1 }');
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || !['t', 'jsd', 'w1'].every((k) => typeof (r as Record<string, unknown>)[k] === 'number'))
      throw new ClaimError('shiftPlot', `rows[${i}]`, 'must be { t, jsd, w1 } numbers');
  });
  const values = rows.flatMap((r) => [
    { t: r.t, quantity: 'JSD (nats)', y: r.jsd },
    { t: r.t, quantity: 'W1', y: r.w1 },
  ]);
  return {
    id,
    title: `JSD and W1 between P and P shifted by t (${family}); JSD stops at log 2, W1 keeps growing`,
    spec: {
      width: W,
      height: H,
      layer: [
        {
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'shift t' },
            y: { field: 'y', type: 'quantitative', title: 'distance' },
            color: { field: 'quantity', type: 'nominal' },
          },
        },
        { data: { values: [{ y: LN2 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'black' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      ],
    },
  };
}

/** Generated points of the first seeds against the modes (2-D targets), and modes covered per seed. */
export function modesPlot(pop: Population, modes: readonly number[], id: string): Plot {
  checkPopulation('modesPlot', pop);
  const n = pop.config.evalSamples;
  const pts: Record<string, number | string>[] = [];
  const show = Math.min(4, pop.final.length);
  for (let k = 0; k < show; k++) {
    for (let i = 0; i < Math.min(n, 400); i++)
      pts.push({
        x: pop.probe.samples[(k * n + i) * 2] as number,
        y: pop.probe.samples[(k * n + i) * 2 + 1] as number,
        seed: `seed ${pop.seed + k}: ${pop.final[k]?.modesCovered} mode${pop.final[k]?.modesCovered === 1 ? '' : 's'}`,
      });
  }
  const centres = [];
  for (let i = 0; i < modes.length; i += 2) centres.push({ x: modes[i] as number, y: modes[i + 1] as number });
  const covered = pop.final.map((m) => ({ seed: m.seed, modes: m.modesCovered ?? 0 }));
  return {
    id,
    title: `${pop.config.preset} (${pop.config.loss}): generated points of ${show} seeds (400 each) and the modes; modes covered per seed`,
    spec: {
      hconcat: [
        {
          width: 300,
          height: 300,
          layer: [
            {
              data: { values: pts },
              mark: { type: 'circle', size: 8, opacity: 0.5 },
              encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 'seed', type: 'nominal' } },
            },
            {
              data: { values: centres },
              mark: { type: 'point', shape: 'cross', size: 80, color: 'black' },
              encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
            },
          ],
        },
        {
          width: 220,
          height: 300,
          data: { values: covered },
          mark: 'bar',
          encoding: {
            x: { field: 'seed', type: 'ordinal' },
            y: { field: 'modes', type: 'quantitative', title: 'modes covered', scale: { domain: [0, modes.length / 2] } },
          },
        },
      ],
    },
  };
}

/** Renders a plot to an SVG string (headless: Vega's SVG renderer needs no canvas). */
export async function renderSvg(plot: Plot): Promise<string> {
  if (plot === null || typeof plot !== 'object' || typeof plot.id !== 'string' || plot.spec === null || typeof plot.spec !== 'object')
    throw new ClaimError('renderSvg', 'plot', `must be { id, title, spec } with a Vega-Lite spec; got ${show(plot)}`);
  // legends keep their whole labels (Vega-Lite cuts them at 160 px by default: "D*(x) = p_data/(p_…")
  const config = {
    ...((plot.spec as { config?: Record<string, unknown> }).config ?? {}),
    legend: { labelLimit: 0, ...((plot.spec as { config?: { legend?: object } }).config?.legend ?? {}) },
  };
  const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...plot.spec, config } as vl.TopLevelSpec;
  // Vega is loaded when a plot is drawn, not when the claims API is imported: vega-canvas has a
  // top-level await, which would stop a CommonJS project from loading a claims file at all
  const [vegaLib, vlLib] = await Promise.all([import('vega'), import('vega-lite')]);
  let compiled: vega.Spec;
  try {
    compiled = vlLib.compile(spec).spec;
  } catch (e) {
    throw new ClaimError('renderSvg', `plot ${plot.id}`, `is not a valid Vega-Lite spec: ${(e as Error).message.split('\n')[0]?.slice(0, 200)}`);
  }
  const view = new vegaLib.View(vegaLib.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

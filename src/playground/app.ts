/// <reference lib="dom" />
/**
 * The playground page (document 004's demo): the project's own trainer running in the browser, with
 * the exact theory drawn beside it. Bundled by scripts/build-playground.mjs into
 * dist/playground/app.js; `gan-verify playground --out DIR` writes the page.
 *
 * For tests and users: the root element carries data-step, data-seed and data-state;
 * `window.ganVerify()` returns the log as `gan-verify train --out` writes log.jsonl;
 * `window.ganVerifyState()` the tables of the tabular preset (p, q, D and the exact D*);
 * `?autostart=1` starts on load, and the settings can be given in the URL (preset, seed,
 * population, loss, lrD, lrG, dSteps, steps, logEvery).
 */
import { useBackend } from '../train/index.js';
import { dstar } from '../theory/index.js';
import { exactFloat } from '../theory/rational.js';
import { parseDistributionSpec } from '../numeric/distributions/index.js';
import { quantile } from '../numeric/intervals/index.js';
import { estimateJsdLowerBound } from '../numeric/estimators/index.js';
import type { FinalProbe } from '../train/index.js';
import { Session, type Settings, type View } from './session.js';
import { svg, type Series } from './plot.js';

const LN4 = Math.log(4);
const LN2 = Math.log(2);
const TABULAR_P = [0.1, 0.2, 0.3, 0.4];

declare global {
  interface Window {
    ganVerify: () => string;
    ganVerifyState: () => unknown;
    /** A query with a malformed %-escape, kept aside by index.html before TensorFlow.js loads. */
    ganVerifyBadQuery?: string;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const num = (v: string | null) => (v === null || v === '' ? undefined : Number(v));

function settingsFromPage(): Settings {
  const get = (id: string) => ($(id) as HTMLInputElement).value;
  const s: Settings = {
    preset: get('preset') as Settings['preset'],
    seed: Number(get('seed')),
    population: Number(get('population')),
    loss: get('loss') as Settings['loss'],
  };
  for (const k of ['lrD', 'lrG', 'dSteps', 'steps', 'logEvery'] as const) {
    const v = num(get(k));
    if (v !== undefined) s[k] = v;
  }
  return s;
}

function fillFromUrl(): boolean {
  const q = new URLSearchParams(location.search);
  for (const k of ['preset', 'seed', 'population', 'loss', 'lrD', 'lrG', 'dSteps', 'steps', 'logEvery']) {
    const v = q.get(k);
    if (v !== null) ($(k) as HTMLInputElement).value = v;
  }
  return q.get('autostart') === '1';
}

const members = (logs: View['logs'], key: 'dLoss' | 'gLoss' | 'w1') => logs.map((entry) => entry.map((m) => m[key] as number));
/** The q-quantile over the members at each logged step; members that stopped (NaN) are left out. */
const bandOf = (rows: number[][], q: number) =>
  rows.map((r) => {
    const ok = r.filter(Number.isFinite);
    return ok.length > 0 ? quantile(ok, q) : Number.NaN;
  });

function drawMlp(v: View, s: Settings, targetSpec: string): void {
  const logs = v.logs;
  const xs = logs.map((e) => (e[0] as { step: number }).step);
  // losses against log 4 and log 2 (the equilibrium values of D's and G's losses)
  const d0 = logs.map((e) => e[0]?.dLoss as number);
  const g0 = logs.map((e) => e[0]?.gLoss as number);
  const lossBands =
    s.population > 1
      ? [
          {
            xs,
            lo: bandOf(members(logs, 'dLoss'), 0.05),
            hi: bandOf(members(logs, 'dLoss'), 0.95),
            color: '#1f77b4',
            label: `D loss, 5–95% of ${s.population} seeds`,
          },
          { xs, lo: bandOf(members(logs, 'gLoss'), 0.05), hi: bandOf(members(logs, 'gLoss'), 0.95), color: '#d62728', label: 'G loss band' },
        ]
      : [];
  $('losses').innerHTML = svg({
    title: `Losses (seed ${s.seed}${s.population > 1 ? `; band: ${s.population} seeds` : ''})`,
    series: [
      { xs, ys: d0, color: '#1f77b4', label: 'D loss' },
      { xs, ys: g0, color: '#d62728', label: 'G loss' },
    ],
    bands: lossBands,
    hlines: [
      { y: LN4, label: 'log 4' },
      { y: LN2, label: 'log 2' },
    ],
    xLabel: 'training step',
    yLabel: 'loss (nats)',
  });
  const p = v.probe;
  const target = parseDistributionSpec(targetSpec);
  if (p === null || target === undefined) return;
  if (target.dim === 1) {
    const n = p.grid.length;
    const grid = Array.from(p.grid);
    const series: Series[] = [{ xs: grid, ys: Array.from(p.d.subarray(0, n)), color: '#1f77b4', label: 'D(x)' }];
    if (p.dStar) series.push({ xs: grid, ys: Array.from(p.dStar.subarray(0, n)), color: '#2ca02c', label: 'exact D*(x) of this G', dash: true });
    $('dstar').innerHTML = svg({
      title: 'D(x) against the exact D*(x) = p_data/(p_data + p_G)',
      series,
      hlines: [{ y: 0.5, label: '½' }],
      yRange: [0, 1],
      xLabel: 'x',
      yLabel: 'D(x)',
    });
    // p_G's histogram against p_data
    const samples = Array.from(p.samples.subarray(0, p.samples.length / s.population));
    const lo = grid[0] as number;
    const hi = grid[n - 1] as number;
    const bins = 40;
    const w = (hi - lo) / bins;
    const counts = new Array(bins).fill(0);
    for (const x of samples) {
      const b = Math.floor((x - lo) / w);
      if (b >= 0 && b < bins) counts[b]++;
    }
    const centers = counts.map((_, i) => lo + (i + 0.5) * w);
    $('hist').innerHTML = svg({
      title: 'p_G (histogram of G(z)) against p_data',
      series: [
        { xs: centers, ys: counts.map((c) => c / (samples.length * w)), color: '#ff7f0e', label: 'p_G', bars: true },
        { xs: grid, ys: grid.map((x) => Math.exp(target.logPdf(x))), color: '#333', label: 'p_data' },
      ],
      xLabel: 'x',
      yLabel: 'density',
    });
    // JSD from the exact pushforward (D* = p/(p + q) gives q = p(1 − D*)/D*), trapezoids on the grid; W1 from the trainer's log
    let jsd = Number.NaN;
    if (p.dStar) {
      let acc = 0;
      for (let i = 0; i + 1 < n; i++) {
        const f = (j: number) => {
          const x = grid[j] as number;
          const pd = Math.exp(target.logPdf(x));
          const ds = p.dStar?.[j] as number;
          const qd = ds > 0 ? (pd * (1 - ds)) / ds : 0;
          const t1 = pd > 0 && ds > 0 ? pd * Math.log(2 * ds) : 0;
          const t2 = qd > 0 && ds < 1 ? qd * Math.log(2 * (1 - ds)) : 0;
          return 0.5 * (t1 + t2);
        };
        acc += 0.5 * (f(i) + f(i + 1)) * ((grid[i + 1] as number) - (grid[i] as number));
      }
      jsd = acc;
    }
    const w1 = logs.map((e) => e[0]?.w1 as number);
    $('divergences').innerHTML = svg({
      title: 'W1(p_G, p_data) over the run (exact CDF integral)',
      series: [{ xs, ys: w1, color: '#9467bd', label: 'W1' }],
      xLabel: 'training step',
      yLabel: 'W1',
    });
    $('numbers').textContent =
      `step ${v.step}: JSD(p_data ‖ p_G) = ${Number.isFinite(jsd) ? jsd.toFixed(4) : '—'} nats (quadrature of the exact pushforward density on D's grid; ` +
      `log 2 = ${LN2.toFixed(4)} is the maximum); W1 = ${(logs[logs.length - 1]?.[0]?.w1 ?? Number.NaN).toFixed(4)}` +
      jsdBound(p, 1, s.population, s.loss);
  } else {
    const samples = Array.from(p.samples.subarray(0, p.samples.length / s.population));
    const modes = Array.from(target.modes);
    // D over the plane (GAN Lab's heatmap): the probe's grid is 41 × 41 points, x outer, y inner
    const n = p.grid.length / 2;
    const side = Math.round(Math.sqrt(n));
    const gx = Array.from({ length: side }, (_, i) => p.grid[2 * i * side] as number);
    const gy = Array.from({ length: side }, (_, j) => p.grid[2 * j + 1] as number);
    const critic = s.loss === 'wgan' || s.loss === 'wgan-gp';
    const points: Series[] = [
      { xs: samples.filter((_, i) => i % 2 === 0), ys: samples.filter((_, i) => i % 2 === 1), color: '#ff7f0e', label: 'G(z)', points: true },
      { xs: modes.filter((_, i) => i % 2 === 0), ys: modes.filter((_, i) => i % 2 === 1), color: '#000', label: 'modes', points: true },
    ];
    const dz = Array.from(p.d.subarray(0, n));
    const [lo, hi] = critic ? [Math.min(...dz), Math.max(...dz)] : [0, 1];
    $('dstar').innerHTML = svg({
      title: critic ? "The critic's value over the plane, with G(z) and the modes" : 'D(x, y) over the plane, with G(z) and the modes',
      heat: { xs: gx, ys: gy, z: dz, lo, hi, label: critic ? `critic: blue ${lo.toFixed(2)} … red ${hi.toFixed(2)}` : 'D: blue 0 · white ½ · red 1' },
      series: points,
      xRange: [gx[0] as number, gx[side - 1] as number],
      yRange: [gy[0] as number, gy[side - 1] as number],
      equal: true,
      xLabel: 'x',
      yLabel: 'y',
    });
    $('hist').innerHTML = svg({
      title: 'All of G’s samples and the modes of p_data',
      series: points,
      equal: true,
      xLabel: 'x',
      yLabel: 'y',
    });
    const last = logs[logs.length - 1]?.[0];
    const cover = logs.map((e) => e[0]?.modesCovered as number);
    const hq = logs.map((e) => e[0]?.hqShare as number);
    $('divergences').innerHTML = svg({
      title: 'Modes covered and high-quality share',
      series: [
        { xs, ys: cover.map((c) => c / (last?.modes ?? 1)), color: '#2ca02c', label: 'share of modes covered' },
        { xs, ys: hq, color: '#9467bd', label: 'high-quality share' },
      ],
      yRange: [0, 1],
      xLabel: 'training step',
      yLabel: 'share',
    });
    $('numbers').textContent =
      `step ${v.step}: ${last?.modesCovered ?? '—'} of ${last?.modes ?? '—'} modes covered, high-quality share ${(last?.hqShare ?? Number.NaN).toFixed(3)}` +
      jsdBound(p, 2, s.population, s.loss);
  }
}

/**
 * The classifier bound JSD ≥ (V(D, G) + log 4)/2, which holds for every D (equality at D*), estimated
 * by Monte Carlo with its 95% interval from D on fresh data points and on G's samples (the numeric
 * module's estimator; D is read at exactly those points). Not for critics, whose output is no
 * probability.
 */
function jsdBound(p: FinalProbe, dim: 1 | 2, population: number, loss: string | undefined): string {
  if (!p.real || !p.dReal || !p.dFake || loss === 'wgan' || loss === 'wgan-gp') return '';
  const n = p.dReal.length / population;
  const real = Float64Array.from(p.real.subarray(0, n * dim));
  const fake = Float64Array.from(p.samples.subarray(0, n * dim));
  const at = new Map<string, number>();
  const key = (x: number, y: number) => (dim === 1 ? `${x}` : `${x},${y}`);
  for (let i = 0; i < n; i++) {
    at.set(key(real[i * dim] as number, real[i * dim + 1] as number), p.dReal[i] as number);
    at.set(key(fake[i * dim] as number, fake[i * dim + 1] as number), p.dFake[i] as number);
  }
  const e = estimateJsdLowerBound(
    { dim, spec: 'data points', kind: 'samples', data: real },
    { dim, spec: "G's samples", kind: 'samples', data: fake },
    (x: number, y: number) => at.get(key(x, y)) as number,
  );
  const shown =
    `JSD ≥ (V(D, G) + log 4)/2 = ${e.estimate.toFixed(4)} (95% CI ${e.ci[0].toFixed(4)} to ${e.ci[1].toFixed(4)}, ${n} + ${n} points, ` + `the current D)`;
  // every JSD is ≥ 0: a bound whose whole interval lies below 0 says nothing, and the page says so
  if (e.ci[1] < 0)
    return `; Monte Carlo: ${shown}: vacuous, since every JSD is ≥ 0 (this D separates the data from G's samples worse than the constant ½ does)`;
  return `; Monte Carlo: ${shown}: a lower bound on JSD(p_data ‖ p_G) that holds for every D, reached at D = D*`;
}

let tabularState: { p: number[]; q: number[]; d: number[]; dstar: (number | null)[] } | null = null;

function drawTabular(v: View): void {
  const last = v.tabular?.[v.tabular.length - 1];
  if (!last) return;
  const ds = dstar(
    TABULAR_P.map((x) => exactFloat(Math.fround(x))),
    last.q.map((x) => exactFloat(x)),
    { normalize: true, digits: 20 },
  ).map((e) => (e === null ? null : Number(e.value)));
  tabularState = { p: TABULAR_P, q: last.q, d: last.d, dstar: ds };
  const xs = [0, 1, 2, 3];
  $('dstar').innerHTML = svg({
    title: 'D (bars) against the exact D* = p/(p + q) (theory module, certified)',
    series: [
      { xs, ys: last.d, color: '#1f77b4', label: 'D', bars: true },
      { xs, ys: ds.map((x) => x ?? Number.NaN), color: '#2ca02c', label: 'exact D*', dash: true },
    ],
    hlines: [{ y: 0.5, label: '½' }],
    yRange: [0, 1],
  });
  $('hist').innerHTML = svg({
    title: 'p_G = softmax(g) against p_data',
    series: [
      { xs, ys: last.q, color: '#ff7f0e', label: 'p_G', bars: true },
      { xs, ys: TABULAR_P, color: '#333', label: 'p_data' },
    ],
  });
  const steps = (v.tabular ?? []).map((l) => l.step);
  $('losses').innerHTML = svg({
    title: 'Losses',
    series: [
      { xs: steps, ys: (v.tabular ?? []).map((l) => l.dLoss), color: '#1f77b4', label: 'D loss' },
      { xs: steps, ys: (v.tabular ?? []).map((l) => l.gLoss), color: '#d62728', label: 'G loss' },
    ],
    hlines: [
      { y: LN4, label: 'log 4' },
      { y: LN2, label: 'log 2' },
    ],
  });
  $('divergences').innerHTML = svg({
    title: 'Exact JSD(p_data ‖ p_G) and V(D, G) + log 4 (theory module)',
    series: [
      { xs: steps, ys: (v.tabular ?? []).map((l) => l.jsd), color: '#9467bd', label: 'JSD' },
      { xs: steps, ys: (v.tabular ?? []).map((l) => l.value + LN4), color: '#8c564b', label: 'V + log 4' },
    ],
  });
  $('numbers').textContent =
    `step ${v.step}: JSD = ${last.jsd.toPrecision(6)} nats (exact), V(D, G) = ${last.value.toPrecision(6)}; C(G) = 2·JSD − log 4 = ` +
    `${(2 * last.jsd - LN4).toPrecision(6)}`;
}

let session: Session | null = null;
const root = () => $('root');

function render(v: View): void {
  const r = root();
  r.dataset.step = String(v.step);
  r.dataset.state = session?.isRunning ? 'running' : v.done ? 'done' : 'paused';
  $('status').className = '';
  $('status').textContent = `step ${v.step} of ${v.steps}${v.done ? ' (done)' : ''}`;
  if (session === null) return;
  if (session.settings.preset === 'tabular') drawTabular(v);
  else drawMlp(v, session.settings, session.config?.target as string);
}

function reset(): void {
  void session?.pause();
  const s = settingsFromPage();
  session = new Session(s, render);
  root().dataset.seed = String(s.seed);
  ['losses', 'dstar', 'hist', 'divergences'].forEach((id) => {
    $(id).innerHTML = '';
  });
  render(session.view());
}

async function main(): Promise<void> {
  await useBackend('cpu');
  window.ganVerify = () => session?.jsonl() ?? '';
  window.ganVerifyState = () => tabularState;
  const autostart = fillFromUrl();
  $('start').onclick = shown(async () => {
    if (session === null) reset();
    await session?.run();
  });
  $('pause').onclick = shown(async () => session?.pause());
  $('step').onclick = shown(async () => {
    if (session === null) reset();
    await session?.step();
  });
  $('reset').onclick = shown(async () => reset());
  for (const id of ['preset', 'seed', 'population', 'loss', 'lrD', 'lrG', 'dSteps', 'steps', 'logEvery']) $(id).onchange = shown(async () => reset());
  await shown(async () => {
    if (window.ganVerifyBadQuery !== undefined)
      throw new Error(`the address's query ${JSON.stringify(window.ganVerifyBadQuery)} has a malformed %-escape; nothing was started`);
    reset();
  })();
  root().dataset.ready = '1';
  if (window.ganVerifyBadQuery !== undefined) return;
  if (autostart) await shown(async () => session?.run())();
}

/**
 * A handler whose errors (bad settings from the form or the URL: population 0, seed −1, steps "%")
 * are shown on the page, in the status line, instead of being thrown where nobody sees them.
 */
function shown(f: () => Promise<unknown>): () => Promise<void> {
  return async () => {
    try {
      await f();
    } catch (e) {
      session = null;
      $('status').textContent = `error: ${(e as Error).message}`;
      $('status').className = 'error';
      root().dataset.state = 'error';
    }
  };
}

main().catch((e) => {
  $('status').textContent = `error: ${(e as Error).message}`;
  console.error(e);
});

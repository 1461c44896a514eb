/**
 * What the trainer measures of each member at a logged step: G's sample mean, standard deviation
 * and W1 to the target (1-D), the mode metrics (2-D), D's distance from ½ on a grid and, for 1-D
 * targets with scalar noise, from the exact D* of G's pushforward; and the probes a page reads.
 */
import type { Dist1D, Dist2D, Distribution } from '../numeric/index.js';
import { sigmoid } from '../numeric/logistic.js';
import type { TrainConfig } from './config.js';
import { rawOutput } from './losses.js';
import { layout, networkSizes } from './mlp.js';
import { generatorPiecesFlat, pushforwardDensityOnGrid, pushforwardRows, type DenseLayer } from './pushforward.js';
import type { Points, StepEngine } from './engines/types.js';
import type { FinalProbe, MemberLog, MemberStop } from './types.js';
import { modeMetrics } from './mode-metrics.js';
import { sortedMembers, type MemberSamples } from './sorted-samples.js';
import { sigmoidsF32 } from './engines/fused-simd.js';

/**
 * The grid on which D is compared with ½, float32 row-major [n, dim]: 201 points over the 1-D target's
 * 0.01%–99.99% range, or 41×41 over the modes' box. The 1-D points are spaced as tf.linspace spaces
 * them on the cpu backend (each the float32 sum of the one before and the step), so that the grid, and
 * the logs, are those of the trainer when it built the grid with TensorFlow.js.
 */
export function gridFor(target: Distribution): Float32Array {
  if (target.dim === 1) {
    const lo = target.quantile(1e-4);
    const step = (target.quantile(1 - 1e-4) - lo) / 200;
    const xs = new Float32Array(201);
    xs[0] = lo;
    for (let i = 1; i < xs.length; i++) xs[i] = (xs[i - 1] as number) + step;
    return xs;
  }
  const m = target.modes;
  const xs = m.filter((_, i) => i % 2 === 0);
  const ys = m.filter((_, i) => i % 2 === 1);
  const pad = 4 * target.sigma + 0.25;
  const pts: number[] = [];
  for (let i = 0; i < 41; i++) {
    for (let j = 0; j < 41; j++) {
      pts.push(Math.min(...xs) - pad + ((Math.max(...xs) - Math.min(...xs) + 2 * pad) * i) / 40);
      pts.push(Math.min(...ys) - pad + ((Math.max(...ys) - Math.min(...ys) + 2 * pad) * j) / 40);
    }
  }
  return Float32Array.from(pts);
}

/** A run, as a measurement needs it. */
export interface RunView {
  c: TrainConfig;
  target: Distribution;
  K: number;
  seed: number;
  /** The metric grid, [K, gridN, dim] (every member's copy), and one member's copy of its points. */
  grid: Points;
  gridX: Float32Array;
  /** Per member: why it stopped, or null. */
  stopped: (MemberStop | null)[];
}

/** D's rows of the last measurement, kept from one to the next (read at once). */
let dRows = new Float32Array(0);
const keptRows = (n: number) => {
  if (dRows.length !== n) dRows = new Float32Array(n);
  return dRows;
};

/** One entry per member at this step: its losses (NaN once stopped) and metrics (see {@link MemberLog}). */
export function measure(
  run: RunView,
  at: { step: number; dLoss: Float32Array; gLoss: Float32Array },
  ev: { samples: Float32Array | null; logits: Float32Array; one?: MemberSamples },
  gFlat: Float32Array,
): MemberLog[] {
  const { c, K, seed, gridX, target, stopped } = run;
  const { step, dLoss, gLoss } = at;
  const xs = ev.samples;
  const n = c.evalSamples;
  const dim = target.dim;
  const gridN = ev.logits.length / K;
  // the 1-D samples' moments (each sum in the samples' order) and W1 to the target (of their sorted values), in bulk
  // (or as the engine gave them)
  if (xs === null && (dim !== 1 || ev.one === undefined)) throw new RangeError('measure: the samples are needed (a 2-D target, or no summary of them)');
  const one = dim === 1 ? (ev.one ?? sortedMembers(xs as Float32Array, K, n, target as Dist1D, false)) : null;
  // every member's largest |D − ½| on the grid and, with D*, its largest |D − D*| (points where D* is NaN left out):
  // D on the grid (rounded to float32, as a Float32Array rounds it), every member's at once
  const d = sigmoidsF32(ev.logits, keptRows(ev.logits.length));
  const halfGap = new Float64Array(K);
  const starGap = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let gap = 0;
    for (let i = k * gridN; i < (k + 1) * gridN; i++) gap = Math.max(gap, Math.abs((d[i] as number) - 0.5));
    halfGap[k] = gap;
  }
  const withStar = eachDStarRow(c, gFlat, K, target, gridX, gridN, (k, star) => {
    let worst = 0;
    for (let i = 0; i < gridN; i++) {
      const v = star[i] as number;
      if (!Number.isNaN(v)) worst = Math.max(worst, Math.abs((d[k * gridN + i] as number) - v));
    }
    starGap[k] = worst;
  });
  // each entry's step, seed and losses (and why it stopped), the metrics then added in the log's key order (a spread
  // of a common part into each entry cost several times the whole)
  const head = (k: number): MemberLog => {
    const stop = stopped[k] ?? null;
    return (
      stop === null
        ? { step, seed: seed + k, dLoss: dLoss[k] as number, gLoss: gLoss[k] as number }
        : { step, seed: seed + k, dLoss: NaN, gLoss: NaN, stopped: stop }
    ) as MemberLog;
  };
  const logs: MemberLog[] = new Array(K);
  for (let k = 0; k < K; k++) {
    const out = head(k);
    if (one === null) Object.assign(out, modeMetrics((xs as Float32Array).subarray(k * n * dim, (k + 1) * n * dim), target as Dist2D));
    else {
      out.gMean = one.mean[k] as number;
      out.gStd = Math.sqrt((one.ss[k] as number) / (n - 1));
      out.w1 = one.w1[k] as number;
    }
    out.dHalfGap = halfGap[k] as number;
    if (withStar) out.dStarGap = starGap[k] as number;
    logs[k] = out;
  }
  return logs;
}

/**
 * 1-D targets with scalar noise: calls row(k, D*) for every member k in turn, D*(x) = p_data/(p_data + p_G) on the
 * grid (gridN values, NaN where both densities vanish, in an array the next call overwrites), p_G the exact density
 * of G's piecewise-linear pushforward, and returns true; else calls nothing and returns false.
 */
function eachDStarRow(
  c: TrainConfig,
  gFlat: Float32Array,
  K: number,
  target: Distribution,
  gridX: Float32Array,
  gridN: number,
  row: (k: number, dStar: Float64Array) => void,
): boolean {
  if (c.noiseDim !== 1 || target.dim !== 1) return false;
  const sizes = networkSizes(c, 1).g;
  const dStar = new Float64Array(gridN);
  // p_data on the grid, the same for every member
  const pData = Float64Array.from(gridX.subarray(0, gridN), (x) => Math.exp((target as Dist1D).logPdf(x)));
  const fromPG = (k: number, pG: Float64Array) => {
    for (let i = 0; i < gridN; i++) {
      const pd = pData[i] as number;
      const q = pG[i] as number;
      dStar[i] = pd + q > 0 ? pd / (pd + q) : NaN;
    }
    row(k, dStar);
  };
  // the grid is ascending (gridFor), so each piece of G visits only the points near its image; G of one hidden
  // layer: every member's p_G in the kernel, the same values
  if (sizes.length === 3 && pushforwardRows(gFlat, sizes[1] as number, K, gridX, gridN, fromPG)) return true;
  const members = memberLayers(gFlat, K, layout(sizes));
  const pG = new Float64Array(gridN);
  for (let k = 0; k < K; k++) fromPG(k, pushforwardDensityOnGrid(generatorPiecesFlat(members[k] as DenseLayer[]), gridX, gridN, pG));
  return true;
}

/** The last call's member layers (views of its gFlat), kept: the trainer passes the same array at every log step. */
let lastLayers: { gFlat: Float32Array; K: number; shape: string; members: DenseLayer[][] } | null = null;

/** Each member's layers as views of gFlat [K·P] (mlp.ts's layout). */
function memberLayers(gFlat: Float32Array, K: number, net: ReturnType<typeof layout>): DenseLayer[][] {
  const kept = lastLayers;
  const shape = net.layers.map((L) => `${L.fin}x${L.fout}`).join(',');
  if (kept !== null && kept.gFlat === gFlat && kept.K === K && kept.shape === shape) return kept.members;
  const members = Array.from({ length: K }, (_, k) =>
    net.layers.map((L) => ({
      W: gFlat.subarray(k * net.P + L.w, k * net.P + L.b),
      b: gFlat.subarray(k * net.P + L.b, k * net.P + L.b + L.fout),
      fin: L.fin,
      fout: L.fout,
    })),
  );
  lastLayers = { gFlat, K, shape, members };
  return members;
}

/** D* on the grid for every member ([K·gridN], see {@link eachDStarRow}), or null where it does not apply. */
function dStarOnGrid(c: TrainConfig, gFlat: Float32Array, K: number, target: Distribution, gridX: Float32Array, gridN: number): Float64Array | null {
  const all = new Float64Array(K * gridN);
  return eachDStarRow(c, gFlat, K, target, gridX, gridN, (k, star) => all.set(star, k * gridN)) ? all : null;
}

/**
 * What G and D compute now: D on the grid, G on the evaluation noise, D* and, with probe data
 * (fresh data points), D on them and on G's samples.
 */
export function probe(run: RunView, engine: StepEngine, evalZ: Points, probeData: Points | null = null): FinalProbe {
  const { c, K, grid, gridX, target } = run;
  const critic = rawOutput(c.loss);
  const ev = engine.evaluate(evalZ, grid);
  const d = critic ? ev.logits : ev.logits.map(sigmoid);
  const gridN = d.length / K;
  const out: FinalProbe = { grid: gridX.slice(), d, samples: ev.samples };
  if (probeData !== null) {
    const dim = probeData.shape[2];
    const fakes: Points = { data: ev.samples, shape: [K, ev.samples.length / (K * dim), dim] };
    const onReal = engine.critic(probeData);
    const onFake = engine.critic(fakes);
    out.real = probeData.data;
    out.dReal = critic ? onReal : onReal.map(sigmoid);
    out.dFake = critic ? onFake : onFake.map(sigmoid);
  }
  const dStar = dStarOnGrid(c, engine.state().gp, K, target, out.grid, gridN);
  if (dStar !== null) out.dStar = dStar;
  return out;
}

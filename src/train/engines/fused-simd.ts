/**
 * The fused engine's work on a range of members, two at a time in WebAssembly SIMD: a pair's whole
 * step runs in the kernel (assembly/step.ts): each member's batch from its own generators (the
 * data too when the target is a normal; other targets' data are drawn here, as drawBatch draws
 * them), the linear algebra of mlp.ts and adam.ts (assembly/fused-pair.ts, one f64x2 lane per
 * member), the row losses of losses.ts and the stop checks. Each lane computes exactly what the
 * scalar code computes for its member (the kernel's notes say why; its exp, log and log1p are
 * fdlibm's, as V8's Math functions are), so this path and FusedMembers give the same bytes for any
 * pairing, any split over threads and either lane (tested); it is simply faster.
 *
 * A pair's parameters and moments live in the kernel's memory, as float64 lanes holding float32
 * values: while every pair's block fits (RESIDENT_BYTES) they stay there between runs and go back
 * to the shared float32 arrays when these are read (flush); otherwise at the end of each run.
 *
 * WGAN-GP's penalty (a second-order term) is not in the kernel: that loss runs on FusedMembers.
 */
import { lanesOf, type Precision, type TrainConfig } from '../config.js';
import { LOSS_BOUND } from '../losses.js';
import { LOSSES } from '../losses/index.js';
import { adamCorrections, OPTIMIZERS } from '../optimizers/index.js';
import { layout, networkSizes } from '../mlp.js';
import type { Distribution } from '../../numeric/distributions/index.js';
import { sigmoid } from '../../numeric/logistic.js';
import { Rng, type RngState } from '../../numeric/rng.js';
import { FUSED_PAIR_WASM } from './fused-pair-wasm.js';
import { KERNEL_SETTINGS_BYTES, type KernelSettings, writeKernelSettings } from './kernel-settings.js';
import {
  drawReal,
  recordStop,
  saveRngs,
  type STEP_STOPPED_D,
  type STEP_STOPPED_G,
  type MemberRngs,
  type NetState,
  type StepReport,
  type StopRecord,
} from './fused-members.js';

/** The part of the WebAssembly JS API used here (Node and browsers have it; ES2022's lib declares none of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

export interface Kernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  forward(desc: number, p: number, x: number, n: number): void;
  forward32(desc: number, p: number, x: number, n: number): void;
  backward(desc: number, p: number, x: number, delta: number, n: number, g: number, wantDx: number): void;
  adam(
    p: number,
    m: number,
    v: number,
    g: number,
    P: number,
    stepSize: number,
    bc2Sqrt: number,
    eps: number,
    b1: number,
    c1: number,
    b2: number,
    c2: number,
    mask: number,
  ): void;
  rmsprop(p: number, v: number, g: number, P: number, lr: number, alpha: number, c: number, eps: number, mask: number): void;
  clip(p: number, P: number, c: number, mask: number): void;
  /** Reads the settings block at `at` (written by writeKernelSettings). */
  configure(at: number): void;
  pairStep(gp: number, gm: number, gv: number, dp: number, dm: number, dv: number, rng: number, lanes: number, mask: number, corr: number): number;
  /** pairStep on float32 lanes: up to four members. */
  quadStep(gp: number, gm: number, gv: number, dp: number, dm: number, dv: number, rng: number, lanes: number, mask: number, corr: number): number;
  exp(x: number): number;
  log(x: number): number;
  log1p(x: number): number;
  normalQuantile(u: number): number;
  uniform(state: number): number;
  normal(state: number): number;
  vexpAll(at: number, n: number): void;
  vlog1pAll(at: number, n: number): void;
  vnormalQuantileAll(at: number, n: number, scratch: number): void;
  /** D's (d = 1) or G's row of the loss code at l (lane 0's loss; its slope in rowSlope), for the registry's test. */
  row(code: number, d: number, real: number, l: number, y: number): number;
  rowSlope(): number;
  /** numeric's sigmoid of n float32 logits at `at`, rounded to float32, into n float32 at `out` (assembly/losses.ts). */
  sigmoidF32(at: number, n: number, out: number): void;
  /** Sorts two samples of n float32 in place (assembly/sort.ts): tmp and tmp2 room for n i32 each, count for 2·5120. */
  sortF32x2(at: number, at2: number, n: number, tmp: number, tmp2: number, count: number): void;
  /** Four samples of n at at + 4·L·n: each one's mean and sum of squared deviations, two f64 at out + 16·L (assembly/sort.ts). */
  momentsF32x4(at: number, n: number, out: number): void;
  /**
   * The coupling sum of four sorted samples at xs to F's tables q, d (qf: q rounded down and up to float32) from row
   * `from` (assembly/sort.ts): n, a row to add, or −1 − a bad row.
   */
  coupling4(xs: number, n: number, q: number, d: number, qf: number, state: number, from: number): number;
  /**
   * `count` members' G of one hidden layer of h units on scalar noise (parameters float32 at params + 4·L·(3h + 1),
   * noise at z + 4·L·n, outputs to out + 4·L·n), member by member (assembly/fused-pair.ts); work: 16·(3h + 1) + 32 bytes.
   */
  hiddenMembers(params: number, h: number, count: number, z: number, n: number, out: number, f32: number, work: number): void;
  /**
   * p_G on an ascending float32 grid for `count` members' G of one hidden layer of h units on scalar noise, member L's
   * gridN f64 at out + 8·L·gridN (assembly/pushforward.ts); work: 2h² + 11h + 8 f64 and 20·((h + 1)·gridN + 2) bytes.
   */
  pushforwardRows(params: number, h: number, count: number, grid: number, gridN: number, out: number, work: number): void;
  /** Lanes of n float32 values between contiguous runs at flat and the kernel's 16-byte values (assembly/sort.ts). */
  interleave(flat: number, kernel: number, lanes: number, n: number, f32lanes: number, toKernel: number): void;
}

let compiled: object | null = null;

/** The kernel's module, compiled once per thread. */
function kernelModule(): object {
  if (compiled === null) {
    const bin = atob(FUSED_PAIR_WASM);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    compiled = new (wasmApi as WasmApi).Module(bytes);
  }
  return compiled;
}

/** Whether WebAssembly SIMD is here (the kernel compiles). */
export function simdAvailable(): boolean {
  if (wasmApi === undefined) return false;
  try {
    kernelModule();
    return true;
  } catch {
    return false;
  }
}

/** Whether the SIMD path trains this configuration here: the kernel runs its loss (every loss with a kernel code: all but WGAN-GP and hinge). */
export const simdFits = (c: TrainConfig): boolean => LOSSES[c.loss].kernelCode !== null && simdAvailable();

/** 16 bytes a value: an f64x2 (lanes 0–1, float64) or an f32x4 (lanes 0–3, float32). */
const V = 16;

/** A lane's values in the kernel's memory, W members to a 16-byte value: float64 lanes as f64, float32 lanes as f32. */
const laneView = (W: 2 | 4, f64: Float64Array, f32: Float32Array): { view: Float64Array | Float32Array; unit: 8 | 4 } =>
  W === 2 ? { view: f64, unit: 8 } : { view: f32, unit: 4 };

/** A network in the kernel's memory: its descriptor, parameter block, moments, gradient and workspace. */
export interface NetArea {
  P: number;
  desc: number;
  p: number;
  m: number;
  v: number;
  g: number;
  x: number;
  /** The last layer's outputs and the backward vector into the input. */
  out: number;
  back0: number;
  delta: number;
}

/** Offsets in the kernel's memory, each aligned to 16 bytes, from 0 (the heap base is added when placed). */
export class Bump {
  top = 0;
  take(bytes: number): number {
    const at = this.top;
    this.top += Math.ceil(bytes / V) * V;
    return at;
  }
}

/** The kernel's areas for a run: G's and D's, and the batch, output and scratch areas. */
export interface KernelAreas {
  G: NetArea;
  D: NetArea;
  realBuf: number;
  zBuf: number;
  outAt: number;
  scratch: number;
  scratchPairs: number;
}

/** Every setting of the kernel for a run, by name (the kernel reads them from the block writeKernelSettings writes). */
export function kernelSettings(c: TrainConfig, target: Distribution, areas: KernelAreas): KernelSettings {
  const { G, D } = areas;
  const gaussian = target.dim === 1 ? target.gaussian : undefined;
  return {
    gDesc: G.desc,
    gX: G.x,
    gOut: G.out,
    gDelta: G.delta,
    gGrad: G.g,
    gP: G.P,
    dDesc: D.desc,
    dX: D.x,
    dOut: D.out,
    dBack0: D.back0,
    dDelta: D.delta,
    dGrad: D.g,
    dP: D.P,
    B: c.batch,
    dim: target.dim,
    nz: c.noiseDim,
    dSteps: c.dSteps,
    code: kernelCodeOf(c),
    clipping: c.loss === 'wgan',
    clipC: c.clip,
    label: 1 - c.labelSmoothing,
    rms: OPTIMIZERS[c.optimizer ?? 'adam'].kernel === 'rmsprop',
    lrD: c.lrD,
    lrG: c.lrG,
    beta1: c.beta1,
    c1: 1 - c.beta1,
    beta2: c.beta2,
    c2: 1 - c.beta2,
    eps: c.eps,
    realBuf: areas.realBuf,
    zBuf: areas.zBuf,
    outAt: areas.outAt,
    drawData: gaussian !== undefined,
    mu: gaussian?.mu ?? 0,
    sigma: gaussian?.sigma ?? 1,
    scratch: areas.scratch,
    scratchPairs: areas.scratchPairs,
    bound: LOSS_BOUND,
  };
}

/** Where a network over up to `rows` rows goes: descriptor, parameters, moments, gradient, input, each layer's outputs and backward vectors, delta. */
function planNet(mem: Bump, sizes: number[], rows: number) {
  const net = layout(sizes);
  const desc = mem.take(4 + 24 * net.layers.length);
  const [p, m, v, g] = [0, 1, 2, 3].map(() => mem.take(net.P * V)) as [number, number, number, number];
  const x = mem.take(rows * (sizes[0] as number) * V);
  const layers = net.layers.map((L) => ({ L, acts: mem.take(rows * L.fout * V), back: mem.take(rows * L.fin * V) }));
  const delta = mem.take(rows * (sizes[sizes.length - 1] as number) * V);
  return { net, desc, p, m, v, g, x, layers, delta };
}

/** A kernel instance with room for `bytes` above its heap base, and views of its memory. */
export function instantiate(bytes: number): { k: Kernel; base: number; f64: Float64Array; f32: Float32Array; i32: Int32Array } {
  const instance = new (wasmApi as WasmApi).Instance(kernelModule(), {});
  const k = instance.exports as unknown as Kernel;
  const base = k.heapBase();
  const have = k.memory.buffer.byteLength;
  if (base + bytes > have) k.memory.grow(Math.ceil((base + bytes - have) / 65536));
  const buf = k.memory.buffer;
  return { k, base, f64: new Float64Array(buf), f32: new Float32Array(buf), i32: new Int32Array(buf) };
}

/** Writes a planned network's descriptor (see assembly/fused-pair.ts) and returns its addresses. */
function placeNet(i32: Int32Array, base: number, pl: ReturnType<typeof planNet>): NetArea {
  const at = (o: number) => base + o;
  const d = at(pl.desc) / 4;
  i32[d] = pl.net.layers.length;
  pl.layers.forEach(({ L, acts, back }, l) => i32.set([L.fin, L.fout, L.w, L.b, at(acts), at(back)], d + 1 + 6 * l));
  const last = pl.layers[pl.layers.length - 1] as (typeof pl.layers)[number];
  const first = pl.layers[0] as (typeof pl.layers)[number];
  return {
    P: pl.net.P,
    desc: at(pl.desc),
    p: at(pl.p),
    m: at(pl.m),
    v: at(pl.v),
    g: at(pl.g),
    x: at(pl.x),
    out: at(last.acts),
    back0: at(first.back),
    delta: at(pl.delta),
  };
}

/**
 * mlp.ts's forward of every member, two (float64) or four (float32) at a time in the kernel: x [K·N·n₀]
 * (member k's N rows at k·N·n₀) through each member's network p [K·P] → [K·N·n_L] float32, the same values
 * as the scalar loop in that precision (the fused engine's evaluation: D on the metric grid, G on the
 * evaluation noise).
 */
export function forwardPairs(p: Float32Array, sizes: number[], x: Float32Array, K: number, precision?: Precision, into?: Float32Array): Float32Array {
  const n0 = sizes[0] as number;
  const nL = sizes[sizes.length - 1] as number;
  const N = x.length / (K * n0);
  const ek = evalKernel(sizes, N);
  const res = into ?? new Float32Array(K * N * nL);
  const W = lanesOf(precision);
  const ny = N * nL;
  const flat32 = ek.flat / 4;
  for (let k0 = 0; k0 < K; k0 += W) {
    const lanes = forwardLanes(ek, p, x, K, k0, W, 0);
    for (let lane = 0; lane < lanes; lane++) res.set(ek.f32.subarray(flat32 + lane * ny, flat32 + (lane + 1) * ny), (k0 + lane) * ny);
  }
  return res;
}

/**
 * One lane group's forward (W = 2 members on float64 lanes, 4 on float32) in `ek`, members k0 … k0 + lanes − 1 (lanes =
 * min(W, K − k0), returned): the parameters lane by lane; the rows (many) copied whole into the staging area and
 * spread over the lanes by the kernel, and back, member k0 + L's N·n_L outputs left (float32) at lane `slot` + L
 * of the staging area (ek.f32 from ek.flat/4 + (slot + L)·N·n_L). With slot > 0 the rows are staged at lanes slot +
 * L too, above the lanes before `slot` (with n₀ ≥ n_L they leave those lanes' outputs alone).
 */
export function forwardLanes(ek: EvalKernel, p: Float32Array, x: Float32Array, K: number, k0: number, W: 2 | 4, slot: number): number {
  const { k, f64, f32, net, flat, n0, nL, N } = ek;
  if (slot > 0 && n0 < nL) throw new RangeError(`forwardLanes: lane slot ${slot} needs n0 ≥ nL; got ${n0} < ${nL}`);
  const { P } = net;
  const { view, unit } = laneView(W, f64, f32);
  const pAt = net.p / unit;
  const [nx, ny] = [N * n0, N * nL];
  const flat32 = flat / 4;
  const lanes = Math.min(W, K - k0);
  for (let lane = 0; lane < lanes; lane++) {
    const m = k0 + lane;
    const po = pAt + lane;
    const ps = m * P;
    for (let i = 0; i < P; i++) view[po + W * i] = p[ps + i] as number;
    f32.set(x.subarray(m * nx, (m + 1) * nx), flat32 + (slot + lane) * nx);
  }
  k.interleave(flat + 4 * slot * nx, net.x, lanes, nx, W === 4 ? 1 : 0, 1);
  if (W === 2) k.forward(net.desc, net.p, net.x, N);
  else k.forward32(net.desc, net.p, net.x, N);
  k.interleave(flat + 4 * slot * ny, net.out, lanes, ny, W === 4 ? 1 : 0, 0);
  return lanes;
}

/**
 * A kernel instance with a network of these sizes over N rows placed in it, its staging area (four lanes' rows,
 * contiguous) at `flat`, and `extra` bytes of room for the caller at `extraAt`.
 */
export interface EvalKernel {
  k: Kernel;
  f64: Float64Array;
  f32: Float32Array;
  net: NetArea;
  flat: number;
  extraAt: number;
  n0: number;
  nL: number;
  N: number;
}

/** The kernels of the last evaluations (G's and D's networks), kept: an instance per call maps new memory each time. */
const evalKernels = new Map<string, EvalKernel>();

/** An {@link EvalKernel} for these sizes, N rows and `extra` bytes, kept for the next call with the same. */
export function evalKernel(sizes: number[], N: number, extra = 0): EvalKernel {
  const key = `${sizes.join(',')}/${N}/${extra}`;
  const kept = evalKernels.get(key);
  if (kept !== undefined) return kept;
  const mem = new Bump();
  const pl = planNet(mem, sizes, N);
  const n0 = sizes[0] as number;
  const nL = sizes[sizes.length - 1] as number;
  const flat = mem.take(4 * 4 * N * Math.max(n0, nL));
  const extraAt = mem.take(extra);
  const { k, base, f64, f32, i32 } = instantiate(mem.top);
  const made = { k, f64, f32, net: placeNet(i32, base, pl), flat: base + flat, extraAt: base + extraAt, n0, nL, N };
  // G's and D's (and G's for the metrics), of one run at a time
  if (evalKernels.size >= 6) evalKernels.clear();
  evalKernels.set(key, made);
  return made;
}

/** The instance of {@link sigmoidsF32}, kept, with room for `n` values in and out. */
let sigmoidKernel: { k: Kernel; f32: Float32Array; at: number; out: number; n: number } | null = null;

/**
 * numeric's sigmoid of every logit, each rounded to float32 (as a Float32Array store rounds it), into `into` (as long
 * as `logits`): in the kernel, four at a time, where it compiles (the same values), else here.
 */
export function sigmoidsF32(logits: Float32Array, into: Float32Array): Float32Array {
  const n = logits.length;
  if (into.length !== n) throw new RangeError(`sigmoidsF32: into must hold ${n} values; got ${into.length}`);
  if (!simdAvailable()) {
    for (let i = 0; i < n; i++) into[i] = sigmoid(logits[i] as number);
    return into;
  }
  if (sigmoidKernel === null || sigmoidKernel.n < n) {
    const mem = new Bump();
    const at = mem.take(4 * n);
    const out = mem.take(4 * n);
    const { k, base, f32 } = instantiate(mem.top);
    sigmoidKernel = { k, f32, at: base + at, out: base + out, n };
  }
  const { k, f32, at, out } = sigmoidKernel;
  f32.set(logits, at / 4);
  k.sigmoidF32(at, n, out);
  into.set(f32.subarray(out / 4, out / 4 + n));
  return into;
}

/** Pairs keep their own parameter blocks in the kernel's memory while these fit in this many bytes. */
const RESIDENT_BYTES = 128 * 2 ** 20;

/** Steps per pass over the pairs: the room for Adam's corrections, one per D step and one for G's, at each step. */
const PASS = 256;

/** The kernel's code for the configuration's loss (the registry's, losses/), which the kernel must run. */
function kernelCodeOf(c: TrainConfig): number {
  const code = LOSSES[c.loss].kernelCode;
  if (code === null) throw new Error(`the SIMD kernel does not run the ${c.loss} loss`);
  return code;
}

/** Per member in the kernel: its data generator's state, then its noise generator's, two u64 each. */
const RNG_BYTES = 32;

/** A generator's state from the kernel (u64 s0 = s01:s00, s1 = s11:s10, little-endian) as pure-rand's words [s01, s00, s11, s10]. */
function rngFrom(i32: Int32Array, at: number, like: Rng): Rng {
  const w = at / 4;
  const state = [i32[w + 1], i32[w], i32[w + 3], i32[w + 2]] as number[];
  return Rng.restore({ algorithm: 'xoroshiro128+', seed: like.seed, stream: like.streamIndex, state });
}

/** A generator's state into the kernel, the inverse of {@link rngFrom}. */
function rngInto(i32: Int32Array, at: number, r: Rng): void {
  const [s01, s00, s11, s10] = r.save().state as [number, number, number, number];
  i32.set([s00, s01, s10, s11], at / 4);
}

export class SimdMembers {
  private readonly k: Kernel;
  /** Per pair, the addresses of its G and D parameters and moments (all pairs share one block unless resident). */
  private readonly blocks: { g: [number, number, number]; d: [number, number, number] }[];
  /** Resident: every pair's block stays in the kernel's memory between runs, written back by {@link flush}. */
  private readonly resident: boolean;
  private loaded = false;
  /** Resident pairs have run since the last {@link flush}. */
  private dirty = false;
  private readonly f64: Float64Array;
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;
  /** Members a kernel value holds: 2 (float64 lanes) or 4 (float32 lanes). */
  private readonly W: 2 | 4;
  private readonly G: NetArea;
  private readonly D: NetArea;
  /** The kernel's batch of real rows, its outputs (per lane: D's loss, G's loss, status), Adam's corrections, the generators. */
  private readonly realAt: number;
  private readonly outAt: number;
  private readonly corrAt: number;
  private readonly rngAt: number;
  /** The data drawn in the kernel (a normal target), else here, from each member's data generator (into `real`, then the kernel's lane). */
  private readonly drawsData: boolean;
  private readonly real: Float32Array;

  constructor(
    private readonly c: TrainConfig,
    private readonly target: Distribution,
    private readonly state: NetState,
    private readonly report: StepReport,
    readonly first: number,
    private readonly rngs: MemberRngs[],
  ) {
    const dim = target.dim;
    const B = c.batch;
    const mem = new Bump();
    const sizes = networkSizes(c, dim);
    const gPlan = planNet(mem, sizes.g, B);
    const dPlan = planNet(mem, sizes.d, 2 * B);
    const W = lanesOf(c.precision);
    this.W = W;
    const pairs = Math.ceil(rngs.length / W);
    // float32 lanes draw a quad as two pairs of float64 values, so their batch areas hold twice the values
    const draws = W === 4 ? 2 : 1;
    const real = mem.take(draws * c.dSteps * B * dim * V);
    const z = mem.take(draws * c.dSteps * B * c.noiseDim * V);
    // per lane (up to four): D's loss (f64), then G's (f64), then the status (i32)
    const out = mem.take(80);
    const settings = mem.take(KERNEL_SETTINGS_BYTES);
    const scratchPairs = c.dSteps * B * Math.max(dim, c.noiseDim);
    const scratch = mem.take(2 * scratchPairs * V);
    const corr = mem.take(PASS * (c.dSteps + 1) * V);
    const rng = mem.take(pairs * W * RNG_BYTES);
    const blockBytes = 3 * (gPlan.net.P + dPlan.net.P) * V;
    this.resident = pairs * blockBytes <= RESIDENT_BYTES;
    const extra = this.resident ? pairs - 1 : 0;
    const three = (P: number) => [mem.take(P * V), mem.take(P * V), mem.take(P * V)] as [number, number, number];
    const more = Array.from({ length: extra }, () => ({ g: three(gPlan.net.P), d: three(dPlan.net.P) }));
    const { k, base, f64, f32, i32 } = instantiate(mem.top);
    this.k = k;
    this.f64 = f64;
    this.f32 = f32;
    this.i32 = i32;
    const G = placeNet(i32, base, gPlan);
    const D = placeNet(i32, base, dPlan);
    this.G = G;
    this.D = D;
    const at = (b: [number, number, number]) => b.map((o) => base + o) as [number, number, number];
    this.blocks = [{ g: [G.p, G.m, G.v], d: [D.p, D.m, D.v] }, ...more.map((b) => ({ g: at(b.g), d: at(b.d) }))];
    [this.realAt, this.outAt, this.corrAt, this.rngAt] = [real, out, corr, rng].map((o) => base + o) as [number, number, number, number];
    const gaussian = target.dim === 1 ? target.gaussian : undefined;
    this.drawsData = gaussian !== undefined;
    this.real = new Float32Array(c.dSteps * B * dim);
    // every setting by name (kernel-settings.ts and assembly/settings.ts are generated from one table)
    writeKernelSettings(
      k.memory.buffer,
      base + settings,
      kernelSettings(c, target, {
        G,
        D,
        realBuf: this.realAt,
        zBuf: base + z,
        outAt: this.outAt,
        scratch: base + scratch,
        scratchPairs,
      }),
    );
    k.configure(base + settings);
    rngs.forEach((r, i) => {
      rngInto(i32, this.rngAt + i * RNG_BYTES, r.data);
      rngInto(i32, this.rngAt + i * RNG_BYTES + 16, r.noise);
    });
  }

  /** The members' generator states (for checkpoints), in member order: the kernel's, where it draws. */
  rngStates(): { data: RngState[]; noise: RngState[]; gp: RngState[] } {
    this.rngs.forEach((r, i) => {
      if (this.drawsData) r.data = rngFrom(this.i32, this.rngAt + i * RNG_BYTES, r.data);
      r.noise = rngFrom(this.i32, this.rngAt + i * RNG_BYTES + 16, r.noise);
    });
    return saveRngs(this.rngs);
  }

  /** As FusedMembers.run: steps [from, from + n) for this range; the stops in step order. */
  run(from: number, n: number, tD: number, tG: number): StopRecord[] {
    const stops: StopRecord[] = [];
    for (let s0 = 0; s0 < n; s0 += PASS) {
      const m = Math.min(PASS, n - s0);
      this.corrections(m, tD + s0 * this.c.dSteps, tG + s0);
      const first = !this.loaded;
      for (let i = 0; i < this.rngs.length; i += this.W) {
        const lanes = this.group(i);
        this.use(i / this.W);
        if (first || !this.resident) this.load(lanes);
        for (let s = 0; s < m; s++) this.step(lanes, i / this.W, from + s0 + s, s, stops);
        if (!this.resident) this.store(lanes);
      }
      this.loaded = true;
    }
    this.dirty = this.resident;
    return stops.sort((a, b) => a.step - b.step || a.member - b.member);
  }

  /** Adam's corrections for m steps from Adam's counts tD, tG: (step size, √(1 − β₂ᵗ)) for each D step, then G's (optimizers/adam.ts `adamCorrections`). */
  private corrections(m: number, tD: number, tG: number): void {
    const { c, f64 } = this;
    if (c.optimizer === 'rmsprop') return;
    const o = this.corrAt / 8;
    const per = c.dSteps + 1;
    for (let s = 0; s < m; s++) {
      for (let d = 0; d <= c.dSteps; d++) {
        const t = d < c.dSteps ? tD + s * c.dSteps + d + 1 : tG + s + 1;
        const { stepSize, bc2Sqrt } = adamCorrections({ lr: d < c.dSteps ? c.lrD : c.lrG, beta1: c.beta1, beta2: c.beta2, t });
        f64[o + 2 * (s * per + d)] = stepSize;
        f64[o + 2 * (s * per + d) + 1] = bc2Sqrt;
      }
    }
  }

  /** Writes every pair's parameters and moments back to the float32 arrays (resident pairs only live in the kernel). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (let i = 0; i < this.rngs.length; i += this.W) {
      this.use(i / this.W);
      this.store(this.group(i));
    }
  }

  /** The members of the pair or quad that starts at range index i (fewer at the end of the range). */
  private group(i: number): number[] {
    return Array.from({ length: Math.min(this.W, this.rngs.length - i) }, (_, lane) => this.first + i + lane);
  }

  /** Points the networks at pair q's block. */
  private use(q: number): void {
    const b = this.blocks[this.resident ? q : 0] as (typeof this.blocks)[number];
    [this.G.p, this.G.m, this.G.v] = b.g;
    [this.D.p, this.D.m, this.D.v] = b.d;
  }

  /** A pair's or quad's parameters and moments into the kernel's lanes (float32 values, exact in float64). */
  private load(members: number[]): void {
    this.transfer(members, true);
  }

  /** A pair's parameters and moments back to the float32 arrays (the lanes hold float32 values). */
  private store(members: number[]): void {
    this.transfer(members, false);
  }

  private transfer(members: number[], toKernel: boolean): void {
    const { state, G, D, W } = this;
    const { view, unit } = laneView(W, this.f64, this.f32);
    const blocks: [number, Float32Array, number][] = [
      [G.p, state.gp, G.P],
      [G.m, state.gm, G.P],
      [G.v, state.gv, G.P],
      [D.p, state.dp, D.P],
      [D.m, state.dm, D.P],
      [D.v, state.dv, D.P],
    ];
    members.forEach((k, lane) => {
      for (const [at, arr, P] of blocks) {
        const o = at / unit + lane;
        if (toKernel) for (let i = 0; i < P; i++) view[o + W * i] = arr[k * P + i] as number;
        else for (let i = 0; i < P; i++) arr[k * P + i] = view[o + W * i] as number;
      }
    });
  }

  /**
   * Step `step` of pair q (or a last single member), the s-th of this pass, in the kernel
   * (assembly/step.ts, FusedMembers.memberStep's order); the data drawn here first where the
   * kernel does not draw it, rounded to float32 as drawBatch's arrays round it.
   */
  private step(members: number[], q: number, step: number, s: number, stops: StopRecord[]): void {
    const { c, k, f64, i32, report, W } = this;
    const { view, unit } = laneView(W, f64, this.f32);
    let mask = 0;
    members.forEach((m, lane) => {
      if (!this.drawsData) {
        const real = this.real;
        drawReal(c, this.target, (this.rngs[m - this.first] as MemberRngs).data, real);
        const o = this.realAt / unit + lane;
        for (let i = 0; i < real.length; i++) view[o + W * i] = real[i] as number;
      }
      if (report.active[m] === 1) mask |= 1 << lane;
    });
    const corr = this.corrAt + s * (c.dSteps + 1) * V;
    const stepOf = W === 2 ? k.pairStep : k.quadStep;
    stepOf(this.G.p, this.G.m, this.G.v, this.D.p, this.D.m, this.D.v, this.rngAt + W * q * RNG_BYTES, members.length, mask, corr);
    const out = this.outAt / 8;
    members.forEach((m, lane) => {
      report.dLoss[m] = f64[out + lane] as number;
      report.gLoss[m] = f64[out + 4 + lane] as number;
      const status = i32[this.outAt / 4 + 16 + lane] as number;
      if (status !== 0) recordStop(report, stops, m, step, status as typeof STEP_STOPPED_D | typeof STEP_STOPPED_G);
    });
  }
}

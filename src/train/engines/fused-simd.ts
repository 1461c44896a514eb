/**
 * The fused engine's work on a range of members, two at a time in WebAssembly SIMD: the linear
 * algebra of mlp.ts and adam.ts in the kernel assembly/fused-pair.ts (one f64x2 lane per member),
 * the row losses (exp, log1p) here in JavaScript from losses.ts, and the batches from each member's
 * own generators as in fused-members.ts. Each lane computes exactly what the scalar code computes
 * for its member (the kernel's notes say why), so this path and FusedMembers give the same bytes for
 * any pairing, any split over threads and either lane (tested); it is simply faster.
 *
 * A pair's parameters and moments live in the kernel's memory, as float64 lanes holding float32
 * values: while every pair's block fits (RESIDENT_BYTES) they stay there between runs and go back
 * to the shared float32 arrays when these are read (flush); otherwise at the end of each run.
 *
 * WGAN-GP's penalty (a second-order term) is not in the kernel: that loss runs on FusedMembers.
 */
import type { TrainConfig } from '../config.js';
import { adamCorrections } from '../adam.js';
import { dRow, gRow, lossOk, type RowLoss } from '../losses.js';
import { layout, networkSizes } from '../mlp.js';
import type { Distribution } from '../../numeric/distributions.js';
import type { RngState } from '../../numeric/rng.js';
import { FUSED_PAIR_WASM } from './fused-pair-wasm.js';
import {
  drawBatch,
  memberBatch,
  recordStop,
  saveRngs,
  STEP_STOPPED_D,
  STEP_STOPPED_G,
  type MemberBatch,
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

interface Kernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  forward(desc: number, p: number, x: number, n: number): void;
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

/** Whether the SIMD path trains this configuration (every loss but WGAN-GP) here. */
export const simdFits = (c: TrainConfig): boolean => c.loss !== 'wgan-gp' && simdAvailable();

/** 16 bytes a value: an f64x2, lane 0 and lane 1. */
const V = 16;

/** A network in the kernel's memory: its descriptor, parameter block, moments, gradient and workspace. */
interface NetArea {
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
class Bump {
  top = 0;
  take(bytes: number): number {
    const at = this.top;
    this.top += Math.ceil(bytes / V) * V;
    return at;
  }
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
function instantiate(bytes: number): { k: Kernel; base: number; f64: Float64Array; i32: Int32Array } {
  const instance = new (wasmApi as WasmApi).Instance(kernelModule(), {});
  const k = instance.exports as unknown as Kernel;
  const base = k.heapBase();
  const have = k.memory.buffer.byteLength;
  if (base + bytes > have) k.memory.grow(Math.ceil((base + bytes - have) / 65536));
  return { k, base, f64: new Float64Array(k.memory.buffer), i32: new Int32Array(k.memory.buffer) };
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
 * mlp.ts's forward of every member, two at a time in the kernel: x [K·N·n₀] (member k's N rows at
 * k·N·n₀) through each member's network p [K·P] → [K·N·n_L] float32, the same values as the
 * scalar loop (the fused engine's evaluation: D on the metric grid, G on the evaluation noise).
 */
export function forwardPairs(p: Float32Array, sizes: number[], x: Float32Array, K: number): Float32Array {
  const n0 = sizes[0] as number;
  const nL = sizes[sizes.length - 1] as number;
  const N = x.length / (K * n0);
  const mem = new Bump();
  const pl = planNet(mem, sizes, N);
  const { k, base, f64, i32 } = instantiate(mem.top);
  const net = placeNet(i32, base, pl);
  const res = new Float32Array(K * N * nL);
  const { P } = net;
  for (let k0 = 0; k0 < K; k0 += 2) {
    const lanes = Math.min(2, K - k0);
    for (let lane = 0; lane < lanes; lane++) {
      const m = k0 + lane;
      for (let i = 0; i < P; i++) f64[net.p / 8 + 2 * i + lane] = p[m * P + i] as number;
      for (let i = 0; i < N * n0; i++) f64[net.x / 8 + 2 * i + lane] = x[m * N * n0 + i] as number;
    }
    k.forward(net.desc, net.p, net.x, N);
    for (let lane = 0; lane < lanes; lane++) {
      const m = k0 + lane;
      for (let i = 0; i < N * nL; i++) res[m * N * nL + i] = f64[net.out / 8 + 2 * i + lane] as number;
    }
  }
  return res;
}

/** Pairs keep their own parameter blocks in the kernel's memory while these fit in this many bytes. */
const RESIDENT_BYTES = 128 * 2 ** 20;

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
  private readonly G: NetArea;
  private readonly D: NetArea;
  private readonly row: RowLoss = { loss: 0, slope: 0 };
  /** Each lane's batch for every D step, as FusedMembers draws it. */
  private readonly batch: [MemberBatch, MemberBatch];

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
    const pairs = Math.ceil(rngs.length / 2);
    const blockBytes = 3 * (gPlan.net.P + dPlan.net.P) * V;
    this.resident = pairs * blockBytes <= RESIDENT_BYTES;
    const extra = this.resident ? pairs - 1 : 0;
    const three = (P: number) => [mem.take(P * V), mem.take(P * V), mem.take(P * V)] as [number, number, number];
    const more = Array.from({ length: extra }, () => ({ g: three(gPlan.net.P), d: three(dPlan.net.P) }));
    const { k, base, f64, i32 } = instantiate(mem.top);
    this.k = k;
    this.f64 = f64;
    this.G = placeNet(i32, base, gPlan);
    this.D = placeNet(i32, base, dPlan);
    const at = (b: [number, number, number]) => b.map((o) => base + o) as [number, number, number];
    this.blocks = [{ g: [this.G.p, this.G.m, this.G.v], d: [this.D.p, this.D.m, this.D.v] }, ...more.map((b) => ({ g: at(b.g), d: at(b.d) }))];
    this.batch = [memberBatch(c, dim), memberBatch(c, dim)];
  }

  /** The members' generator states (for checkpoints), in member order. */
  rngStates(): { data: RngState[]; noise: RngState[]; gp: RngState[] } {
    return saveRngs(this.rngs);
  }

  /** As FusedMembers.run: steps [from, from + n) for this range; the stops in step order. */
  run(from: number, n: number, tD: number, tG: number): StopRecord[] {
    const stops: StopRecord[] = [];
    const first = !this.loaded;
    for (let i = 0; i < this.rngs.length; i += 2) {
      const lanes = i + 1 < this.rngs.length ? [this.first + i, this.first + i + 1] : [this.first + i];
      this.use(i / 2);
      if (first || !this.resident) this.load(lanes);
      for (let s = 0; s < n; s++) this.step(lanes, from + s, tD + s * this.c.dSteps, tG + s, stops);
      if (!this.resident) this.store(lanes);
    }
    this.loaded = true;
    this.dirty = this.resident;
    return stops.sort((a, b) => a.step - b.step || a.member - b.member);
  }

  /** Writes every pair's parameters and moments back to the float32 arrays (resident pairs only live in the kernel). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (let i = 0; i < this.rngs.length; i += 2) {
      this.use(i / 2);
      this.store(i + 1 < this.rngs.length ? [this.first + i, this.first + i + 1] : [this.first + i]);
    }
  }

  /** Points the networks at pair q's block. */
  private use(q: number): void {
    const b = this.blocks[this.resident ? q : 0] as (typeof this.blocks)[number];
    [this.G.p, this.G.m, this.G.v] = b.g;
    [this.D.p, this.D.m, this.D.v] = b.d;
  }

  /** A pair's parameters and moments into the kernel's lanes (float32 values, exact in float64). */
  private load(members: number[]): void {
    this.transfer(members, true);
  }

  /** A pair's parameters and moments back to the float32 arrays (the lanes hold float32 values). */
  private store(members: number[]): void {
    this.transfer(members, false);
  }

  private transfer(members: number[], toKernel: boolean): void {
    const { f64, state, G, D } = this;
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
        const o = at / 8 + lane;
        if (toKernel) for (let i = 0; i < P; i++) f64[o + 2 * i] = arr[k * P + i] as number;
        else for (let i = 0; i < P; i++) arr[k * P + i] = f64[o + 2 * i] as number;
      }
    });
  }

  /** n values of each lane's source (pick(batch[lane]) from offset o) into the kernel at `at`, interleaved. */
  private put(at: number, pick: (b: MemberBatch) => Float32Array, o: number, n: number, lanes: number): void {
    const f64 = this.f64;
    const base = at / 8;
    for (let lane = 0; lane < lanes; lane++) {
      const a = pick(this.batch[lane] as MemberBatch);
      for (let i = 0; i < n; i++) f64[base + 2 * i + lane] = a[o + i] as number;
    }
  }

  /** One step of a pair (or a last single member), as FusedMembers.memberStep does for each. */
  private step(members: number[], step: number, tD: number, tG: number, stops: StopRecord[]): void {
    const { c, k, f64, G, D, report, row } = this;
    const B = c.batch;
    const dim = this.target.dim;
    const nz = c.noiseDim;
    // every member draws its batch, stopped or not
    let mask = 0;
    members.forEach((m, lane) => {
      drawBatch(c, this.target, this.rngs[m - this.first] as MemberRngs, this.batch[lane] as MemberBatch);
      report.dLoss[m] = NaN;
      report.gLoss[m] = NaN;
      if (report.active[m] === 1) mask |= 1 << lane;
    });
    if (mask === 0) return;
    const stop = (lane: number, status: typeof STEP_STOPPED_D | typeof STEP_STOPPED_G) => {
      mask &= ~(1 << lane);
      recordStop(report, stops, members[lane] as number, step, status);
    };
    const label = 1 - c.labelSmoothing;
    const lanes = members.length;
    for (let s = 0; s < c.dSteps && mask !== 0; s++) {
      // G's fakes for this D step; then D's input: the real rows, then the fakes
      this.put(G.x, (b) => b.z, s * B * nz, B * nz, lanes);
      k.forward(G.desc, G.p, G.x, B);
      this.put(D.x, (b) => b.real, s * B * dim, B * dim, lanes);
      f64.copyWithin(D.x / 8 + 2 * B * dim, G.out / 8, G.out / 8 + 2 * B * dim);
      k.forward(D.desc, D.p, D.x, 2 * B);
      const out = D.out / 8;
      const delta = D.delta / 8;
      for (let lane = 0; lane < lanes; lane++) {
        if ((mask & (1 << lane)) === 0) continue;
        let lr = 0;
        let lf = 0;
        for (let r = 0; r < B; r++) {
          dRow(c.loss, true, f64[out + 2 * r + lane] as number, label, row);
          lr += row.loss;
          f64[delta + 2 * r + lane] = row.slope / B;
          dRow(c.loss, false, f64[out + 2 * (B + r) + lane] as number, label, row);
          lf += row.loss;
          f64[delta + 2 * (B + r) + lane] = row.slope / B;
        }
        report.dLoss[members[lane] as number] = lr / B + lf / B;
      }
      f64.fill(0, D.g / 8, D.g / 8 + 2 * D.P);
      k.backward(D.desc, D.p, D.x, D.delta, 2 * B, D.g, 0);
      // the loss is reported in float32: one that overflows it stops the member too
      for (let lane = 0; lane < lanes; lane++) {
        if ((mask & (1 << lane)) !== 0 && !lossOk(report.dLoss[members[lane] as number] as number)) stop(lane, STEP_STOPPED_D);
      }
      if (mask === 0) return;
      this.update(D, c.lrD, tD + s + 1, mask);
      if (c.loss === 'wgan') k.clip(D.p, D.P, c.clip, mask);
    }
    // the G step on the last D step's fakes, through the updated D
    f64.copyWithin(D.x / 8, G.out / 8, G.out / 8 + 2 * B * dim);
    k.forward(D.desc, D.p, D.x, B);
    const out = D.out / 8;
    const delta = D.delta / 8;
    for (let lane = 0; lane < lanes; lane++) {
      if ((mask & (1 << lane)) === 0) continue;
      let loss = 0;
      for (let r = 0; r < B; r++) {
        gRow(c.loss, f64[out + 2 * r + lane] as number, row);
        loss += row.loss;
        f64[delta + 2 * r + lane] = row.slope / B;
      }
      report.gLoss[members[lane] as number] = loss / B;
    }
    k.backward(D.desc, D.p, D.x, D.delta, B, 0, 1);
    f64.copyWithin(G.delta / 8, D.back0 / 8, D.back0 / 8 + 2 * B * dim);
    f64.fill(0, G.g / 8, G.g / 8 + 2 * G.P);
    k.backward(G.desc, G.p, G.x, G.delta, B, G.g, 0);
    for (let lane = 0; lane < lanes; lane++) {
      if ((mask & (1 << lane)) !== 0 && !lossOk(report.gLoss[members[lane] as number] as number)) stop(lane, STEP_STOPPED_G);
    }
    if (mask === 0) return;
    this.update(G, c.lrG, tG + 1, mask);
  }

  /** The optimizer's step on a network for the lanes in mask (adam.ts's arithmetic, in the kernel). */
  private update(net: NetArea, lr: number, t: number, mask: number): void {
    const { c, k } = this;
    if (c.optimizer === 'rmsprop') {
      k.rmsprop(net.p, net.v, net.g, net.P, lr, c.beta2, 1 - c.beta2, c.eps, mask);
      return;
    }
    const { stepSize, bc2Sqrt } = adamCorrections({ lr, beta1: c.beta1, beta2: c.beta2, t });
    k.adam(net.p, net.m, net.v, net.g, net.P, stepSize, bc2Sqrt, c.eps, c.beta1, 1 - c.beta1, c.beta2, 1 - c.beta2, mask);
  }
}

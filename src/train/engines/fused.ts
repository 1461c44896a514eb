/**
 * The fused engine: the whole step (every D update, the G update, both optimizers) as plain float
 * arithmetic per member (fused-members.ts), the state in typed arrays. On one thread the members
 * run in order in this thread; with `threads` = T > 1 they are split into T contiguous ranges, one
 * per worker thread (node:worker_threads), over shared memory. Each member's arithmetic is the same
 * in either case, so a run's bytes do not depend on T (tested).
 *
 * The pool is node:worker_threads itself, not a task pool such as piscina or tinypool: each worker
 * keeps its members' generators and workspaces for the whole run, so the work is a fixed partition,
 * not a queue of tasks that any worker may take.
 */
import type { Precision, TrainConfig } from '../config.js';
import { forwardFrom, layout, networkSizes, Workspace } from '../mlp.js';
import { roundFor } from '../round.js';
import type { Dist1D, Distribution } from '../../numeric/distributions/index.js';
import { saveRngs, type MemberRngs, type NetState, type StepReport } from './fused-members.js';
import { forwardPairs, simdAvailable } from './fused-simd.js';
import { makeMembers } from './members.js';
import { generatedMembers } from '../sorted-samples.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './fused-protocol.js';
import type { Points, StepEngine } from './types.js';

/**
 * G's output (or D's) for every member: x [K·N·n₀] → [K·N·n_L] float32 in the run's arithmetic (the scalar loop;
 * forwardPairs gives the same values).
 */
function forwardAll(p: Float32Array, sizes: number[], x: Float32Array, K: number, precision?: Precision, into?: Float32Array): Float32Array {
  const net = layout(sizes);
  const n0 = sizes[0] as number;
  const nL = sizes[sizes.length - 1] as number;
  const N = x.length / (K * n0);
  const ws = new Workspace(net, N, roundFor(precision));
  const res = into ?? new Float32Array(K * N * nL);
  for (let k = 0; k < K; k++) res.set(forwardFrom(p, k * net.P, ws, x, k * N * n0, N).subarray(0, N * nL), k * N * nL);
  return res;
}

/** Float32 arrays of these lengths, on shared memory when `shared`. */
function arrays<T extends string>(lengths: Record<T, number>, shared: boolean): Record<T, Float32Array> {
  const out = {} as Record<T, Float32Array>;
  for (const [k, n] of Object.entries(lengths) as [T, number][]) out[k] = new Float32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
  return out;
}

/**
 * The fused engine over K members of a GAN on `target` with these initial parameters and moments, generators and
 * active flags (1 = training). `threads` worker threads (at most K); 1 runs in this thread. `simd`
 * false: the scalar code everywhere (same bytes).
 */
export async function fusedEngine(
  c: TrainConfig,
  target: Distribution,
  K: number,
  init: NetState,
  rngs: MemberRngs[],
  active: Uint8Array,
  threads: number,
  simd = true,
): Promise<StepEngine> {
  const { g: gSizes, d: dSizes } = networkSizes(c, target.dim);
  const T = Math.min(threads, K);
  const shared = T > 1;
  const state = arrays({ gp: init.gp.length, gm: init.gm.length, gv: init.gv.length, dp: init.dp.length, dm: init.dm.length, dv: init.dv.length }, shared);
  for (const k of Object.keys(state) as (keyof NetState)[]) state[k].set(init[k]);
  const losses = arrays({ dLoss: K, gLoss: K }, shared);
  const report: StepReport = {
    active: new Uint8Array(shared ? new SharedArrayBuffer(K) : new ArrayBuffer(K)),
    dLoss: losses.dLoss.fill(NaN),
    gLoss: losses.gLoss.fill(NaN),
  };
  report.active.set(active);
  // on one thread the members run here; the state is made current before it is read (the SIMD
  // path keeps it in its own memory); workers flush after every run
  const members = T === 1 ? makeMembers(c, target, state, report, 0, rngs, simd) : null;
  const current = () => {
    members?.flush();
    return state;
  };
  const forwardIn = simd && simdAvailable() ? forwardPairs : forwardAll;
  const forward = (p: Float32Array, sizes: number[], x: Float32Array, into?: Float32Array) => forwardIn(p, sizes, x, K, c.precision, into);
  // the scratch evaluations' arrays, kept from one measurement to the next (see StepEngine.evaluate)
  const kept = { samples: new Float32Array(0), logits: new Float32Array(0) };
  const keep = (name: 'samples' | 'logits', n: number) => {
    if (kept[name].length !== n) kept[name] = new Float32Array(n);
    return kept[name];
  };
  const common = {
    report,
    state: current,
    evaluate(z: Points, x: Points, scratch = false) {
      const nS = (z.data.length / z.shape[2]) * (gSizes[gSizes.length - 1] as number);
      const nL = x.data.length / x.shape[2];
      return {
        samples: forward(current().gp, gSizes, z.data, scratch ? keep('samples', nS) : undefined),
        logits: forward(current().dp, dSizes, x.data, scratch ? keep('logits', nL) : undefined),
      };
    },
    critic: (x: Points) => forward(current().dp, dSizes, x.data),
    // G's samples summarised where the kernel made them (sorted-samples.ts)
    ...(forwardIn === forwardPairs && gSizes[gSizes.length - 1] === 1
      ? {
          summarise: (z: Points, x: Points, target: Dist1D) => ({
            one: generatedMembers(current().gp, gSizes, z.data, K, z.shape[1], c.precision, target),
            logits: forward(current().dp, dSizes, x.data, keep('logits', x.data.length / x.shape[2])),
          }),
        }
      : {}),
  };
  if (members !== null) {
    // one step a run: shouldStop is polled before every step here
    return { ...common, chunk: 1, run: (from, n, tD, tG) => members.run(from, n, tD, tG), rngStates: () => members.rngStates(), dispose() {} };
  }
  const pool = await startPool(c, K, T, rngs, state, report, simd);
  return {
    ...common,
    chunk: chunkFor(K),
    async run(from, n, tD, tG) {
      const replies = await pool.ask({ kind: 'run', from, n, tD, tG });
      const stops = replies.flatMap((r) => (r.kind === 'run' ? r.stops : []));
      return stops.sort((a, b) => a.step - b.step || a.member - b.member);
    },
    async rngStates() {
      const replies = await pool.ask({ kind: 'rng' });
      const out: WorkerInit['rng'] = { data: [], noise: [], gp: [] };
      for (const r of replies) {
        if (r.kind !== 'rng') continue;
        out.data.push(...r.rng.data);
        out.noise.push(...r.rng.noise);
        out.gp.push(...r.rng.gp);
      }
      return out;
    },
    dispose: () => pool.close(),
  };
}

/** Steps per run: about 65536 member-steps (a few tenths of a second) between two looks at the signals. */
const chunkFor = (K: number) => Math.max(1, Math.min(256, Math.ceil(65536 / K)));

interface Pool {
  ask(req: WorkerRequest): Promise<WorkerReply[]>;
  close(): Promise<void>;
}

/** The worker script: the built file, or, when running from the TypeScript sources, the .ts file through tsx. */
async function spawn(init: WorkerInit) {
  // imported here, not at the top: the playground bundles this file for the browser (one thread)
  const { Worker } = await import('node:worker_threads');
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./fused-worker.js', here), { workerData: init });
  // tsx's ESM entry (the package's "./esm/api" import condition), found from its package.json
  const pkg = createRequire(here).resolve('tsx/package.json');
  const tsx = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const script = new URL('./fused-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

async function startPool(c: TrainConfig, K: number, T: number, rngs: MemberRngs[], state: NetState, report: StepReport, simd: boolean): Promise<Pool> {
  const workers: Awaited<ReturnType<typeof spawn>>[] = [];
  for (let w = 0; w < T; w++) {
    const first = Math.floor((w * K) / T);
    const end = Math.floor(((w + 1) * K) / T);
    const mine = rngs.slice(first, end);
    const rng = saveRngs(mine);
    workers.push(await spawn({ config: c, K, first, rng, state, report, simd }));
  }
  const ask = (req: WorkerRequest) =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<WorkerReply>((resolve, reject) => {
            const onError = (e: Error) => reject(e);
            w.once('error', onError);
            w.once('message', (m: WorkerReply) => {
              w.off('error', onError);
              if (m.kind === 'error') reject(new Error(m.message));
              else resolve(m);
            });
            w.postMessage(req);
          }),
      ),
    );
  return {
    ask,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The messages between the fused engine and its worker threads, and the workers' generators from their states. */
import type { TrainConfig } from '../config.js';
import { Rng, type RngState } from '../../numeric/rng.js';
import type { MemberRngs, NetState, StepReport, StopRecord } from './fused-members.js';

/** What a worker is given to start: its range, its generators, and the shared arrays. */
export interface WorkerInit {
  config: TrainConfig;
  K: number;
  first: number;
  rng: { data: RngState[]; noise: RngState[]; gp: RngState[] };
  state: NetState;
  report: StepReport;
  /** false: the scalar code even where the SIMD kernel applies. */
  simd: boolean;
}

export type WorkerRequest = { kind: 'run'; from: number; n: number; tD: number; tG: number } | { kind: 'rng' };
export type WorkerReply = { kind: 'run'; stops: StopRecord[] } | { kind: 'rng'; rng: WorkerInit['rng'] } | { kind: 'error'; message: string };

/** Rebuilds a worker's generators from their saved states. */
export function restoreRngs(rng: WorkerInit['rng']): MemberRngs[] {
  return rng.data.map((d, i) => ({ data: Rng.restore(d), noise: Rng.restore(rng.noise[i] as RngState), gp: Rng.restore(rng.gp[i] as RngState) }));
}

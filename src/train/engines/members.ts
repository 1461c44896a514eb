/**
 * The fused engine's worker for a range of members: the SIMD kernel where it applies (every loss
 * but WGAN-GP, where WebAssembly SIMD exists), else the scalar code. The two give the same bytes.
 */
import type { TrainConfig } from '../config.js';
import type { Distribution } from '../../numeric/distributions/index.js';
import type { RngState } from '../../numeric/rng.js';
import { FusedMembers, type MemberRngs, type NetState, type StepReport, type StopRecord } from './fused-members.js';
import { SimdMembers, simdFits } from './fused-simd.js';

export interface Members {
  run(from: number, n: number, tD: number, tG: number): StopRecord[];
  rngStates(): { data: RngState[]; noise: RngState[]; gp: RngState[] };
  /** Brings the shared float32 arrays up to date (the SIMD path may keep its members' state in its own memory). */
  flush(): void;
}

/** `simd`: false forces the scalar code (for the tests that hold the two to each other). */
export function makeMembers(
  c: TrainConfig,
  target: Distribution,
  state: NetState,
  report: StepReport,
  first: number,
  rngs: MemberRngs[],
  simd = true,
): Members {
  return simd && simdFits(c) ? new SimdMembers(c, target, state, report, first, rngs) : new FusedMembers(c, target, state, report, first, rngs);
}

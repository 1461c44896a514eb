/**
 * The engines as a registry, as tfjs-core registers kernels: each says whether it can run a configuration
 * on a backend (null, or the reason it cannot) and creates itself. The trainer takes the engine named, or
 * the first that can run the configuration.
 */
import type { Distribution } from '../../numeric/distributions/index.js';
import type { TrainConfig } from '../config.js';
import { readyTf } from '../backend.js';
import { TrainError } from '../errors.js';
import { autodiffOnly } from '../losses.js';
import type { Engine } from '../types.js';
import { fusedEngine } from './fused.js';
import type { MemberRngs } from './fused-members.js';
import type { NetState, StepEngine } from './types.js';

/** What an engine is created from: the run's configuration, target, population, initial state and generators. */
export interface EngineInit {
  c: TrainConfig;
  target: Distribution;
  K: number;
  init: NetState;
  rngs: MemberRngs[];
  active: Uint8Array;
  /** Worker threads (the fused engine). */
  threads: number;
  /** The WebAssembly SIMD kernel (the fused engine); false runs its scalar code. */
  simd: boolean;
}

/** An engine of the registry. */
export interface EngineEntry {
  readonly name: Engine;
  /** Null when the engine can run the configuration on the backend, else why it cannot (one clause). */
  supports(c: TrainConfig, backend: string): string | null;
  create(init: EngineInit): Promise<StepEngine>;
}

/** The engines, in the order the trainer prefers them. */
export const ENGINES: readonly EngineEntry[] = [
  {
    name: 'fused',
    supports: (c, backend) => {
      if (backend !== 'cpu') return `runs on the cpu backend only; the backend is ${JSON.stringify(backend)}`;
      if (c.precision === 'float32' && c.loss === 'wgan-gp')
        return 'computes the WGAN-GP penalty in float64 only; leave precision unset (or use the autodiff engine)';
      const needs = autodiffOnly(c);
      return needs.length === 0 ? null : `does not implement ${needs.join(', ')}; use the autodiff engine (or leave the engine unset)`;
    },
    create: (e) => fusedEngine(e.c, e.target, e.K, e.init, e.rngs, e.active, e.threads, e.simd),
  },
  {
    name: 'autodiff',
    supports: () => null,
    // TensorFlow.js is loaded (and the cpu backend selected, when none was) only for this engine
    create: async (e) => {
      await readyTf();
      const { autodiffEngine } = await import('./autodiff.js');
      return autodiffEngine(e.c, e.target, e.K, e.init, e.rngs, e.active);
    },
  },
];

/** The engine named (checked: it exists and can run the configuration), or the first of the registry that can. */
export function chooseEngine(c: TrainConfig, backend: string, named?: unknown): EngineEntry {
  if (named !== undefined) {
    const entry = ENGINES.find((e) => e.name === named);
    if (entry === undefined) throw new TrainError('train', 'engine', `must be ${ENGINES.map((e) => e.name).join(' or ')}; got ${JSON.stringify(named)}`);
    const why = entry.supports(c, backend);
    if (why !== null) throw new TrainError('train', 'engine', `${JSON.stringify(entry.name)} ${why}`);
    return entry;
  }
  const entry = ENGINES.find((e) => e.supports(c, backend) === null);
  if (entry === undefined) throw new TrainError('train', 'engine', `none of ${ENGINES.map((e) => e.name).join(', ')} can run this configuration`);
  return entry;
}

/** Data and helpers shared by the claims of seed document 000: quotes' source, setups, transcribed formulas. */
import type { Setup } from '../../experiments.js';
import { DOC0 } from '../../catalogue/seeds.js';

export const src = (quote: string) => ({ doc: DOC0, quote });
export const TOY: Setup = { preset: 'seed-toy', population: [16, 64] };
/** The document's printed log. */
export const DOCUMENT_LOG = [
  { step: 0, d: 1.6131, g: 0.8809 },
  { step: 200, d: 1.3623, g: 0.9018 },
  { step: 400, d: 1.3865, g: 0.6928 },
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: the document's printed value, not ln 2
  { step: 600, d: 1.3863, g: 0.693 },
  { step: 800, d: 1.3855, g: 0.6933 },
];
/**
 * The toy of 000 with DCGAN-style Adam (lr 1e-3, β₁ ½), batch 64, 3000 steps, on N(0, 1): a target
 * the same networks reach in most seeds (the positive control).
 */
export const TOY_REACHABLE: Setup = {
  preset: 'seed-toy',
  overrides: { target: 'normal:0,1', lrD: 1e-3, lrG: 1e-3, beta1: 0.5, batch: 64 },
  population: [16, 32],
  steps: [3000, 3000],
  stages: [
    [16, 32],
    [32, 64],
  ],
};
/** The document's toy, grown while the interval straddles the threshold: 64, 128, 256, then 512 seeds. */
export const TOY_SEQ: Setup = {
  ...TOY,
  stages: [
    [16, 32, 128],
    [64, 128, 256, 512],
  ],
};
export type Reading = 'within' | 'improves';
/** Mean and standard deviation of a `normal:μ,σ` target. */
export const normalOf = (spec: string) => {
  const m = /^normal:([-\d.e]+),([-\d.e]+)$/.exec(spec);
  if (!m) throw new Error(`expected a normal:μ,σ target; got ${spec}`);
  return { mu: Number(m[1]), sigma: Number(m[2]) };
};
import type { LogRow } from '../../checks/log-depth.js';
export type PrintedLog = { log: LogRow[] } | { freshSeed: number };

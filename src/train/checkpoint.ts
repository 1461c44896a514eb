/**
 * Validation of a checkpoint before any work starts: every field, its type, its range, and the
 * consistency between fields (weights of the right length for the configuration and population,
 * all finite; the step within the run; Adam's step counts matching the step; one generator state
 * per member; the logs that the step implies). A zod schema checks the shape; the cross-field
 * checks follow it. Errors name the field and the value: `g has 31 values; expected 49`.
 */
import { z } from 'zod';
import { parseDistribution } from '../numeric/read-file.js';
import { Rng } from '../numeric/rng.js';
import { show } from '../theory/errors.js';
import { TrainError } from './errors.js';
import { checkConfig } from './config.js';
import { networkSizes, parameterCount } from './mlp.js';
import { CHECKPOINT_FORMAT, type Checkpoint } from './types.js';

export { CHECKPOINT_FORMAT, parameterCount };

const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);
const finite = z.number().finite();
/** NaN and ±∞ are written as null by JSON: allowed where a stopped member has no loss. */
const lossValue = z.number().nullable();
const rngState = z
  .object({ algorithm: z.literal('xoroshiro128+'), seed: z.number(), stream: z.number(), state: z.array(z.number().int()).length(4) })
  .passthrough();
const memberStop = z.object({ seed: int(0), step: int(0), quantity: z.enum(['D loss', 'G loss']), value: lossValue });
const memberLog = z
  .object({ step: int(0), seed: int(0), dLoss: lossValue, gLoss: lossValue, dHalfGap: finite })
  .catchall(z.union([z.number(), z.null(), memberStop]));

const SHAPE = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  config: z.record(z.string(), z.unknown()),
  seed: int(0, 0xffff_ffff),
  population: int(1, 4096),
  engine: z.enum(['fused', 'autodiff']),
  step: int(0),
  tD: int(0),
  tG: int(0),
  g: z.array(finite),
  d: z.array(finite),
  gm: z.array(finite),
  gv: z.array(finite),
  dm: z.array(finite),
  dv: z.array(finite),
  rng: z.object({ data: z.array(rngState), noise: z.array(rngState), gp: z.array(rngState) }),
  stopped: z.array(memberStop.nullable()),
  logs: z.array(z.array(memberLog)),
});

/** What a zod issue expected, in the words of the other messages ("must be a number"). */
function describe(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { expected?: string; minimum?: number | bigint; maximum?: number | bigint; values?: unknown[] };
  if (i.code === 'invalid_type')
    return i.expected === 'int' ? 'must be an integer' : `must be ${i.expected === 'array' || i.expected === 'object' ? 'an' : 'a'} ${i.expected}`;
  if (i.code === 'too_small') return `must be ≥ ${i.minimum}`;
  if (i.code === 'too_big') return `must be ≤ ${i.maximum}`;
  if (i.code === 'invalid_value') return `must be ${(i.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
  return issue.message;
}

function fail(where: string, message: string): never {
  throw new TrainError('checkpoint', where, message);
}

/** Checks a parsed checkpoint completely; returns it typed, or throws a TrainError naming the field. */
export function validateCheckpoint(raw: unknown): Checkpoint {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('file', `must hold a JSON object; got ${show(raw)}`);
  const format = (raw as { format?: unknown }).format;
  if (format !== CHECKPOINT_FORMAT) fail('format', `must be ${CHECKPOINT_FORMAT} (a checkpoint of this version); got ${show(format)}`);
  const r = SHAPE.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    let value: unknown = raw;
    for (const p of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p as PropertyKey];
    fail(path || 'file', `${describe(issue)}; got ${show(value)}`);
  }
  // the checked object itself is returned (zod's copy would reorder keys, and a resumed run must
  // write the same bytes as one never interrupted)
  const ck = raw as Checkpoint;
  // the configuration: every field of a preset, each valid (makeConfig checks them)
  const config = checkConfig('checkpoint', ck.config);
  const K = ck.population;
  const target = parseDistribution(config.target, 'checkpoint', 'config.target');
  if ('kind' in target) fail('config.target', `must be a distribution; got ${show(config.target)}`);
  const dim = target.dim;
  const sizes = networkSizes(config, dim);
  const PG = parameterCount(sizes.g);
  const PD = parameterCount(sizes.d);
  for (const [key, per, net] of [
    ['g', PG, 'G'],
    ['gm', PG, 'G'],
    ['gv', PG, 'G'],
    ['d', PD, 'D'],
    ['dm', PD, 'D'],
    ['dv', PD, 'D'],
  ] as const) {
    const n = ck[key].length;
    if (n !== K * per) fail(key, `has ${n} values; expected ${K * per} (population ${K} × ${per} parameters of ${net})`);
  }
  // the engines hold weights and moments in float32: a value beyond its range would become ±∞
  const F32_MAX = 3.4028234663852886e38;
  for (const key of ['g', 'd', 'gm', 'gv', 'dm', 'dv'] as const) {
    const i = ck[key].findIndex((v) => Math.abs(v) > F32_MAX);
    if (i >= 0) fail(`${key}[${i}]`, `must lie within float32's range (±3.4e38: the engines compute in float32); got ${ck[key][i]}`);
  }
  for (const key of ['gv', 'dv'] as const) {
    const i = ck[key].findIndex((v) => v < 0);
    if (i >= 0) fail(`${key}[${i}]`, `must be ≥ 0 (a second moment); got ${ck[key][i]}`);
  }
  if (ck.step > config.steps) fail('step', `must be at most config.steps = ${config.steps}; got ${ck.step}`);
  if (ck.tG !== ck.step) fail('tG', `must equal step (${ck.step}: one G update per step); got ${ck.tG}`);
  if (ck.tD !== ck.step * config.dSteps) fail('tD', `must equal step × dSteps (${ck.step * config.dSteps}); got ${ck.tD}`);
  for (const key of ['data', 'noise', 'gp'] as const) {
    if (ck.rng[key].length !== K) fail(`rng.${key}`, `must hold one generator state per member (${K}); got ${ck.rng[key].length}`);
    ck.rng[key].forEach((st, i) => {
      try {
        Rng.restore(st);
      } catch (e) {
        fail(`rng.${key}[${i}]`, (e as Error).message.replace(/^Rng.restore: state /, ''));
      }
    });
  }
  if (ck.stopped.length !== K) fail('stopped', `must have one entry per member (${K}); got ${ck.stopped.length}`);
  ck.stopped.forEach((st, k) => {
    if (st === null) return;
    if (st.seed !== ck.seed + k) fail(`stopped[${k}].seed`, `must be member ${k}'s seed ${ck.seed + k}; got ${st.seed}`);
    if (st.step >= ck.step) fail(`stopped[${k}].step`, `must be before the checkpoint's step ${ck.step}; got ${st.step}`);
  });
  const logged = Math.ceil(ck.step / config.logEvery);
  if (ck.logs.length !== logged)
    fail('logs', `must hold the logged steps before step ${ck.step} (${logged}, one every ${config.logEvery}); got ${ck.logs.length}`);
  ck.logs.forEach((members, i) => {
    if (members.length !== K) fail(`logs[${i}]`, `must have one entry per member (${K}); got ${members.length}`);
    members.forEach((m, k) => {
      if (m.step !== i * config.logEvery) fail(`logs[${i}][${k}].step`, `must be ${i * config.logEvery}; got ${m.step}`);
      // a loss is null (not finite) only for a member that had stopped by then
      const stop = ck.stopped[k];
      for (const q of ['dLoss', 'gLoss'] as const)
        if (m[q] === null && (stop === null || stop === undefined || stop.step > m.step))
          fail(`logs[${i}][${k}].${q}`, `must be a number (null only once the member has stopped); got null`);
      if (m.seed !== ck.seed + k) fail(`logs[${i}][${k}].seed`, `must be ${ck.seed + k}; got ${m.seed}`);
    });
  });
  return ck;
}

/**
 * A sweep's unit files: how a unit's training result is written (canonical JSON with a content
 * hash) and how a unit file is checked before anything trusts it (fields, hash, members, logged
 * steps, value ranges). The CLI's `sweep` and `merge` and the ledger's audit share these.
 */
import type { TrainConfig, TrainResult } from '../../train/index.js';
import { canonicalJson, unitContentHash, type Unit } from './spec.js';
import { storable, type MemberResult } from './summary.js';

export const FORMAT_UNIT = 'gan-verify-sweep-unit/1';

/** A unit file that does not check; the message names the field. */
export class UnitProblem extends Error {
  override readonly name = 'UnitProblem';
}

/** A unit's members as its file stores them, from the training result of its population. */
export function membersOf(r: TrainResult, u: Unit): MemberResult[] {
  return Array.from({ length: u.count }, (_, m) => ({
    seed: u.seed + m,
    logs: r.logs.map((l) => storable(l[m] as (typeof l)[number])),
    final: storable(r.final[m] as (typeof r.final)[number]),
    stopped: r.stopped[m] !== null,
  }));
}

/** The unit file's text: canonical JSON, its content hash last. */
export function unitText(version: string, specHash: string, u: Unit, members: MemberResult[]): string {
  const fields = { format: FORMAT_UNIT, version, specHash, unit: u.id, cell: u.cell, block: u.block, members };
  return `${canonicalJson({ ...fields, contentHash: unitContentHash(fields) })}\n`;
}

const UNIT_FIELDS = ['block', 'cell', 'contentHash', 'format', 'members', 'specHash', 'unit', 'version'];
const RANGES: Record<string, [number, number]> = { hqShare: [0, 1], modesCovered: [0, Infinity], modes: [1, Infinity], w1: [0, Infinity], dHalfGap: [0, 0.5] };

/**
 * Checks a unit file's object completely: its fields, its content hash, its members (the unit's
 * seeds in order, each once), every member's logged steps (those the spec's configuration logs, in
 * order, as the unit's cell configuration `config` logs them) and the values' types and ranges.
 * Throws UnitProblem naming the field.
 */
export function checkUnit(o: Record<string, unknown>, hash: string, u: Unit, config: TrainConfig): MemberResult[] {
  const bad = (field: string, detail: string) => new UnitProblem(`${field} ${detail}`);
  const extra = Object.keys(o).find((k) => !UNIT_FIELDS.includes(k));
  if (extra !== undefined) throw bad(extra, `is not a field of a unit file (${UNIT_FIELDS.join(', ')})`);
  if (o.format !== FORMAT_UNIT) throw bad('format', `must be ${FORMAT_UNIT}; got ${JSON.stringify(o.format)}`);
  if (o.unit !== u.id || o.cell !== u.cell || o.block !== u.block)
    throw bad('unit', `must be unit ${u.id} (cell ${u.cell}, block ${u.block}); got ${JSON.stringify(o.unit)} (cell ${o.cell}, block ${o.block})`);
  if (o.specHash !== hash) throw bad('specHash', `belongs to another spec (hash ${String(o.specHash)}, this spec ${hash})`);
  if (typeof o.version !== 'string') throw bad('version', `must be a string; got ${JSON.stringify(o.version)}`);
  if (typeof o.contentHash !== 'string' || o.contentHash !== unitContentHash(o))
    throw bad(
      'contentHash',
      `${JSON.stringify(o.contentHash)} does not match the file's content (${unitContentHash(o)}): the unit was edited after it was written`,
    );
  const ms = o.members;
  if (!Array.isArray(ms) || ms.length !== u.count)
    throw bad('members', `must list the unit's ${u.count} members; got ${Array.isArray(ms) ? ms.length : JSON.stringify(ms)}`);
  const expectedSteps: number[] = [];
  for (let s = 0; s < config.steps; s += config.logEvery) expectedSteps.push(s);
  const checkRecord = (field: string, r: unknown) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw bad(field, `must be an object of metrics; got ${JSON.stringify(r)}`);
    for (const [k, v] of Object.entries(r as Record<string, unknown>)) {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw bad(`${field}.${k}`, `must be a finite number or null; got ${JSON.stringify(v)}`);
      const range = RANGES[k];
      if (range !== undefined && typeof v === 'number' && !(v >= range[0] && v <= range[1]))
        throw bad(`${field}.${k}`, `must lie in [${range[0]}, ${range[1]}]; got ${v}`);
    }
  };
  ms.forEach((m: unknown, i: number) => {
    const f = `members[${i}]`;
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw bad(f, `must be a member object; got ${JSON.stringify(m)}`);
    const mm = m as Record<string, unknown>;
    const k = Object.keys(mm).find((x) => !['seed', 'logs', 'final', 'stopped'].includes(x));
    if (k !== undefined) throw bad(`${f}.${k}`, 'is not a field of a member (seed, logs, final, stopped)');
    if (mm.seed !== u.seed + i) throw bad(`${f}.seed`, `must be ${u.seed + i} (the unit's seeds in order); got ${JSON.stringify(mm.seed)}`);
    if (typeof mm.stopped !== 'boolean') throw bad(`${f}.stopped`, `must be true or false; got ${JSON.stringify(mm.stopped)}`);
    if (!Array.isArray(mm.logs)) throw bad(`${f}.logs`, `must be a list; got ${JSON.stringify(mm.logs)}`);
    const logs = mm.logs as unknown[];
    // a member that stopped early has a prefix of the logged steps; one that ran has all of them
    if (mm.stopped ? logs.length > expectedSteps.length || logs.length === 0 : logs.length !== expectedSteps.length)
      throw bad(`${f}.logs`, `must hold the ${expectedSteps.length} logged steps (every ${config.logEvery} of ${config.steps}); got ${logs.length}`);
    logs.forEach((l, j) => {
      checkRecord(`${f}.logs[${j}]`, l);
      const r = l as Record<string, unknown>;
      if (r.step !== expectedSteps[j]) throw bad(`${f}.logs[${j}].step`, `must be ${expectedSteps[j]}; got ${JSON.stringify(r.step)}`);
      if (r.seed !== undefined && r.seed !== u.seed + i) throw bad(`${f}.logs[${j}].seed`, `must be ${u.seed + i}; got ${JSON.stringify(r.seed)}`);
    });
    if (mm.final !== undefined) checkRecord(`${f}.final`, mm.final);
  });
  return ms as MemberResult[];
}

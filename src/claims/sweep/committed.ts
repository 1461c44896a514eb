/**
 * The sweeps committed with the package, as the ledger claims read them: each is audited (see
 * audit.ts) once per ledger run, and its numbers come from the audited files only.
 */
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckContext } from '../define.js';
import { type AuditResult, auditSweep } from './audit.js';

/** A committed sweep: its spec, the folder of its unit files, its merged summary (paths from the package root, or absolute). */
export interface CommittedSweep {
  spec: string;
  dir: string;
  summary: string;
  /** Units the audit retrains: [with --quick, in the full ledger]. @defaultValue [2, 8] */
  sample?: readonly [number, number];
  /** Retrain only each sampled unit's first N steps (a multiple of the spec's logEvery), where whole units cost too much. */
  prefixSteps?: number;
}

/** The document's toy over lr_D × steps × batch, 1000 seeds a cell (claim toy-generates-target-sweep). */
export const TOY_SWEEP: CommittedSweep = {
  spec: 'examples/scale/toy-sweep.json',
  dir: 'examples/scale/toy-sweep-run',
  summary: 'examples/scale/toy-sweep.summary.json',
};

/** The toy's networks on a reachable target (its positive control). */
export const REACHABLE_SWEEP: CommittedSweep = {
  spec: 'examples/scale/toy-reachable-sweep.json',
  dir: 'examples/scale/toy-reachable-sweep-run',
  summary: 'examples/scale/toy-reachable-sweep.summary.json',
  // 4 units of 50 seeds: the audit retrains 1 (quick) or 2 of them
  sample: [1, 2],
};

/** The standard GAN on ring8 and grid25 in the setup of Metz et al. 2017 (App. A), 25,000 steps (claims mode-collapse-*). */
export const PAPER_2D: CommittedSweep = {
  spec: 'examples/scale/paper/gan-2d.json',
  dir: 'examples/scale/paper/gan-2d-run',
  summary: 'examples/scale/paper/gan-2d.summary.json',
  sample: [1, 2],
  prefixSteps: 2500,
};

/** The package root, which the committed paths are relative to (and which evidence leaves out). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const at = (f: string) => (isAbsolute(f) ? f : join(ROOT, f));

/**
 * The audit of a committed sweep, run once per ledger (the claims, mutants and controls that read the
 * same sweep share it); its `text` names the files relative to the package root.
 */
export function auditedSweep(ctx: CheckContext, sweep: CommittedSweep): Promise<AuditResult> {
  const [quick, full] = sweep.sample ?? [2, 8];
  return ctx.shared(`audit:${sweep.spec}|${sweep.dir}|${sweep.summary}|${ctx.quick}|${ctx.seed}`, async () => {
    const audit = await auditSweep({
      spec: at(sweep.spec),
      dir: at(sweep.dir),
      summary: at(sweep.summary),
      sample: ctx.size(quick, full),
      seed: ctx.seed,
      ...(sweep.prefixSteps === undefined ? {} : { prefixSteps: sweep.prefixSteps }),
    });
    return { ...audit, text: audit.text.split(ROOT).join('') };
  });
}

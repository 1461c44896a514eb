import { spawnSync } from 'node:child_process';

/** One side-by-side measurement. */
export interface BenchResult {
  title: string;
  /** gan-verify's median seconds. */
  ours: number;
  reference?: { name: string; seconds: number };
  /** Why the reference side did not run. */
  skipped?: string;
  /** What was checked about the results. */
  check?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * A Python interpreter that can import `module`: $GAN_VERIFY_PYTHON, else Debian's /usr/bin/python3
 * (the first python3 on PATH may be another one without Debian's packages), else python3.
 */
export function findPython(module: string): string | null {
  const candidates = [process.env.GAN_VERIFY_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

export function report(r: BenchResult): string {
  const lines = [r.title, `  gan-verify: ${r.ours.toFixed(4)} s`];
  if (r.reference) {
    const ratio = r.ours / r.reference.seconds;
    lines.push(`  ${r.reference.name}: ${r.reference.seconds.toFixed(4)} s`);
    lines.push(
      `  ratio gan-verify/${r.reference.name.split(' ')[0]}: ${ratio.toFixed(3)} ` +
        `(${ratio <= 1 ? `${(1 / ratio).toFixed(1)}x faster` : `${ratio.toFixed(1)}x slower`})`,
    );
  } else {
    lines.push(`  comparison skipped: ${r.skipped ?? 'no reference'}`);
  }
  if (r.check) lines.push(`  check: ${r.check}`);
  return lines.join('\n');
}

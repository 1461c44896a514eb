/**
 * A progress bar on stderr, drawn only when stderr is a terminal (CI logs and pipes get nothing):
 * `[#########.....................] 300/1000 label`, redrawn in place at most every 100 ms.
 * `clear()` wipes it before other output goes to the terminal, so log lines never mix with it.
 */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  clear(): void;
}

const WIDTH = 30;

export function renderBar(done: number, total: number, label: string): string {
  const filled = Math.min(WIDTH, Math.round((WIDTH * done) / Math.max(1, total)));
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${label.padEnd(40).slice(0, 40)}`;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar | null {
  if (!stream.isTTY) return null;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, label) {
      const now = performance.now();
      if (done < total && now - last < 100) return;
      last = now;
      stream.write(`\r${renderBar(done, total, label)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * Memory a computation would need, estimated before it starts, against a limit: 8 GiB unless
 * GAN_VERIFY_MEMORY_GIB says otherwise. A request beyond it is refused with the figure, at once,
 * instead of failing after minutes with "Array buffer allocation failed".
 */
import { NumericError } from './errors.js';

const GIB = 2 ** 30;

/** The limit in bytes (GAN_VERIFY_MEMORY_GIB, default 8). */
export function memoryLimit(): number {
  const env = typeof process !== 'undefined' ? process.env?.GAN_VERIFY_MEMORY_GIB : undefined;
  const gib = env !== undefined && /^\d+(\.\d+)?$/.test(env) ? Number(env) : 8;
  return gib * GIB;
}

/** "12.3 GiB" / "512 MiB". */
export function formatBytes(b: number): string {
  return b >= GIB ? `${Number((b / GIB).toPrecision(3))} GiB` : `${Number((b / 2 ** 20).toPrecision(3))} MiB`;
}

/** Throws `make(fn, arg, …)` when `bytes` exceed the limit. */
export function checkMemory(
  fn: string,
  arg: string,
  value: number,
  bytes: number,
  how: string,
  make: (fn: string, arg: string, detail: string) => Error = (f, a, d) => new NumericError(f, a, d),
): void {
  const limit = memoryLimit();
  if (bytes > limit)
    throw make(
      fn,
      arg,
      `${value} needs about ${formatBytes(bytes)} (${how}), beyond the memory limit of ${formatBytes(limit)} (set GAN_VERIFY_MEMORY_GIB to change it)`,
    );
}

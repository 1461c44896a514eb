/** The documents' log line and Python's fixed-point formatting, which it needs to match byte for byte. */
import { checkNumber } from './check.js';

/** Python's `f"{x:.4f}"`: the exact binary value rounded half to even (JS toFixed rounds ties up). */
export function formatFixed(x: number, places: number): string {
  checkNumber('formatFixed', 'x', x, { nanOk: true });
  checkNumber('formatFixed', 'places', places, { integer: true, min: 0, max: 100 });
  if (!Number.isFinite(x)) return String(x);
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  // exact value a = m·2^e with integer m
  let e = 0;
  while (!Number.isInteger(a) && e < 1100) {
    a *= 2;
    e++;
  }
  const num = BigInt(a) * 10n ** BigInt(places);
  const den = 1n << BigInt(e);
  let q = num / den;
  const r = num % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(places + 1, '0');
  const out = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg ? `-${out}` : out; // Python keeps the sign of a negative value that rounds to zero
}

/** The documents' log line: `Step 0: D_loss=1.6131, G_loss=0.8809`. */
export function logLine(step: number, dLoss: number, gLoss: number): string {
  checkNumber('logLine', 'step', step, { integer: true, min: 0 });
  return `Step ${step}: D_loss=${formatFixed(dLoss, 4)}, G_loss=${formatFixed(gLoss, 4)}`;
}

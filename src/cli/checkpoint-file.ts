/**
 * Checkpoint files: the checkpoint's JSON with its SHA-256 appended as a last field `contentHash`
 * (of the JSON text without that field), so a file edited after it was written, even into values
 * that stay valid (another engine, a relabelled preset, a weight changed), is refused before work.
 * The validation of every field (train/checkpoint.ts) then runs on the sealed content.
 */
import { createHash } from 'node:crypto';
import { validateCheckpoint } from '../train/checkpoint.js';
import type { Checkpoint } from '../train/types.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text of a checkpoint file: `JSON.stringify(ck)` with `"contentHash"` (its SHA-256) as a last field. */
export function sealCheckpoint(ck: Checkpoint): string {
  const text = JSON.stringify(ck);
  return `${text.slice(0, -1)},"contentHash":"${sha256(text)}"}`;
}

/**
 * Unseals and validates a parsed checkpoint file; throws an Error whose message says what is wrong
 * (no or a wrong content hash, or the field that fails validation).
 */
export function unsealCheckpoint(raw: unknown): Checkpoint {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return validateCheckpoint(raw);
  const { contentHash, ...rest } = raw as Record<string, unknown>;
  if (typeof contentHash !== 'string')
    throw new Error(`contentHash is missing (a checkpoint written by gan-verify ends with the SHA-256 of its content); got ${JSON.stringify(contentHash)}`);
  const actual = sha256(JSON.stringify(rest));
  if (actual !== contentHash)
    throw new Error(`the file was changed after it was written: its content hash is ${actual.slice(0, 16)}…, the file says ${contentHash.slice(0, 16)}…`);
  return validateCheckpoint(rest);
}

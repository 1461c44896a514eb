/** Loading an author's claims file (TypeScript through tsx, or JavaScript): the claims it exports. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkClaim } from '../claims/check-args.js';
import type { Claim } from '../claims/define.js';
import { CliError } from './args.js';

/** Loads the claims a module exports (default export, named exports, or arrays of claims). */
export async function loadClaims(file: string, cmd = 'gan-verify claims'): Promise<Claim<unknown>[]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`${cmd}: FILE ${JSON.stringify(file)} does not exist`);
  let mod: Record<string, unknown>;
  try {
    if (/\.(c|m)?ts$/.test(path)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
    } else {
      mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    }
  } catch (e) {
    // the whole cause on one line (a transform error's first line says only that it failed)
    const cause =
      e instanceof Error
        ? e.message
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .join(' | ')
        : String(e);
    throw new CliError(`${cmd}: FILE ${JSON.stringify(file)} could not be loaded: ${cause.length > 600 ? `${cause.slice(0, 597)}...` : cause}`);
  }
  const found: Claim<unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'gan-verify-claim') found.push(v as Claim<unknown>);
    // a TypeScript file outside an ES-module package is loaded as CommonJS: its default export arrives as { default }
    else if (typeof v === 'object' && v !== null && 'default' in v && Object.keys(v).length <= 2) visit((v as { default: unknown }).default);
  };
  Object.values(mod).forEach(visit);
  if (found.length === 0)
    throw new CliError(`${cmd}: FILE ${JSON.stringify(file)} exports no claims (use claim from 'gan-verify/checks' or defineClaim from 'gan-verify/claims')`);
  // every export tagged as a claim is checked as defineClaim checks it (a forged object is refused here)
  found.forEach((c, i) => {
    try {
      checkClaim('loadClaims', `claims[${i}]`, c);
    } catch (e) {
      throw new CliError(`${cmd}: FILE ${JSON.stringify(file)}: ${(e as Error).message}`);
    }
  });
  return [...new Set(found)];
}

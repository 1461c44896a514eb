import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import * as theory from '../src/theory/index.js';
import * as numeric from '../src/numeric/index.js';
import * as train from '../src/train/index.js';
import * as claims from '../src/claims/index.js';
import * as testing from '../src/testing/index.js';
import { InputError } from '../src/theory/errors.js';

/**
 * Junk thrown at every exported function of theory, numeric, train, claims and testing: fast-check
 * `anything()`, NaN, ±∞, −0, strings, booleans, empty and mismatched arrays, as each argument. Each
 * call must throw a typed error (an InputError subclass: TheoryError, NumericError, TrainError,
 * ClaimError) naming the function, or return a result with no NaN in it (numbers finite or
 * correctly infinite). The seed is printed by test/setup.ts; replay with FC_SEED.
 */
const special = fc.constantFrom<unknown>(
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  -1,
  0.5,
  1e308,
  5e-324,
  '',
  'x',
  '1/0',
  '0.5',
  'NaN',
  true,
  false,
  null,
  undefined,
  [],
  [Number.NaN],
  [1, 'a'],
  [0.5, 0.5],
  [[]],
  {},
  { digits: -1 },
  { digits: 1e9 },
  Symbol('s'),
  () => 1,
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  special,
  fc.anything({ maxDepth: 2 }),
  fc.array(fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null)), { maxLength: 5 }),
);

/** Exports that are not plain functions of their arguments, and why they are left out. */
const SKIP: Record<string, string> = {
  'train.useBackend': 'switches the process-wide TensorFlow.js backend (its bad names: test/train.test.ts)',
  'claims.writeReport': 'writes files into the folder it is given (its bad entries: test/library-messages.test.ts)',
  'testing.execImplementations': 'starts its argument as a shell command (its bad commands and children: test/theorems-exec.test.ts)',
};

const isClass = (f: unknown) => typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

/** No NaN anywhere in a result (numbers, arrays, typed arrays, plain objects, strings "NaN" aside). */
function nanIn(v: unknown, depth = 0): string | null {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : null;
  if (depth > 4 || v === null || typeof v !== 'object') return null;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>).some((x) => Number.isNaN(x)) ? 'NaN in a typed array' : null;
  for (const [k, x] of Object.entries(v)) {
    const r = nanIn(x, depth + 1);
    if (r !== null) return `${r} at .${k}`;
  }
  return null;
}

const modules = { theory, numeric, train, claims, testing } as Record<string, Record<string, unknown>>;
for (const [layer, mod] of Object.entries(modules)) {
  describe(`junk into every export of ${layer}`, () => {
    for (const [name, f] of Object.entries(mod)) {
      if (typeof f !== 'function' || isClass(f)) continue;
      const key = `${layer}.${name}`;
      if (SKIP[key] !== undefined) continue;
      const arity = Math.max(1, (f as (...a: unknown[]) => unknown).length);
      it(`${name}: a typed error or a result without NaN`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(junk, { minLength: 0, maxLength: arity + 1 }), async (args) => {
            let out: unknown;
            try {
              out = (f as (...a: unknown[]) => unknown)(...args);
              if (out instanceof Promise) out = await out;
            } catch (e) {
              if (!(e instanceof InputError))
                throw new Error(
                  `${key}(${args.map((a) => String(typeof a === 'symbol' ? 'Symbol' : JSON.stringify(a))).join(', ')}) threw an untyped ` +
                    `${(e as Error)?.name}: ${(e as Error)?.message}`,
                );
              expect((e as Error).message.length).toBeGreaterThan(0);
              return;
            }
            const nan = nanIn(out);
            if (nan !== null) throw new Error(`${key} returned ${nan}`);
          }),
          // trainTabular trains (1000 steps by default) whenever the junk leaves its settings valid
          { numRuns: key === 'train.trainTabular' ? 15 : 60 },
        );
      });
    }
  });
}

// The metrics' bulk sort of every member's sample (src/train/sorted-samples.ts: the radix sort in the SIMD
// kernel, assembly/sort.ts) against TypedArray sort, bit for bit (−0 before +0, ties, negatives, subnormals).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { simdAvailable } from '../src/train/engines/fused-simd.js';
import { sortedMembers } from '../src/train/sorted-samples.js';

const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('sortedMembers', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, -1, 1e-40, -1e-40)), { minLength: 1, maxLength: 400 }),
    ],
    { numRuns: 60 },
  )('sorts each member as TypedArray sort does, bit for bit', (K, values) => {
    expect(simdAvailable()).toBe(true);
    const n = values.length;
    const samples = Float32Array.from({ length: K * n }, (_, i) => (values[(i * 7 + Math.floor(i / n)) % n] as number) * (i % 3 === 0 ? -1 : 1));
    const want = new Float32Array(K * n);
    for (let k = 0; k < K; k++) want.set(samples.slice(k * n, (k + 1) * n).sort(), k * n);
    expect(bitsOf(sortedMembers(samples, K, n))).toEqual(bitsOf(want));
  });

  test.prop([fc.array(fc.float({ noNaN: true, min: 1, max: Math.fround(1.49) }), { minLength: 64, maxLength: 300 })], { numRuns: 20 })(
    'a sample whose high bits are all the same (a pass skipped) sorts as TypedArray sort does',
    (values) => {
      const samples = Float32Array.from(values);
      expect(bitsOf(sortedMembers(samples, 1, samples.length))).toEqual(bitsOf(samples.slice().sort()));
    },
  );
});

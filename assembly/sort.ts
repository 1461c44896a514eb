// The radix sort of float32 samples (src/numeric/wasserstein.ts `sortedSample`, the same order: that of
// TypedArray sort, −0 before +0), for the trainer's metrics: a member's evaluation sample sorted here
// instead of in JavaScript, several times faster (src/train/sorted-samples.ts).

/**
 * Sorts the n float32 values at `at` in place by a radix sort of their bits: keys that order, as unsigned
 * integers, as the floats do (a negative float's bits all flipped, the others' sign bit), three passes of 11
 * bits, the three digits counted in one read, a pass skipped where every key has the same digit. tmp: room for n
 * i32; count: room for 3·2048 i32.
 */
export function sortF32(at: usize, n: i32, tmp: usize, count: usize): void {
  memory.fill(count, 0, 3 * 2048 * 4);
  for (let i = 0; i < n; i++) {
    const p = at + ((<usize>i) << 2);
    const b = load<i32>(p);
    const k = b ^ ((b >> 31) | 0x8000_0000);
    store<i32>(p, k);
    const c0 = count + ((<usize>(k & 2047)) << 2);
    const c1 = count + ((<usize>(2048 + ((k >>> 11) & 2047))) << 2);
    const c2 = count + ((<usize>(4096 + (k >>> 22))) << 2);
    store<i32>(c0, load<i32>(c0) + 1);
    store<i32>(c1, load<i32>(c1) + 1);
    store<i32>(c2, load<i32>(c2) + 1);
  }
  let keys = at;
  let other = tmp;
  for (let pass = 0; pass < 3; pass++) {
    const base = count + ((<usize>(pass * 2048)) << 2);
    const shift = pass * 11;
    // every key with the same digit: this pass would not move any
    if (load<i32>(base + ((<usize>((load<i32>(keys) >>> shift) & 2047)) << 2)) == n) continue;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = base + ((<usize>d) << 2);
      const v = load<i32>(c);
      store<i32>(c, sum);
      sum += v;
    }
    for (let i = 0; i < n; i++) {
      const k = load<i32>(keys + ((<usize>i) << 2));
      const c = base + ((<usize>((k >>> shift) & 2047)) << 2);
      const to = load<i32>(c);
      store<i32>(c, to + 1);
      store<i32>(other + ((<usize>to) << 2), k);
    }
    const t = keys;
    keys = other;
    other = t;
  }
  // the keys back into float32 bits, into place
  for (let i = 0; i < n; i++) {
    const k = load<i32>(keys + ((<usize>i) << 2));
    store<i32>(at + ((<usize>i) << 2), k ^ ((~k >> 31) | 0x8000_0000));
  }
}

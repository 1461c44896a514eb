/**
 * The exact density of a 1-D ReLU generator's output. With scalar noise z ~ N(0, 1), G is piecewise
 * linear in z: every hidden unit's pre-activation is piecewise linear, so its zero crossings split
 * the line into pieces on which G(z) = a·z + c. Then, for x off the finitely many flat pieces,
 * p_G(x) = Σ over pieces with a ≠ 0 and (x − c)/a inside the piece of φ((x − c)/a)/|a|.
 * This gives D*(x) = p_data(x)/(p_data(x) + p_G(x)) for the trained generator without any sampling.
 */

/** One layer of one member: W row-major [in][out], b [out]. */
export interface DenseLayer {
  W: ArrayLike<number>;
  b: ArrayLike<number>;
  fin: number;
  fout: number;
}

interface Piece {
  lo: number;
  hi: number;
  a: number;
  c: number;
}

/** Affine functions of z, one per unit: value = a·z + c (plain arrays: a member's pieces are many and small). */
type Affine = { a: number[]; c: number[] };

/** The pieces of G (scalar input and output) on which it is affine. */
export function generatorPieces(layers: DenseLayer[]): Piece[] {
  const first = layers[0] as DenseLayer;
  if (first.fin !== 1 || (layers[layers.length - 1] as DenseLayer).fout !== 1) throw new RangeError('generatorPieces: G must map ℝ to ℝ');
  let pieces: { lo: number; hi: number; f: Affine }[] = [{ lo: -Infinity, hi: Infinity, f: { a: [1], c: [0] } }];
  layers.forEach((L, li) => {
    const last = li === layers.length - 1;
    const next: { lo: number; hi: number; f: Affine }[] = [];
    for (const pc of pieces) {
      // pre-activations of this layer on the piece: affine in z
      const a: number[] = new Array(L.fout);
      const c: number[] = new Array(L.fout);
      for (let o = 0; o < L.fout; o++) {
        let sa = 0;
        let sc = L.b[o] as number;
        for (let i = 0; i < L.fin; i++) {
          const w = L.W[i * L.fout + o] as number;
          sa += w * (pc.f.a[i] as number);
          sc += w * (pc.f.c[i] as number);
        }
        a[o] = sa;
        c[o] = sc;
      }
      if (last) {
        next.push({ lo: pc.lo, hi: pc.hi, f: { a, c } });
        continue;
      }
      // split the piece where some pre-activation changes sign, then apply ReLU on each part
      const cuts = [pc.lo, pc.hi];
      for (let o = 0; o < L.fout; o++) {
        if ((a[o] as number) !== 0) {
          const z0 = -(c[o] as number) / (a[o] as number);
          if (z0 > pc.lo && z0 < pc.hi) cuts.push(z0);
        }
      }
      cuts.sort((x, y) => x - y);
      for (let k = 0; k + 1 < cuts.length; k++) {
        const lo = cuts[k] as number;
        const hi = cuts[k + 1] as number;
        if (!(hi > lo)) continue;
        const mid = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 1 : Number.isFinite(hi) ? hi - 1 : 0;
        const ra: number[] = new Array(L.fout).fill(0);
        const rc: number[] = new Array(L.fout).fill(0);
        for (let o = 0; o < L.fout; o++) {
          if ((a[o] as number) * mid + (c[o] as number) > 0) {
            ra[o] = a[o] as number;
            rc[o] = c[o] as number;
          }
        }
        next.push({ lo, hi, f: { a: ra, c: rc } });
      }
    }
    pieces = next;
  });
  return pieces.map((p) => ({ lo: p.lo, hi: p.hi, a: p.f.a[0] as number, c: p.f.c[0] as number }));
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const phi = (z: number) => Math.exp(-0.5 * z * z) / SQRT_2PI;

/**
 * p_G(x) for the pieces of a generator with z ~ N(0, 1); atoms (flat pieces) are left out. The pieces are held in
 * flat arrays, the flat ones dropped (they add nothing), the others summed in their order.
 */
export function pushforwardDensity(pieces: Piece[]): (x: number) => number {
  const sloped = pieces.filter((p) => p.a !== 0);
  const m = sloped.length;
  const lo = Float64Array.from(sloped, (p) => p.lo);
  const hi = Float64Array.from(sloped, (p) => p.hi);
  const a = Float64Array.from(sloped, (p) => p.a);
  const c = Float64Array.from(sloped, (p) => p.c);
  const absA = Float64Array.from(sloped, (p) => Math.abs(p.a));
  return (x) => {
    let s = 0;
    for (let k = 0; k < m; k++) {
      const z = (x - (c[k] as number)) / (a[k] as number);
      if (z >= (lo[k] as number) && z < (hi[k] as number)) s += phi(z) / (absA[k] as number);
    }
    return s;
  };
}

/**
 * p_G at every point of an ascending grid: the values of {@link pushforwardDensity} at each point, bit for bit, but
 * each sloped piece visits only the grid points near its image [a·lo + c, a·hi + c] (found by bisection, widened
 * by a margin far above the rounding of z = (x − c)/a, and tested exactly as the pointwise density tests them), and
 * each point's terms are added in the pieces' order. Into `into` (its first n values) when given.
 */
export function pushforwardDensityOnGrid(pieces: Piece[], xs: ArrayLike<number>, n = xs.length, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(n);
  out.fill(0, 0, n);
  for (const p of pieces) {
    if (p.a === 0) continue;
    const ends = [p.a * p.lo + p.c, p.a * p.hi + p.c];
    const margin =
      1e-6 * (1 + Math.abs(p.c) + Math.abs(p.a) * Math.max(Number.isFinite(p.lo) ? Math.abs(p.lo) : 0, Number.isFinite(p.hi) ? Math.abs(p.hi) : 0));
    const from = firstAtLeast(xs, n, Math.min(ends[0] as number, ends[1] as number) - margin);
    const to = Math.max(ends[0] as number, ends[1] as number) + margin;
    const absA = Math.abs(p.a);
    for (let i = from; i < n && (xs[i] as number) <= to; i++) {
      const z = ((xs[i] as number) - p.c) / p.a;
      if (z >= p.lo && z < p.hi) out[i] = (out[i] as number) + phi(z) / absA;
    }
  }
  return out;
}

/** The first index i < n with xs[i] ≥ v in an ascending xs (n when none; 0 for v = −∞ or NaN-free below all). */
function firstAtLeast(xs: ArrayLike<number>, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The exact density of a 1-D ReLU generator's output. With scalar noise z ~ N(0, 1), G is piecewise
 * linear in z: every hidden unit's pre-activation is piecewise linear, so its zero crossings split
 * the line into pieces on which G(z) = a·z + c. Then, for x off the finitely many flat pieces,
 * p_G(x) = Σ over pieces with a ≠ 0 and (x − c)/a inside the piece of φ((x − c)/a)/|a|.
 * This gives D*(x) = p_data(x)/(p_data(x) + p_G(x)) for the trained generator without any sampling.
 */
import { Bump, instantiate, simdAvailable, type Kernel } from './engines/fused-simd.js';

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

/**
 * The pieces of G (scalar input and output) on which it is affine, in flat arrays (see {@link FlatPieces}). The
 * pieces of the layer being read are held in flat arrays too (bounds lo, hi; each input unit's value a·z + c at
 * A[p·w + i], C[p·w + i]): a member's pieces are many and small, and the trainer finds every member's at every log
 * step.
 */
export function generatorPiecesFlat(layers: DenseLayer[]): FlatPieces {
  const first = layers[0] as DenseLayer;
  if (first.fin !== 1 || (layers[layers.length - 1] as DenseLayer).fout !== 1) throw new RangeError('generatorPieces: G must map ℝ to ℝ');
  let cur = scratchPieces(0, 1, 1);
  cur.lo[0] = -Infinity;
  cur.hi[0] = Infinity;
  cur.A[0] = 1;
  cur.C[0] = 0;
  let count = 1;
  let width = 1;
  for (let li = 0; li < layers.length; li++) {
    const L = layers[li] as DenseLayer;
    const { W, b, fin, fout } = L;
    const last = li === layers.length - 1;
    // a piece splits into at most fout + 1 parts
    const next = scratchPieces(1 - cur.which, last ? count : count * (fout + 1), fout);
    const { lo, hi, A, C } = cur;
    const nLo = next.lo;
    const nHi = next.hi;
    const nA = next.A;
    const nC = next.C;
    let made = 0;
    // pre-activations of this layer on a piece: affine in z
    const a = next.a;
    const c = next.c;
    const cuts = next.cuts;
    for (let p = 0; p < count; p++) {
      for (let o = 0; o < fout; o++) {
        let sa = 0;
        let sc = b[o] as number;
        for (let i = 0; i < fin; i++) {
          const w = W[i * fout + o] as number;
          sa += w * (A[p * width + i] as number);
          sc += w * (C[p * width + i] as number);
        }
        a[o] = sa;
        c[o] = sc;
      }
      const pLo = lo[p] as number;
      const pHi = hi[p] as number;
      if (last) {
        nLo[made] = pLo;
        nHi[made] = pHi;
        for (let o = 0; o < fout; o++) {
          nA[made * fout + o] = a[o] as number;
          nC[made * fout + o] = c[o] as number;
        }
        made++;
        continue;
      }
      // split the piece where some pre-activation changes sign, then apply ReLU on each part
      cuts[0] = pLo;
      cuts[1] = pHi;
      let nc = 2;
      for (let o = 0; o < fout; o++) {
        if ((a[o] as number) !== 0) {
          const z0 = -(c[o] as number) / (a[o] as number);
          if (z0 > pLo && z0 < pHi) cuts[nc++] = z0;
        }
      }
      // ascending; equal values in the order they came, as a stable sort by x − y leaves them (few: by insertion)
      for (let k = 1; k < nc; k++) {
        const v = cuts[k] as number;
        let j = k;
        for (; j > 0 && (cuts[j - 1] as number) - v > 0; j--) cuts[j] = cuts[j - 1] as number;
        cuts[j] = v;
      }
      for (let k = 0; k + 1 < nc; k++) {
        const l = cuts[k] as number;
        const h = cuts[k + 1] as number;
        if (!(h > l)) continue;
        const mid = Number.isFinite(l) && Number.isFinite(h) ? (l + h) / 2 : Number.isFinite(l) ? l + 1 : Number.isFinite(h) ? h - 1 : 0;
        nLo[made] = l;
        nHi[made] = h;
        for (let o = 0; o < fout; o++) {
          const on = (a[o] as number) * mid + (c[o] as number) > 0;
          nA[made * fout + o] = on ? (a[o] as number) : 0;
          nC[made * fout + o] = on ? (c[o] as number) : 0;
        }
        made++;
      }
    }
    cur = next;
    count = made;
    width = fout;
  }
  // the last layer has one unit: its a and c are the pieces' own
  return { count, lo: cur.lo, hi: cur.hi, a: cur.A, c: cur.C };
}

/** The pieces of G (scalar input and output) on which it is affine: {@link generatorPiecesFlat} as objects. */
export function generatorPieces(layers: DenseLayer[]): Piece[] {
  const f = generatorPiecesFlat(layers);
  return Array.from({ length: f.count }, (_, p) => ({ lo: f.lo[p] as number, hi: f.hi[p] as number, a: f.a[p] as number, c: f.c[p] as number }));
}

/**
 * Pieces in flat arrays, piece p on [lo[p], hi[p]) with G(z) = a[p]·z + c[p], for p < count. From
 * {@link generatorPiecesFlat}: arrays of that function's that its next call overwrites.
 */
export interface FlatPieces {
  count: number;
  lo: Float64Array;
  hi: Float64Array;
  a: Float64Array;
  c: Float64Array;
}

/** generatorPieces' two sets of arrays (the layer read and the layer made), kept and grown: it runs per member per log. */
type PieceArrays = {
  which: number;
  lo: Float64Array;
  hi: Float64Array;
  A: Float64Array;
  C: Float64Array;
  a: Float64Array;
  c: Float64Array;
  cuts: Float64Array;
};
const pieceArrays: PieceArrays[] = [0, 1].map((which) => ({
  which,
  lo: new Float64Array(0),
  hi: new Float64Array(0),
  A: new Float64Array(0),
  C: new Float64Array(0),
  a: new Float64Array(0),
  c: new Float64Array(0),
  cuts: new Float64Array(0),
}));

/** Set `which`, with room for `pieces` pieces of `width` units each (and the cuts of a piece of a layer that wide). */
function scratchPieces(which: number, pieces: number, width: number): PieceArrays {
  const s = pieceArrays[which] as PieceArrays;
  if (s.lo.length < pieces) [s.lo, s.hi] = [new Float64Array(pieces), new Float64Array(pieces)];
  if (s.A.length < pieces * width) [s.A, s.C] = [new Float64Array(pieces * width), new Float64Array(pieces * width)];
  if (s.a.length < width) [s.a, s.c] = [new Float64Array(width), new Float64Array(width)];
  // a piece's two ends and a cut for each unit
  if (s.cuts.length < width + 2) s.cuts = new Float64Array(width + 2);
  return s;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const phi = (z: number) => Math.exp(-0.5 * z * z) / SQRT_2PI;

/**
 * p_G(x) for the pieces of a generator with z ~ N(0, 1); atoms (flat pieces) are left out. The pieces are held in
 * flat arrays, the flat ones dropped (they add nothing), the others summed in their order.
 */
export function pushforwardDensity(pieces: Piece[]): (x: number) => number {
  const { count, lo, hi, a, c } = flatPieces(pieces.filter((p) => p.a !== 0));
  const absA = a.map(Math.abs);
  return (x) => {
    let s = 0;
    for (let k = 0; k < count; k++) {
      const z = (x - (c[k] as number)) / (a[k] as number);
      if (z >= (lo[k] as number) && z < (hi[k] as number)) s += phi(z) / (absA[k] as number);
    }
    return s;
  };
}

/** Pieces as objects → the same pieces in flat arrays (new arrays). */
function flatPieces(pieces: Piece[]): FlatPieces {
  const field = (k: keyof Piece) => Float64Array.from(pieces, (p) => p[k]);
  return { count: pieces.length, lo: field('lo'), hi: field('hi'), a: field('a'), c: field('c') };
}

/**
 * p_G at every point of an ascending grid: the values of {@link pushforwardDensity} at each point, bit for bit, but
 * each sloped piece visits only the grid points near its image [a·lo + c, a·hi + c] (found by bisection, widened
 * by a margin far above the rounding of z = (x − c)/a, and tested exactly as the pointwise density tests them), and
 * each point's terms are added in the pieces' order. Into `into` (its first n values) when given.
 */
export function pushforwardDensityOnGrid(pieces: Piece[] | FlatPieces, xs: ArrayLike<number>, n = xs.length, into?: Float64Array): Float64Array {
  const f = Array.isArray(pieces) ? flatPieces(pieces) : pieces;
  const out = into ?? new Float64Array(n);
  out.fill(0, 0, n);
  for (let k = 0; k < f.count; k++) {
    const lo = f.lo[k] as number;
    const hi = f.hi[k] as number;
    const a = f.a[k] as number;
    const c = f.c[k] as number;
    if (a === 0) continue;
    const e0 = a * lo + c;
    const e1 = a * hi + c;
    const margin = 1e-6 * (1 + Math.abs(c) + Math.abs(a) * Math.max(Number.isFinite(lo) ? Math.abs(lo) : 0, Number.isFinite(hi) ? Math.abs(hi) : 0));
    const from = firstAtLeast(xs, n, Math.min(e0, e1) - margin);
    const to = Math.max(e0, e1) + margin;
    const absA = Math.abs(a);
    for (let i = from; i < n && (xs[i] as number) <= to; i++) {
      const z = ((xs[i] as number) - c) / a;
      if (z >= lo && z < hi) out[i] = (out[i] as number) + phi(z) / absA;
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

/** Members a call of the kernel's pushforwardRows takes. */
const ROWS_CHUNK = 64;

/** The kernel of {@link pushforwardRows}, kept (per thread), for h units and gridN points. */
let rowsKernel: { k: Kernel; f32: Float32Array; f64: Float64Array; params: number; grid: number; out: number; work: number; h: number; gridN: number } | null =
  null;

/**
 * p_G on an ascending grid (its first gridN points) for every member of a population whose G is one hidden layer of
 * h units on scalar noise (gFlat [K·(3h + 1)], mlp.ts's layout): each member's {@link pushforwardDensityOnGrid} of
 * its {@link generatorPiecesFlat}, the same values bit for bit, in the kernel (assembly/pushforward.ts, a port of the
 * two) 64 members a call. Calls row(k, p_G) for each member in turn (an array the next call may overwrite); returns
 * false, calling nothing, where the kernel does not compile.
 */
export function pushforwardRows(
  gFlat: Float32Array,
  h: number,
  K: number,
  grid: Float32Array,
  gridN: number,
  row: (k: number, pG: Float64Array) => void,
): boolean {
  if (!simdAvailable()) return false;
  const P = 3 * h + 1;
  if (gFlat.length !== K * P) throw new RangeError(`pushforwardRows: gFlat must hold K·(3h + 1) = ${K * P} values; got ${gFlat.length}`);
  if (rowsKernel === null || rowsKernel.h !== h || rowsKernel.gridN !== gridN) {
    const mem = new Bump();
    const params = mem.take(4 * ROWS_CHUNK * P);
    const at = mem.take(4 * gridN);
    const out = mem.take(8 * ROWS_CHUNK * gridN);
    const work = mem.take(8 * (2 * h * h + 11 * h + 8) + 20 * ((h + 1) * gridN + 2) + 32);
    const { k, base, f32, f64 } = instantiate(mem.top);
    rowsKernel = { k, f32, f64, params: base + params, grid: base + at, out: base + out, work: base + work, h, gridN };
  }
  const r = rowsKernel;
  r.f32.set(grid.subarray(0, gridN), r.grid / 4);
  for (let k0 = 0; k0 < K; k0 += ROWS_CHUNK) {
    const count = Math.min(ROWS_CHUNK, K - k0);
    r.f32.set(gFlat.subarray(k0 * P, (k0 + count) * P), r.params / 4);
    r.k.pushforwardRows(r.params, h, count, r.grid, gridN, r.out, r.work);
    for (let j = 0; j < count; j++) row(k0 + j, r.f64.subarray(r.out / 8 + j * gridN, r.out / 8 + (j + 1) * gridN));
  }
  return true;
}

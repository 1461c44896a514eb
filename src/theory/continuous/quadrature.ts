/**
 * Certified integrals of Gaussian-mixture divergences: JSD, KL and C(G) = V(D*, G), by the
 * trapezoidal rule on the whole line with a proven error bound.
 *
 * ## Method
 * For f analytic in the strip |Im z| < a with ∫|f(x + iy)| dx ≤ M for every |y| < a, the trapezoid
 * sum T_h = h·Σₖ f(x₀ + kh) satisfies |T_h − ∫f| ≤ 2M/(e^{2πa/h} − 1) (Trefethen & Weideman, "The
 * exponentially convergent trapezoidal rule", SIAM Review 56 (2014), Theorem 5.1). So:
 * 1. M is bounded rigorously (float64 with outward margins; it only has to be an upper bound, and it
 *    enters through its logarithm): the strip is covered by boxes [x₀, x₁] × [−a, a]; on each box the
 *    moduli and relative phases of every component e^{lc − (z−μ)²/(2σ²)} are bounded, which bounds
 *    |p|, |q|, |p + q| above and below (a zero would be caught: the lower bound would fail) and the
 *    continued logarithms through |ln g| ≤ |ln|g|| + a·sup|g′/g| (the argument grows from 0 on the
 *    real axis along a vertical path). Beyond the boxes each mixture is its widest component times
 *    (1 + Σ rᵢ) with Re(1 + Σ rᵢ) ≥ ½ (checked; see `dominanceEdge`), so its logarithm is an explicit
 *    quadratic plus a bounded term, and the tails integrate in closed form against Gaussians.
 * 2. h is chosen so that the discretisation bound is below the target; the sum is truncated where
 *    the same tail bounds (now on the real line) are below the target.
 * 3. The kept terms are evaluated in ball arithmetic in the log domain (ln p by log-sum-exp of exact
 *    rational exponents), so tiny tail values cost no relative accuracy.
 * The result is ball + [−E_disc − E_trunc, E_disc + E_trunc], a certified enclosure.
 */
import * as B from '../_internals/ball.js';
import * as E from '../_internals/elementary.js';
import { lnRatio } from '../_internals/fixed.js';
import { TheoryError } from '../errors.js';
import { div, rational, sub, type Rational } from '../rational.js';
import type { Component } from './mixture.js';

export type Integrand = 'jsd' | 'kl' | 'cg';

interface FComp {
  lc: number; // ln(w/(σ√(2π)))
  mu: number;
  s: number;
}

const LN_SQRT_2PI = 0.9189385332046727;
const toF = (r: Rational) => Number(r.num) / Number(r.den);
const fcomps = (m: Component[]): FComp[] => m.map((c) => ({ lc: Math.log(toF(c.w)) - Math.log(toF(c.sigma)) - LN_SQRT_2PI, mu: toF(c.mu), s: toF(c.sigma) }));

/** ln Σ e^{xᵢ}. */
function lse(xs: number[]): number {
  const m = Math.max(...xs);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}

interface LogBounds {
  lnMin: number;
  lnMax: number;
  /** bound on |ln g(z)| over the box (continued from the real axis) */
  L: number;
}

/** Bounds of a mixture on the box [x0, x1] × [−a, a]; null if |g| cannot be bounded away from 0. */
function boxBounds(g: FComp[], x0: number, x1: number, a: number): LogBounds | null {
  const lnMin: number[] = [];
  const lnMax: number[] = [];
  const xmax: number[] = [];
  for (const c of g) {
    const X0 = x0 - c.mu;
    const X1 = x1 - c.mu;
    const Xmax = Math.max(Math.abs(X0), Math.abs(X1));
    const Xmin = X0 <= 0 && X1 >= 0 ? 0 : Math.min(Math.abs(X0), Math.abs(X1));
    lnMax.push(c.lc - (Xmin * Xmin - a * a) / (2 * c.s * c.s));
    lnMin.push(c.lc - (Xmax * Xmax) / (2 * c.s * c.s));
    xmax.push(Xmax);
  }
  let d = 0;
  lnMin.forEach((v, i) => {
    if (v > (lnMin[d] as number)) d = i;
  });
  const cd = g[d] as FComp;
  let bracket = 1;
  g.forEach((c, i) => {
    if (i === d) return;
    // |θᵢ − θ_d| ≤ a·max over x of |(x − μᵢ)/σᵢ² − (x − μ_d)/σ_d²| (linear in x: check the ends)
    const rel = (x: number) => Math.abs((x - c.mu) / (c.s * c.s) - (x - cd.mu) / (cd.s * cd.s));
    const dev = a * Math.max(rel(x0), rel(x1));
    bracket +=
      dev < Math.PI / 2 ? Math.exp((lnMin[i] as number) - (lnMin[d] as number)) * Math.cos(dev) : -Math.exp((lnMax[i] as number) - (lnMin[d] as number));
  });
  if (!(bracket > 1e-6)) return null;
  const lo = (lnMin[d] as number) + Math.log(bracket);
  const hi = lse(lnMax);
  // sup|g′|/inf|g| ≤ Σ |φᵢ|max·(|x − μᵢ|max + a)/σᵢ² / |g|min
  const ratio = g.reduce((s, c, i) => s + (Math.exp((lnMax[i] as number) - lo) * ((xmax[i] as number) + a)) / (c.s * c.s), 0);
  return { lnMin: lo, lnMax: hi, L: Math.max(Math.abs(lo), Math.abs(hi)) + a * ratio };
}

/** Upper bound of |f| on a box, from the bounds of p, q and u = p + q. */
function fmax(kind: Integrand, p: LogBounds, q: LogBounds, u: LogBounds): number {
  const ep = Math.exp(p.lnMax);
  const eq = Math.exp(q.lnMax);
  if (kind === 'jsd') return 0.5 * (ep * (Math.LN2 + p.L + u.L) + eq * (Math.LN2 + q.L + u.L));
  if (kind === 'cg') return ep * (p.L + u.L) + eq * (q.L + u.L);
  return ep * (p.L + q.L);
}

/**
 * Far out on `side`, a mixture is g = φ_ref·(1 + Σ rᵢ) with φ_ref its widest component (ties: the
 * outermost mean) and rᵢ = e^{Qᵢ(z)}, Qᵢ(z) = lcᵢ − lc_ref − (z−μᵢ)²/(2σᵢ²) + (z−μ_ref)²/(2σ_ref²) a
 * quadratic with leading coefficient cᵢ = 1/(2σ_ref²) − 1/(2σᵢ²) ≤ 0. On z = x + iy:
 * |rᵢ| = e^{Qᵢ(x) − cᵢy²} ≤ mᵢ(x) := e^{Qᵢ(x) + |cᵢ|a²} and arg rᵢ = y·Qᵢ′(x). Beyond the vertices of
 * the Qᵢ (where they decrease), if every rᵢ whose phase can exceed π/2 has mᵢ ≤ 1/(2k), then
 * Re(1 + Σrᵢ) ≥ ½ on the whole strip, the principal logarithm continues ln(1 + Σrᵢ) from the real
 * axis, and |ln(1 + Σrᵢ)| ≤ max(ln 2, ln(1 + Smax)) + π/2 with Smax = Σ mᵢ(edge).
 */
interface Dominant {
  ref: FComp;
  /** ln(1 + Smax) bound term: max(ln 2, ln(1 + Smax)) + π/2 */
  logSlack: number;
  /** ln(1 + Smax) */
  lnGrow: number;
}

function quad(c: FComp, ref: FComp) {
  const c2 = 1 / (2 * ref.s * ref.s) - 1 / (2 * c.s * c.s);
  const c1 = c.mu / (c.s * c.s) - ref.mu / (ref.s * ref.s);
  const c0 = c.lc - ref.lc - (c.mu * c.mu) / (2 * c.s * c.s) + (ref.mu * ref.mu) / (2 * ref.s * ref.s);
  return { c2, c1, c0, at: (x: number) => c2 * x * x + c1 * x + c0, slope: (x: number) => 2 * c2 * x + c1 };
}

function reference(g: FComp[], side: 1 | -1): FComp {
  return g.reduce((best, c) => (c.s > best.s || (c.s === best.s && side * c.mu > side * best.mu) ? c : best));
}

/** The edge beyond which the tail form above holds on `side` for this strip width, and its constants. */
function dominanceEdge(g: FComp[], side: 1 | -1, a: number): { edge: number; dom: Dominant } {
  const ref = reference(g, side);
  const k = g.length;
  const others = g.filter((c) => c !== ref).map((c) => quad(c, ref));
  // start past every vertex of Re Qᵢ (and past every mean), so each mᵢ decreases outward
  let x = side > 0 ? Math.max(...g.map((c) => c.mu)) : Math.min(...g.map((c) => c.mu));
  for (const q of others) if (q.c2 < 0) x = side > 0 ? Math.max(x, -q.c1 / (2 * q.c2)) : Math.min(x, -q.c1 / (2 * q.c2));
  const m = (q: (typeof others)[number], t: number) => Math.exp(q.at(t) + Math.abs(q.c2) * a * a);
  // the point beyond x where |arg rᵢ| = a|Qᵢ′| reaches π/2 (never, when the slope is bounded below it)
  const phaseEdge = (q: (typeof others)[number], from: number) => {
    if (a * Math.abs(q.slope(from)) > Math.PI / 2) return from;
    if (q.c2 === 0) return Infinity;
    return side > 0 ? (-Math.PI / (2 * a) - q.c1) / (2 * q.c2) : (Math.PI / (2 * a) - q.c1) / (2 * q.c2);
  };
  const ok = (t: number) =>
    others.every((q) => {
      const pe = a === 0 ? Infinity : phaseEdge(q, t);
      return !Number.isFinite(pe) || m(q, side > 0 ? Math.max(t, pe) : Math.min(t, pe)) <= 1 / (2 * k);
    });
  let step = ref.s;
  while (!ok(x)) {
    x += side * step;
    step *= 1.5;
    if (Math.abs(x) > 1e12) throw new RangeError('dominanceEdge: no dominance found');
  }
  const smax = others.reduce((acc, q) => acc + m(q, x), 0);
  const lnGrow = Math.log1p(smax);
  return { edge: x, dom: { ref, lnGrow, logSlack: Math.max(Math.LN2, lnGrow) + Math.PI / 2 } };
}

/**
 * ∫_T^∞ e^{−t²/(2s²)}·(α + β t²) dt for T ≥ 0, bounded above in float (with a 1% margin):
 * s√(2π)·[α Q(T/s) + β s² (Q(T/s) + (T/s)φ(T/s))], Q the normal tail, bounded by φ(z)/z for z ≥ 1.
 */
function gaussTail(alpha: number, beta: number, s: number, T: number): number {
  const z = T / s;
  const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const Q = z >= 1 ? phi / z : 0.5;
  return 1.01 * s * Math.sqrt(2 * Math.PI) * (alpha * Q + beta * s * s * (Q + z * phi));
}

/**
 * Bound of ∫ over the tail beyond `edge` (toward `side`) of the integrand's modulus on the line
 * y = const, |y| ≤ a (a = 0: on the real line), using the dominance form of each mixture there.
 */
function tailBound(kind: Integrand, P: FComp[], Q: FComp[], U: FComp[], side: 1 | -1, edge: number, a: number): number {
  // For x beyond edge: |g(z)| ≤ (5/4)·e^{lc_d + a²/(2σ_d²)}·e^{−(x−μ_d)²/(2σ_d²)} and
  // |ln g(z)| ≤ |lc_d| + ½ + ((x−μ_d)² + a²)/(2σ_d²) ≤ A_g + B_g·t², t = |x − μ*|, with μ* the
  // reference mean and (x−μ_d)² ≤ 2t² + 2(μ_d − μ*)².
  const ref = side > 0 ? Math.max(...U.map((c) => c.mu)) : Math.min(...U.map((c) => c.mu));
  const T = Math.max(0, side * (edge - ref));
  const dom = (g: FComp[]) => dominanceEdge(g, side, a).dom;
  // |ln g| ≤ |ln φ_ref(z)| + logSlack ≤ |lc_ref| + ((x−μ_ref)² + a²)/(2σ²) + logSlack, and
  // (x−μ_ref)² ≤ 2t² + 2(μ_ref − μ*)² with t = |x − μ*|
  const logPoly = (g: FComp[]) => {
    const { ref: d, logSlack } = dom(g);
    const s2 = 2 * d.s * d.s;
    return { A: Math.abs(d.lc) + logSlack + (a * a + 2 * (d.mu - ref) ** 2) / s2, B: 2 / s2 };
  };
  // |g| ≤ |φ_ref(z)|·(1 + Smax) ≤ e^{lc_ref + a²/(2σ²) + ln(1 + Smax)}·e^{−(x−μ_ref)²/(2σ²)}
  const mod = (g: FComp[]) => {
    const { ref: d, lnGrow } = dom(g);
    return { c: Math.exp(d.lc + lnGrow + (a * a) / (2 * d.s * d.s)), s: d.s, shift: Math.abs(d.mu - ref) };
  };
  const lp = logPoly(P);
  const lq = logPoly(Q);
  const lu = logPoly(U);
  // |g| e^{−(x−μ_d)²/(2σ²)} with |x − μ_d| ≥ t − shift: bound by e^{−(t − shift)²/(2σ²)} on t ≥ T ≥ shift.
  const term = (g: FComp[], A: number, Bc: number) => {
    const m = mod(g);
    const T0 = Math.max(0, T - m.shift);
    // A + B t² ≤ A + 2B(t − shift)² + 2B shift²
    return m.c * gaussTail(A + 2 * Bc * m.shift * m.shift, 2 * Bc, m.s, T0);
  };
  if (kind === 'jsd') return 0.5 * (term(P, Math.LN2 + lp.A + lu.A, lp.B + lu.B) + term(Q, Math.LN2 + lq.A + lu.A, lq.B + lu.B));
  if (kind === 'cg') return term(P, lp.A + lu.A, lp.B + lu.B) + term(Q, lq.A + lu.A, lq.B + lu.B);
  return term(P, lp.A + lq.A, lp.B + lq.B);
}

interface Strip {
  a: number;
  M: number;
}

/** Finds a strip half-width a and M = sup_y ∫|f(x + iy)| dx, preferring the fewest nodes. */
function strip(kind: Integrand, P: FComp[], Q: FComp[], fn: string, budget?: Budget): Strip {
  const U = [...P, ...Q];
  const smin = Math.min(...U.map((c) => c.s));
  let best: Strip | null = null;
  for (const scale of [2, 1, 0.5, 0.25, 0.125, 0.0625, 0.03125]) {
    const a = scale * smin;
    const lo = Math.min(...[P, Q, U].map((g) => dominanceEdge(g, -1, a).edge));
    const hi = Math.max(...[P, Q, U].map((g) => dominanceEdge(g, 1, a).edge));
    const width = smin / 4;
    const n = Math.ceil((hi - lo) / width);
    if (n > 200_000) {
      // name the narrow distribution and the one whose spread sets the span
      const narrow = P.some((c) => c.s === smin) ? 'p' : 'q';
      const smax = Math.max(...U.map((c) => c.s));
      const wide = P.some((c) => c.s === smax) ? 'p' : 'q';
      const arg = narrow === wide ? narrow : `${narrow} and ${wide}`;
      throw new TheoryError(
        fn,
        arg,
        `${narrow === wide ? 'has' : 'have'} scales too far apart for the certified quadrature (σ ${smin} in ${narrow} against a span of ${hi - lo} set by ` +
          `σ ${smax} in ${wide}: more than 200000 nodes)`,
      );
    }
    let M = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (i % 1024 === 0) overBudget(budget, fn, `while bounding the integrand on its strip (box ${i} of ${n})`);
      const x0 = lo + i * width;
      const x1 = x0 + width;
      const bp = boxBounds(P, x0, x1, a);
      const bq = boxBounds(Q, x0, x1, a);
      const bu = boxBounds(U, x0, x1, a);
      if (bp === null || bq === null || bu === null) ok = false;
      else M += width * fmax(kind, bp, bq, bu) + width * 1e-300;
    }
    if (!ok) continue;
    M += tailBound(kind, P, Q, U, -1, lo, a) + tailBound(kind, P, Q, U, 1, hi, a);
    M *= 1.000001;
    if (!Number.isFinite(M)) continue;
    // nodes ∝ ln(M)/a at a fixed target: keep the better one
    if (best === null || (Math.log(2 * M) + 300) / a < (Math.log(2 * best.M) + 300) / best.a) best = { a, M };
    if (best.a === a) break; // the widest strip that works is (nearly) always the cheapest
  }
  if (best === null) throw new TheoryError(fn, 'p', 'could not be bounded away from zero in any strip (a mixture density may vanish near the real axis)');
  return best;
}

/** log of each component's weighted density at x as a ball: ln(w/σ) − offset − (x − μ)²/(2σ²), offset = ½ln 2π for densities. */
export function exponents(mix: Component[], x: Rational, prec: number, lnSqrt2pi: B.Ball): B.Ball[] {
  return mix.map((c) => {
    const z = div(sub(x, c.mu), c.sigma);
    const l = lnRatio(c.w.num * c.sigma.den, c.w.den * c.sigma.num, prec);
    const zz = B.fromRatio(z.num * z.num, 2n * z.den * z.den, prec);
    return { mid: l.mid - zz.mid - lnSqrt2pi.mid, rad: l.rad + zz.rad + lnSqrt2pi.rad };
  });
}

/** ln Σ e^{tᵢ} around the largest exponent. */
export function logSumExp(ts: B.Ball[], prec: number): B.Ball {
  if (ts.length === 1) return ts[0] as B.Ball;
  const top = ts.reduce((m, t) => (t.mid > m ? t.mid : m), (ts[0] as B.Ball).mid);
  const s = ts.map((t) => E.exp({ mid: t.mid - top, rad: t.rad }, prec)).reduce((x, y) => B.add(x, y));
  const l = E.ln(s, prec);
  return { mid: l.mid + top, rad: l.rad };
}

/** max(x, y) + ln(1 + e^{−|x − y|}) = ln(eˣ + eʸ). */
function logAddExp(x: B.Ball, y: B.Ball, prec: number): B.Ball {
  const [hi, lo] = x.mid >= y.mid ? [x, y] : [y, x];
  const e = E.exp(B.sub(lo, hi), prec);
  return B.add(hi, E.ln(B.add(B.fromInt(1n, prec), e), prec));
}

/**
 * The certified integral of `kind` between mixtures P and Q: returns a function of the working
 * precision giving the integral as a ball (absolute radius; the caller's Ziv loop raises `prec` for
 * relative accuracy). The strip, its bound M and the real-line tail edges do not depend on the
 * precision, so they are found once, here.
 */
/** A time budget and a progress callback for the long loops of the quadrature. */
export interface Budget {
  /** performance.now() after which the computation stops, or Infinity. */
  deadline: number;
  maxSeconds?: number;
  started: number;
  onProgress?: (done: number, total: number, bits: number) => void;
}

/** The budget of a call from its options (maxSeconds must be a positive finite number). */
export function budgetOf(fn: string, options: { maxSeconds?: unknown; onProgress?: unknown }): Budget {
  const started = performance.now();
  const s = options.maxSeconds;
  if (s !== undefined && !(typeof s === 'number' && s > 0 && s < Infinity))
    throw new TheoryError(fn, 'maxSeconds', `must be a positive number of seconds; got ${String(s)}`);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new TheoryError(fn, 'onProgress', 'must be a function');
  return {
    deadline: s === undefined ? Infinity : started + 1000 * s,
    ...(s === undefined ? {} : { maxSeconds: s }),
    started,
    ...(options.onProgress ? { onProgress: options.onProgress as Budget['onProgress'] } : {}),
  };
}

function overBudget(budget: Budget | undefined, fn: string, where: string): void {
  if (budget !== undefined && performance.now() > budget.deadline) {
    throw new TheoryError(fn, 'maxSeconds', `(${budget.maxSeconds} s) was exceeded ${where}; raise it, ask for fewer digits, or bring the scales closer`);
  }
}

export function integrate(kind: Integrand, P: Component[], Q: Component[], fn: string, budget?: Budget): (prec: number) => B.Ball {
  const fP = fcomps(P);
  const fQ = fcomps(Q);
  const U = [...fP, ...fQ];
  const { a, M } = strip(kind, fP, fQ, fn, budget);
  const centre = Math.round((Math.min(...U.map((c) => c.mu)) + Math.max(...U.map((c) => c.mu))) / 2);
  const edgeLo = Math.min(...[fP, fQ, U].map((g) => dominanceEdge(g, -1, 0).edge));
  const edgeHi = Math.max(...[fP, fQ, U].map((g) => dominanceEdge(g, 1, 0).edge));
  const plan: Plan = { kind, P, Q, fP, fQ, U, a, M, centre, edgeLo, edgeHi, fn, ...(budget ? { budget } : {}) };
  return (prec) => integrateAt(plan, prec);
}

/** What `integrate` finds once: the mixtures, the strip (a, M), the centre and the tail edges. */
interface Plan {
  kind: Integrand;
  P: Component[];
  Q: Component[];
  fP: FComp[];
  fQ: FComp[];
  U: FComp[];
  a: number;
  M: number;
  centre: number;
  edgeLo: number;
  edgeHi: number;
  fn: string;
  budget?: Budget;
}

function integrateAt(plan: Plan, prec: number): B.Ball {
  const { kind, P, Q, fP, fQ, U, a, M, centre, edgeLo, edgeHi, fn, budget } = plan;
  // discretisation: 2M/(e^{2πa/h} − 1) ≤ 4M·e^{−2πa/h} ≤ 2^−(prec+3)
  const t = Math.log(4 * M) + (prec + 3) * Math.LN2;
  const hf = (2 * Math.PI * a) / t;
  const hDen = BigInt(Math.ceil(1 / hf));
  const h = rational(1n, hDen);
  const hNum = 1 / Number(hDen);
  const discLog2 = Math.log2(4 * M) - (2 * Math.PI * a) / hNum / Math.LN2; // log2 of the bound
  // truncation: nodes beyond the real-line tail edges contribute ≤ tailBound(a = 0) each side
  let kLo = 0;
  let kHi = 0;
  const target = (prec + 4) * Math.LN2;
  // h·Σ_{k>N} |f(x_k)| ≤ ∫_{x_N − h}^∞ (majorant), the majorant being decreasing beyond the edge.
  const tailOk = (x: number, side: 1 | -1) => -Math.log(tailBound(kind, fP, fQ, U, side, x - side * hNum, 0) + 1e-300) >= target;
  for (kHi = Math.ceil((edgeHi - centre) / hNum) + 1; !tailOk(centre + kHi * hNum, 1); kHi += Math.ceil(1 / hNum)) {
    if (kHi > 1e7) throw new TheoryError(fn, 'p', 'quadrature needs more than 10⁷ nodes');
  }
  for (kLo = Math.floor((edgeLo - centre) / hNum) - 1; !tailOk(centre + kLo * hNum, -1); kLo -= Math.ceil(1 / hNum)) {
    if (kLo < -1e7) throw new TheoryError(fn, 'p', 'quadrature needs more than 10⁷ nodes');
  }
  const truncLog2 = Math.log2(
    tailBound(kind, fP, fQ, U, 1, centre + kHi * hNum - hNum, 0) + tailBound(kind, fP, fQ, U, -1, centre + kLo * hNum + hNum, 0) + 1e-300,
  );
  // the sum, in the log domain
  const w = prec + 24 + Math.ceil(Math.log2(kHi - kLo + 1));
  const lnSqrt2pi = B.scale(B.add(E.ln(E.pi(w), w), E.ln(B.fromInt(2n, w), w)), 1n, 2n);
  const ln2 = E.lnExact(2n, 1n, w);
  let acc = B.fromInt(0n, w);
  for (let k = kLo; k <= kHi; k++) {
    if (budget !== undefined && (k - kLo) % 256 === 0) {
      overBudget(budget, fn, `at node ${k - kLo} of ${kHi - kLo + 1} (${prec} bits)`);
      budget.onProgress?.(k - kLo, kHi - kLo + 1, prec);
    }
    const x = rational(BigInt(centre) * hDen + BigInt(k), hDen);
    const lp = logSumExp(exponents(P, x, w, lnSqrt2pi), w);
    const lq = logSumExp(exponents(Q, x, w, lnSqrt2pi), w);
    let fk: B.Ball;
    if (kind === 'kl') {
      fk = B.mul(E.exp(lp, w), B.sub(lp, lq), w);
    } else {
      const lu = logAddExp(lp, lq, w);
      const tp = B.mul(E.exp(lp, w), B.sub(lp, lu), w);
      const tq = B.mul(E.exp(lq, w), B.sub(lq, lu), w);
      // C(G) integrand p ln(p/u) + q ln(q/u); JSD adds (p + q)·ln 2 = e^{lu}·ln 2 and halves
      if (kind === 'cg') fk = B.add(tp, tq);
      else fk = B.scale(B.add(B.add(tp, tq), B.mul(E.exp(lu, w), ln2, w)), 1n, 2n);
    }
    acc = B.add(acc, fk);
  }
  const sum = B.reduce(B.scale(acc, h.num, h.den), w, prec);
  // enclosure: sum ± (discretisation + truncation), both as ulps at prec, rounded up
  const errLog2 = Math.max(discLog2, truncLog2) + 1;
  const errUlps =
    errLog2 + prec < -64 ? 1n : BigInt(Math.ceil(2 ** Math.min(50, errLog2 + prec + 1))) << BigInt(Math.max(0, Math.ceil(errLog2 + prec + 1) - 50));
  return { mid: sum.mid, rad: sum.rad + errUlps + 1n };
}

/**
 * The dynamics of a two-player bilinear game under gradient steps, decided exactly: the Dirac-GAN
 * of Mescheder et al. (2018, §2.2) linearised at its equilibrium, min over θ, max over ψ of c·θψ
 * (c = −f′(0) = ½ for the GAN's loss; any coupling c > 0 is the general scalar bilinear game), with a
 * gradient penalty γ/2·ψ² on the discriminator (R1, their eq. 9), learning rate η, simultaneous or
 * alternating updates. One step is a linear map M (checks/dirac-gan.ts `linearStep`, exact
 * rationals); Jury's conditions on its trace and determinant (`spectralClass`) decide exactly
 * whether both eigenvalues lie inside the unit circle (the iterates converge), on it (they cycle on
 * a bounded orbit) or outside (they spiral out).
 */
import { show } from '../../theory/errors.js';
import { formatRational, type RationalLike, toRational } from '../../theory/rational.js';
import { linearStep, type Order, spectralClass } from '../checks/dirac-gan.js';
import { ClaimError, type Outcome } from '../define.js';
import type { LibraryCheck } from './claim.js';

/** What the iterates do; `does-not-converge` is "cycles or diverges". */
export type GameBehaviour = 'converges' | 'diverges' | 'cycles' | 'does-not-converge';

/** A scalar bilinear game (the Dirac-GAN linearised), the step settings, and the behaviour claimed. */
export interface GameSubject {
  /** Coupling c of the payoff c·θψ. @defaultValue 1 */
  a?: RationalLike;
  /** Gradient penalty γ ≥ 0 on the maximising player. @defaultValue 0 */
  gamma?: RationalLike;
  /** The learning rate, or several: the claim must hold at each. */
  lr: RationalLike | readonly RationalLike[];
  /** Simultaneous or alternating steps, or both (the claim must hold for each). */
  update: Order | 'both';
  /** What the iterates are claimed to do. */
  claimed: GameBehaviour;
}

const BEHAVIOUR = { inside: 'converges', 'on-circle': 'cycles', outside: 'diverges' } as const;
const VERB = { converges: 'converge', cycles: 'cycle', diverges: 'diverge' } as const;

/** Spectral radius of a 2×2 matrix from its trace and determinant (for the evidence; the verdict is exact). */
export function spectralRadius(trace: number, det: number): number {
  const disc = trace * trace - 4 * det;
  if (disc >= 0) return Math.max(Math.abs((trace + Math.sqrt(disc)) / 2), Math.abs((trace - Math.sqrt(disc)) / 2));
  return Math.sqrt(det); // a complex pair: |λ|² = det
}

/**
 * What a bilinear game's gradient dynamics do.
 *
 * ```ts
 * claim({ id: 'gda-spirals', quote: 'simultaneous gradient descent spirals outwards', statement: '…',
 *   ...game({ lr: ['1/100', '1/10'], update: 'simultaneous', claimed: 'diverges' }) });
 * ```
 */
export function game(o: GameSubject & { mutant?: Partial<GameSubject> & { description: string } }): LibraryCheck<GameSubject> {
  const fn = 'game';
  if (o === null || typeof o !== 'object') throw new ClaimError(fn, 'options', `must be an object; got ${show(o)}`);
  const lrs = (Array.isArray(o.lr) ? o.lr : [o.lr]) as RationalLike[];
  if (lrs.length === 0) throw new ClaimError(fn, 'lr', 'must be a learning rate or a non-empty list of them');
  for (const [i, lr] of lrs.entries()) {
    const r = toRational(lr, fn, `lr[${i}]`);
    if (r.num <= 0n) throw new ClaimError(fn, `lr[${i}]`, `must be > 0; got ${show(lr)}`);
  }
  if (!['simultaneous', 'alternating', 'both'].includes(o.update))
    throw new ClaimError(fn, 'update', `must be simultaneous, alternating or both; got ${show(o.update)}`);
  if (!['converges', 'diverges', 'cycles', 'does-not-converge'].includes(o.claimed))
    throw new ClaimError(fn, 'claimed', `must be converges, diverges, cycles or does-not-converge; got ${show(o.claimed)}`);
  for (const k of ['a', 'gamma'] as const)
    if (o[k] !== undefined && toRational(o[k] as RationalLike, fn, k).num < 0n) throw new ClaimError(fn, k, `must be ≥ 0; got ${show(o[k])}`);
  const { mutant, ...subject } = o;
  return {
    method: 'exact',
    subject,
    check: (s): Outcome => {
      const c = toRational(s.a ?? 1, fn, 'a');
      const gamma = toRational(s.gamma ?? 0, fn, 'gamma');
      const orders: Order[] = s.update === 'both' ? ['simultaneous', 'alternating'] : [s.update];
      const rows = orders.flatMap((order) =>
        (Array.isArray(s.lr) ? s.lr : [s.lr]).map((lr: RationalLike) => {
          const eta = toRational(lr, fn, 'lr');
          const k = spectralClass(linearStep(order, eta, c, gamma));
          const found = BEHAVIOUR[k.cls];
          const rho = spectralRadius(Number(k.trace.num) / Number(k.trace.den), Number(k.det.num) / Number(k.det.den));
          const ok = s.claimed === 'does-not-converge' ? found !== 'converges' : found === s.claimed;
          return { order, eta: formatRational(eta), found, rho, det: formatRational(k.det), ok };
        }),
      );
      const bad = rows.filter((r) => !r.ok);
      const setting = `c = ${formatRational(c)}, γ = ${formatRational(gamma)}`;
      const list = rows.map((r) => `${r.order} η = ${r.eta}: det ${r.det}, ρ = ${r.rho.toPrecision(8)}, they ${VERB[r.found]}`).join('; ');
      const evidence = `the step map at the equilibrium (${setting}), exactly (Jury's conditions): ${list}`;
      return bad.length === 0
        ? { verdict: 'holds', evidence, numbers: { settings: rows.length } }
        : {
            verdict: 'refuted',
            evidence: `${evidence}; not "${s.claimed}"`,
            counterexample: bad.map((r) => `${r.order} η = ${r.eta}: the iterates ${VERB[r.found]}`).join('; '),
            numbers: { settings: rows.length, against: bad.length },
          };
    },
    mutant: mutant
      ? { description: mutant.description, subject: { ...subject, ...mutant } }
      : o.gamma !== undefined && toRational(o.gamma, fn, 'gamma').num > 0n
        ? { description: 'the same steps without the gradient penalty (γ = 0)', subject: { ...subject, gamma: 0 } }
        : o.update === 'both'
          ? { description: 'a discriminator with a gradient penalty γ = 1 (R1)', subject: { ...subject, gamma: 1 } }
          : {
              description: `the other update order (${o.update === 'simultaneous' ? 'alternating' : 'simultaneous'})`,
              subject: { ...subject, update: o.update === 'simultaneous' ? 'alternating' : 'simultaneous' },
            },
  };
}

/**
 * Theorems for the losses GAN code writes on logits and batches: binary cross-entropy with logits,
 * the discriminator's loss and its optimum, and the two generator losses with their gradients with
 * respect to the logit (Goodfellow et al. 2014, §3 and Proposition 1). The references are the stable
 * forms ln σ(l) = −softplus(−l) and ln(1 − σ(l)) = −softplus(l), finite at every logit.
 */
import fc from 'fast-check';
import { sigmoid, softplus } from '../../numeric/logistic.js';
import { countsPair } from '../arbitraries.js';
import { closeTo, exact } from '../matchers.js';
import { copy, mean, require_, TOL, type Theorem } from '../theorem.js';

const LN4 = Math.log(4);

/** Logits where naive code breaks (σ rounds to 0 or 1 past ±36.8; e^l overflows past 709.8), and ordinary ones. */
const extreme = fc.constantFrom(0, -36.8, 36.8, -40, 40, -100, 100, -710, 710, -1000, 1000);
const logit = fc.oneof({ weight: 3, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) }, { weight: 2, arbitrary: extreme });
/** A batch of 1–16 logits. */
export const logitBatch = fc.array(logit, { minLength: 1, maxLength: 16 });
const target = fc.oneof(fc.constantFrom(0, 1, 0.9, 0.1), fc.double({ min: 0, max: 1, noNaN: true }));

/** −t·ln σ(l) − (1 − t)·ln(1 − σ(l)), without cancellation at any logit. */
const bce = (l: number, t: number) => t * softplus(-l) + (1 - t) * softplus(l);

/** Central difference of a loss of one logit, with a step relative to the logit. */
async function slope(f: (l: number[]) => number | Promise<number>, l: number): Promise<number> {
  const h = 1e-5 * Math.max(1, Math.abs(l));
  return ((await f([l + h])) - (await f([l - h]))) / (2 * h);
}

/** The theorems on logits, in the order they run. */
export function logitTheorems(): Theorem[] {
  return [
    {
      id: 'bce-logits',
      statement: 'BCE with logits = mean(t·softplus(−l) + (1 − t)·softplus(l)): finite and within 1e-9 at every logit, ±1000 included',
      needs: ['bceWithLogits'],
      property: (impl) =>
        fc.asyncProperty(
          logitBatch.chain((l) => fc.array(target, { minLength: l.length, maxLength: l.length }).map((t) => [l, t] as const)),
          async ([l, t]) => {
            const got = await impl.bceWithLogits(copy(l), copy(t));
            const want = mean(l.map((li, i) => bce(li, t[i] as number)));
            require_(closeTo(got, want, TOL).pass, () => `bceWithLogits(l, t) = ${got}, expected ${want}`);
          },
        ),
    },
    {
      id: 'dloss-logits',
      statement: "the discriminator's loss on logits is mean softplus(−l_real) + mean softplus(l_fake) (BCE with real = 1, fake = 0)",
      needs: ['dLossLogits'],
      property: (impl) =>
        fc.asyncProperty(logitBatch, logitBatch, async (r, f) => {
          const got = await impl.dLossLogits(copy(r), copy(f));
          const want = mean(r.map((x) => softplus(-x))) + mean(f.map((x) => softplus(x)));
          require_(closeTo(got, want, TOL).pass, () => `dLossLogits(real, fake) = ${got}, expected ${want}`);
        }),
    },
    {
      id: 'dloss-logits-optimum',
      statement:
        "at D*'s logit ln(p/q) the discriminator's loss over the data and the generator's samples is ln 4 − 2·JSD(p ‖ q), and no other logits do better " +
        '(Goodfellow et al. 2014, Proposition 1 and Theorem 1; batches repeat each point by its count)',
      needs: ['dLossLogits'],
      property: (impl) =>
        fc.asyncProperty(
          countsPair({ zeros: false }).chain((c) =>
            fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: c.p.length, maxLength: c.p.length }).map((other) => [c, other] as const),
          ),
          async ([{ pc, qc, p, q }, other]) => {
            const star = p.map((pi, i) => Math.log(pi) - Math.log(q[i] as number));
            const batch = (counts: number[], l: number[]) => counts.flatMap((c, i) => Array<number>(c).fill(l[i] as number));
            const at = await impl.dLossLogits(batch(pc, star), batch(qc, star));
            const want = LN4 - 2 * Number(exact.jsd(p, q).value);
            require_(closeTo(at, want, TOL).pass, () => `at l = ln(p/q) = ${JSON.stringify(star)} the loss is ${at}; ln 4 − 2·JSD = ${want}`);
            const elsewhere = await impl.dLossLogits(batch(pc, other), batch(qc, other));
            require_(elsewhere >= want - 1e-9, () => `at l = ${JSON.stringify(other)} the loss is ${elsewhere} < ${want}, its minimum`);
          },
        ),
    },
    {
      id: 'gloss-non-saturating-logits',
      statement:
        "the non-saturating generator loss is mean softplus(−l) over the fakes' logits, with ∂/∂l = −σ(−l)/n: near −1/n where D rejects the fakes " +
        '(Goodfellow et al. 2014, §3)',
      needs: ['gLossNonSaturating'],
      property: (impl) =>
        fc.asyncProperty(logitBatch, fc.double({ min: -30, max: 30, noNaN: true }), async (l, one) => {
          const got = await impl.gLossNonSaturating(copy(l));
          const want = mean(l.map((x) => softplus(-x)));
          require_(closeTo(got, want, TOL).pass, () => `gLossNonSaturating(l) = ${got}, expected ${want}`);
          const g = await slope((x) => impl.gLossNonSaturating(x), one);
          const gw = -sigmoid(-one);
          require_(Math.abs(g - gw) <= 1e-6 + 1e-5 * Math.abs(gw), () => `∂/∂l at l = ${one} is ${g}, expected −σ(−l) = ${gw}`);
        }),
    },
    {
      id: 'gloss-saturating-logits',
      statement: 'the saturating generator loss is mean ln(1 − σ(l)) = −mean softplus(l), with ∂/∂l = −σ(l)/n: vanishing where D rejects the fakes',
      needs: ['gLossSaturating'],
      property: (impl) =>
        fc.asyncProperty(logitBatch, fc.double({ min: -30, max: 30, noNaN: true }), async (l, one) => {
          const got = await impl.gLossSaturating(copy(l));
          const want = -mean(l.map((x) => softplus(x)));
          require_(closeTo(got, want, TOL).pass, () => `gLossSaturating(l) = ${got}, expected ${want}`);
          const g = await slope((x) => impl.gLossSaturating(x), one);
          const gw = -sigmoid(one);
          require_(Math.abs(g - gw) <= 1e-6 + 1e-5 * Math.abs(gw), () => `∂/∂l at l = ${one} is ${g}, expected −σ(l) = ${gw}`);
        }),
    },
  ];
}

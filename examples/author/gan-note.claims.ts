/**
 * The claims of gan-note.md, one library check each (gan-verify/checks). `$1`, `$2.rhs` … name the
 * quote's own formulas: the check runs the document's LaTeX, not a copy of it.
 *   npx gan-verify check examples/author/gan-note.md --claims examples/author/gan-note.claims.ts \
 *     --accounting examples/author/gan-note.accounting.json --report report/gan-note
 */
import { claim, derivative, divergence, game, identity, inequality, optimum } from 'gan-verify/checks';
import { exactFloat, jsd } from 'gan-verify/theory';

const pq = { p: 'positive', q: 'positive' } as const;
const sigma = { '\\sigma(a)': '\\frac{1}{1+e^{-a}}' };

export default [
  claim({
    id: 'optimal-d',
    quote: 'For a fixed generator, the pointwise integrand is maximised at $D^*(x) = \\frac{p}{p+q}$.',
    statement: 'p/(p+q) maximises p·log D + q·log(1 − D) over D ∈ [0, 1], for all p, q > 0',
    ...optimum({ f: 'p \\log D + q \\log(1 - D)', claimed: '$1.rhs', kind: 'max', over: ['D', 0, 1], vars: pq }),
  }),
  claim({
    id: 'integrand-derivative',
    quote: 'Its derivative with respect to $D$ is $\\frac{p}{D} - \\frac{q}{1-D}$',
    statement: 'd/dD [p·log D + q·log(1 − D)] = p/D − q/(1 − D) on (0, 1)',
    ...derivative({ f: 'p \\log D + q \\log(1 - D)', claimed: '$2', wrt: 'D', vars: { ...pq, D: 'probability' } }),
  }),
  claim({
    id: 'posterior',
    quote: 'The optimal discriminator is therefore the posterior probability that $x$ came from the data.',
    statement: 'p/(p+q) is Bayes’ posterior P(real | x) with prior 1/2 on each source: (p/2)/(p/2 + q/2)',
    ...identity({ lhs: '\\frac{p}{p+q}', rhs: '\\frac{\\frac12 p}{\\frac12 p + \\frac12 q}', vars: pq }),
  }),
  claim({
    id: 'plug-in',
    quote: 'Plugging $D^*$ back in gives the virtual training criterion $C(G)$:',
    statement: 'p·log D* + q·log(1 − D*) = p·log(p/(p+q)) + q·log(q/(p+q)) at D* = p/(p+q), the integrand of the display below',
    ...identity({ lhs: 'p \\log D + q \\log(1 - D)', rhs: 'p \\log \\frac{p}{p+q} + q \\log \\frac{q}{p+q}', vars: pq, symbols: { D: '\\frac{p}{p+q}' } }),
  }),
  claim({
    id: 'pointwise-identity',
    quote: 'Pointwise, $p \\log \\frac{p}{p+q} + q \\log \\frac{q}{p+q}$ equals $p \\log \\frac{2p}{p+q} + q \\log \\frac{2q}{p+q} - (p+q)\\log 2$.',
    statement: 'the two pointwise expressions agree for all p, q > 0',
    ...identity({ lhs: '$1', rhs: '$2', vars: pq }),
  }),
  claim({
    id: 'c-of-g-jsd',
    quote: 'Integrating gives $C(G) = 2\\,\\mathrm{JSD}(p_{\\text{data}} \\| p_g) - \\log 4$.',
    statement: 'Σ p log(p/(p+q)) + q log(q/(p+q)) = 2·JSD(p, q) − ln 4 for two-point distributions p = (a, 1 − a), q = (b, 1 − b)',
    ...identity({
      lhs: ({ a = 0, b = 0 }) =>
        [
          [a, b],
          [1 - a, 1 - b],
        ].reduce((s, [p = 0, q = 0]) => s + p * Math.log(p / (p + q)) + q * Math.log(q / (p + q)), 0),
      rhs: ({ a = 0, b = 0 }) => 2 * Number(jsd([a, 1 - a].map(exactFloat), [b, 1 - b].map(exactFloat)).value) - Math.log(4),
      vars: { a: 'probability', b: 'probability' },
    }),
  }),
  claim({
    id: 'bracket-nonnegative',
    quote: 'The bracket $p \\log \\frac{2p}{p+q} + q \\log \\frac{2q}{p+q}$ is never negative',
    statement: 'p·log(2p/(p+q)) + q·log(2q/(p+q)) ≥ 0 for all p, q > 0',
    ...inequality({ lhs: '$1', rhs: '0', relation: '>=', vars: pq }),
  }),
  claim({
    id: 'equality-only-at-data',
    quote: 'Equality holds only when the generator matches the data.',
    statement: 'the bracket is > 0 whenever q ≠ p: at q = p + d for every d > 0 (it is symmetric in p and q)',
    ...inequality({
      lhs: 'p \\log \\frac{2p}{p+q} + q \\log \\frac{2q}{p+q}',
      rhs: '0',
      relation: '>',
      vars: { p: 'positive', d: 'positive' },
      symbols: { q: 'p + d' },
    }),
  }),
  claim({
    id: 'jsd-bounded',
    quote: 'The Jensen–Shannon divergence is bounded.',
    statement: 'JSD(p, q) ≤ ln 2 for all two-point distributions p = (a, 1 − a), q = (b, 1 − b), a, b ∈ [0, 1]',
    ...inequality({
      lhs: ({ a = 0, b = 0 }) => Number(jsd([a, 1 - a].map(exactFloat), [b, 1 - b].map(exactFloat)).value),
      rhs: '\\log 2',
      relation: '<=',
      vars: { a: 'unit', b: 'unit' },
    }),
  }),
  claim({
    id: 'jsd-disjoint',
    quote: 'For two distributions with disjoint supports it equals $\\log 2$, about 0.693 nats.',
    statement: 'JSD((1, 0), (0, 1)) = ln 2 nats',
    ...divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], claimed: '$1' }),
  }),
  claim({
    id: 'jsd-base-10',
    quote: 'In base 10 the same value is about 0.301',
    statement: 'JSD((1, 0), (0, 1)) in base 10 is 0.301 to three decimals',
    ...divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], base: 10, claimed: '0.301' }),
  }),
  claim({
    id: 'jsd-one-bit',
    quote: 'in base 2 it is exactly one bit',
    statement: 'JSD((1, 0), (0, 1)) = 1 bit',
    ...divergence({ measure: 'jsd', p: [1, 0], q: [0, 1], base: 2, claimed: 1 }),
  }),
  claim({
    id: 'coin-entropy',
    quote: 'A fair coin has an entropy of exactly 1 bit as well.',
    statement: 'H((1/2, 1/2)) = 1 bit',
    ...divergence({
      measure: 'entropy',
      p: ['1/2', '1/2'],
      q: ['1/2', '1/2'],
      base: 2,
      claimed: 1,
      mutant: { description: 'a biased coin (3/4, 1/4)', p: ['3/4', '1/4'] },
    }),
  }),
  claim({
    id: 'kl-symmetric',
    quote: 'The KL divergence, by contrast, is symmetric: for $p = (1/2, 1/2)$ and $q = (1/4, 3/4)$ both directions give about 0.131 nats.',
    statement: 'KL(p‖q) = 0.131 nats to three decimals (KL(q‖p) is 0.131)',
    ...divergence({ measure: 'kl', p: ['1/2', '1/2'], q: ['1/4', '3/4'], claimed: '0.131' }),
  }),
  claim({
    id: 'kl-infinite',
    quote: 'When $q$ puts no mass where $p$ does, $\\mathrm{KL}(p \\| q)$ is infinite.',
    statement: 'KL((1/2, 1/2) ‖ (1, 0)) = ∞',
    ...divergence({ measure: 'kl', p: ['1/2', '1/2'], q: [1, 0], claimed: 'infinite' }),
  }),
  claim({
    id: 'tv-half',
    quote: 'The total variation distance between $(1/2, 1/2)$ and $(1, 0)$ is one half.',
    statement: 'TV((1/2, 1/2), (1, 0)) = 1/2',
    ...divergence({ measure: 'tv', p: ['1/2', '1/2'], q: [1, 0], claimed: '\\frac12' }),
  }),
  claim({
    id: 'w1-point-masses',
    quote: 'The Wasserstein-1 distance between point masses at 0 and 1 is 1.',
    statement: 'W1(δ0, δ1) = 1',
    ...divergence({ measure: 'w1', p: [1, 0], q: [0, 1], x: [0, 1], claimed: 1 }),
  }),
  claim({
    id: 'k-lipschitz-critic',
    quote: 'with $K = 2$ the supremum for these two point masses is 2',
    statement: 'sup over 2-Lipschitz f of E_δ0 f − E_δ1 f = 2·W1(δ0, δ1) = 2 (Kantorovich–Rubinstein, scaled)',
    ...divergence({ measure: 'w1', p: [1, 0], q: [0, 1], x: [0, 1], lipschitz: 2, claimed: 2, mutant: { description: 'a 1-Lipschitz critic', lipschitz: 1 } }),
  }),
  claim({
    id: 'saturating-gradient',
    quote: 'The saturating generator loss is $\\log(1 - \\sigma(a))$, and its derivative with respect to $a$ is $-\\sigma(a)$.',
    statement: 'd/da log(1 − σ(a)) = −σ(a) for all real a',
    ...derivative({ f: '$1', claimed: '$3', wrt: 'a', vars: { a: 'real' }, symbols: sigma }),
  }),
  claim({
    id: 'non-saturating-gradient',
    quote: 'The non-saturating loss $-\\log \\sigma(a)$ has derivative $\\sigma(a) - 1$ instead.',
    statement: 'd/da (−log σ(a)) = σ(a) − 1 for all real a',
    ...derivative({ f: '$1', claimed: '$2', wrt: 'a', vars: { a: 'real' }, symbols: sigma }),
  }),
  claim({
    id: 'non-saturating-strong',
    quote: 'Its magnitude is close to 1 exactly where the saturating loss gives almost nothing.',
    statement: 'where σ(a) ≤ 0.05 (a ≤ −3, the saturating gradient below 0.05), |σ(a) − 1| ≥ 0.95',
    ...inequality({ lhs: '1 - \\sigma(a)', rhs: '0.95', relation: '>=', vars: { a: [-3, -4, -6, -10, -20, -40] }, symbols: sigma }),
  }),
  claim({
    id: 'log-inequality',
    quote: 'A useful inequality behind many of these bounds is $\\log x \\ge x - 1$ for every $x > 0$.',
    statement: 'ln x ≥ x − 1 for all x > 0',
    ...inequality({ lhs: '$1.lhs', rhs: '$1.rhs', relation: '>=', vars: { x: 'positive' } }),
  }),
  claim({
    id: 'order-matters',
    quote: 'Training alternates or interleaves gradient steps, and the order matters.',
    statement: 'on min_x max_y xy with η = 0.1, simultaneous steps diverge (ρ > 1) where alternating ones cycle (alternating-bounded)',
    ...game({ lr: '0.1', update: 'simultaneous', claimed: 'diverges' }),
  }),
  claim({
    id: 'simultaneous-converges',
    quote: 'With simultaneous gradient steps of any small size, the iterates converge to the equilibrium.',
    statement: 'simultaneous gradient steps on min_x max_y xy converge to (0, 0) for a small step, η = 0.01',
    ...game({ lr: '0.01', update: 'simultaneous', claimed: 'converges', mutant: { description: 'with a gradient penalty γ = 1', gamma: 1 } }),
  }),
  claim({
    id: 'alternating-bounded',
    quote: 'With alternating steps of size 0.1, they stay on a bounded orbit around it.',
    statement: 'alternating steps of η = 0.1 on xy: the step map has spectral radius 1 (a bounded orbit)',
    ...game({ lr: '0.1', update: 'alternating', claimed: 'cycles' }),
  }),
  claim({
    id: 'penalty-converges',
    quote: 'A gradient penalty on the discriminator, with weight 1, makes simultaneous steps of size 0.1 converge.',
    statement: 'simultaneous steps of η = 0.1 on xy − y²/2 converge to (0, 0)',
    ...game({ lr: '0.1', gamma: 1, update: 'simultaneous', claimed: 'converges' }),
  }),
];

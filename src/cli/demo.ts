import { Decimal } from 'decimal.js';
import { dstar, entropy, jsd, valueAtOptimum } from '../theory/index.js';

/** High-precision decimal arithmetic with directed rounding, local to the demo (no global state). */
const Dec = Decimal.clone({ precision: 200 });

/**
 * The short demonstration behind `npm start` until the claims ledger exists: Goodfellow et al.'s
 * Theorem 1, C(G) = V(D*, G) = 2·JSD(P‖Q) − log 4, evaluated two independent ways on an example.
 */
export function runDemo(): string {
  const p = ['1/2', '1/4', '1/8', '1/8'];
  const q = ['1/8', '1/8', '1/4', '1/2'];
  const digits = 40;
  const c = valueAtOptimum(p, q, { digits });
  const j = jsd(p, q, { digits });
  const ln4 = entropy(['1/4', '1/4', '1/4', '1/4'], { digits });
  // Interval arithmetic on the certified bounds: 2·JSD − ln 4 ∈ [2·jl − l4u, 2·ju − l4l].
  const lo = new Dec(j.lower).times(2).minus(ln4.upper);
  const hi = new Dec(j.upper).times(2).minus(ln4.lower);
  const overlap = lo.lte(c.upper) && hi.gte(c.lower);
  const d = dstar(p, q, { digits: 6 }).map((e) => e?.exact ?? 'undefined');
  const lines = [
    'gan-verify demo: Goodfellow et al. (2014), Theorem 1, on a four-point example',
    `  P (data)      = ${p.join(', ')}`,
    `  Q (generator) = ${q.join(', ')}`,
    `  D* = p/(p+q)  = ${d.join(', ')}`,
    `  C(G) = V(D*,G)          = ${c.value}`,
    `         certified in       [${c.lower}, ${c.upper}]`,
    `  JSD(P||Q)               = ${j.value}`,
    `  2*JSD - ln 4  lies in   [${lo.toSignificantDigits(digits, Decimal.ROUND_FLOOR).toString()}, ${hi
      .toSignificantDigits(digits, Decimal.ROUND_CEIL)
      .toString()}]`,
    `  identity C(G) = 2*JSD - ln 4: ${overlap ? 'consistent (the certified intervals overlap)' : 'VIOLATED (the certified intervals are disjoint)'}`,
    `  C(G) >= -ln 4 = -${ln4.value}: ${new Dec(c.lower).gte(new Dec(ln4.upper).neg()) ? 'yes' : 'no'}`,
    '',
    "Try: npx gan-verify theory jsd --p 1/2,1/2 --q 1,0 --json   (and 'npx gan-verify --help')",
  ];
  return `${lines.join('\n')}\n`;
}

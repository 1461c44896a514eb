/** Claim `value-is-jsd-up-to-constant` of seed document 000. */
import { checkCg, documentCg, wrongCg, type CgFormula } from '../../checks/cg.js';
import { defineClaim } from '../../define.js';
import { src } from './setup.js';

/** The sentence's relation and the correction the check offers when it fails. */
interface Reading {
  stated: CgFormula;
  correction: CgFormula;
  correctionText: string;
}

export const valueIsJsdUpToConstant = defineClaim({
  id: 'value-is-jsd-up-to-constant',
  source: src(
    'At the optimal discriminator $D^*$, the GAN value function equals the Jensen–Shannon divergence between real and generated distributions (up to ' +
      'the constant $-\\log 4$).',
  ),
  statement:
    'as written, V(D*, G) = JSD(p_data ‖ p_G) − log 4 (the JSD plus the constant): V(D*, G) computed from D* (certified, 40 digits) against JSD − ln 4 on ' +
    'random discrete pairs; where that fails, against the correction 2·JSD − ln 4 (the document derives it two lines above)',
  method: 'exact',
  expected: 'imprecise',
  subject: { stated: wrongCg, correction: documentCg, correctionText: 'V(D*, G) = 2·JSD − log 4' } as Reading,
  mutant: {
    description: 'a wrong correction: V(D*, G) = 2·JSD, without the constant',
    subject: { stated: wrongCg, correction: (j) => j.times(2), correctionText: 'V(D*, G) = 2·JSD' } as Reading,
  },
  check: (s, ctx) => {
    const asStated = checkCg(s.stated, ctx, 'discrete');
    if (asStated.verdict === 'holds') return asStated;
    const fixed = checkCg(s.correction, ctx, 'discrete');
    if (fixed.verdict !== 'holds')
      return { ...asStated, evidence: `as written: ${asStated.evidence}; the correction ${s.correctionText} fails too: ${fixed.evidence}` };
    return {
      verdict: 'imprecise',
      evidence: `as written (JSD − log 4): ${asStated.evidence}; with the factor 2, ${s.correctionText}: ${fixed.evidence}`,
      numbers: { ...asStated.numbers, correctedLargestGap: fixed.numbers.largestGap as number },
      correction:
        `${s.correctionText}: the value at D* is an increasing affine function of the JSD with slope 2, not the JSD plus a constant; its minimum ` +
        '−log 4 is still reached exactly where JSD = 0 (p_G = p_data), so the conclusion the document draws stands',
      ...(asStated.counterexample === undefined ? {} : { counterexample: asStated.counterexample }),
    };
  },
});

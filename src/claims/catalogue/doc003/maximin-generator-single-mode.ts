/** Claim `maximin-generator-single-mode` of seed document 003. */
import { value } from '../../../theory/index.js';
import { defineClaim, verdictOf } from '../../define.js';
import { D } from '../../precise.js';
import { randomDist, randomTable } from '../../random-inputs.js';
import { src } from './setup.js';

export const maximin = defineClaim({
  id: 'maximin-generator-single-mode',
  source: src('The minimax solution (where plays first) is , but the maximin solution (where plays first) can concentrate on a single mode.'),
  statement:
    "tabular games: against a discriminator table D that moves first, the generator's best reply (certified V over all point masses and 50 random p_G) is a " +
    'point mass on argmax D',
  method: 'exact',
  expected: 'holds',
  subject: (d: number[], p: string[]): string[] => {
    const j = d.indexOf(Math.max(...d));
    return p.map((_, i) => (i === j ? '1/1' : '0/1'));
  },
  mutant: { description: 'best reply p_G = p_data', subject: (_d: number[], p: string[]): string[] => p },
  check: (reply, ctx) => {
    let ok = 0;
    const n = ctx.size(5, 20);
    let example = '';
    for (let t = 0; t < n; t++) {
      const k = 3 + (t % 4);
      const p = randomDist(ctx.rng, k);
      const d = randomTable(ctx.rng, k);
      const dn = d.map((x) => Number(x.split('/')[0]) / 64);
      if (new Set(dn).size < dn.length) continue; // a tie in argmax D has several best replies
      const r = reply(dn, p);
      const vr = new D(value(p, r, d, { digits: 30 }).upper);
      const rivals = [...p.map((_, i) => p.map((_, j) => (i === j ? '1/1' : '0/1'))), ...Array.from({ length: 50 }, () => randomDist(ctx.rng, k))];
      const beaten = rivals.find((q) => new D(value(p, q, d, { digits: 30 }).lower).lt(vr) && q.join() !== r.join());
      if (beaten === undefined) ok++;
      else if (example === '') example = `D=(${d}): p_G=(${beaten}) gives lower V than the reply (${r})`;
    }
    return {
      verdict: verdictOf({ asStated: example === '' && ok > 0 }),
      evidence: example === '' ? `the point mass on argmax D is the generator's best reply in ${ok}/${ok} games` : example,
      numbers: { games: ok },
      ...(example ? { counterexample: example } : {}),
    };
  },
});

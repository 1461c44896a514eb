/** `npm run bench`: every benchmark, side by side with its reference tool, ratios printed. */
import { benchGaussianJsd } from './theory-gaussian.js';
import { benchNumeric } from './numeric.js';
import { benchPopulation } from './population.js';
import { benchStartup } from './startup.js';
import { benchTheoryJsd } from './theory-jsd.js';
import { benchTrain } from './train.js';
import { report } from './util.js';

const seed = Number(process.env.BENCH_SEED ?? 1);
console.log(`gan-verify benchmarks (seed ${seed}; ratios < 1 mean gan-verify is faster)\n`);
console.log(report(benchTheoryJsd({ seed })));
console.log(`\n${report(benchGaussianJsd())}`);
for (const r of benchNumeric({ seed })) console.log(`\n${report(r)}`);
if (process.env.BENCH_SKIP_TRAIN !== '1') for (const r of await benchTrain()) console.log(`\n${report(r)}`);
console.log(`\n${benchStartup(seed).join('\n')}`);
if (process.env.BENCH_SKIP_POPULATION !== '1') console.log(`\n${(await benchPopulation()).join('\n')}`);

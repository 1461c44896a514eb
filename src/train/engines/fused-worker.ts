/**
 * A worker thread of the fused engine (engines/fused.ts): it owns a contiguous range of members,
 * their generators and workspaces, and works on the shared state arrays when asked to run steps.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Distribution } from '../../numeric/distributions/index.js';
import { parseDistribution } from '../../numeric/read-file.js';
import { makeMembers } from './members.js';
import { restoreRngs, type WorkerInit, type WorkerReply, type WorkerRequest } from './fused-protocol.js';

const init = workerData as WorkerInit;
const target = parseDistribution(init.config.target, 'train', 'target') as Distribution;
const members = makeMembers(init.config, target, init.state, init.report, init.first, restoreRngs(init.rng), init.simd);
const port = parentPort as NonNullable<typeof parentPort>;

port.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (req.kind === 'run') {
      const stops = members.run(req.from, req.n, req.tD, req.tG);
      // the main thread reads the shared arrays between runs
      members.flush();
      reply = { kind: 'run', stops };
    } else reply = { kind: 'rng', rng: members.rngStates() };
  } catch (e) {
    reply = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});

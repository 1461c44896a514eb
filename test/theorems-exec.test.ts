/**
 * `gan-verify theorems --exec CMD`: the kit's theorems against functions served by another process over
 * JSON lines. A node child (test/fixtures/exec/serve.mjs) holds the protocol to its word: a correct
 * server passes, a planted bug fails naming the theorem, the counterexample and the replay command, and a
 * child that answers malformed lines, crashes, hangs or announces nothing is one line naming the function
 * and the request (exit 2). The PyTorch example (examples/python/) runs on Debian's python3-torch.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliAsync } from './cli-helpers.js';

const serve = (mode: string) => `node test/fixtures/exec/serve.mjs ${mode}`;
const torch = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
if (!torch) console.warn('PYTORCH EXAMPLES NOT CHECKED: /usr/bin/python3 cannot import torch (apt-get install python3-torch)');

describe('gan-verify theorems --exec', () => {
  it('a correct server: every theorem whose functions it serves holds (exit 0), the others are listed as not run', async () => {
    const r = await cliAsync(['theorems', '--exec', serve('good')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^theorems: 4 hold for "node test\/fixtures\/exec\/serve\.mjs good" \(seed 0, 100 cases each\)/);
    expect(r.stdout).toMatch(/✓ critic-wgan-optimum/);
    expect(r.stdout).toMatch(/not run \(their functions are not served\): jsd-exact/);
  });

  it('a planted bug (the WGAN loss with its sign flipped): exit 1, the theorem, the shrunk counterexample and a replay command that fails again', async () => {
    const r = await cliAsync(['theorems', '--exec', serve('buggy')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/theorem "critic-wgan" fails for your criticWgan/);
    expect(r.stdout).toMatch(/counterexample \(shrunk\): \[\[/);
    const m = /replay: gan-verify theorems --exec "([^"]+)" --seed (\d+) --path ([\d:]+) --only ([\w-]+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const again = await cliAsync(['theorems', '--exec', m?.[1] as string, '--seed', m?.[2] as string, '--path', m?.[3] as string, '--only', m?.[4] as string]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/theorem "critic-wgan" fails/);
  });

  it('an error raised by the function is a finding (exit 1) with its message', async () => {
    const r = await cliAsync(['theorems', '--exec', serve('raise'), '--only', 'bce-logits']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bceWithLogits raised in the child process: ValueError: no/);
  });

  it.each([
    ['malformed', /bceWithLogits answered with a line that is not JSON: the answer is 42; request: \{"id":1,"fn":"bceWithLogits","args":\[/],
    ['crash', /bceWithLogits got no answer: the process exited with code 3; request: \{"id":1,"fn":"bceWithLogits"/],
    ['hang', /bceWithLogits did not answer within 1 s \(the process is stopped\); request: \{"id":1/],
    ['wrong-id', /bceWithLogits answered \{"id":2,"result":0\}, which is not \{"id": 1/],
    ['silent', /--exec "node test\/fixtures\/exec\/serve\.mjs silent" must start with \{"protocol": "gan-verify-theorems\/1"/],
  ])('a child that is %s: one line naming the function and the request, exit 2', async (mode, message) => {
    const r = await cliAsync(['theorems', '--exec', serve(mode), '--timeout', '1', '--only', 'bce-logits']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('bad flags are one line naming the flag', async () => {
    for (const [args, msg] of [
      [[], /--exec CMD is required/],
      [['--exec', serve('good'), '--num-runs', '0'], /--num-runs must be an integer from 1 to 100000/],
      [['--exec', serve('good'), '--only', 'nope'], /--only names an unknown theorem "nope"/],
      [['--exec', serve('good'), '--timeout', '-1'], /--timeout must be a positive number/],
      [['--exec', 'exit 0'], /--exec "exit 0" exited with code 0 before announcing its functions/],
    ] as const) {
      const r = await cliAsync(['theorems', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
  });
});

describe.runIf(torch)('the PyTorch example (examples/python/, Debian python3-torch)', () => {
  it('losses.py (float64 PyTorch) satisfies the 13 theorems of the functions it serves', async () => {
    const r = await cliAsync(['theorems', '--exec', '/usr/bin/python3 examples/python/losses.py']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^theorems: 13 hold/);
    expect(r.stdout).toMatch(/✓ gradient-penalty\n {2}✓ r1/);
  });
  it('losses_buggy.py: the naive BCE is caught by bce-logits, naming the counterexample and the seed', async () => {
    const r = await cliAsync(['theorems', '--exec', '/usr/bin/python3 examples/python/losses_buggy.py']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/theorem "bce-logits" fails for your bceWithLogits/);
    expect(r.stdout).toMatch(/counterexample \(shrunk\): \[\[/);
    expect(r.stdout).toMatch(
      /replay: gan-verify theorems --exec "\/usr\/bin\/python3 examples\/python\/losses_buggy\.py" --seed 0 --path [\d:]+ --only bce-logits/,
    );
  });
});

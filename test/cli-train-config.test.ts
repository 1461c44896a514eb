import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAsync as run } from './cli-helpers.js';

const file = (content: string) => {
  const p = join(mkdtempSync(join(tmpdir(), 'gan-verify-config-')), 'c.json');
  writeFileSync(p, content);
  return p;
};
const summary = async (argv: string[]) => {
  const r = await run(['train', ...argv, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { config: Record<string, unknown> };
};

// Every setting of a --config file takes effect, and a flag overrides it only where given.
describe('gan-verify train --config', () => {
  const settings = {
    steps: 3,
    batch: 4,
    logEvery: 2,
    dSteps: 2,
    lrD: 0.5,
    lrG: 0.02,
    labelSmoothing: 0.1,
    loss: 'saturating',
    beta1: 0.5,
    beta2: 0.9,
    evalSamples: 64,
    gpWeight: 3,
    clip: 0.2,
    gHidden: [4],
    dHidden: [5],
  };
  it.each(Object.entries(settings))('the file setting %s takes effect', async (key, value) => {
    const base = key === 'steps' ? {} : { steps: 3 };
    const s = await summary(['--config', file(JSON.stringify({ ...base, [key]: value }))]);
    expect(s.config[key]).toEqual(value);
  });
  it('a flag overrides the file only where it is given', async () => {
    const s = await summary(['--config', file(JSON.stringify(settings)), '--steps', '2', '--lr-d', '0.25']);
    expect(s.config).toMatchObject({ ...settings, steps: 2, lrD: 0.25 });
  });
  it('the file may name the preset', async () => {
    const s = await summary(['--config', file(JSON.stringify({ preset: 'mixture-1d', steps: 2 }))]);
    expect(s.config).toMatchObject({ preset: 'mixture-1d', steps: 2, gHidden: [32, 32] });
  });
  it.each([
    ['{"steps": 1e400}', /--config "[^"]+": steps must be a positive integer; got Infinity/],
    ['{"steps": -5}', /--config "[^"]+": steps must be a positive integer; got -5/],
    ['{"lrD": -1}', /--config "[^"]+": lrD must be a finite number ≥ 0; got -1/],
    ['{"loss": "bogus"}', /--config "[^"]+": loss must be ns, saturating, lsgan, wgan, wgan-gp or hinge; got "bogus"/],
    ['{"stepz": 3}', /--config "[^"]+": stepz is not a setting of the trainer/],
    ['{"preset": "nonexistent"}', /--config "[^"]+": preset must be one of seed-toy, mixture-1d, ring8, grid25, tabular; got "nonexistent"/],
    ['[1, 2]', /must hold a JSON object/],
  ])('a bad file %s: one line naming the file and the field, exit 2', async (content, message) => {
    const r = await run(['train', '--config', file(content)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('--preset nonexistent lists every preset, tabular included', async () => {
    const r = await run(['train', '--preset', 'nonexistent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--preset must be one of seed-toy, mixture-1d, ring8, grid25, tabular; got "nonexistent"');
  });
});

/**
 * One playground run, without the page: the project's own trainer (`train`, the fused cpu engine,
 * exactly what `gan-verify train` runs) driven so that it can be paused, stepped and resumed.
 * Pausing stops `train` before the next step with a checkpoint; resuming continues from it, which
 * is bit-identical to a run that was never paused (the trainer's own guarantee, tested). The log is
 * kept as `--out`'s log.jsonl writes it: one JSON line per member per logged step.
 *
 * The tabular preset runs `trainTabular` on exact expectations; its state after N steps is the
 * result of a run of N steps (it has no checkpoint), recomputed as the run advances.
 */
import { makeConfig, train, trainTabular, TrainInterrupted, type Checkpoint, type FinalProbe, type MemberLog, type TrainConfig } from '../train/index.js';
import type { TabularLog } from '../train/tabular.js';

export interface Settings {
  preset: 'seed-toy' | 'mixture-1d' | 'ring8' | 'grid25' | 'tabular';
  seed: number;
  population: number;
  loss?: TrainConfig['loss'];
  lrD?: number;
  lrG?: number;
  dSteps?: number;
  steps?: number;
  logEvery?: number;
}

export interface View {
  step: number;
  steps: number;
  logs: MemberLog[][];
  probe: FinalProbe | null;
  tabular: TabularLog[] | null;
  done: boolean;
}

const overridesOf = (s: Settings): Partial<TrainConfig> => {
  const o: Partial<TrainConfig> = {};
  if (s.loss !== undefined) o.loss = s.loss;
  if (s.lrD !== undefined) o.lrD = s.lrD;
  if (s.lrG !== undefined) o.lrG = s.lrG;
  if (s.dSteps !== undefined) o.dSteps = s.dSteps;
  if (s.steps !== undefined) o.steps = s.steps;
  if (s.logEvery !== undefined) o.logEvery = s.logEvery;
  return o;
};

export class Session {
  readonly config: TrainConfig | null;
  readonly steps: number;
  private ck: Checkpoint | undefined;
  private done = 0;
  private stopAt = Infinity;
  private running: Promise<void> | null = null;
  private paused = false;
  private finished = false;
  private logs: MemberLog[][] = [];
  private probe: FinalProbe | null = null;
  private tab: TabularLog[] | null = null;

  constructor(
    readonly settings: Settings,
    private readonly onUpdate: (v: View) => void,
  ) {
    if (settings.preset === 'tabular') {
      this.config = null;
      this.steps = settings.steps ?? 1000;
    } else {
      this.config = makeConfig(settings.preset, overridesOf(settings));
      this.steps = this.config.steps;
    }
  }

  view(): View {
    return { step: this.done, steps: this.steps, logs: this.logs, probe: this.probe, tabular: this.tab, done: this.finished };
  }

  /** The log as `gan-verify train --out` writes log.jsonl. */
  jsonl(): string {
    return this.logs.map((entry) => entry.map((m) => `${JSON.stringify(m)}\n`).join('')).join('');
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Runs until `until` steps are done (or the end), unless paused first. */
  run(until = Infinity): Promise<void> {
    if (this.running !== null) return this.running;
    if (this.finished) return Promise.resolve();
    this.paused = false;
    this.stopAt = until;
    this.running = (this.config === null ? this.runTabular() : this.runMlp()).finally(() => {
      this.running = null;
      this.onUpdate(this.view());
    });
    return this.running;
  }

  step(): Promise<void> {
    return this.run(this.done + 1);
  }

  pause(): Promise<void> {
    this.paused = true;
    return this.running ?? Promise.resolve();
  }

  private async runMlp(): Promise<void> {
    const c = this.config as TrainConfig;
    this.started = (this.ck?.step ?? 0) - 1;
    try {
      await train(c, {
        seed: this.settings.seed,
        population: this.settings.population,
        ...(this.ck ? { resume: this.ck } : {}),
        engine: 'fused',
        onLog: (entry) => {
          this.logs.push(entry);
        },
        onStep: (s) => {
          this.started = s;
        },
        probeEvery: 10,
        onProbe: (s, p) => {
          this.done = s + 1;
          this.probe = p;
          this.onUpdate(this.view());
        },
        onFinal: (p) => {
          this.probe = p;
        },
        shouldStop: () => this.paused || this.started + 1 >= this.stopAt,
        onCheckpoint: (ck) => {
          this.ck = ck;
        },
      });
      this.done = c.steps;
      this.finished = true;
    } catch (e) {
      if (!(e instanceof TrainInterrupted)) throw e;
      this.done = e.step;
    }
  }

  /** The step the trainer last started (onStep comes before each step, shouldStop before that). */
  private started = -1;

  private async runTabular(): Promise<void> {
    const chunk = 25;
    while (!this.paused && this.done < Math.min(this.stopAt, this.steps)) {
      const next = Math.min(this.done + chunk, this.stopAt, this.steps);
      const logs = trainTabular(
        { steps: next, logEvery: 1, ...(this.settings.loss === 'saturating' ? { loss: 'saturating' as const } : {}) },
        { seed: this.settings.seed, population: 1 },
      );
      this.tab = logs.map((row) => row[0] as TabularLog);
      this.done = next;
      this.onUpdate(this.view());
      await new Promise((r) => setTimeout(r, 0));
    }
    if (this.done >= this.steps) this.finished = true;
  }
}

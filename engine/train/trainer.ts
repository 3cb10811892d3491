// The seeded training loop. A trainer advances in chunks of steps, so a worker can report
// progress, pause, resume and cancel between chunks; chunking never changes the numbers.
import { ValueError } from '../errors.js';
import { createRng } from '../random.js';
import {
  buildLayout,
  initialBuffers,
  initTheta,
  targetsFor,
  updateRunningStats,
  validateSpec,
  type InitSpec,
  type MlpSpec,
  type NormMode,
  type ParamLayout,
} from '../nn/index.js';
import type { Precision } from '../nn/fast/linear.js';
import type { Metrics } from '../nn/fast/loss.js';
import { checkTrainingMemory } from '../nn/limits.js';
import { batchStatsOf, compileMlp, createWorkspace, forwardPass, lossAndGradient, type Workspace } from '../nn/fast/network.js';
import { growable, type Growable } from './growable.js';
import { applyUpdate, initOptimizerState, validateOptimizer, type OptimizerSpec, type OptimizerState } from './optimizers.js';
import { learningRate, validateSchedule, type ScheduleSpec } from './schedules.js';

/** Samples of one split: x [n, inputs] and y (class indices or regression targets). */
export interface SplitData {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export interface TrainConfig {
  spec: MlpSpec;
  train: SplitData;
  test?: SplitData;
  init: InitSpec;
  optimizer: OptimizerSpec;
  schedule?: ScheduleSpec;
  /** Minibatch size; 'full' (or optimizer `gd`) uses every training sample each step. */
  batchSize: number | 'full';
  /** Length of the run, in epochs or in steps (steps win when both are given). */
  epochs?: number;
  steps?: number;
  seed: number;
  /** Keep θ every this many steps (and at the start and end) for the trajectory; default: defaultSnapshotEvery. */
  snapshotEvery?: number;
  /** How batch norm normalizes when the history's metrics are evaluated; default 'batch' (the full split's statistics). */
  metricsNorm?: 'batch' | 'running';
  /**
   * The dense products' precision, forward and backward, in the steps and the history's
   * metrics: float64 (the reference) when absent, or float32 (about twice as fast on large
   * models). θ, the gradient and the optimizer's state stay float64.
   */
  precision?: Precision;
}

/** The default trajectory: about 100 snapshots, and at most 64 MiB of them (float64 θ), so a long run of a large model does not hold or write gigabytes. */
export const SNAPSHOT_BUDGET = { count: 100, bytes: 64 * 2 ** 20 } as const;

/** Steps between snapshots by default: ⌊steps/100⌋, or more where 100 snapshots of P parameters exceed the byte budget. */
export function defaultSnapshotEvery(totalSteps: number, parameters: number): number {
  const byCount = Math.floor(totalSteps / SNAPSHOT_BUDGET.count);
  const byBytes = Math.ceil((totalSteps * 8 * parameters) / SNAPSHOT_BUDGET.bytes);
  return Math.max(1, byCount, byBytes);
}

/** Metrics of θ after `step` updates, on the full splits. */
export interface HistoryEntry {
  step: number;
  epoch: number;
  loss: number;
  accuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
}

export type TrainStatus = 'running' | 'done' | 'diverged' | 'stopped';

export interface TrainState {
  theta: Float64Array;
  buffers: Record<string, Float64Array>;
  step: number;
  totalSteps: number;
  stepsPerEpoch: number;
  status: TrainStatus;
  /** Why the run stopped early (divergence), with what to do. */
  message?: string;
  history: HistoryEntry[];
  /** The minibatch loss of every step. */
  stepLosses: Growable;
  trajectory: { steps: number[]; params: Float64Array[] };
}

export interface Trainer {
  readonly config: TrainConfig;
  readonly layout: ParamLayout;
  readonly state: TrainState;
  /** Runs up to `maxSteps` more steps; returns false once the run is over. */
  advance(maxSteps: number): boolean;
  /** Ends a running run where it is (the user pressed stop); its metrics are recorded. */
  stop(): void;
  /** The objective on a full split at the current θ. */
  evaluate(split: SplitData, norm: 'batch' | 'running'): { loss: number; accuracy?: number };
}

function checkSplit(spec: MlpSpec, split: SplitData, name: string): void {
  if (split.n < 1) throw new ValueError(`the ${name} split is empty`);
  if (split.x.length !== split.n * spec.inputs) {
    throw new ValueError(`the ${name} split has ${split.x.length / split.n} features per sample, the model ${spec.inputs} inputs`);
  }
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** Starts a run: validates everything, initializes θ from the seed, records step 0. */
export function createTrainer(config: TrainConfig): Trainer {
  const spec = validateSpec(config.spec);
  const optimizer = validateOptimizer(config.optimizer);
  const schedule = validateSchedule(config.schedule ?? { kind: 'constant' });
  checkSplit(spec, config.train, 'training');
  if (config.test && config.test.n > 0) checkSplit(spec, config.test, 'test');
  const n = config.train.n;
  // Checked even where gd ignores it: a batch size of 0 is a mistake, not "full".
  if (config.batchSize !== 'full' && (!Number.isInteger(config.batchSize) || config.batchSize < 1)) {
    throw new ValueError(`the batch size must be a whole number ≥ 1 (or full), got ${config.batchSize}`);
  }
  if (config.precision !== undefined && config.precision !== 'float64' && config.precision !== 'float32') {
    throw new ValueError(`unknown precision "${String(config.precision)}"; choose float64 or float32`);
  }
  const fullBatch = config.batchSize === 'full' || optimizer.kind === 'gd';
  // A batch larger than the training split is the whole split, one step an epoch.
  const batchSize = fullBatch ? n : Math.min(n, config.batchSize as number);
  const stepsPerEpoch = Math.ceil(n / batchSize);
  const totalSteps = config.steps ?? (config.epochs ?? 0) * stepsPerEpoch;
  if (!Number.isInteger(totalSteps) || totalSteps < 1) throw new ValueError('give a positive number of epochs or steps');
  const layout = buildLayout(spec); // names and offsets only: nothing of size P yet
  const snapshotEvery = config.snapshotEvery ?? defaultSnapshotEvery(totalSteps, layout.size);
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) throw new ValueError(`the trajectory keeps θ every n steps, n a whole number ≥ 1; got ${snapshotEvery}`);
  // Before anything of size P is allocated. Held at once: θ, the gradient, the last finite θ,
  // at most two optimizer moments and the snapshots (the first, every snapshotEvery-th, the
  // last); workspaces for the batch and for each full split the metrics are measured on.
  checkTrainingMemory(spec, {
    rows: batchSize + n + (config.test?.n ?? 0),
    thetaCopies: 3 + 2 + (2 + Math.floor(totalSteps / snapshotEvery)),
  });

  const targets = targetsFor(spec, config.train.y, n).data;
  const test = config.test && config.test.n > 0 ? { ...config.test, targets: targetsFor(spec, config.test.y, config.test.n).data } : null;
  const rng = createRng(config.seed, 'minibatch');
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const optState: OptimizerState = initOptimizerState(optimizer, layout.size);
  const lastFinite = new Float64Array(layout.size);
  const gradient = new Float64Array(layout.size);
  // The compiled network (tape-free forward and backward; the autodiff objective is its
  // reference in the tests) and workspaces for a batch and for the full splits.
  const net = compileMlp(spec, layout, config.precision);
  const batchSpace = createWorkspace(net, batchSize);
  const batchX = new Float64Array(batchSize * spec.inputs);
  const batchTargets = new Float64Array(batchSize * spec.outputs);
  const workspaces = new Map<number, Workspace>();
  const workspaceFor = (rows: number) => workspaces.get(rows) ?? workspaces.set(rows, createWorkspace(net, rows)).get(rows)!;

  const state: TrainState = {
    theta: initTheta(layout, config.init, config.seed),
    buffers: initialBuffers(layout),
    step: 0,
    totalSteps,
    stepsPerEpoch,
    status: 'running',
    history: [],
    stepLosses: growable(),
    trajectory: { steps: [], params: [] },
  };

  const normMode = (norm: 'batch' | 'running'): NormMode => (norm === 'batch' ? { kind: 'batch' } : { kind: 'running', buffers: state.buffers });
  /** Loss (and accuracy, for classification) at the current θ on a whole split. */
  const evaluateOn = (x: Float64Array, rows: number, t: Float64Array, norm: 'batch' | 'running') =>
    summarize(forwardPass(net, workspaceFor(rows), state.theta, x, rows, t, normMode(norm)));
  const summarize = (m: Metrics) => ({ loss: m.loss, ...(Number.isNaN(m.accuracy) ? {} : { accuracy: m.accuracy }) });
  const evaluateTrain = () => evaluateOn(config.train.x, n, targets, metricsNorm);
  const metricsNorm = config.metricsNorm ?? 'batch';
  const record = (trainMetrics: { loss: number; accuracy?: number }) => {
    const entry: HistoryEntry = { step: state.step, epoch: state.step / stepsPerEpoch, ...trainMetrics };
    if (test) {
      const m = evaluateOn(test.x, test.n, test.targets, metricsNorm);
      entry.testLoss = m.loss;
      if (m.accuracy !== undefined) entry.testAccuracy = m.accuracy;
    }
    state.history.push(entry);
  };
  const snapshot = () => {
    state.trajectory.steps.push(state.step);
    state.trajectory.params.push(state.theta.slice());
  };

  /** The rows of step t's batch: consecutive slices of a fresh permutation each epoch, copied into the batch buffers. */
  const batchAt = (t: number): { x: Float64Array; targets: Float64Array; size: number } => {
    if (fullBatch) return { x: config.train.x, targets, size: n };
    const k = t % stepsPerEpoch;
    if (k === 0) for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rows = order.subarray(k * batchSize, Math.min(n, (k + 1) * batchSize));
    const d = spec.inputs;
    const c = spec.outputs;
    rows.forEach((r, i) => {
      batchX.set(config.train.x.subarray(r * d, (r + 1) * d), i * d);
      batchTargets.set(targets.subarray(r * c, (r + 1) * c), i * c);
    });
    return { x: batchX, targets: batchTargets, size: rows.length };
  };

  /** Stops the run; θ stays at the last finite parameters, those of the current step. */
  const diverge = (what: string) => {
    state.status = 'diverged';
    state.message =
      `training diverged at step ${state.step + 1}: ${what} is not finite (NaN or infinite). ` +
      `Try a smaller learning rate (now ${optimizer.lr}) or gradient clipping; the parameters of step ${state.step} are kept.`;
  };

  const trainStep = (): void => {
    const t = state.step;
    const batch = batchAt(t);
    const metrics = lossAndGradient(net, batchSpace, state.theta, batch.x, batch.size, batch.targets, gradient);
    state.stepLosses.push(metrics.loss);
    // In full-batch training the step's own forward pass is the history's metric at θ_t.
    if (t > 0 && t % stepsPerEpoch === 0) record(fullBatch && metricsNorm === 'batch' ? summarize(metrics) : evaluateTrain());
    if (!Number.isFinite(metrics.loss)) return diverge('the loss');
    if (!allFinite(gradient)) return diverge('the gradient');
    lastFinite.set(state.theta);
    for (const [layer, stats] of batchStatsOf(net, batchSpace, batch.size)) {
      updateRunningStats(stats, state.buffers[`layers.${layer}.bn.running_mean`], state.buffers[`layers.${layer}.bn.running_var`]);
    }
    applyUpdate(optimizer, optState, state.theta, gradient, learningRate(schedule, optimizer.lr, t, totalSteps));
    if (!allFinite(state.theta)) {
      state.theta.set(lastFinite);
      return diverge('an updated parameter');
    }
    state.step++;
    if (state.step % snapshotEvery === 0 || state.step === totalSteps) snapshot();
  };

  record(evaluateTrain());
  snapshot();

  return {
    config,
    layout,
    state,
    advance(maxSteps) {
      for (let k = 0; k < maxSteps && state.status === 'running'; k++) {
        if (state.step >= totalSteps) break;
        trainStep();
      }
      if (state.status === 'running' && state.step >= totalSteps) {
        record(evaluateTrain());
        state.status = 'done';
      }
      return state.status === 'running';
    },
    stop() {
      if (state.status !== 'running') return;
      if (state.history.at(-1)?.step !== state.step) record(evaluateTrain());
      if (state.trajectory.steps.at(-1) !== state.step) snapshot();
      state.status = 'stopped';
    },
    evaluate(split, norm) {
      return evaluateOn(split.x, split.n, targetsFor(spec, split.y, split.n).data, norm);
    },
  };
}

/** Runs a whole training to its end (or divergence) and returns its final state. */
export function train(config: TrainConfig): Trainer {
  const trainer = createTrainer(config);
  while (trainer.advance(1000));
  return trainer;
}

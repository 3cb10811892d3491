// Comparisons: two to four runs that differ in one setting (the current run beside a copy with
// that setting changed, or one run per choice: three initializers, four optimizers). Each
// variant says what it changes and how to show the difference in a table.
import type { WeightInit } from '../../engine/nn/init.js';
import type { Activation } from '../../engine/nn/spec.js';
import type { OptimizerKind } from '../../engine/train/optimizers.js';
import type { ProjectState } from './project.js';

/** The settings that decide a run. */
export type RunSettings = Pick<ProjectState, 'data' | 'model' | 'train'>;

export interface Variant {
  id: string;
  /** The menu entry, e.g. "Batch norm on vs off". */
  label: string;
  /** The setting that differs, as the comparison table names it. */
  setting: string;
  /** The settings of the runs compared, two to four, from the current ones. */
  runs(settings: RunSettings): RunSettings[];
  /** The setting's value in a run, for the table. */
  describe(settings: RunSettings): string;
}

function withModel(s: RunSettings, model: Partial<RunSettings['model']>): RunSettings {
  return { ...s, model: { ...s.model, ...model } };
}

function withTrain(s: RunSettings, train: Partial<RunSettings['train']>): RunSettings {
  return { ...s, train: { ...s.train, ...train, preset: null } };
}

/** The current run and a copy with `change` applied. */
const versus = (change: (s: RunSettings) => RunSettings) => (s: RunSettings) => [s, change(s)];

/** One run per initializer of the weights. */
const perInit = (inits: WeightInit[]) => (s: RunSettings) => inits.map((weights) => withModel(s, { init: { ...s.model.init, weights } }));

/** One run per optimizer, at the current learning rate. */
const perOptimizer = (kinds: OptimizerKind[]) => (s: RunSettings) => kinds.map((optimizer) => withTrain(s, { optimizer }));

const anyBatchNorm = (s: RunSettings) => s.model.hidden.some((h) => h.batchNorm);
const activationsOf = (s: RunSettings) => [...new Set(s.model.hidden.map((h) => h.activation))].join(', ') || 'none';
const formatLr = (lr: number) => String(Number(lr.toPrecision(3)));

/** Every comparison the Compare panel offers, in menu order. */
export const variants: readonly Variant[] = [
  {
    id: 'batch-norm',
    label: 'Batch norm on vs off',
    setting: 'batch norm',
    runs: versus((s) => withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, batchNorm: !anyBatchNorm(s) })) })),
    describe: (s) => (anyBatchNorm(s) ? 'on' : 'off'),
  },
  {
    id: 'activation',
    label: 'ReLU vs the current activation',
    setting: 'activation',
    runs: versus((s) => {
      const next: Activation = s.model.hidden.every((h) => h.activation === 'relu') ? 'tanh' : 'relu';
      return withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, activation: next })) });
    }),
    describe: activationsOf,
  },
  {
    id: 'wider',
    label: 'Hidden layers 4× wider',
    setting: 'hidden widths',
    runs: versus((s) => withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, width: Math.min(1024, h.width * 4) })) })),
    describe: (s) => s.model.hidden.map((h) => h.width).join(' × ') || 'none',
  },
  {
    id: 'lr-up',
    label: 'Learning rate × 10',
    setting: 'learning rate',
    runs: versus((s) => withTrain(s, { lr: s.train.lr * 10 })),
    describe: (s) => formatLr(s.train.lr),
  },
  {
    id: 'lr-down',
    label: 'Learning rate ÷ 10',
    setting: 'learning rate',
    runs: versus((s) => withTrain(s, { lr: s.train.lr / 10 })),
    describe: (s) => formatLr(s.train.lr),
  },
  {
    id: 'weight-decay',
    label: 'Weight decay 10⁻³ vs none',
    setting: 'weight decay',
    runs: versus((s) => withModel(s, { weightDecay: s.model.weightDecay > 0 ? 0 : 1e-3 })),
    describe: (s) => (s.model.weightDecay > 0 ? String(s.model.weightDecay) : 'none'),
  },
  {
    id: 'init',
    label: 'Xavier vs He vs orthogonal init',
    setting: 'initializer',
    runs: perInit(['xavier-normal', 'he-normal', 'orthogonal']),
    describe: (s) => s.model.init.weights,
  },
  {
    id: 'optimizer',
    label: 'SGD vs Adam',
    setting: 'optimizer',
    runs: perOptimizer(['sgd', 'adam']),
    describe: (s) => s.train.optimizer,
  },
  {
    id: 'optimizers',
    label: 'SGD vs momentum vs RMSProp vs Adam',
    setting: 'optimizer',
    runs: perOptimizer(['sgd', 'momentum', 'rmsprop', 'adam']),
    describe: (s) => s.train.optimizer,
  },
];

/** The variant with this id (the first one when unknown). */
export function variantById(id: string): Variant {
  return variants.find((v) => v.id === id) ?? variants[0];
}

// Comparisons: the current run beside a copy with one setting changed. Each variant says
// what it changes and how to show the difference in a table.
import type { Activation } from '../../engine/nn/spec.js';
import type { ProjectState } from './project.js';

/** The settings that decide a run. */
export type RunSettings = Pick<ProjectState, 'data' | 'model' | 'train'>;

export interface Variant {
  id: string;
  /** The menu entry, e.g. "Batch norm on vs off". */
  label: string;
  /** The setting that differs, as the comparison table names it. */
  setting: string;
  /** The second run's settings. */
  apply(settings: RunSettings): RunSettings;
  /** The setting's value in a run, for the table. */
  describe(settings: RunSettings): string;
}

function withModel(s: RunSettings, model: Partial<RunSettings['model']>): RunSettings {
  return { ...s, model: { ...s.model, ...model } };
}

function withTrain(s: RunSettings, train: Partial<RunSettings['train']>): RunSettings {
  return { ...s, train: { ...s.train, ...train, preset: null } };
}

const anyBatchNorm = (s: RunSettings) => s.model.hidden.some((h) => h.batchNorm);
const activationsOf = (s: RunSettings) => [...new Set(s.model.hidden.map((h) => h.activation))].join(', ') || 'none';
const formatLr = (lr: number) => String(Number(lr.toPrecision(3)));

/** Every comparison the Compare panel offers, in menu order. */
export const variants: readonly Variant[] = [
  {
    id: 'batch-norm',
    label: 'Batch norm on vs off',
    setting: 'batch norm',
    apply: (s) => withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, batchNorm: !anyBatchNorm(s) })) }),
    describe: (s) => (anyBatchNorm(s) ? 'on' : 'off'),
  },
  {
    id: 'activation',
    label: 'ReLU vs the current activation',
    setting: 'activation',
    apply: (s) => {
      const next: Activation = s.model.hidden.every((h) => h.activation === 'relu') ? 'tanh' : 'relu';
      return withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, activation: next })) });
    },
    describe: activationsOf,
  },
  {
    id: 'wider',
    label: 'Hidden layers 4× wider',
    setting: 'hidden widths',
    apply: (s) => withModel(s, { hidden: s.model.hidden.map((h) => ({ ...h, width: Math.min(1024, h.width * 4) })) }),
    describe: (s) => s.model.hidden.map((h) => h.width).join(' × ') || 'none',
  },
  {
    id: 'lr-up',
    label: 'Learning rate × 10',
    setting: 'learning rate',
    apply: (s) => withTrain(s, { lr: s.train.lr * 10 }),
    describe: (s) => formatLr(s.train.lr),
  },
  {
    id: 'lr-down',
    label: 'Learning rate ÷ 10',
    setting: 'learning rate',
    apply: (s) => withTrain(s, { lr: s.train.lr / 10 }),
    describe: (s) => formatLr(s.train.lr),
  },
  {
    id: 'weight-decay',
    label: 'Weight decay 10⁻³ vs none',
    setting: 'weight decay',
    apply: (s) => withModel(s, { weightDecay: s.model.weightDecay > 0 ? 0 : 1e-3 }),
    describe: (s) => (s.model.weightDecay > 0 ? String(s.model.weightDecay) : 'none'),
  },
];

/** The variant with this id (the first one when unknown). */
export function variantById(id: string): Variant {
  return variants.find((v) => v.id === id) ?? variants[0];
}

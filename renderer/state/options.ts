// The choices the panels offer, with the words a lecturer would use. The engine's lists are
// the source of truth; this file only names them (and never imports the bundled data).
import type { BuiltinName } from '../../engine/data/builtin.js';
import { syntheticNames, type SyntheticName } from '../../engine/data/synthetic.js';
import type { Normalization } from '../../engine/landscape/directions.js';
import { weightInits, type WeightInit } from '../../engine/nn/init.js';
import { activations, type Activation } from '../../engine/nn/spec.js';
import { optimizerKinds, type OptimizerKind } from '../../engine/train/optimizers.js';
import type { DataSettings, LandscapeSettings } from './project.js';

const builtinTitles: Record<BuiltinName, string> = {
  iris: 'Iris',
  wine: 'Wine',
  'breast-cancer': 'Breast cancer',
  digits: 'Digits (8×8)',
};

const syntheticTitles: Record<SyntheticName, string> = {
  moons: 'Two moons',
  circles: 'Circles',
  spirals: 'Spirals',
  xor: 'XOR',
  blobs: 'Blobs',
  sine: 'Sine (regression)',
  polynomial: 'Polynomial (regression)',
};

/** A data set choice as one select value: `builtin:iris`, `synthetic:moons`, or `file` (the array files opened last). */
export type DatasetChoice = `builtin:${BuiltinName}` | `synthetic:${SyntheticName}` | 'file';

const datasetOptions: readonly { value: DatasetChoice; label: string; group: string }[] = [
  ...(Object.keys(builtinTitles) as BuiltinName[]).map((name) => ({ value: `builtin:${name}` as DatasetChoice, label: builtinTitles[name], group: 'Bundled' })),
  ...syntheticNames.map((name) => ({ value: `synthetic:${name}` as DatasetChoice, label: syntheticTitles[name], group: 'Synthetic' })),
];

/** The select's choices: the bundled and synthetic sets, and the array files opened last, if any. */
export function datasetOptionsOf(data: DataSettings): readonly { value: DatasetChoice; label: string; group: string }[] {
  return data.file ? [...datasetOptions, { value: 'file', label: data.file.data.name, group: 'Opened' }] : datasetOptions;
}

/** The select value of the project's data set. */
export function datasetChoice(data: DataSettings): DatasetChoice {
  if (data.source === 'file') return 'file';
  return data.source === 'builtin' ? `builtin:${data.builtin}` : `synthetic:${data.synthetic.name}`;
}

/** The data settings after picking a data set in the select. */
export function withDataset(data: DataSettings, choice: DatasetChoice): Partial<DataSettings> {
  if (choice === 'file') return { source: 'file' };
  const [kind, name] = choice.split(':') as ['builtin', BuiltinName] | ['synthetic', SyntheticName];
  return kind === 'builtin' ? { source: 'builtin', builtin: name } : { source: 'synthetic', synthetic: { ...data.synthetic, name } };
}

/** The display title of the project's data set. */
export function datasetTitle(data: DataSettings): string {
  if (data.source === 'file') return data.file?.data.name ?? 'array files';
  return data.source === 'builtin' ? builtinTitles[data.builtin] : syntheticTitles[data.synthetic.name];
}

const activationTitles: Record<Activation, string> = {
  logistic: 'logistic σ',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU',
  elu: 'ELU',
  gelu: 'GELU',
  softplus: 'softplus',
  identity: 'identity',
};

export const activationOptions = activations.map((value) => ({ value, label: activationTitles[value] }));

const optimizerTitles: Record<OptimizerKind, string> = {
  gd: 'GD (full batch)',
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  nesterov: 'Nesterov',
  adam: 'Adam',
  adamw: 'AdamW',
  rmsprop: 'RMSProp',
};

export const optimizerOptions = optimizerKinds.map((value) => ({ value, label: optimizerTitles[value] }));

export const initOptions: readonly { value: WeightInit; label: string }[] = weightInits.map((value) => ({ value, label: value }));

/** The landscape's direction choice as one select value. */
export type DirectionChoice = `random:${Normalization}` | 'pca';

export const directionOptions: readonly { value: DirectionChoice; label: string }[] = [
  { value: 'random:filter', label: 'Random · filter-normalized' },
  { value: 'random:layer', label: 'Random · layer-normalized' },
  { value: 'random:model', label: 'Random · model-normalized' },
  { value: 'random:none', label: 'Random · not normalized' },
  { value: 'pca', label: 'PCA of the trajectory' },
];

export function directionChoice(landscape: LandscapeSettings): DirectionChoice {
  return landscape.directions === 'pca' ? 'pca' : `random:${landscape.normalization}`;
}

export function withDirections(choice: DirectionChoice): Partial<LandscapeSettings> {
  return choice === 'pca' ? { directions: 'pca' } : { directions: 'random', normalization: choice.slice('random:'.length) as Normalization };
}

/** How the directions of a surface are described under the plot. */
export function describeDirections(landscape: LandscapeSettings): string {
  if (landscape.directions === 'pca') return 'PCA directions of the trajectory';
  const normalized = landscape.normalization === 'none' ? 'unnormalized' : `${landscape.normalization}-normalized`;
  return `${normalized} random directions${landscape.ignoreBiasBn ? ' (biases and BN ignored)' : ''}`;
}

/** A categorical palette for classes (Tableau 10), readable on the dark theme. */
export const CLASS_COLORS: readonly string[] = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

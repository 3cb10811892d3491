// A preset trained for a case whose peers re-implement the model by hand (numpy, tfjs, plain
// TypeScript references): one hidden layer, logistic or ReLU, softmax CE, optional biases.
// Refuses anything else, so a changed preset fails loudly instead of benchmarking another model.
import type { PreparedData } from '../../engine/data/index.js';
import { buildLayout, type MlpSpec } from '../../engine/nn/index.js';
import { presetRecipe, startRun, type RunRecipe } from '../../engine/train/index.js';

export type PeerActivation = 'sigmoid' | 'relu';

export const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
const LAYOUT_NAME: Record<ParamName, string> = { W1: 'layers.0.weight', b1: 'layers.0.bias', W2: 'layers.1.weight', b2: 'layers.1.bias' };

/** Where one parameter tensor lies in θ. */
export interface ParamSlot {
  name: ParamName;
  shape: number[];
  offset: number;
  size: number;
}

export interface PeerModel {
  run: { spec: MlpSpec; theta: Float64Array; buffers: Record<string, Float64Array> };
  data: PreparedData;
  activation: PeerActivation;
  /** W1, b1, W2, b2 in θ (the biases only where the model has them). */
  params: ParamSlot[];
}

/** The Digits cases' model: digits-adam trained 1 epoch on all 1,797 samples (no test split). */
export function digitsOneEpoch(r: RunRecipe): void {
  r.data.testFraction = 0;
  r.epochs = 1;
}

/** Trains `preset` (its recipe changed by `tweak`) to the end; `caller` names the case file in errors. */
export function trainPeerModel(preset: string, tweak: (r: RunRecipe) => void, caller: string): PeerModel {
  const recipe = presetRecipe(preset);
  tweak(recipe);
  const m = recipe.model;
  const fail = (what: string): never => {
    throw new Error(`${caller}: preset '${preset}' ${what}; the peers implement one hidden layer (logistic or ReLU) and softmax CE`);
  };
  if (m.hidden.length !== 1) fail(`has ${m.hidden.length} hidden layers`);
  const layer = m.hidden[0];
  if (layer.activation !== 'logistic' && layer.activation !== 'relu') fail(`uses the activation '${layer.activation}'`);
  if (layer.batchNorm || m.residual || m.weightDecay) fail('uses batch norm, residual connections or weight decay');
  if ((m.loss ?? 'softmax-ce') !== 'softmax-ce') fail(`uses the loss '${m.loss}'`);

  const { trainer, data } = startRun(recipe);
  while (trainer.advance(1000));
  if (trainer.state.status !== 'done') throw new Error(`${caller}: training ${preset} ended '${trainer.state.status}': ${trainer.state.message ?? ''}`);
  const spec = trainer.config.spec;
  const layout = buildLayout(spec);
  const params: ParamSlot[] = [];
  for (const name of PARAM_NAMES) {
    const e = layout.entries.find((entry) => entry.name === LAYOUT_NAME[name]);
    if (e) params.push({ name, shape: e.shape, offset: e.offset, size: e.size });
  }
  if (params.length !== layout.entries.length) throw new Error(`${caller}: unexpected θ layout ${layout.entries.map((e) => e.name).join(', ')}`);
  return {
    run: { spec, theta: trainer.state.theta, buffers: trainer.state.buffers },
    data,
    activation: layer.activation === 'relu' ? 'relu' : 'sigmoid',
    params,
  };
}

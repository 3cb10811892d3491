// The state a symmetry acts on (θ and the batch-norm running statistics), and where one
// hidden unit's numbers live in it: its incoming row, bias, γ and β, running statistics,
// and the column of the next layer's weights that reads it.
import { buildLayout, findEntry, type LayoutEntry, type MlpSpec, type ParamLayout } from '../../nn/index.js';

/** θ ∈ R^P and the batch-norm buffers by name: what a symmetry maps to an equivalent point. */
export interface NetworkState {
  theta: Float64Array;
  buffers: Record<string, Float64Array>;
}

/** A deep copy of a state. */
export function cloneState(state: NetworkState): NetworkState {
  return { theta: state.theta.slice(), buffers: Object.fromEntries(Object.entries(state.buffers).map(([k, v]) => [k, v.slice()])) };
}

/** The layout entries and buffers of one layer (hidden or output); absent ones are null. */
export interface LayerParams {
  weight: LayoutEntry;
  bias: LayoutEntry | null;
  gamma: LayoutEntry | null;
  beta: LayoutEntry | null;
  /** Buffer names, present with batch norm. */
  runningMean: string | null;
  runningVar: string | null;
}

/** The parameters of layer `layer` (0 … hidden.length, the last being the output layer). */
export function layerParams(layout: ParamLayout, layer: number): LayerParams {
  const at = (suffix: string) => findEntry(layout, `layers.${layer}.${suffix}`) ?? null;
  const gamma = at('bn.weight');
  return {
    weight: at('weight')!,
    bias: at('bias'),
    gamma,
    beta: at('bn.bias'),
    runningMean: gamma ? `layers.${layer}.bn.running_mean` : null,
    runningVar: gamma ? `layers.${layer}.bn.running_var` : null,
  };
}

/** Every layer's parameters, hidden layers first, the output layer last. */
export function allLayerParams(spec: MlpSpec, layout: ParamLayout = buildLayout(spec)): LayerParams[] {
  return Array.from({ length: spec.hidden.length + 1 }, (_, l) => layerParams(layout, l));
}

/** A copy of row `unit` of a weight entry [out, in]. */
export function rowOf(theta: Float64Array, weight: LayoutEntry, unit: number): Float64Array {
  const cols = weight.shape[1];
  return theta.slice(weight.offset + unit * cols, weight.offset + (unit + 1) * cols);
}

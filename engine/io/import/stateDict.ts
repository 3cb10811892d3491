// From named tensors, as PyTorch saves a state_dict, to Losscape's θ: names cleaned of what
// PyTorch adds (a DataParallel `module.` prefix, batch norm's `num_batches_tracked`), the
// model read off the weight shapes, and θ and the buffers laid out for it.
import { buildLayout, fromStateDict, validateSpec, type Activation, type LossKind, type MlpSpec, type StateDict } from '../../nn/index.js';
import { excerpt } from '../../errors.js';
import { checkFinite, elementOf } from '../finite.js';
import { ImportError } from './importError.js';

/** A tensor as read from a weights file: its shape and float64 values in C order. */
export interface RawTensor {
  shape: number[];
  data: Float64Array;
}

/**
 * Named tensors as a state_dict: without `num_batches_tracked`, and without a `module.` prefix
 * every name shares; throws ImportError when a tensor holds a NaN or ±Inf (weights must be finite).
 */
export function cleanStateDict(tensors: Record<string, RawTensor>): StateDict {
  const names = Object.keys(tensors).filter((n) => !n.endsWith('.num_batches_tracked'));
  const strip = names.length > 0 && names.every((n) => n.startsWith('module.'));
  const dict: StateDict = {};
  for (const name of names) {
    const { shape, data } = tensors[name];
    checkFinite(data, `tensor "${excerpt(name)}"`, (m) => new ImportError(m), elementOf(shape));
    dict[strip ? name.slice(7) : name] = { shape: [...shape], data: Array.from(data) };
  }
  return dict;
}

/**
 * The MLP whose layout holds exactly these tensors: widths from `layers.{i}.weight`, biases
 * and batch norm from which names are present. The activation and the loss are not in the
 * weights: they default to tanh and to softmax-ce (mse for one output).
 */
export function specFromStateDict(dict: StateDict, options: { activation?: Activation; loss?: LossKind } = {}): MlpSpec {
  const weights: number[][] = [];
  for (let i = 0; dict[`layers.${i}.weight`]; i++) weights.push(dict[`layers.${i}.weight`].shape);
  if (weights.length === 0) {
    const some = excerpt(Object.keys(dict).slice(0, 4).join(', '), 120);
    throw new ImportError(`no tensor named layers.0.weight: Losscape reads MLPs whose state_dict names are layers.{i}.weight [out, in] (this file has ${some || 'no tensors'})`);
  }
  weights.forEach((shape, i) => {
    if (shape.length !== 2) throw new ImportError(`layers.${i}.weight has shape [${shape.join(', ')}]; a linear layer's weight is [out, in]`);
    if (i > 0 && shape[1] !== weights[i - 1][0]) {
      throw new ImportError(`layers.${i}.weight takes ${shape[1]} inputs but layers.${i - 1} gives ${weights[i - 1][0]} outputs`);
    }
  });
  const last = weights.length - 1;
  const outputs = weights[last][0];
  return validateSpec({
    inputs: weights[0][1],
    hidden: weights.slice(0, last).map(([width], i) => ({ width, activation: options.activation ?? 'tanh', batchNorm: Boolean(dict[`layers.${i}.bn.weight`]) })),
    outputs,
    loss: options.loss ?? (outputs >= 2 ? 'softmax-ce' : 'mse'),
    bias: Boolean(dict[`layers.${last}.bias`]),
    residual: 0,
    weightDecay: 0,
  });
}

/** θ and the batch-norm buffers of `spec` from a state_dict; every missing, misshapen or extra tensor is named. */
export function weightsFor(spec: MlpSpec, dict: StateDict): { theta: Float64Array; buffers: Record<string, Float64Array> } {
  try {
    return fromStateDict(buildLayout(spec), dict);
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
}

// What a multilayer perceptron is: its layers, units, output and loss. Plain data, so a
// spec travels to workers, into run files and project files unchanged.
import { shown, ValueError } from '../errors.js';

export type Activation = 'logistic' | 'tanh' | 'relu' | 'leaky-relu' | 'elu' | 'gelu' | 'softplus' | 'identity';

export const activations: readonly Activation[] = ['logistic', 'tanh', 'relu', 'leaky-relu', 'elu', 'gelu', 'softplus', 'identity'];

/**
 * The output layer and its loss:
 * - `mse`: linear outputs, ½‖y − ŷ‖² averaged over samples (regression);
 * - `bce`: sigmoid outputs, binary cross-entropy from the logits;
 * - `softmax-ce`: softmax outputs, cross-entropy from the logits.
 */
export type LossKind = 'mse' | 'bce' | 'softmax-ce';

export const lossKinds: readonly LossKind[] = ['mse', 'bce', 'softmax-ce'];

export interface HiddenLayerSpec {
  width: number;
  activation: Activation;
  /** act(γ·BN(W·x) + β); the layer then has no separate bias, which BN would cancel. */
  batchNorm: boolean;
}

export interface MlpSpec {
  inputs: number;
  hidden: HiddenLayerSpec[];
  outputs: number;
  loss: LossKind;
  /** Biases on the linear maps (hidden layers without batch norm, and the output layer). */
  bias: boolean;
  /**
   * Residual blocks of this many hidden layers (0: none). Hidden layer 0 maps the inputs to
   * the hidden width; then every block of k layers adds its input before its last
   * activation: x_{ℓ+k} = act(F(x_ℓ) + x_ℓ).
   */
  residual: number;
  /** L2 penalty (λ/2)·Σ‖W‖² on the weight matrices (not biases or batch-norm parameters). */
  weightDecay: number;
}

/** A spec with hidden layers all alike, for quick construction. */
export function mlp(
  inputs: number,
  widths: number[],
  outputs: number,
  options: Partial<Omit<MlpSpec, 'inputs' | 'hidden' | 'outputs'>> & { activation?: Activation; batchNorm?: boolean } = {},
): MlpSpec {
  const { activation = 'tanh', batchNorm = false, ...rest } = options;
  return validateSpec({
    inputs,
    hidden: widths.map((width) => ({ width, activation, batchNorm })),
    outputs,
    loss: 'softmax-ce',
    bias: true,
    residual: 0,
    weightDecay: 0,
    ...rest,
  });
}

/** A residual block: hidden layers first … last, whose input is layer first − 1's output. */
export interface ResidualBlock {
  first: number;
  last: number;
}

/** The residual blocks of a spec, in order. */
export function residualBlocks(spec: MlpSpec): ResidualBlock[] {
  const blocks: ResidualBlock[] = [];
  if (spec.residual <= 0) return blocks;
  for (let first = 1; first + spec.residual - 1 < spec.hidden.length; first += spec.residual) {
    blocks.push({ first, last: first + spec.residual - 1 });
  }
  return blocks;
}

function positiveInteger(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new ValueError(`${what} must be a whole number ≥ 1, got ${shown(value)}`);
}

/**
 * Checks a spec (from code, or any JSON a file held) and returns a copy of its fields: every field of the right
 * kind, and every impossible model with a message that says how to fix it. Run, surface and
 * project files and the weight importers all check their models here.
 */
export function validateSpec(value: unknown): MlpSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValueError(`a model must be an object, got ${shown(value)}`);
  const spec = value as MlpSpec;
  positiveInteger(spec.inputs, 'the number of inputs');
  positiveInteger(spec.outputs, 'the number of outputs');
  if (!Array.isArray(spec.hidden)) throw new ValueError(`the hidden layers must be a list of {width, activation, batchNorm}, got ${shown(spec.hidden)}`);
  spec.hidden.forEach((layer: unknown, i) => {
    if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) throw new ValueError(`hidden layer ${i} must be {width, activation, batchNorm}, got ${shown(layer)}`);
    const { width, activation, batchNorm } = layer as HiddenLayerSpec;
    positiveInteger(width, `hidden layer ${i}'s width`);
    if (!activations.includes(activation)) {
      throw new ValueError(`hidden layer ${i}: unknown activation ${shown(activation)}; choose one of ${activations.join(', ')}`);
    }
    if (typeof batchNorm !== 'boolean') throw new ValueError(`hidden layer ${i}'s batchNorm must be true or false, got ${shown(batchNorm)}`);
  });
  if (!lossKinds.includes(spec.loss)) throw new ValueError(`unknown loss ${shown(spec.loss)}; choose one of ${lossKinds.join(', ')}`);
  if (spec.loss === 'softmax-ce' && spec.outputs < 2) {
    throw new ValueError(`softmax cross-entropy needs at least 2 outputs (classes), got ${spec.outputs}; use bce for one output`);
  }
  if (typeof spec.bias !== 'boolean') throw new ValueError(`bias must be true or false, got ${shown(spec.bias)}`);
  if (typeof spec.weightDecay !== 'number' || !(spec.weightDecay >= 0 && spec.weightDecay < Infinity)) {
    throw new ValueError(`weight decay must be a finite number ≥ 0, got ${shown(spec.weightDecay)}`);
  }
  if (typeof spec.residual !== 'number' || !Number.isSafeInteger(spec.residual) || spec.residual < 0) {
    throw new ValueError(`residual blocks need a whole number of layers (0 for none), got ${shown(spec.residual)}`);
  }
  if (spec.residual > 0 && spec.hidden.length < spec.residual + 1) {
    throw new ValueError(
      `residual blocks of ${spec.residual} layers need at least ${spec.residual + 1} hidden layers ` +
        `(one to map the inputs to the hidden width, then the block), got ${spec.hidden.length}`,
    );
  }
  for (const { first, last } of residualBlocks(spec)) {
    const width = spec.hidden[first - 1].width;
    for (let l = first; l <= last; l++) {
      if (spec.hidden[l].width !== width) {
        throw new ValueError(
          `the residual block over hidden layers ${first}–${last} adds its input (width ${width}) to its output, ` +
            `so every layer in it needs width ${width}; layer ${l} has ${spec.hidden[l].width}`,
        );
      }
    }
  }
  const { inputs, hidden, outputs, loss, bias, residual, weightDecay } = spec;
  return { inputs, hidden: hidden.map(({ width, activation, batchNorm }) => ({ width, activation, batchNorm })), outputs, loss, bias, residual, weightDecay };
}

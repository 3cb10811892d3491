// Backpropagation in a small network, the way the lecture reads it off the graph: every
// weight's gradient is "error from above × input from below", ∂L/∂w_ji = δ_j · z_i, where
// δ_j = ∂L/∂a_j is the error of the unit the weight feeds and z_i the activation it reads.
// The errors flow down: δ = ŷ − y at the output, δ_i = act′(a_i)·Σ_j w_ji δ_j below.
import { ValueError } from '../errors.js';
import { jvp, valueAndGrad } from '../autodiff/transforms.js';
import { activate, buildLayout, findEntry, objective, targetsFor, type MlpSpec } from '../nn/index.js';
import { fromData, item, tensor } from '../tensor/tensor.js';
import { subscript, superscript } from './notation.js';

export interface UnitState {
  /** The layer's index in the spec (hidden layers, then the output layer). */
  layer: number;
  unit: number;
  /** a = Σ w·z + b. */
  preActivation: number;
  /** z = act(a) for a hidden unit; the prediction ŷ (identity, σ or softmax) for an output. */
  activation: number;
  /** act′(a) for a hidden unit; 1 for an output, where δ = ŷ − y already holds the loss's slope. */
  slope: number;
  /** δ = ∂L/∂a, the unit's error. */
  delta: number;
}

export interface WeightGradient {
  /** The state_dict entry, 'layers.1.weight', and the index into θ. */
  name: string;
  index: number;
  layer: number;
  /** The unit the weight feeds (above) and the unit it reads (below); `from` is null for a bias. */
  to: number;
  from: number | null;
  /** δ of unit `to`. */
  errorFromAbove: number;
  /** The activation of unit `from` (an input x_i for the first layer), 1 for a bias. */
  inputFromBelow: number;
  /** errorFromAbove · inputFromBelow. */
  product: number;
  /** λ·w from weight decay (0 for biases and without decay). */
  decay: number;
  /** product + decay. */
  gradient: number;
  /** The engine's ∂L/∂θ at `index`, by reverse-mode autodiff of the whole objective. */
  engine: number;
  /** '∂L/∂w⁽²⁾₁,₃ = δ⁽²⁾₁ · z⁽¹⁾₃' (layers and units counted from 1, as the lecture does). */
  formula: string;
}

export interface BackpropPattern {
  inputs: number[];
  /** The targets in the loss's shape (one-hot for softmax-ce). */
  targets: number[];
  loss: number;
  /** Units per layer: hidden layers, then the outputs. */
  layers: UnitState[][];
  /** One per parameter, in θ order. */
  weights: WeightGradient[];
  /** max |gradient − engine| over all parameters, and whether it is within 1e-10 of the gradient's scale. */
  maxDifference: number;
  agrees: boolean;
}

/** A network the pattern applies to: plain layers, no batch norm, no residual blocks. */
function checkPlain(spec: MlpSpec): void {
  if (spec.hidden.some((h) => h.batchNorm)) throw new ValueError('backprop pattern: batch norm couples the samples; use a network without it');
  if (spec.residual > 0) throw new ValueError('backprop pattern: residual blocks are not covered; use a plain network');
}

/** act′(a), exactly, by one forward-mode pass through the activation. */
function activationSlope(spec: MlpSpec, layer: number, a: number): number {
  return item(jvp((x) => activate(spec.hidden[layer].activation, x), [tensor(a)], [tensor(1)])[1]);
}

/**
 * "Error from above × input from below" for every parameter of a plain MLP (the lecture's
 * two-layer network, or any depth) on one sample, with the numbers, checked against the
 * engine's gradient. `target` is in the data set's form: values (mse), 0/1 (bce), or the
 * class index (softmax-ce).
 */
export function backpropPattern(spec: MlpSpec, theta: Float64Array, sample: { x: number[]; target: number[] }): BackpropPattern {
  checkPlain(spec);
  const layout = buildLayout(spec);
  if (theta.length !== layout.size) throw new ValueError(`backprop pattern: θ has ${theta.length} values, the network ${layout.size}`);
  if (sample.x.length !== spec.inputs) throw new ValueError(`backprop pattern: x has ${sample.x.length} values, the network ${spec.inputs} inputs`);
  const targets = [...targetsFor(spec, Float64Array.from(sample.target), 1).data];
  const depth = spec.hidden.length + 1;
  const weightOf = (l: number) => findEntry(layout, `layers.${l}.weight`)!;
  const biasOf = (l: number) => findEntry(layout, `layers.${l}.bias`);

  // Forward: a = W·z + b, z = act(a); the outputs become predictions.
  const below: number[][] = [sample.x];
  const layers: UnitState[][] = [];
  for (let l = 0; l < depth; l++) {
    const w = weightOf(l);
    const b = biasOf(l);
    const [width, fanIn] = w.shape;
    const z = below[l];
    const pre = Array.from({ length: width }, (_, j) => {
      let a = b ? theta[b.offset + j] : 0;
      for (let i = 0; i < fanIn; i++) a += theta[w.offset + j * fanIn + i] * z[i];
      return a;
    });
    const hidden = l < depth - 1;
    const act = hidden ? pre.map((a) => item(activate(spec.hidden[l].activation, tensor(a)))) : predictions(spec, pre);
    layers.push(pre.map((a, j) => ({ layer: l, unit: j, preActivation: a, activation: act[j], slope: hidden ? activationSlope(spec, l, a) : 1, delta: 0 })));
    below.push(act);
  }

  // Backward: δ = ŷ − y on top, then δ_i = act′(a_i)·Σ_j w_ji δ_j layer by layer.
  layers[depth - 1].forEach((u, j) => (u.delta = u.activation - targets[j]));
  for (let l = depth - 2; l >= 0; l--) {
    const w = weightOf(l + 1);
    const [width, fanIn] = w.shape;
    layers[l].forEach((u, i) => {
      let s = 0;
      for (let j = 0; j < width; j++) s += theta[w.offset + j * fanIn + i] * layers[l + 1][j].delta;
      u.delta = u.slope * s;
    });
  }

  // The engine's gradient of the same objective, for the check.
  const batch = { x: fromData(Float64Array.from(sample.x), [1, spec.inputs]), targets: fromData(Float64Array.from(targets), [1, spec.outputs]) };
  const [lossValue, grad] = valueAndGrad((t) => objective(spec, layout, t, batch, { kind: 'batch' }).loss)(fromData(theta.slice(), [layout.size]));

  const sup = (l: number) => `⁽${superscript(l)}⁾`;
  const inputName = (l: number, i: number) => (l === 0 ? `x${subscript(i + 1)}` : `z${sup(l)}${subscript(i + 1)}`);
  const weights: WeightGradient[] = [];
  for (const entry of layout.entries) {
    const l = entry.layer;
    const isBias = entry.role === 'bias';
    const fanIn = isBias ? 1 : entry.shape[1];
    for (let k = 0; k < entry.size; k++) {
      const to = isBias ? k : Math.floor(k / fanIn);
      const from = isBias ? null : k % fanIn;
      const errorFromAbove = layers[l][to].delta;
      const inputFromBelow = from === null ? 1 : below[l][from];
      const product = errorFromAbove * inputFromBelow;
      const index = entry.offset + k;
      const decay = isBias ? 0 : spec.weightDecay * theta[index];
      const delta = `δ${sup(l + 1)}${subscript(to + 1)}`;
      const formula =
        from === null
          ? `∂L/∂b${sup(l + 1)}${subscript(to + 1)} = ${delta}`
          : `∂L/∂w${sup(l + 1)}${subscript(to + 1)},${subscript(from + 1)} = ${delta} · ${inputName(l, from)}${decay !== 0 ? ` + λ·w` : ''}`;
      weights.push({ name: entry.name, index, layer: l, to, from, errorFromAbove, inputFromBelow, product, decay, gradient: product + decay, engine: grad.data[index], formula });
    }
  }
  const maxDifference = weights.reduce((m, w) => Math.max(m, Math.abs(w.gradient - w.engine)), 0);
  const scale = weights.reduce((m, w) => Math.max(m, Math.abs(w.engine)), 1);
  return { inputs: [...sample.x], targets, loss: item(lossValue), layers, weights, maxDifference, agrees: maxDifference <= 1e-10 * scale };
}

/** The output layer's predictions from its logits: identity (mse), σ (bce), softmax (softmax-ce). */
function predictions(spec: MlpSpec, logits: number[]): number[] {
  if (spec.loss === 'mse') return logits;
  if (spec.loss === 'bce') return logits.map((a) => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a))));
  const top = Math.max(...logits);
  const e = logits.map((a) => Math.exp(a - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

// MLPs from ONNX (torch.onnx.export of nn.Linear layers and activations): the graph is read
// as a chain — Gemm, or MatMul then Add, per linear layer; an optional BatchNormalization;
// one activation (Relu, Tanh, Sigmoid, LeakyRelu, Elu, Softplus, Gelu) — ending in logits,
// Softmax/LogSoftmax or Sigmoid. Anything else is named in a clear error.
import { strFromU8 } from 'fflate';
import { BN_EPS, ELU_ALPHA, LEAKY_SLOPE, type Activation, type LossKind, type MlpSpec, type StateDict } from '../../nn/index.js';
import { excerpt } from '../../errors.js';
import { checkFinite, elementOf } from '../finite.js';
import { ImportError } from './importError.js';
import { elementReader, half } from './npy.js';
import { decodeOnnxModel, OnnxDataType, type OnnxAttribute, type OnnxModel, type OnnxNode, type OnnxTensor } from './onnxSchema.js';
import { specFromStateDict, weightsFor, type RawTensor } from './stateDict.js';

export interface OnnxMlp {
  spec: MlpSpec;
  theta: Float64Array;
  buffers: Record<string, Float64Array>;
  /** The weights by Losscape's (PyTorch) names. */
  stateDict: StateDict;
  /** Who wrote the file (producer_name and version). */
  producer: string;
}

interface Linear {
  weight: RawTensor; // [out, in]
  bias?: Float64Array;
  bn?: { gamma: Float64Array; beta: Float64Array; mean: Float64Array; variance: Float64Array };
  activation?: Activation;
  /** The op that made it, to know whether an Add is its bias. */
  op: 'Gemm' | 'MatMul';
}

const ACTIVATIONS: Record<string, Activation> = { Relu: 'relu', Tanh: 'tanh', Sigmoid: 'logistic', LeakyRelu: 'leaky-relu', Elu: 'elu', Softplus: 'softplus', Gelu: 'gelu' };
const PASS_THROUGH = new Set(['Flatten', 'Identity', 'Dropout']);

/** The values of an ONNX tensor as float64, with its shape. */
export function onnxTensorValues(t: OnnxTensor): RawTensor {
  const name = t.name ? `tensor "${excerpt(t.name)}"` : 'a tensor';
  if (t.dataLocation === 1) throw new ImportError(`${name} is stored in an external file; export the model with its weights inside (save_as_external_data=False)`);
  const shape = (t.dims ?? []).map(Number);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new ImportError(`${name} has dims ${excerpt(JSON.stringify(t.dims))}, not a list of sizes`);
  const count = shape.reduce((a, b) => a * b, 1);
  const raw = t.rawData && t.rawData.length ? t.rawData : null;
  const sizes: Record<number, [string, number]> = {
    [OnnxDataType.FLOAT]: ['f', 4], [OnnxDataType.DOUBLE]: ['f', 8], [OnnxDataType.FLOAT16]: ['f', 2], [OnnxDataType.BFLOAT16]: ['bf', 2],
    [OnnxDataType.INT32]: ['i', 4], [OnnxDataType.INT64]: ['i', 8], [OnnxDataType.INT8]: ['i', 1], [OnnxDataType.UINT8]: ['u', 1],
  };
  const kind = sizes[t.dataType ?? 0];
  if (!kind) throw new ImportError(`${name} has ONNX data type ${t.dataType}; Losscape reads float, double, float16, bfloat16 and integer tensors`);
  let values: ArrayLike<number>;
  if (raw) {
    if (raw.length !== count * kind[1]) throw new ImportError(`${name}: dims [${shape.join(', ')}] need ${count * kind[1]} bytes, raw_data has ${raw.length}`);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const read = kind[0] === 'bf' ? (at: number) => half16ToBf(view.getUint16(at, true)) : elementReader(kind[0], kind[1], true, view)!;
    values = Array.from({ length: count }, (_, k) => read(k * kind[1]));
  } else {
    const type = t.dataType;
    const typed =
      type === OnnxDataType.FLOAT ? t.floatData
        : type === OnnxDataType.DOUBLE ? t.doubleData
          : type === OnnxDataType.INT64 ? t.int64Data
            : type === OnnxDataType.FLOAT16 ? t.int32Data?.map(half)
              : type === OnnxDataType.BFLOAT16 ? t.int32Data?.map(half16ToBf)
                : t.int32Data;
    values = typed ?? [];
    if (values.length !== count) throw new ImportError(`${name}: dims [${shape.join(', ')}] need ${count} values, the tensor holds ${values.length}`);
  }
  const data = Float64Array.from(values, Number);
  checkFinite(data, name, (m) => new ImportError(m), elementOf(shape));
  return { shape, data };
}

function half16ToBf(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits << 16);
  return view.getFloat32(0);
}

function attribute(node: OnnxNode, name: string): OnnxAttribute | undefined {
  return node.attribute?.find((a) => a.name === name);
}

function transpose({ shape, data }: RawTensor): RawTensor {
  const [r, c] = shape;
  const out = new Float64Array(data.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j];
  return { shape: [c, r], data: out };
}

/** Reads an ONNX MLP: its spec, θ and batch-norm buffers, with the loss from its last node (or `options.loss`). */
export function readOnnxMlp(bytes: Uint8Array, options: { loss?: LossKind } = {}): OnnxMlp {
  let model: OnnxModel;
  try {
    model = decodeOnnxModel(bytes);
  } catch (e) {
    // The protobuf reader's own errors say which field is wrong; a RangeError is a read past the end.
    throw new ImportError(`this is not an ONNX model, or it is truncated: ${e instanceof RangeError ? 'a field runs past the end of the file' : excerpt((e as Error).message, 80)}`);
  }
  const graph = model.graph;
  if (!graph?.node?.length) throw new ImportError('this file has no ONNX graph (is it an ONNX model?)');
  const constants = new Map<string, OnnxTensor>();
  for (const t of graph.initializer ?? []) if (t.name) constants.set(t.name, t);
  const constant = (name: string | undefined, role: string, node: OnnxNode) => {
    const t = name ? constants.get(name) : undefined;
    if (!t) throw new ImportError(`${describe(node)}: its ${role} (${name === undefined ? 'none' : excerpt(name)}) is not a weight stored in the file`);
    return onnxTensorValues(t);
  };
  const inputs = (graph.input ?? []).filter((v) => v.name && !constants.has(v.name));
  if (inputs.length !== 1) throw new ImportError(`an MLP has one input; this graph has ${inputs.length} (${excerpt(inputs.map((v) => v.name).join(', '), 80)})`);
  let current = inputs[0].name!;
  const layers: Linear[] = [];
  let final: 'softmax' | 'sigmoid' | null = null;

  for (const node of graph.node) {
    const op = node.opType ?? '';
    const ins = (node.input ?? []).filter((s) => s !== '');
    const out = node.output?.[0];
    if (op === 'Constant') {
      const t = attribute(node, 'value')?.t;
      if (!t || !out) throw new ImportError(`${describe(node)}: only tensor constants are supported`);
      constants.set(out, t);
      continue;
    }
    if (!ins.includes(current)) {
      throw new ImportError(`${describe(node)} is not on the network's chain (it does not read ${excerpt(current)}); Losscape reads plain MLPs: linear layers, activations and batch norm`);
    }
    if (final) throw new ImportError(`${describe(node)} comes after the output's ${final}; the output must be the last node`);
    const last = layers[layers.length - 1];
    if (op === 'Gemm') {
      if (ins[0] !== current || Number(attribute(node, 'transA')?.i ?? 0) !== 0) throw new ImportError(`${describe(node)}: Gemm must multiply the activations (A, not transposed) by the weights`);
      const b = constant(ins[1], 'weight B', node);
      if (b.shape.length !== 2) throw new ImportError(`${describe(node)}: the weight has shape [${b.shape.join(', ')}], not a matrix`);
      const alpha = attribute(node, 'alpha')?.f ?? 1;
      const beta = attribute(node, 'beta')?.f ?? 1;
      if (!Number.isFinite(alpha) || !Number.isFinite(beta)) throw new ImportError(`${describe(node)}: Gemm's alpha (${alpha}) and beta (${beta}) must be finite`);
      const weight = Number(attribute(node, 'transB')?.i ?? 0) === 1 ? b : transpose(b);
      weight.data = weight.data.map((w) => w * alpha);
      const layer: Linear = { weight, op: 'Gemm' };
      if (ins[2]) {
        const c = constant(ins[2], 'bias C', node);
        const outs = weight.shape[0];
        if (c.data.length !== outs && c.data.length !== 1) throw new ImportError(`${describe(node)}: the bias has ${c.data.length} values for ${outs} outputs`);
        layer.bias = Float64Array.from({ length: outs }, (_, k) => beta * c.data[c.data.length === 1 ? 0 : k]);
      }
      layers.push(layer);
    } else if (op === 'MatMul') {
      if (ins[0] !== current) throw new ImportError(`${describe(node)}: MatMul must multiply the activations by the weights (x·W)`);
      const b = constant(ins[1], 'weight', node);
      if (b.shape.length !== 2) throw new ImportError(`${describe(node)}: the weight has shape [${b.shape.join(', ')}], not a matrix`);
      layers.push({ weight: transpose(b), op: 'MatMul' });
    } else if (op === 'Add') {
      const other = ins.find((s) => s !== current);
      if (!last || last.bias || last.bn || last.activation || !other || !constants.has(other)) {
        throw new ImportError(`${describe(node)}: only a bias added right after a linear layer is supported (no residual connections)`);
      }
      const c = constant(other, 'bias', node);
      const outs = last.weight.shape[0];
      if (c.data.length !== outs) throw new ImportError(`${describe(node)}: the bias has ${c.data.length} values for ${outs} outputs`);
      last.bias = c.data;
    } else if (op === 'BatchNormalization') {
      if (!last || last.bn || last.activation) throw new ImportError(`${describe(node)}: batch norm must follow a linear layer, before its activation`);
      const epsilon = attribute(node, 'epsilon')?.f ?? 1e-5;
      if (!(Math.abs(epsilon - BN_EPS) <= 1e-9)) throw new ImportError(`${describe(node)}: batch norm with ε = ${epsilon}; Losscape's batch norm uses ε = ${BN_EPS}`);
      const [gamma, beta, mean, variance] = [1, 2, 3, 4].map((k) => constant(ins[k], ['scale', 'bias', 'mean', 'variance'][k - 1], node).data);
      // BN(Wx + c) with running statistics μ equals BN(Wx) with μ − c: fold the bias in.
      const shifted = last.bias ? mean.map((m, k) => m - last.bias![k]) : mean;
      last.bn = { gamma, beta, mean: shifted, variance };
      delete last.bias;
    } else if (ACTIVATIONS[op]) {
      if (!last || last.activation) throw new ImportError(`${describe(node)}: an activation must follow a linear layer`);
      if (op === 'LeakyRelu' && !(Math.abs((attribute(node, 'alpha')?.f ?? 0.01) - LEAKY_SLOPE) <= 1e-6)) {
        throw new ImportError(`${describe(node)}: leaky ReLU with slope ${attribute(node, 'alpha')?.f}; Losscape's slope is ${LEAKY_SLOPE}`);
      }
      if (op === 'Elu' && !(Math.abs((attribute(node, 'alpha')?.f ?? 1) - ELU_ALPHA) <= 1e-6)) throw new ImportError(`${describe(node)}: ELU with α = ${attribute(node, 'alpha')?.f}; Losscape's α is ${ELU_ALPHA}`);
      if (op === 'Gelu') {
        const approximate = strFromU8(attribute(node, 'approximate')?.s ?? new Uint8Array(0), true);
        if (approximate !== 'tanh') throw new ImportError(`${describe(node)}: exact GELU; Losscape's GELU is the tanh approximation (nn.GELU(approximate='tanh'))`);
      }
      last.activation = ACTIVATIONS[op];
    } else if (op === 'Softmax' || op === 'LogSoftmax') {
      const axis = Number(attribute(node, 'axis')?.i ?? -1);
      if (!last || last.activation || (axis !== -1 && axis !== 1)) throw new ImportError(`${describe(node)}: softmax must come right after the output layer, over its last axis`);
      final = 'softmax';
    } else if (!PASS_THROUGH.has(op)) {
      throw new ImportError(`${describe(node)}: ONNX op ${excerpt(op)} is not part of an MLP Losscape reads (Gemm, MatMul, Add, BatchNormalization, Relu, Tanh, Sigmoid, LeakyRelu, Elu, Softplus, Gelu, Softmax)`);
    }
    if (out) current = out;
  }

  if (layers.length === 0) throw new ImportError('this ONNX graph has no linear layer (Gemm or MatMul)');
  const output = layers[layers.length - 1];
  if (output.bn) throw new ImportError('the output layer has batch norm; Losscape puts batch norm on hidden layers only');
  if (output.activation === 'logistic') {
    final = 'sigmoid';
    delete output.activation;
  } else if (output.activation) {
    throw new ImportError(`the output layer ends in ${output.activation}; Losscape's outputs are logits, optionally followed by softmax or sigmoid`);
  }
  const withBias = layers.some((l) => l.bias);
  const dict: StateDict = {};
  layers.forEach((layer, i) => {
    const [outs] = layer.weight.shape;
    dict[`layers.${i}.weight`] = { shape: layer.weight.shape, data: Array.from(layer.weight.data) };
    if (layer.bn) {
      dict[`layers.${i}.bn.weight`] = { shape: [outs], data: Array.from(layer.bn.gamma) };
      dict[`layers.${i}.bn.bias`] = { shape: [outs], data: Array.from(layer.bn.beta) };
      dict[`layers.${i}.bn.running_mean`] = { shape: [outs], data: Array.from(layer.bn.mean) };
      dict[`layers.${i}.bn.running_var`] = { shape: [outs], data: Array.from(layer.bn.variance) };
    } else if (withBias) {
      dict[`layers.${i}.bias`] = { shape: [outs], data: Array.from(layer.bias ?? new Float64Array(outs)) };
    }
  });
  const outputs = output.weight.shape[0];
  const loss = options.loss ?? (final === 'softmax' ? 'softmax-ce' : final === 'sigmoid' ? 'bce' : outputs >= 2 ? 'softmax-ce' : 'mse');
  const base = specFromStateDict(dict, { loss });
  const spec: MlpSpec = { ...base, hidden: base.hidden.map((h, i) => ({ ...h, activation: layers[i].activation ?? 'identity' })) };
  const { theta, buffers } = weightsFor(spec, dict);
  // Every tensor was finite; scaling by Gemm's alpha and beta must not have overflowed.
  checkFinite(theta, 'the ONNX model\'s weights (scaled by Gemm\'s alpha and beta)', (m) => new ImportError(m));
  return { spec, theta, buffers, stateDict: dict, producer: [model.producerName, model.producerVersion].filter(Boolean).join(' ') || 'unknown' };
}

function describe(node: OnnxNode): string {
  return `node ${node.name ? excerpt(node.name) : '(unnamed)'} (${node.opType ? excerpt(node.opType) : 'no op'})`;
}

// Weights from PyTorch (.npz and safetensors with state_dict names) and MLPs from ONNX give
// the predictions numpy computes from the same weights (fixtures: ../fixtures/make_weights.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromData } from '../../../../engine/index.js';
import { safetensorsBytes } from '../../../../engine/io/export/index.js';
import { readNpz, readNpzStateDict, readOnnxMlp, readSafetensors, readSafetensorsStateDict, specFromStateDict, weightsFor } from '../../../../engine/io/import/index.js';
import { buildLayout, forward, type MlpSpec, type NormMode, type StateDict } from '../../../../engine/nn/index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../fixtures/expected.json', import.meta.url), 'utf8')) as { inputs: number[][]; logits: number[][]; probabilities: number[][]; logistic: number[] };
const x = fromData(Float64Array.from(expected.inputs.flat()), [expected.inputs.length, 4]);

function outputs(spec: MlpSpec, theta: Float64Array, norm: NormMode): number[] {
  return Array.from(forward(spec, buildLayout(spec), fromData(theta, [theta.length]), x, norm).output.data);
}

function softmaxRows(logits: number[], k: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < logits.length; r += k) {
    const row = logits.slice(r, r + k);
    const m = Math.max(...row);
    const e = row.map((z) => Math.exp(z - m));
    const s = e.reduce((a, b) => a + b, 0);
    out.push(...e.map((v) => v / s));
  }
  return out;
}

/** The fixture MLP: tanh, then batch norm and ReLU (the activations are not in a state_dict). */
function fixtureSpec(dict: StateDict): MlpSpec {
  const spec = specFromStateDict(dict, { activation: 'tanh' });
  spec.hidden[1].activation = 'relu';
  return spec;
}

describe('PyTorch weights', () => {
  for (const [name, read] of [['weights.npz', readNpzStateDict], ['weights.safetensors', readSafetensorsStateDict]] as const) {
    it(`${name}: the state_dict gives the model numpy evaluated, and its predictions`, () => {
      const dict = read(fixture(name));
      expect(Object.keys(dict)).not.toContain('layers.1.bn.num_batches_tracked');
      const spec = fixtureSpec(dict);
      expect(spec).toMatchObject({ inputs: 4, outputs: 3, bias: true, loss: 'softmax-ce', hidden: [{ width: 6, batchNorm: false }, { width: 5, batchNorm: true }] });
      const { theta, buffers } = weightsFor(spec, dict);
      const logits = outputs(spec, theta, { kind: 'running', buffers });
      logits.forEach((z, k) => expect(z).toBeCloseTo(expected.logits.flat()[k], 12));
      softmaxRows(logits, 3).forEach((p, k) => expect(p).toBeCloseTo(expected.probabilities.flat()[k], 12));
    });
  }

  it('reads numpy’s dtypes and Fortran order, and safetensors’ F16, BF16, F32 and I64', () => {
    const npz = readNpz(fixture('weights.npz'));
    expect(npz['layers.1.bn.num_batches_tracked']).toEqual({ shape: [], data: Float64Array.of(42), dtype: '<i8' });
    const { tensors, metadata } = readSafetensors(fixture('weights.safetensors'));
    expect(metadata).toEqual({ format: 'pt' });
    for (const name of ['layers.0.weight', 'layers.2.weight', 'layers.2.bias']) expect(tensors[name]).toEqual({ shape: npz[name].shape, data: npz[name].data });
  });

  it('round-trips through Losscape’s own safetensors export', () => {
    const dict = readNpzStateDict(fixture('weights.npz'));
    const back = readSafetensorsStateDict(safetensorsBytes(dict, 'F64'));
    expect(back).toEqual(dict);
  });

  it('names what does not fit: a missing tensor, a wrong shape, a non-MLP state_dict', () => {
    const dict = readNpzStateDict(fixture('weights.npz'));
    const spec = fixtureSpec(dict);
    const missing = Object.fromEntries(Object.entries(dict).filter(([name]) => name !== 'layers.0.bias'));
    expect(() => weightsFor(spec, missing)).toThrow(/layers\.0\.bias is missing/);
    expect(() => weightsFor({ ...spec, hidden: [{ ...spec.hidden[0], width: 7 }, spec.hidden[1]] }, dict)).toThrow(/layers\.0\.weight has shape \[6, 4\], the model needs \[7, 4\]/);
    expect(() => specFromStateDict({ 'conv1.weight': { shape: [3, 3], data: new Array(9).fill(0) } })).toThrow(/no tensor named layers\.0\.weight.*conv1\.weight/);
  });
});

describe('ONNX MLPs', () => {
  it('mlp.onnx (Gemm, Tanh, MatMul, BatchNormalization, Relu, Gemm, Softmax): the spec, the weights and numpy’s probabilities', () => {
    const model = readOnnxMlp(fixture('mlp.onnx'));
    expect(model.producer).toBe('losscape-fixture');
    expect(model.spec).toEqual({
      inputs: 4,
      hidden: [{ width: 6, activation: 'tanh', batchNorm: false }, { width: 5, activation: 'relu', batchNorm: true }],
      outputs: 3, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0,
    });
    expect(model.stateDict).toEqual(readNpzStateDict(fixture('weights.npz')));
    const probabilities = softmaxRows(outputs(model.spec, model.theta, { kind: 'running', buffers: model.buffers }), 3);
    probabilities.forEach((p, k) => expect(p).toBeCloseTo(expected.probabilities.flat()[k], 12));
  });

  it('logistic.onnx (MatMul + Add, LeakyRelu, Sigmoid): a binary classifier with numpy’s outputs', () => {
    const model = readOnnxMlp(fixture('logistic.onnx'));
    expect(model.spec).toMatchObject({ inputs: 4, outputs: 1, loss: 'bce', hidden: [{ width: 3, activation: 'leaky-relu', batchNorm: false }] });
    const z = outputs(model.spec, model.theta, { kind: 'batch' });
    z.forEach((v, k) => expect(1 / (1 + Math.exp(-v))).toBeCloseTo(expected.logistic[k], 12));
  });

  it('refuses what is not an MLP, or not ONNX, saying why', () => {
    expect(() => readOnnxMlp(new Uint8Array([1, 2, 3]))).toThrow(/not an ONNX model, or it is truncated|no ONNX graph/);
    const bytes = fixture('mlp.onnx');
    expect(() => readOnnxMlp(bytes.subarray(0, bytes.length - 40))).toThrow(/not an ONNX model, or it is truncated/);
    const renamed = new Uint8Array(bytes);
    const name = Buffer.from(renamed).indexOf('/act0/Tanh');
    renamed.set(Buffer.from('Cosh'), Buffer.from(renamed).indexOf('Tanh', name + 10)); // the node's op_type follows its name
    expect(() => readOnnxMlp(renamed)).toThrow(/ONNX op Cosh is not part of an MLP/);
  });
});

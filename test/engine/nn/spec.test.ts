import { describe, expect, it } from 'vitest';
import { buildLayout, fromStateDict, initTheta, initialBuffers, mlp, toStateDict, validateSpec, type MlpSpec } from '../../../engine/nn/index.js';

const base: MlpSpec = { inputs: 4, hidden: [{ width: 8, activation: 'relu', batchNorm: false }], outputs: 3, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 };

describe('impossible models are refused with a message that says how to fix them', () => {
  it('zero units', () => {
    expect(() => validateSpec({ ...base, hidden: [{ width: 0, activation: 'relu', batchNorm: false }] })).toThrow("hidden layer 0's width must be a whole number ≥ 1, got 0");
    expect(() => validateSpec({ ...base, inputs: 0 })).toThrow('the number of inputs must be a whole number ≥ 1, got 0');
  });

  it('mismatched residual widths', () => {
    const hidden = [16, 16, 8].map((width) => ({ width, activation: 'tanh' as const, batchNorm: false }));
    expect(() => validateSpec({ ...base, hidden, residual: 2 })).toThrow(
      'the residual block over hidden layers 1–2 adds its input (width 16) to its output, so every layer in it needs width 16; layer 2 has 8',
    );
  });

  it('too few layers for a residual block, softmax with one output, unknown activation', () => {
    expect(() => validateSpec({ ...base, residual: 2 })).toThrow(/need at least 3 hidden layers/);
    expect(() => validateSpec({ ...base, outputs: 1 })).toThrow(/softmax cross-entropy needs at least 2 outputs/);
    expect(() => validateSpec({ ...base, hidden: [{ width: 3, activation: 'swish' as never, batchNorm: false }] })).toThrow(/unknown activation "swish"; choose one of logistic, tanh/);
  });
});

describe('the parameter layout', () => {
  it('follows CONTRACTS.md order and PyTorch names, weight as [out, in]', () => {
    const layout = buildLayout(mlp(4, [8, 8], 3, { batchNorm: true }));
    expect(layout.entries.map((e) => [e.name, e.shape, e.offset, e.role])).toEqual([
      ['layers.0.weight', [8, 4], 0, 'weight'],
      ['layers.0.bn.weight', [8], 32, 'bn'],
      ['layers.0.bn.bias', [8], 40, 'bn'],
      ['layers.1.weight', [8, 8], 48, 'weight'],
      ['layers.1.bn.weight', [8], 112, 'bn'],
      ['layers.1.bn.bias', [8], 120, 'bn'],
      ['layers.2.weight', [3, 8], 128, 'weight'],
      ['layers.2.bias', [3], 152, 'bias'],
    ]);
    expect(layout.size).toBe(155);
  });

  it('state_dict round trip: θ and buffers come back exactly; wrong shapes and unknown names are listed', () => {
    const layout = buildLayout(mlp(4, [8], 3, { batchNorm: true }));
    const theta = initTheta(layout, { weights: 'he-normal' }, 1);
    const buffers = initialBuffers(layout);
    buffers['layers.0.bn.running_mean'][2] = 0.5;
    const dict = toStateDict(layout, theta, buffers);
    expect(dict['layers.0.weight'].shape).toEqual([8, 4]);
    const back = fromStateDict(layout, dict);
    expect(back.theta).toEqual(theta);
    expect(back.buffers).toEqual(buffers);
    const bad = { ...dict, 'layers.0.weight': { shape: [4, 8], data: dict['layers.0.weight'].data }, extra: { shape: [1], data: [0] } };
    delete (bad as Record<string, unknown>)['layers.1.bias'];
    expect(() => fromStateDict(layout, bad)).toThrow(
      'the weights do not fit the model: layers.0.weight has shape [4, 8], the model needs [8, 4]; layers.1.bias is missing; extra is not a tensor of this model',
    );
  });
});

// Backpropagation as "error from above × input from below": for every weight, δ of the unit
// it feeds times the activation it reads, equal to the engine's gradient.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/index.js';
import { activations, buildLayout, initTheta, lossKinds, validateSpec, type MlpSpec } from '../../../engine/nn/index.js';
import { backpropPattern } from '../../../engine/lesson/index.js';

const sigma = (a: number) => 1 / (1 + Math.exp(-a));

describe('the lecture\'s two-layer network, by hand', () => {
  // 2 inputs → 2 logistic hidden units → 1 linear output, loss ½(ŷ − y)².
  const spec = validateSpec({ inputs: 2, hidden: [{ width: 2, activation: 'logistic', batchNorm: false }], outputs: 1, loss: 'mse', bias: true, residual: 0, weightDecay: 0 });
  const W1 = [
    [0.5, -0.3],
    [0.8, 0.2],
  ];
  const b1 = [0.1, -0.4];
  const W2 = [1.5, -2];
  const b2 = 0.3;
  const theta = Float64Array.from([...W1.flat(), ...b1, ...W2, b2]);
  const x = [1.2, -0.7];
  const y = 0.25;
  const pattern = backpropPattern(spec, theta, { x, target: [y] });

  const a = W1.map((row, j) => row[0] * x[0] + row[1] * x[1] + b1[j]);
  const z = a.map(sigma);
  const yHat = W2[0] * z[0] + W2[1] * z[1] + b2;
  const deltaOut = yHat - y;
  const deltaHidden = z.map((zj, j) => zj * (1 - zj) * W2[j] * deltaOut);
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));

  it('runs forward to the prediction and the loss', () => {
    pattern.layers[0].forEach((u, j) => {
      close(u.preActivation, a[j]);
      close(u.activation, z[j]);
      close(u.slope, z[j] * (1 - z[j]));
    });
    close(pattern.layers[1][0].activation, yHat);
    close(pattern.loss, 0.5 * deltaOut ** 2);
  });

  it('sends the error down: δ = ŷ − y on top, δⱼ = σ′(aⱼ)·wⱼ·δ below', () => {
    close(pattern.layers[1][0].delta, deltaOut);
    pattern.layers[0].forEach((u, j) => close(u.delta, deltaHidden[j]));
  });

  it('gives every weight δ from above times the input from below, with the lecture\'s formula', () => {
    const expected = [
      ...[0, 1].flatMap((j) => [0, 1].map((i) => [deltaHidden[j], x[i]])),
      ...[0, 1].map((j) => [deltaHidden[j], 1]),
      ...[0, 1].map((j) => [deltaOut, z[j]]),
      [deltaOut, 1],
    ];
    expect(pattern.weights).toHaveLength(9);
    pattern.weights.forEach((w, k) => {
      expect(w.index).toBe(k);
      close(w.errorFromAbove, expected[k][0]);
      close(w.inputFromBelow, expected[k][1]);
      close(w.gradient, expected[k][0] * expected[k][1]);
      close(w.engine, w.gradient);
    });
    expect(pattern.weights.map((w) => w.formula)).toEqual([
      '∂L/∂w⁽¹⁾₁,₁ = δ⁽¹⁾₁ · x₁',
      '∂L/∂w⁽¹⁾₁,₂ = δ⁽¹⁾₁ · x₂',
      '∂L/∂w⁽¹⁾₂,₁ = δ⁽¹⁾₂ · x₁',
      '∂L/∂w⁽¹⁾₂,₂ = δ⁽¹⁾₂ · x₂',
      '∂L/∂b⁽¹⁾₁ = δ⁽¹⁾₁',
      '∂L/∂b⁽¹⁾₂ = δ⁽¹⁾₂',
      '∂L/∂w⁽²⁾₁,₁ = δ⁽²⁾₁ · z⁽¹⁾₁',
      '∂L/∂w⁽²⁾₁,₂ = δ⁽²⁾₁ · z⁽¹⁾₂',
      '∂L/∂b⁽²⁾₁ = δ⁽²⁾₁',
    ]);
    expect(pattern.weights.map((w) => [w.name, w.layer, w.to, w.from])).toEqual([
      ['layers.0.weight', 0, 0, 0],
      ['layers.0.weight', 0, 0, 1],
      ['layers.0.weight', 0, 1, 0],
      ['layers.0.weight', 0, 1, 1],
      ['layers.0.bias', 0, 0, null],
      ['layers.0.bias', 0, 1, null],
      ['layers.1.weight', 1, 0, 0],
      ['layers.1.weight', 1, 0, 1],
      ['layers.1.bias', 1, 0, null],
    ]);
    expect(pattern.agrees).toBe(true);
  });
});

describe('the pattern equals the engine\'s gradient for every activation and loss', () => {
  for (const activation of activations) {
    for (const loss of lossKinds) {
      for (const [hidden, bias, weightDecay] of [
        [[3], true, 0],
        [[4, 3], false, 0.05],
      ] as [number[], boolean, number][]) {
        it(`${activation}, ${loss}, hidden ${hidden.join('–')}, bias ${bias ? 'on' : 'off'}, decay ${weightDecay}`, () => {
          const outputs = loss === 'bce' ? 1 : loss === 'mse' ? 2 : 3;
          const spec: MlpSpec = validateSpec({ inputs: 3, hidden: hidden.map((width) => ({ width, activation, batchNorm: false })), outputs, loss, bias, residual: 0, weightDecay });
          const layout = buildLayout(spec);
          const theta = initTheta(layout, { weights: 'xavier-normal', bias: 0.1 }, 4);
          const rng = createRng(3, `${activation} ${loss}`);
          const x = [rng.normal(), rng.normal(), rng.normal()];
          const target = loss === 'mse' ? [rng.normal(), rng.normal()] : loss === 'bce' ? [1] : [2];
          const pattern = backpropPattern(spec, theta, { x, target });
          const scale = Math.max(...pattern.weights.map((w) => Math.abs(w.engine)));
          expect(pattern.maxDifference).toBeLessThanOrEqual(1e-12 * scale);
          expect(pattern.agrees).toBe(true);
          expect(pattern.weights).toHaveLength(layout.size);
          if (weightDecay > 0) expect(pattern.weights.filter((w) => w.decay !== 0).every((w) => w.formula.endsWith(' + λ·w'))).toBe(true);
        });
      }
    }
  }
});

describe('what the pattern does not cover', () => {
  const plain = validateSpec({ inputs: 2, hidden: [{ width: 2, activation: 'tanh', batchNorm: false }], outputs: 1, loss: 'mse', bias: true, residual: 0, weightDecay: 0 });

  it('asks for a plain network and matching sizes', () => {
    const bn = { ...plain, hidden: [{ width: 2, activation: 'tanh' as const, batchNorm: true }] };
    expect(() => backpropPattern(bn, new Float64Array(buildLayout(bn).size), { x: [0, 0], target: [0] })).toThrow('batch norm');
    expect(() => backpropPattern(plain, new Float64Array(3), { x: [0, 0], target: [0] })).toThrow('θ has 3 values, the network 9');
    expect(() => backpropPattern(plain, new Float64Array(9), { x: [0], target: [0] })).toThrow('x has 1 values, the network 2 inputs');
  });
});

// Numerically careful ops: finite values and derivatives for inputs of ±1000.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';

const big = E.tensor([[1000, -1000, 0], [-1000, -1000, -1000]]);

function allFinite(x: E.Tensor) {
  expect([...x.data].every(Number.isFinite)).toBe(true);
}

describe('stability at ±1000', () => {
  it('logsumexp is the max plus a log of a sum of at most n, exactly', () => {
    const lse = E.logsumexp(big, -1);
    expect(lse.data[0]).toBe(1000);
    expect(lse.data[1]).toBeCloseTo(-1000 + Math.log(3), 12);
    allFinite(E.grad((x) => E.sum(E.logsumexp(x, -1)))(big));
  });

  it('softmax and logSoftmax are finite, normalized, and exact where they can be', () => {
    const p = E.softmax(big);
    expect([...p.data.slice(0, 3)]).toEqual([1, 0, 0]);
    // x − logsumexp(x) at −1000 loses the digits below 1000's ulp (1.1e-13), no more.
    for (const v of p.data.slice(3)) expect(v).toBeCloseTo(1 / 3, 12);
    const lp = E.logSoftmax(big);
    expect([...lp.data.slice(0, 3)]).toEqual([0, -2000, -1000]);
    allFinite(E.grad((x) => E.sum(E.mul(E.softmax(x), E.tensor([1, 2, 3]))))(big));
  });

  it('softmax cross-entropy from logits: loss, gradient softmax − y, and Hessian finite', () => {
    const y = E.tensor([[0, 1, 0], [1, 0, 0]]);
    const loss = E.softmaxCrossEntropy(big, y);
    // Sample 1: −log p₂ = 2000; sample 2: log 3.
    expect(loss.data[0]).toBeCloseTo((2000 + Math.log(3)) / 2, 10);
    const g = E.grad((u) => E.softmaxCrossEntropy(u, y))(big);
    const expected = [1, -1, 0, 1 / 3 - 1, 1 / 3, 1 / 3].map((v) => v / 2);
    g.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    allFinite(E.hessian((u) => E.softmaxCrossEntropy(E.reshape(u, [2, 3]), y))(E.reshape(big, [6])));
  });

  it('sigmoid and sigmoid cross-entropy saturate without NaN', () => {
    expect([...E.sigmoid(E.tensor([1000, -1000])).data]).toEqual([1, 0]);
    const z = E.tensor([1000, -1000, 1000, -1000]);
    const y = E.tensor([1, 0, 0, 1]);
    const loss = E.sigmoidCrossEntropy(z, y);
    expect(loss.data[0]).toBe(2000 / 4);
    const g = E.grad((u) => E.sigmoidCrossEntropy(u, y))(z);
    expect([...g.data]).toEqual([0, 0, 0.25, -0.25]);
    allFinite(E.hessian((u) => E.sigmoidCrossEntropy(u, y))(z));
  });

  it("ReLU's derivative at 0 is 0, as in the lecture", () => {
    const g = E.grad((x) => E.sum(E.relu(x)))(E.tensor([-1, 0, 2]));
    expect([...g.data]).toEqual([0, 0, 1]);
    expect([...E.jvp(E.relu, [E.tensor([0])], [E.tensor([1])])[1].data]).toEqual([0]);
  });
});

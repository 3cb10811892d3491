// Kernels against hand-computed values and straightforward reference loops.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';

describe('tensor kernels', () => {
  it('broadcasting follows numpy: [2, 1] + [3] → [2, 3]', () => {
    const c = E.add(E.tensor([[10], [20]]), E.tensor([1, 2, 3]));
    expect(c.shape).toEqual([2, 3]);
    expect([...c.data]).toEqual([11, 12, 13, 21, 22, 23]);
  });

  it('broadcasting walks rows of any rank: [2, 1, 3] · [4, 1] → [2, 4, 3]', () => {
    const a = E.tensor([1, 2, 3, 4, 5, 6], [2, 1, 3]);
    const b = E.tensor([1, 10, 100, 1000], [4, 1]);
    const c = E.mul(a, b);
    expect(c.shape).toEqual([2, 4, 3]);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 4; j++) for (let k = 0; k < 3; k++) {
      expect(c.data[(i * 4 + j) * 3 + k]).toBe(a.data[i * 3 + k] * b.data[j]);
    }
    expect([...E.sub(E.tensor([[1], [2]]), E.tensor([1, 2, 3])).data]).toEqual([0, -1, -2, 1, 0, -1]);
  });

  it('sumTo undoes broadcasting by summing the broadcast axes', () => {
    const x = E.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect([...E.sumTo(x, [3]).data]).toEqual([5, 7, 9]);
    expect([...E.sumTo(x, [2, 1]).data]).toEqual([6, 15]);
    expect([...E.sumTo(x, []).data]).toEqual([21]);
  });

  it('matmul equals the textbook triple loop on random matrices', () => {
    const rng = E.createRng(3, 'matmul');
    const [m, k, n] = [7, 5, 9];
    const a = E.fromData(Float64Array.from({ length: m * k }, () => rng.normal()), [m, k]);
    const b = E.fromData(Float64Array.from({ length: k * n }, () => rng.normal()), [k, n]);
    const c = E.matmul(a, b);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a.data[i * k + p] * b.data[p * n + j];
      expect(c.data[i * n + j]).toBeCloseTo(s, 13);
    }
  });

  it('matmul treats vectors as numpy does', () => {
    const A = E.tensor([[1, 2], [3, 4]]);
    expect(E.matmul(A, E.tensor([1, 1])).shape).toEqual([2]);
    expect([...E.matmul(E.tensor([1, 1]), A).data]).toEqual([4, 6]);
  });

  it('transpose permutes axes', () => {
    const x = E.tensor([0, 1, 2, 3, 4, 5], [1, 2, 3]);
    const t = E.transpose(x, [2, 0, 1]);
    expect(t.shape).toEqual([3, 1, 2]);
    expect([...t.data]).toEqual([0, 3, 1, 4, 2, 5]);
    expect([...E.transpose(E.tensor([[1, 2, 3], [4, 5, 6]])).data]).toEqual([1, 4, 2, 5, 3, 6]);
    expect([...E.transpose(E.tensor([[1, 2, 3], [4, 5, 6]]), [0, 1]).data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sum, mean and logsumexp over an axis remove it', () => {
    const x = E.tensor([[1, 2, 3], [4, 5, 6]]);
    expect([...E.sum(x, 0).data]).toEqual([5, 7, 9]);
    expect([...E.sum(x, -1).data]).toEqual([6, 15]);
    expect([...E.mean(x, 1).data]).toEqual([2, 5]);
    expect(E.sum(x).shape).toEqual([]);
    expect(E.logsumexp(x, 1).data[0]).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), 14);
  });

  it('slice and pad are each other’s adjoint', () => {
    const x = E.tensor([[1, 2, 3], [4, 5, 6]]);
    expect([...E.slice(x, 1, 3, 1).data]).toEqual([2, 3, 5, 6]);
    expect([...E.pad(E.tensor([7, 8]), 1, 4).data]).toEqual([0, 7, 8, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';

describe('errors say what went wrong', () => {
  it('a broadcasting mismatch names the op and both shapes', () => {
    expect(() => E.mul(E.zeros([2, 3]), E.zeros([4]))).toThrow(new E.ShapeError('mul: shapes [2, 3] and [4] cannot be broadcast together (axis 1: 3 vs 4)'));
  });

  it('a matmul mismatch names both shapes and the inner dimensions', () => {
    expect(() => E.matmul(E.zeros([2, 3]), E.zeros([4, 5]))).toThrow(/matmul: shapes \[2, 3\] and \[4, 5\] do not match \(inner dimensions 3 ≠ 4\)/);
  });

  it('grad of a non-scalar output says so', () => {
    expect(() => E.grad((x) => E.mul(x, 2))(E.zeros([3]))).toThrow(/grad: f must return a scalar \(shape \[\]\), but it returned shape \[3\]/);
  });

  it('reshape, transpose, slice and axes out of range are refused with the shapes', () => {
    expect(() => E.reshape(E.zeros([2, 3]), [4, 2])).toThrow(/reshape: cannot reshape \[2, 3\] to \[4, 2\]/);
    expect(() => E.transpose(E.zeros([2, 3]), [0, 0])).toThrow(/not a permutation/);
    expect(() => E.slice(E.zeros([5]), 3, 7)).toThrow(/slice: range 3:7 does not fit axis 0 of \[5\]/);
    expect(() => E.sum(E.zeros([2, 3]), 2)).toThrow(/sum: axis 2 is out of range for a tensor of rank 2/);
  });

  it('tensor() refuses values that do not fill the shape, and ragged rows', () => {
    expect(() => E.tensor([1, 2, 3], [2, 2])).toThrow(/3 values do not fill shape \[2, 2\]/);
    expect(() => E.tensor([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
  });

  it('jvp and vjp refuse tangents and cotangents of the wrong shape', () => {
    expect(() => E.jvp(E.exp, [E.zeros([2])], [E.zeros([3])])).toThrow(/tangent 0 has shape \[3\], its primal \[2\]/);
    expect(() => E.vjp(E.exp, [E.zeros([2])])[1](E.zeros([3]))).toThrow(/cotangent of shape \[3\] for an output of shape \[2\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { axpy, dot, norm, scale } from '../../../engine/linalg/index.js';

describe('vector helpers', () => {
  it('dot is xᵀy, and refuses vectors of different lengths', () => {
    expect(dot(Float64Array.of(1, 2, 3), Float64Array.of(4, -5, 6))).toBe(12);
    expect(dot(new Float64Array(0), new Float64Array(0))).toBe(0);
    expect(() => dot(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(ValueError);
  });

  it('norm is ‖x‖₂, accurate for entries near overflow or underflow, and propagates NaN and ∞', () => {
    expect(norm(Float64Array.of(3, 4))).toBe(5);
    expect(norm(new Float64Array(0))).toBe(0);
    expect(norm(Float64Array.of(3e200, 4e200))).toBeCloseTo(5e200, -186);
    expect(norm(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 14);
    expect(norm(Float64Array.of(3e-320, 4e-320)) / 5e-320).toBeCloseTo(1, 2);
    expect(norm(Float64Array.of(1, Number.NaN))).toBeNaN();
    expect(norm(Float64Array.of(1, -Infinity))).toBe(Infinity);
  });

  it('axpy adds αx to y in place and returns y; scale multiplies in place', () => {
    const y = Float64Array.of(1, 1, 1);
    expect(axpy(2, Float64Array.of(1, 2, 3), y)).toBe(y);
    expect(y).toEqual(Float64Array.of(3, 5, 7));
    expect(() => axpy(1, Float64Array.of(1), y)).toThrow(/axpy: vectors of different lengths \(1 and 3\)/);
    expect(scale(0.5, y)).toBe(y);
    expect(y).toEqual(Float64Array.of(1.5, 2.5, 3.5));
  });
});

// The ReLU's slope (a WebAssembly select) against its definition at the kink and at
// non-finite values: g where z > 0, else +0, whatever g holds.
import { describe, expect, it } from 'vitest';
import { multiplySlope } from '../../../../engine/nn/fast/activation.js';

describe('multiplySlope for ReLU', () => {
  it('keeps g where z > 0 and gives +0 elsewhere, at the kink, −0, NaN and ±∞ included (an odd length)', () => {
    const z = Float64Array.of(1, 0, -0, -1, NaN, Infinity, -Infinity, 2, 1e-300);
    const g = Float64Array.of(5, NaN, Infinity, -3, 7, -0, 2, -Infinity, 4);
    const want = Array.from(g, (v, k) => (z[k] > 0 ? v : 0));
    multiplySlope('relu', g, z, z, z.length);
    expect(Array.from(g).every((v, k) => Object.is(v, want[k]))).toBe(true);
  });

  it('touches only the first n entries', () => {
    const g = Float64Array.of(1, 2, 3);
    multiplySlope('relu', g, Float64Array.of(-1, -1, -1), new Float64Array(3), 2);
    expect(Array.from(g)).toEqual([0, 0, 3]);
  });
});

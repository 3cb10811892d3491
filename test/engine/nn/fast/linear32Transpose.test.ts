// linearInto32's weights, transposed and rounded to float32 in WebAssembly (engine/kernels/
// assembly/transpose.ts, by 16 × 16 tiles): the plain float32 loop's bits at any offset in θ,
// on shapes with whole and partial tiles.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../engine/index.js';
import { linearInto32 } from '../../../../engine/nn/fast/linear.js';

const f = Math.fround;

describe('linearInto32 with its weights transposed in WebAssembly', () => {
  it.each([
    [3, 16, 16],
    [2, 784, 256],
    [4, 33, 17],
    [1, 1, 40],
    [5, 40, 1],
  ])('%i rows, %i → %i, the weights at an odd offset: the float32 loop, bit for bit', (rows, inner, outs) => {
    const rng = createRng(7, `${rows}×${inner}×${outs}`);
    const a = Float64Array.from({ length: rows * inner }, () => rng.normal());
    const w = 5;
    const theta = Float64Array.from({ length: w + inner * outs + outs + 3 }, () => rng.normal());
    const b = w + inner * outs;
    const out = new Float64Array(rows * outs);
    linearInto32(out, a, rows, inner, theta, w, outs, theta, b);
    const want = new Float64Array(rows * outs);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < outs; o++) {
        let s = 0;
        for (let i = 0; i < inner; i++) s = f(s + f(f(a[r * inner + i]) * f(theta[w + o * inner + i])));
        want[r * outs + o] = f(s + f(theta[b + o]));
      }
    }
    expect(new BigUint64Array(out.buffer)).toEqual(new BigUint64Array(want.buffer));
  });
});

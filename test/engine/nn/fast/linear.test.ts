// The dense-layer kernels (WebAssembly) against plain loops that sum in the documented order
// — term by term from the first, the bias last; the weight gradient by chunks of 128 rows —
// bit for bit, over odd and even shapes, one chunk and several, with and without biases.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../engine/index.js';
import { accumulateLinearGradient, backpropInput, linearInto } from '../../../../engine/nn/fast/linear.js';

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [150, 3, 16],
  [150, 16, 3],
  [32, 64, 128],
  [300, 9, 11], // three chunks of the gradient
  [7, 9, 19], // pairs of rows and a last one alone; blocks of eight columns, a pair and one
];

function operands(rows: number, inner: number, outs: number) {
  const rng = createRng(11, `${rows}×${inner}×${outs}`);
  const randn = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  // θ-like buffers with the weights and biases at offsets, and some exact zeros in dz (skipped by backprop).
  const theta = randn(5 + inner * outs + outs);
  const dz = randn(rows * outs).map((v, k) => (k % 7 === 3 ? 0 : v));
  return { a: randn(rows * inner), theta, w: 5, b: 5 + inner * outs, dz, grad: randn(theta.length), da: randn(rows * inner) };
}

const same = (got: Float64Array, want: Float64Array) => expect(Array.from(got, (v, k) => Object.is(v, want[k])).every(Boolean)).toBe(true);

describe('dense-layer kernels give the bits of the plain loops', () => {
  for (const [rows, inner, outs] of SHAPES) {
    for (const bias of [true, false]) {
      it(`${rows} × ${inner} → ${outs}, bias ${bias ? 'on' : 'off'}`, () => {
        const { a, theta, w, b, dz, grad, da } = operands(rows, inner, outs);
        const bOffset = bias ? b : -1;

        const out = new Float64Array(rows * outs);
        linearInto(out, a, rows, inner, theta, w, outs, theta, bOffset);
        const wantOut = new Float64Array(rows * outs);
        for (let r = 0; r < rows; r++) {
          for (let o = 0; o < outs; o++) {
            let s = 0;
            for (let i = 0; i < inner; i++) s += a[r * inner + i] * theta[w + o * inner + i];
            wantOut[r * outs + o] = bias ? s + theta[b + o] : s;
          }
        }
        same(out, wantOut);

        const gotGrad = grad.slice();
        accumulateLinearGradient(gotGrad, w, bOffset, dz, a, rows, outs, inner);
        const wantGrad = grad.slice();
        for (let r0 = 0; r0 < rows; r0 += 128) {
          const r1 = Math.min(rows, r0 + 128);
          for (let o = 0; o < outs; o++) {
            for (let i = 0; i < inner; i++) {
              let s = 0;
              for (let r = r0; r < r1; r++) s += dz[r * outs + o] * a[r * inner + i];
              wantGrad[w + o * inner + i] += s;
            }
          }
          if (bias) for (let r = r0; r < r1; r++) for (let o = 0; o < outs; o++) wantGrad[b + o] += dz[r * outs + o];
        }
        same(gotGrad, wantGrad);

        const gotDa = da.slice();
        backpropInput(gotDa, dz, theta, w, rows, outs, inner);
        const wantDa = da.slice();
        for (let r = 0; r < rows; r++) {
          for (let o = 0; o < outs; o++) {
            const g = dz[r * outs + o];
            if (g !== 0) for (let i = 0; i < inner; i++) wantDa[r * inner + i] += g * theta[w + o * inner + i];
          }
        }
        same(gotDa, wantDa);
      });
    }
  }

  it('a product larger than any before grows the scratch, and the next small one still reads its own operands', () => {
    const big = operands(400, 64, 64);
    const out = new Float64Array(400 * 64);
    linearInto(out, big.a, 400, 64, big.theta, big.w, 64, big.theta, big.b);
    const small = operands(2, 3, 2);
    const tiny = new Float64Array(4);
    linearInto(tiny, small.a, 2, 3, small.theta, small.w, 2, small.theta, -1);
    expect(tiny[3]).toBe(small.a[3] * small.theta[small.w + 3] + small.a[4] * small.theta[small.w + 4] + small.a[5] * small.theta[small.w + 5]);
  });
});

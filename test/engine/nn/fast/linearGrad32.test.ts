// The float32 backward products (WebAssembly, f32x4) two ways: bit for bit against plain
// float32 loops in the documented order (terms from the first, zeros of dz skipped, the weight
// gradient by chunks of 128 rows added to the float64 gradient, the bias's sums in float64),
// and against the float64 kernels to a tolerance that float32 rounding explains.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../engine/index.js';
import { accumulateLinearGradient, backpropInput } from '../../../../engine/nn/fast/linear.js';
import { accumulateLinearGradient32, backpropInput32 } from '../../../../engine/nn/fast/linearGrad32.js';

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [128, 64, 40], // blocks of 32 columns, then of 4
  [150, 33, 3], // a column block of 32 and a last one alone; two chunks of the gradient
  [300, 9, 70], // three chunks
  [20, 256, 256], // rows 1 KiB apart in float32 (the scratch pads them)
];

/**
 * Scaled error max|got − want| / max|want| allowed against float64: each product sums at most
 * 256 float32 terms here (float32's unit roundoff 6e-8, so ~1.5e-5 of Σ|terms| at the very
 * worst, ~1e-6 for random signs); measured ≤ 3e-7 on these shapes.
 */
const TOLERANCE = 1e-5;

function operands(rows: number, inner: number, outs: number) {
  const rng = createRng(5, `${rows}×${inner}×${outs}`);
  const randn = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  // dz zero where a ReLU would be off (about half), as the kernels' skipping assumes.
  const dz = randn(rows * outs).map((v) => (v < 0 ? 0 : v));
  const theta = randn(3 + inner * outs + outs);
  return { a: randn(rows * inner), dz, theta, w: 3, b: 3 + inner * outs, grad: randn(theta.length), da: randn(rows * inner) };
}

const f = Math.fround;
const same = (got: Float64Array, want: Float64Array) => expect(Array.from(got, (v, k) => Object.is(v, want[k])).every(Boolean)).toBe(true);

function scaledError(got: Float64Array, want: Float64Array, from: Float64Array): number {
  let err = 0;
  let scale = 0;
  for (let k = 0; k < got.length; k++) {
    err = Math.max(err, Math.abs(got[k] - from[k] - (want[k] - from[k])));
    scale = Math.max(scale, Math.abs(want[k] - from[k]));
  }
  return err / scale;
}

describe('float32 backward products', () => {
  for (const [rows, inner, outs] of SHAPES) {
    for (const bias of [true, false]) {
      it(`${rows} × ${inner} → ${outs}, bias ${bias ? 'on' : 'off'}: the float32 loops' bits, float64's to ${TOLERANCE}`, () => {
        const { a, dz, theta, w, b, grad, da } = operands(rows, inner, outs);
        const bOffset = bias ? b : -1;

        const gotGrad = grad.slice();
        accumulateLinearGradient32(gotGrad, w, bOffset, dz, a, rows, outs, inner);
        const wantGrad = grad.slice();
        for (let r0 = 0; r0 < rows; r0 += 128) {
          const r1 = Math.min(rows, r0 + 128);
          for (let o = 0; o < outs; o++) {
            for (let i = 0; i < inner; i++) {
              let s = 0;
              for (let r = r0; r < r1; r++) if (dz[r * outs + o] !== 0) s = f(s + f(f(dz[r * outs + o]) * f(a[r * inner + i])));
              wantGrad[w + o * inner + i] += s;
            }
            if (bias) {
              let s = 0;
              for (let r = r0; r < r1; r++) s += dz[r * outs + o];
              wantGrad[b + o] += s;
            }
          }
        }
        same(gotGrad, wantGrad);
        const grad64 = grad.slice();
        accumulateLinearGradient(grad64, w, bOffset, dz, a, rows, outs, inner);
        expect(scaledError(gotGrad, grad64, grad)).toBeLessThanOrEqual(TOLERANCE);

        const gotDa = da.slice();
        backpropInput32(gotDa, dz, theta, w, rows, outs, inner);
        const wantDa = da.slice();
        for (let r = 0; r < rows; r++) {
          for (let i = 0; i < inner; i++) {
            let s = 0;
            for (let o = 0; o < outs; o++) if (dz[r * outs + o] !== 0) s = f(s + f(f(dz[r * outs + o]) * f(theta[w + o * inner + i])));
            wantDa[r * inner + i] += s;
          }
        }
        same(gotDa, wantDa);
        const da64 = da.slice();
        backpropInput(da64, dz, theta, w, rows, outs, inner);
        expect(scaledError(gotDa, da64, da)).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});

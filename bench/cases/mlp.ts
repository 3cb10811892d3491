// value-and-grad throughput of a small MLP loss, the lecture's Iris shape:
//   L(W1, W2) = −mean_i Σ_j Y_ij · log softmax(U)_ij,  U = sigmoid(X·W1ᵀ)·W2ᵀ
// X [150,3], W1 [16,3], W2 [3,16] (PyTorch [out, in] layout), one-hot Y [150,3], no biases.
// One call = the loss and both weight gradients. Losscape: the loss written with the
// engine's primitives, differentiated by vjp (one reverse pass for both weights). tfjs:
// tf.valueAndGrads of the same expression in tf.tidy. numpy: hand-written backprop.
import type { Tensor as TfTensor } from '@tensorflow/tfjs-core';
import { fromData, logSoftmax, matmul, mean, mul, neg, sigmoid, sum, transpose, vjp, type Tensor } from '../../engine/index.js';
import { consume, nd, normal, rng } from '../data.js';
import type { Case, Outputs } from '../types.js';

const N = 150;
const D = 3;
const H = 16;
const C = 3;

const X = normal(N * D, 11);
const W1 = normal(H * D, 12, 1 / Math.sqrt(D));
const W2 = normal(C * H, 13, 1 / Math.sqrt(H));
const Y = new Float64Array(N * C);
{
  const u = rng(14);
  for (let i = 0; i < N; i++) Y[i * C + Math.floor(u() * C)] = 1;
}

/** Plain float64 forward pass and closed-form backprop (independent of the engine). */
function reference(): Outputs {
  const Z = new Float64Array(N * H);
  const U = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    for (let h = 0; h < H; h++) {
      let a = 0;
      for (let d = 0; d < D; d++) a += X[i * D + d] * W1[h * D + d];
      Z[i * H + h] = 1 / (1 + Math.exp(-a));
    }
    for (let c = 0; c < C; c++) {
      let u = 0;
      for (let h = 0; h < H; h++) u += Z[i * H + h] * W2[c * H + h];
      U[i * C + c] = u;
    }
  }
  let loss = 0;
  const dU = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    let mx = -Infinity;
    for (let c = 0; c < C; c++) mx = Math.max(mx, U[i * C + c]);
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(U[i * C + c] - mx);
    const lse = mx + Math.log(s);
    for (let c = 0; c < C; c++) {
      const y = Y[i * C + c];
      loss -= (y * (U[i * C + c] - lse)) / N;
      dU[i * C + c] = (Math.exp(U[i * C + c] - lse) - y) / N;
    }
  }
  const dW2 = new Float64Array(C * H);
  const dW1 = new Float64Array(H * D);
  for (let i = 0; i < N; i++) {
    for (let h = 0; h < H; h++) {
      const z = Z[i * H + h];
      let dz = 0;
      for (let c = 0; c < C; c++) {
        dW2[c * H + h] += dU[i * C + c] * z;
        dz += dU[i * C + c] * W2[c * H + h];
      }
      const da = dz * z * (1 - z);
      for (let d = 0; d < D; d++) dW1[h * D + d] += da * X[i * D + d];
    }
  }
  return { loss: [loss], dW1, dW2 };
}

export const mlpCase: Case = {
  id: 'mlp-value-and-grad',
  title: 'MLP value+grad, X[150,3]→16 sigmoid→3 softmax CE',
  unit: 'calls/s',
  figure: (s) => 1 / s,
  reference,
  losscape() {
    const x = fromData(X, [N, D]);
    const y = fromData(Y, [N, C]);
    const w1 = fromData(W1, [H, D]);
    const w2 = fromData(W2, [C, H]);
    const one = fromData(Float64Array.of(1), []);
    const loss = (a: Tensor, b: Tensor): Tensor => {
      const z = sigmoid(matmul(x, transpose(a)));
      const u = matmul(z, transpose(b));
      return neg(mean(sum(mul(y, logSoftmax(u, -1)), -1)));
    };
    const call = (): [Tensor, Tensor[]] => {
      const [value, pullback] = vjp(loss, [w1, w2]);
      return [value, pullback(one)];
    };
    return {
      run: () => consume(call()),
      outputs: () => {
        const [value, [g1, g2]] = call();
        return { loss: value.data, dW1: g1.data, dW2: g2.data };
      },
    };
  },
  tfjs(tf) {
    const x = tf.tensor2d(Float32Array.from(X), [N, D]);
    const y = tf.tensor2d(Float32Array.from(Y), [N, C]);
    const w1 = tf.tensor2d(Float32Array.from(W1), [H, D]);
    const w2 = tf.tensor2d(Float32Array.from(W2), [C, H]);
    const loss = (...[a, b]: TfTensor[]): TfTensor => {
      const z = tf.sigmoid(tf.matMul(x, a, false, true));
      const u = tf.matMul(z, b, false, true);
      return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(u, -1)), -1)));
    };
    const vg = tf.valueAndGrads(loss);
    return {
      run: () => tf.tidy(() => void vg([w1, w2])),
      outputs: () => {
        const { value, grads } = vg([w1, w2]);
        const out = { loss: value.dataSync(), dW1: grads[0].dataSync(), dW2: grads[1].dataSync() };
        tf.dispose([value, ...grads]);
        return out;
      },
      dispose: () => tf.dispose([x, y, w1, w2]),
    };
  },
  numpy: {
    kind: 'mlp-value-and-grad',
    inputs: { X: nd([N, D], X), Y: nd([N, C], Y), W1: nd([H, D], W1), W2: nd([C, H], W2) },
  },
};

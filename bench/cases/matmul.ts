// matmul throughput: GFLOP/s = 2·m·k·n / seconds per call. Losscape and numpy in float64,
// tfjs in float32. The tiny 150×3·3×16 product (the Iris MLP's first layer) measures
// per-call overhead more than arithmetic.
import { fromData, matmul } from '../../engine/index.js';
import { consume, nd, uniform } from '../data.js';
import type { Case, Outputs } from '../types.js';

function matmulCase(m: number, k: number, n: number, seed: number): Case {
  const A = uniform(m * k, seed);
  const B = uniform(k * n, seed + 1);
  const flops = 2 * m * k * n;
  const id = `matmul-${m}x${k}x${n}`;
  return {
    id,
    title: `matmul [${m},${k}]·[${k},${n}]`,
    unit: 'GFLOP/s',
    figure: (s) => flops / s / 1e9,
    reference(): Outputs {
      const C = new Float64Array(m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let p = 0; p < k; p++) acc += A[i * k + p] * B[p * n + j];
          C[i * n + j] = acc;
        }
      }
      return { C };
    },
    losscape() {
      const a = fromData(A, [m, k]);
      const b = fromData(B, [k, n]);
      return {
        run: () => consume(matmul(a, b)),
        outputs: () => ({ C: matmul(a, b).data }),
      };
    },
    tfjs(tf) {
      const a = tf.tensor2d(Float32Array.from(A), [m, k]);
      const b = tf.tensor2d(Float32Array.from(B), [k, n]);
      return {
        run: () => tf.matMul(a, b).dispose(),
        outputs: () => {
          const c = tf.matMul(a, b);
          const C = c.dataSync();
          c.dispose();
          return { C };
        },
        dispose: () => {
          a.dispose();
          b.dispose();
        },
      };
    },
    numpy: { kind: 'matmul', inputs: { A: nd([m, k], A), B: nd([k, n], B) } },
  };
}

export const matmulCases: Case[] = [
  matmulCase(64, 64, 64, 101),
  matmulCase(256, 256, 256, 201),
  matmulCase(150, 3, 16, 301),
];

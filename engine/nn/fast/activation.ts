// The hidden activations as in-place loops over Float64Arrays, for the tape-free
// evaluators; each must equal engine/nn/activations.ts (tests compare them).
import { ELU_ALPHA, LEAKY_SLOPE, type Activation } from '../nn/index.js';

const GELU_C = Math.sqrt(2 / Math.PI);

/** Applies an activation to a[0 … n) in place. */
export function activateInPlace(kind: Activation, a: Float64Array, n: number): void {
  switch (kind) {
    case 'logistic':
      for (let i = 0; i < n; i++) {
        const v = a[i];
        if (v >= 0) a[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          a[i] = e / (1 + e);
        }
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(a[i]);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = a[i];
        a[i] = v > 0 ? v : 0;
      }
      return;
    case 'leaky-relu':
      for (let i = 0; i < n; i++) if (a[i] < 0) a[i] *= LEAKY_SLOPE;
      return;
    case 'elu':
      for (let i = 0; i < n; i++) if (a[i] < 0) a[i] = ELU_ALPHA * (Math.exp(a[i]) - 1);
      return;
    case 'gelu':
      for (let i = 0; i < n; i++) {
        const v = a[i];
        a[i] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) {
        const v = a[i];
        a[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
      return;
    case 'identity':
      return;
  }
}

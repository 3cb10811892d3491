// The hidden activations and their slopes as loops over Float64Arrays, for the tape-free
// kernels; each must equal engine/nn/activations.ts and its autodiff derivative (tests compare).
import { ELU_ALPHA, LEAKY_SLOPE } from '../activations.js';
import type { Activation } from '../spec.js';
import { placeOperands } from '../../kernels/scratch.js';
import { exp } from './exp.js';

const GELU_C = Math.sqrt(2 / Math.PI);

/** to[i] = φ(from[i]) for i < n (from and to may be the same array). */
export function activateInto(kind: Activation, from: Float64Array, to: Float64Array, n: number): void {
  switch (kind) {
    case 'logistic':
      for (let i = 0; i < n; i++) {
        const v = from[i];
        if (v >= 0) to[i] = 1 / (1 + exp(-v));
        else {
          const e = exp(v);
          to[i] = e / (1 + e);
        }
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) to[i] = Math.tanh(from[i]);
      return;
    case 'relu':
      // Math.max compiles to a branch-free maximum; half the units are off, so a branch mispredicts.
      for (let i = 0; i < n; i++) to[i] = Math.max(from[i], 0);
      return;
    case 'leaky-relu':
      for (let i = 0; i < n; i++) {
        const v = from[i];
        to[i] = v < 0 ? v * LEAKY_SLOPE : v;
      }
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const v = from[i];
        to[i] = v < 0 ? ELU_ALPHA * (Math.exp(v) - 1) : v;
      }
      return;
    case 'gelu':
      for (let i = 0; i < n; i++) {
        const v = from[i];
        to[i] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) {
        const v = from[i];
        to[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
      return;
    case 'identity':
      if (from !== to) to.set(from.subarray(0, n));
      return;
  }
}

/**
 * g[i] *= φ′(z[i]) in place, from the pre-activation z and the activation a = φ(z), with the
 * autodiff path's convention at kinks: the slope at 0 is 0 for ReLU, leaky ReLU and ELU.
 */
export function multiplySlope(kind: Activation, g: Float64Array, z: Float64Array, a: Float64Array, n: number): void {
  switch (kind) {
    case 'logistic':
      for (let i = 0; i < n; i++) g[i] *= a[i] * (1 - a[i]);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) g[i] *= 1 - a[i] * a[i];
      return;
    case 'relu': {
      // A branch per unit mispredicts on half of them; the kernel selects without one (7× here).
      const { wasm, data, at, offsets: [pg, pz] } = placeOperands([n, n]);
      data.set(g.subarray(0, n), pg);
      data.set(z.subarray(0, n), pz);
      wasm.reluSlope(at + 8 * pg, at + 8 * pz, n);
      g.set(data.subarray(pg, pg + n));
      return;
    }
    case 'leaky-relu':
      for (let i = 0; i < n; i++) g[i] *= z[i] > 0 ? 1 : z[i] < 0 ? LEAKY_SLOPE : 0;
      return;
    case 'elu':
      for (let i = 0; i < n; i++) g[i] *= z[i] > 0 ? 1 : z[i] < 0 ? a[i] + ELU_ALPHA : 0;
      return;
    case 'gelu':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        const t = Math.tanh(GELU_C * (v + 0.044715 * v * v * v));
        g[i] *= 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * v * v);
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        g[i] *= v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      }
      return;
    case 'identity':
      return;
  }
}

/**
 * The tangent of g·φ′(z) for the R-operator: ġ[i] ← ġ[i]·φ′(z[i]) + g[i]·φ″(z[i])·ż[i], with g
 * still ∂L/∂a (call before multiplySlope(g)). φ″ = 0 for the piecewise-linear kinds; ELU's
 * φ″ = α·e^z = a + α for z < 0, and 0 at the kink like its slope.
 */
export function multiplySlopeTangent(kind: Activation, dg: Float64Array, g: Float64Array, z: Float64Array, a: Float64Array, dz: Float64Array, n: number): void {
  multiplySlope(kind, dg, z, a, n);
  switch (kind) {
    case 'logistic':
      for (let i = 0; i < n; i++) dg[i] += g[i] * a[i] * (1 - a[i]) * (1 - 2 * a[i]) * dz[i];
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) dg[i] += g[i] * -2 * a[i] * (1 - a[i] * a[i]) * dz[i];
      return;
    case 'elu':
      for (let i = 0; i < n; i++) if (z[i] < 0) dg[i] += g[i] * (a[i] + ELU_ALPHA) * dz[i];
      return;
    case 'gelu':
      // u = c(v + k·v³), t = tanh u: φ″ = (1 − t²)·(u′ − v·t·u′² + 3ck·v²), u′ = c(1 + 3k·v²).
      for (let i = 0; i < n; i++) {
        const v = z[i];
        const t = Math.tanh(GELU_C * (v + 0.044715 * v * v * v));
        const du = GELU_C * (1 + 3 * 0.044715 * v * v);
        dg[i] += g[i] * (1 - t * t) * (du - v * t * du * du + 3 * GELU_C * 0.044715 * v * v) * dz[i];
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        const s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
        dg[i] += g[i] * s * (1 - s) * dz[i];
      }
      return;
    case 'relu':
    case 'leaky-relu':
    case 'identity':
      return;
  }
}

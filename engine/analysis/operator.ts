// A symmetric linear operator v ↦ A·v on R^P: the Hessian at a point (one exact HVP per
// application) or a dense matrix. Lanczos, Hutchinson and spectral densities need nothing else.
import { ValueError } from '../errors.js';
import type { LossFunction } from './lossFunction.js';

/** v ↦ A·v for a symmetric P×P matrix A that may never be formed. */
export interface SymmetricOperator {
  /** P. */
  readonly size: number;
  /** A·v: a new array of length P; `v` is not modified. */
  apply(v: Float64Array): Float64Array;
}

/** The Hessian H(θ) of `loss` at θ as an operator: each application is one exact HVP. */
export function hessianAt(loss: LossFunction, theta: Float64Array): SymmetricOperator {
  if (theta.length !== loss.size) throw new ValueError(`θ has length ${theta.length}, the loss takes P = ${loss.size}.`);
  const at = Float64Array.from(theta); // later changes to the caller's θ do not move the point
  return { size: loss.size, apply: (v) => loss.hvp(at, v) };
}

/** The symmetric n×n row-major matrix `a` as an operator (A·v by rows). */
export function matrixOperator(a: Float64Array, n: number): SymmetricOperator {
  if (a.length !== n * n) throw new ValueError(`a ${n}×${n} matrix needs ${n * n} entries (got ${a.length}).`);
  return {
    size: n,
    apply: (v) => {
      if (v.length !== n) throw new ValueError(`the vector has length ${v.length}, the matrix is ${n}×${n}.`);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) s += a[row + j] * v[j];
        out[i] = s;
      }
      return out;
    },
  };
}

/** Wraps an operator so that every application is counted (and reported, for progress bars). */
export function countingOperator(op: SymmetricOperator, onApply?: (count: number) => void): SymmetricOperator & { readonly count: number } {
  let count = 0;
  return {
    size: op.size,
    get count() {
      return count;
    },
    apply(v) {
      const out = op.apply(v);
      count++;
      onApply?.(count);
      return out;
    },
  };
}

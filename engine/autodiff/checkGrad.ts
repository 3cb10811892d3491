import { sizeOf } from '../tensor/shape.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { jacrev, type Fn } from './transforms.js';

export interface CheckGradOptions {
  /** Relative step of the central differences (scaled by max(1, |xᵢ|)); default 1e-6. */
  step?: number;
}

export interface CheckGradResult {
  /** Largest |autodiff − finite difference| over all Jacobian entries. */
  maxAbsError: number;
  /** maxAbsError divided by the largest Jacobian entry in magnitude (0 when both are 0). */
  relError: number;
}

/**
 * Compares the reverse-mode Jacobian of f at x with central differences
 * (f(x + heᵢ) − f(x − heᵢ)) / 2h, as scipy.optimize.check_grad and torch's gradcheck do.
 */
export function checkGrad(f: Fn, x: Tensor, opts: CheckGradOptions = {}): CheckGradResult {
  const step = opts.step ?? 1e-6;
  const exact = jacrev(f)(x).data;
  const n = sizeOf(x.shape);
  const m = exact.length / Math.max(n, 1);
  let maxAbsError = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const h = step * Math.max(1, Math.abs(x.data[i]));
    const shifted = (delta: number) => {
      const data = x.data.slice();
      data[i] += delta;
      return f(fromData(data, x.shape)).data;
    };
    const plus = shifted(h);
    const minus = shifted(-h);
    for (let o = 0; o < m; o++) {
      const numeric = (plus[o] - minus[o]) / (2 * h);
      const analytic = exact[o * n + i];
      maxAbsError = Math.max(maxAbsError, Math.abs(analytic - numeric));
      scale = Math.max(scale, Math.abs(analytic), Math.abs(numeric));
    }
  }
  return { maxAbsError, relError: scale === 0 ? 0 : maxAbsError / scale };
}

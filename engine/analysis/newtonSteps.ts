// Damped Newton-type steps at a point θ with gradient g and Hessian H, each with the decrease
// of its merit function that the local model predicts (for the trust test ρ = actual/predicted):
// - Levenberg–Marquardt on g(θ) = 0, merit ½‖g‖²: (H² + μI)·δ = −H·g, by the dense
//   eigen-decomposition H = VΛVᵀ or matrix-free by conjugate gradients;
// - saddle-free Newton (Dauphin et al. 2014), merit L: δ = −(|H| + μI)⁻¹·g, which descends
//   along negative curvature instead of being attracted to saddles.
import { eigh, norm } from '../linalg/index.js';
import { conjugateGradient } from './conjugateGradient.js';
import { fullHessian } from './fullHessian.js';
import type { SymmetricOperator } from './operator.js';

/** A damped step δ(μ) and the merit decrease its model predicts. */
export interface DampedStep {
  delta: Float64Array;
  predicted: number;
}

/** The local model at one point: steps for any damping μ, in units of `scale`. */
export interface LocalModel {
  /** μ is measured against this: max λ² (LM) or max |λ| (saddle-free). */
  scale: number;
  step(mu: number): DampedStep;
  /** HVPs spent so far (building the model and solving). */
  readonly hvps: number;
  /**
   * Dense models: Newton's decrement ½·gᵀ|H|⁺g, the change of L a full (undamped, saddle-free)
   * Newton step would still make; eigenvalues below H's rounding (P·ε·max|λ|) count as zero.
   */
  readonly decrement?: number;
}

/** g in H's eigenbasis, c = Vᵀg, and the map back, δ = V·d. */
function eigenbasis(op: SymmetricOperator, g: Float64Array): { values: Float64Array; c: Float64Array; back: (d: Float64Array) => Float64Array } {
  const n = op.size;
  const { matrix } = fullHessian(op);
  const { values, vectors } = eigh(matrix, n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const row = i * n;
    for (let j = 0; j < n; j++) c[j] += vectors[row + j] * gi;
  }
  const back = (d: Float64Array) => {
    const delta = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += vectors[row + j] * d[j];
      delta[i] = s;
    }
    return delta;
  };
  return { values, c, back };
}

function maxAbs(values: Float64Array): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

/** ½·Σ cᵢ²/|λᵢ| over the eigenvalues above H's rounding level. */
function newtonDecrement(values: Float64Array, c: Float64Array): number {
  const rounding = values.length * Number.EPSILON * maxAbs(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]) > rounding) sum += (c[i] * c[i]) / Math.abs(values[i]);
  return 0.5 * sum;
}

/**
 * Levenberg–Marquardt with the dense Hessian (P HVPs, one eigh): in the eigenbasis the step is
 * dᵢ = −λᵢcᵢ/(λᵢ² + μ) and the residual g + Hδ has components cᵢ·μ/(λᵢ² + μ), so any μ costs O(P²).
 * Directions with λ = 0 (symmetries) get no step at all.
 */
export function denseLevenbergMarquardt(op: SymmetricOperator, g: Float64Array): LocalModel {
  const { values, c, back } = eigenbasis(op, g);
  const largest = maxAbs(values);
  return {
    scale: largest * largest,
    hvps: op.size,
    decrement: newtonDecrement(values, c),
    step(mu) {
      const d = new Float64Array(c.length);
      let before = 0;
      let after = 0;
      for (let i = 0; i < c.length; i++) {
        const l = values[i];
        const denominator = l * l + mu;
        d[i] = denominator > 0 ? (-l * c[i]) / denominator : 0;
        const r = denominator > 0 ? (c[i] * mu) / denominator : c[i];
        before += c[i] * c[i];
        after += r * r;
      }
      return { delta: back(d), predicted: 0.5 * (before - after) };
    },
  };
}

/**
 * Saddle-free Newton with the dense Hessian: dᵢ = −cᵢ/(|λᵢ| + μ); the predicted decrease of L is
 * that of the convex model gᵀδ + ½δᵀ|H|δ, Σ cᵢ²/(|λᵢ|+μ) − ½Σ |λᵢ|cᵢ²/(|λᵢ|+μ)².
 */
export function saddleFreeNewton(op: SymmetricOperator, g: Float64Array): LocalModel {
  const { values, c, back } = eigenbasis(op, g);
  return {
    scale: maxAbs(values),
    hvps: op.size,
    decrement: newtonDecrement(values, c),
    step(mu) {
      const d = new Float64Array(c.length);
      let predicted = 0;
      for (let i = 0; i < c.length; i++) {
        const a = Math.abs(values[i]) + mu;
        d[i] = -c[i] / a;
        predicted += (c[i] * c[i]) / a - (0.5 * Math.abs(values[i]) * c[i] * c[i]) / (a * a);
      }
      return { delta: back(d), predicted };
    },
  };
}

export interface MatrixFreeOptions {
  /** max |λ| of H, estimated beforehand (sets the scale of μ). */
  normEstimate: number;
  /** Relative residual asked of CG. */
  tolerance: number;
  /** Most CG iterations per solve (2 HVPs each). */
  maxIterations: number;
}

/**
 * Matrix-free Levenberg–Marquardt: (H² + μI)·δ = −H·g by conjugate gradients, two HVPs per
 * iteration, and one more for H·δ in the predicted decrease ½‖g‖² − ½‖g + Hδ‖².
 */
export function matrixFreeLevenbergMarquardt(op: SymmetricOperator, g: Float64Array, options: MatrixFreeOptions): LocalModel {
  let hvps = 0;
  const apply = (v: Float64Array) => {
    hvps++;
    return op.apply(v);
  };
  const hg = apply(g);
  const rhs = hg.map((x) => -x);
  const gg = norm(g) ** 2;
  return {
    scale: options.normEstimate * options.normEstimate,
    get hvps() {
      return hvps;
    },
    step(mu) {
      const { x: delta } = conjugateGradient((v) => {
        const hhv = apply(apply(v));
        for (let i = 0; i < v.length; i++) hhv[i] += mu * v[i];
        return hhv;
      }, rhs, { tolerance: options.tolerance, maxIterations: options.maxIterations });
      const hd = apply(delta);
      let after = 0;
      for (let i = 0; i < g.length; i++) after += (g[i] + hd[i]) ** 2;
      return { delta, predicted: 0.5 * (gg - after) };
    },
  };
}

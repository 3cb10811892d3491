// The Lanczos iteration with full reorthogonalization: an orthonormal basis Q of the Krylov
// space span{q₁, A·q₁, A²·q₁, …} in which A is tridiagonal, T = QᵀAQ. Ritz values (the
// eigenvalues of T) approximate A's extreme eigenvalues first; the first components of T's
// eigenvectors are the weights of Gauss quadrature (stochastic Lanczos quadrature).
import { ValueError } from '../errors.js';
import { axpy, dot, norm, orthogonalizeAgainst, scale } from '../linalg/index.js';
import { createRng } from '../random.js';
import type { SymmetricOperator } from './operator.js';
import { gaussian } from './probes.js';

export interface LanczosOptions {
  /** Most steps (size of the basis); clamped to P. */
  steps: number;
  /** The start vector q₁ (normalized here, not modified); default a seeded Gaussian vector. */
  start?: Float64Array;
  /** Seeds the start vector and the restart vectors (purpose 'lanczos'); default 0. */
  seed?: number;
  /**
   * When the Krylov space becomes invariant (β ≈ 0): 'stop' there — Gauss quadrature wants
   * exactly that — or 'restart' with a random vector orthogonal to the basis, so that
   * repeated eigenvalues and eigenvalues the start vector missed are found too. Default 'restart'.
   */
  onBreakdown?: 'stop' | 'restart';
  /** β ≤ breakdownTolerance·‖A‖ (estimated) counts as a breakdown; default 1e-10. */
  breakdownTolerance?: number;
  /** Called after each step; return true to stop (e.g. once the wanted Ritz pairs converged). */
  onStep?: (state: LanczosState) => boolean | void;
}

/** The iteration after m steps: T = tridiag(beta, alpha, beta) is m×m. */
export interface LanczosState {
  /** Steps done, m. */
  steps: number;
  /** T's diagonal α₁ … α_m. */
  alpha: Float64Array;
  /** T's off-diagonal β₁ … β_{m−1} (0 where the iteration restarted). */
  beta: Float64Array;
  /** ‖r_m‖, the coupling to the next basis vector: A·Q = Q·T + r_m·e_mᵀ. 0 when Q is invariant. */
  residualNorm: number;
  /** The orthonormal basis q₁ … q_m. */
  basis: readonly Float64Array[];
  /** max |α|, |β|, ‖A·q‖ seen: an estimate of ‖A‖ from below. */
  normEstimate: number;
  /** This step ended in a breakdown: Q spans an invariant subspace (the iteration restarts or stops). */
  breakdown: boolean;
  /** Index of the first basis vector since the last restart: T's last diagonal block starts here. */
  blockStart: number;
}

export interface LanczosResult extends LanczosState {
  /** Restarts after breakdowns. */
  restarts: number;
  /** Q spans an invariant subspace (every Ritz pair is exact): a breakdown with 'stop', or Q = R^P. */
  invariant: boolean;
  /** Operator applications (HVPs), = steps. */
  applications: number;
}

/**
 * Runs up to `options.steps` Lanczos steps on the symmetric operator `op`, reorthogonalizing
 * every new vector against the whole basis (two Gram–Schmidt passes), so that Q stays
 * orthonormal to rounding and no spurious copies of converged Ritz values appear.
 * One operator application per step; O(P·m²) extra work for the reorthogonalization.
 */
export function lanczos(op: SymmetricOperator, options: LanczosOptions): LanczosResult {
  const n = op.size;
  const maxSteps = Math.min(n, Math.floor(options.steps));
  if (!(maxSteps >= 1)) throw new ValueError(`Lanczos needs at least one step (got ${options.steps}).`);
  const breakdownTolerance = options.breakdownTolerance ?? 1e-10;
  const onBreakdown = options.onBreakdown ?? 'restart';
  const rng = createRng(options.seed ?? 0, 'lanczos');
  const first = options.start ? Float64Array.from(options.start) : gaussian(n, rng);
  if (first.length !== n) throw new ValueError(`the start vector has length ${first.length}, the operator P = ${n}.`);
  const firstNorm = norm(first);
  if (!(firstNorm > 0) || !Number.isFinite(firstNorm)) throw new ValueError('the Lanczos start vector must be finite and non-zero.');
  scale(1 / firstNorm, first);

  const alpha = new Float64Array(maxSteps);
  const beta = new Float64Array(Math.max(maxSteps - 1, 0));
  const basis: Float64Array[] = [first];
  let normEstimate = 0;
  let restarts = 0;
  let invariant = false;
  let residualNorm = 0;
  let m = 0;
  let blockStart = 0;
  while (true) {
    const q = basis[m];
    const w = op.apply(q);
    normEstimate = Math.max(normEstimate, norm(w));
    if (m > 0 && beta[m - 1] !== 0) axpy(-beta[m - 1], basis[m - 1], w);
    const a = dot(q, w);
    axpy(-a, q, w);
    orthogonalizeAgainst(w, basis);
    alpha[m] = a;
    m++;
    residualNorm = norm(w);
    if (!Number.isFinite(residualNorm) || !Number.isFinite(a)) {
      throw new ValueError('Lanczos met a non-finite Hessian-vector product: the loss is not finite or not smooth at this point.');
    }
    normEstimate = Math.max(normEstimate, Math.abs(a), residualNorm);
    const broke = residualNorm <= breakdownTolerance * normEstimate;
    // Q is invariant after a breakdown we stop at, or once it is square (T is then similar to A).
    if ((broke && onBreakdown === 'stop') || m === n) {
      residualNorm = 0;
      invariant = true;
    }
    const state: LanczosState = {
      steps: m,
      alpha: alpha.subarray(0, m),
      beta: beta.subarray(0, m - 1),
      residualNorm,
      basis,
      normEstimate,
      breakdown: broke || m === n,
      blockStart,
    };
    if (options.onStep?.(state) === true || invariant || m === maxSteps) break;
    if (broke) {
      // Invariant subspace: start again from a random vector orthogonal to all found so far.
      const r = gaussian(n, rng);
      const before = norm(r);
      const { second } = orthogonalizeAgainst(r, basis);
      if (second <= 1e-8 * before) {
        invariant = true;
        residualNorm = 0;
        break;
      }
      beta[m - 1] = 0;
      basis.push(scale(1 / second, r));
      restarts++;
      blockStart = m;
    } else {
      beta[m - 1] = residualNorm;
      basis.push(scale(1 / residualNorm, w));
    }
  }
  return {
    steps: m,
    alpha: alpha.slice(0, m),
    beta: beta.slice(0, m - 1),
    residualNorm,
    basis,
    normEstimate,
    breakdown: invariant,
    blockStart,
    restarts,
    invariant,
    applications: m,
  };
}

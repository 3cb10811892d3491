// PCA of an optimizer's path, as Li et al. do it: the principal directions of the snapshot
// differences θ_t − θ_final (centred, like sklearn's PCA), with explained-variance ratios.
import { ValueError } from '../errors.js';
import { eigh } from '../linalg/eigh.js';

export interface TrajectoryPca {
  /** Orthonormal principal directions in R^P, largest variance first. */
  directions: Float64Array[];
  /** Fraction of the snapshots' variance along each direction; they sum to at most 1. */
  explainedVarianceRatio: number[];
}

/**
 * The top `components` principal directions of the rows θ_t − θ_final. Computed from the
 * T×T Gram matrix of the centred rows (T snapshots ≪ P parameters), so the cost is
 * O(T²·P) and the P×P covariance is never formed.
 */
export function trajectoryPca(snapshots: readonly Float64Array[], final: Float64Array, components = 2): TrajectoryPca {
  const P = final.length;
  const rows = snapshots.filter((s) => s.some((v, i) => v !== final[i]));
  const T = rows.length;
  if (T < components) {
    throw new ValueError(`PCA of the path needs at least ${components} snapshots away from the final point, got ${T}; record snapshots more often`);
  }
  const mean = new Float64Array(P);
  for (const s of rows) for (let i = 0; i < P; i++) mean[i] += (s[i] - final[i]) / T;
  const centred = rows.map((s) => s.map((v, i) => v - final[i] - mean[i]));
  const gram = new Float64Array(T * T);
  for (let a = 0; a < T; a++) {
    for (let b = a; b < T; b++) {
      let dot = 0;
      for (let i = 0; i < P; i++) dot += centred[a][i] * centred[b][i];
      gram[a * T + b] = gram[b * T + a] = dot;
    }
  }
  const { values, vectors } = eigh(gram, T);
  let total = 0;
  for (let k = 0; k < T; k++) total += Math.max(values[k], 0);
  const directions: Float64Array[] = [];
  const explainedVarianceRatio: number[] = [];
  for (let c = 0; c < components; c++) {
    const k = T - 1 - c; // eigenvalues ascend
    const lambda = values[k];
    if (!(lambda > 0)) throw new ValueError(`the path spans fewer than ${components} dimensions: PCA direction ${c + 1} is undefined`);
    // Direction = Mcᵀ·u / √λ, a unit vector; its largest entry is made positive, for a stable sign.
    const d = new Float64Array(P);
    for (let t = 0; t < T; t++) {
      const u = vectors[t * T + k];
      for (let i = 0; i < P; i++) d[i] += centred[t][i] * u;
    }
    let largest = 0;
    for (let i = 0; i < P; i++) if (Math.abs(d[i]) > Math.abs(largest)) largest = d[i];
    const scale = Math.sign(largest) / Math.sqrt(lambda);
    for (let i = 0; i < P; i++) d[i] *= scale;
    directions.push(d);
    explainedVarianceRatio.push(lambda / total);
  }
  return { directions, explainedVarianceRatio };
}

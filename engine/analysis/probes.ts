// Random probe vectors for stochastic estimators (Hutchinson, SLQ, Lanczos starts), drawn
// from seeded streams so that the same seed gives the same estimate bit for bit.
import type { Rng } from '../random.js';

/** A Rademacher vector: entries ±1 with probability ½ each, so E[zzᵀ] = I and ‖z‖² = P. */
export function rademacher(size: number, rng: Rng): Float64Array {
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) z[i] = rng.uniform() < 0.5 ? -1 : 1;
  return z;
}

/** A standard normal vector of length `size`. */
export function gaussian(size: number, rng: Rng): Float64Array {
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) z[i] = rng.normal();
  return z;
}

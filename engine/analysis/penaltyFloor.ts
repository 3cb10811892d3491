// With weight decay λ the Hessian is H_data + λ·I on the weights, so a direction the data term
// does not curve (H_data·v = 0, e.g. shifting every softmax output unit's weights together when
// the outputs have no biases) has eigenvalue exactly λ: held by the penalty alone, not by the data.
// Such eigenvalues are reported apart from the others, as the near-zero ones are without decay.

/** Relative distance from λ within which an eigenvalue counts as the penalty's alone. */
export const PENALTY_FLOOR_TOLERANCE = 1e-6;

/** How many of `eigenvalues` equal the weight decay `lambda` to PENALTY_FLOOR_TOLERANCE relative (0 when λ = 0). */
export function penaltyFloorCount(eigenvalues: ArrayLike<number>, lambda: number): number {
  if (!(lambda > 0)) return 0;
  let count = 0;
  for (let i = 0; i < eigenvalues.length; i++) if (Math.abs(eigenvalues[i] - lambda) <= PENALTY_FLOOR_TOLERANCE * lambda) count++;
  return count;
}

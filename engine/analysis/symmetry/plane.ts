// The plane through three points of weight space, e.g. θ*, its symmetry image and a Bezier
// curve's control point, as Garipov et al. (2018, fig. 1) draw it: d1 = θ_b − θ_a puts θ_b at
// (α, β) = (1, 0); d2 is the part of θ_c − θ_a orthogonal to d1, scaled to ‖d1‖, so one unit
// of α and of β are the same distance and the picture is not sheared.
import { ValueError } from '../../errors.js';

/** A plane θ_a + α·d1 + β·d2 through θ_a (0, 0), θ_b (1, 0) and θ_c (alpha, beta). */
export interface PlaneThroughPoints {
  d1: Float64Array;
  d2: Float64Array;
  /** θ_c's coordinates in the plane (beta > 0). */
  third: { alpha: number; beta: number };
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/** The plane through θ_a, θ_b and θ_c (each in R^P), with orthogonal directions of equal norm. */
export function planeThroughPoints(thetaA: Float64Array, thetaB: Float64Array, thetaC: Float64Array): PlaneThroughPoints {
  if (thetaB.length !== thetaA.length || thetaC.length !== thetaA.length) {
    throw new ValueError(`the three points need the same number of parameters, got ${thetaA.length}, ${thetaB.length} and ${thetaC.length}`);
  }
  const d1 = thetaB.map((b, i) => b - thetaA[i]);
  const n1 = dot(d1, d1);
  if (!(n1 > 0)) throw new ValueError('the first two points are the same: they span no plane');
  const toC = thetaC.map((c, i) => c - thetaA[i]);
  const alpha = dot(toC, d1) / n1;
  const normal = toC.map((v, i) => v - alpha * d1[i]);
  const beta = Math.sqrt(dot(normal, normal) / n1);
  // Below this the third point lies on the line through the others, to rounding.
  if (!(beta > 1e-9 * Math.max(1, Math.abs(alpha)))) throw new ValueError('the third point lies on the line through the first two: the three span no plane');
  return { d1, d2: normal.map((v) => v / beta), third: { alpha, beta } };
}

/** α and β ranges that frame (0, 0), (1, 0) and the third point with a margin of `margin` × the larger extent. */
export function planeBounds(third: { alpha: number; beta: number }, margin = 0.3): { alpha: { min: number; max: number }; beta: { min: number; max: number } } {
  const [a0, a1] = [Math.min(0, third.alpha), Math.max(1, third.alpha)];
  const [b0, b1] = [Math.min(0, third.beta), Math.max(0, third.beta)];
  const m = margin * Math.max(a1 - a0, b1 - b0);
  return { alpha: { min: a0 - m, max: a1 + m }, beta: { min: b0 - m, max: b1 + m } };
}

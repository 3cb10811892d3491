// The nudged elastic band with a climbing image (Henkelman, Uberuaga & Jónsson 2000), as used
// between minima of neural networks by Draxler et al. 2018: a chain of images θ₀ … θ_{K+1}
// with fixed ends relaxes under the loss's force perpendicular to the path and springs along
// it; the highest image then climbs along the path to the saddle point (its force along the
// tangent is reversed). The band moves by FIRE (Bitzek et al. 2006), robust and parameter-light.
import { ValueError } from '../errors.js';
import { dot, norm } from '../linalg/index.js';
import type { LossFunction } from './lossFunction.js';

export interface ElasticBandOptions {
  /** Movable images between the two ends; default 8. */
  images?: number;
  /** Spring constant along the path; default 1. */
  spring?: number;
  /** Let the highest image climb to the saddle; default true. */
  climb?: boolean;
  /** The climbing image starts after this many iterations, or once the plain band has converged; default 50. */
  climbAfter?: number;
  /** Converged when every image's force has norm ≤ tolerance; default 1e-4. */
  tolerance?: number;
  /** Most iterations (each costs one gradient per image); default 1000. */
  maxIterations?: number;
  /** FIRE's first time step (its largest is 10×); default 0.1. */
  timeStep?: number;
  /** Longest move of the whole band in one iteration; default half the initial spacing of the images. */
  maxStep?: number;
  /** Called after every iteration with (iteration, largest force norm); may throw to cancel. */
  onIteration?: (iteration: number, maxForce: number) => void;
}

export interface ElasticBandResult {
  /** θ₀ (= start), the images, θ_{K+1} (= end). */
  path: Float64Array[];
  /** L at each point of the path. */
  losses: number[];
  /** Index into `path` of the highest image (the climbing image, once it climbs). */
  highest: number;
  /** Index of the climbing image, or null if it never climbed. */
  climbing: number | null;
  iterations: number;
  converged: boolean;
  /** The largest force norm over the images at the end. */
  maxForce: number;
  message: string;
}

/**
 * The unit tangent at image i, by the energy-weighted upwind rule that keeps the band from
 * kinking (Henkelman & Jónsson 2000).
 */
function tangent(prev: Float64Array, here: Float64Array, next: Float64Array, ePrev: number, eHere: number, eNext: number): Float64Array {
  const plus = next.map((x, k) => x - here[k]);
  const minus = here.map((x, k) => x - prev[k]);
  let t: Float64Array;
  if (eNext > eHere && eHere > ePrev) t = plus;
  else if (eNext < eHere && eHere < ePrev) t = minus;
  else {
    const big = Math.max(Math.abs(eNext - eHere), Math.abs(ePrev - eHere));
    const small = Math.min(Math.abs(eNext - eHere), Math.abs(ePrev - eHere));
    const [wPlus, wMinus] = eNext > ePrev ? [big, small] : [small, big];
    t = plus.map((p, k) => wPlus * p + wMinus * minus[k]);
    if (norm(t) === 0) t = plus.map((p, k) => p + minus[k]);
  }
  const length = norm(t);
  return length > 0 ? t.map((x) => x / length) : t;
}

/**
 * Relaxes a band of `images` points from the straight line between `start` and `end` (two
 * minima, say) to a minimum-energy path. Returns the path, its losses and its highest image,
 * a starting point for `findCriticalPoint`, which refines it into the saddle.
 */
export function nudgedElasticBand(loss: LossFunction, start: Float64Array, end: Float64Array, options: ElasticBandOptions = {}): ElasticBandResult {
  const images = options.images ?? 8;
  const spring = options.spring ?? 1;
  const climb = options.climb ?? true;
  const climbAfter = options.climbAfter ?? 50;
  const tolerance = options.tolerance ?? 1e-4;
  const maxIterations = options.maxIterations ?? 1000;
  if (!Number.isInteger(images) || images < 1) throw new ValueError(`the band needs at least one image (got ${images}).`);
  if (start.length !== loss.size || end.length !== loss.size) throw new ValueError(`both ends must have length P = ${loss.size}.`);
  const distance = norm(end.map((x, k) => x - start[k]));
  if (!(distance > 0)) throw new ValueError('the two ends of the band are the same point.');

  const n = loss.size;
  const path = Array.from({ length: images + 2 }, (_, i) =>
    i === images + 1 ? Float64Array.from(end) : start.map((a, k) => a + (i / (images + 1)) * (end[k] - a)),
  );
  const losses = path.map((p) => loss.value(p));
  const maxStep = options.maxStep ?? (0.5 * distance) / (images + 1);
  const velocity = Array.from({ length: images }, () => new Float64Array(n));
  // FIRE's constants (Bitzek et al. 2006, as in ASE).
  let dt = options.timeStep ?? 0.1;
  const dtMax = 10 * dt;
  let mixing = 0.1;
  let positiveSteps = 0;

  let climbing: number | null = null;
  let maxForce = Infinity;
  let iteration = 0;
  let converged = false;
  while (iteration < maxIterations) {
    const forces: Float64Array[] = [];
    maxForce = 0;
    for (let i = 1; i <= images; i++) {
      const { value, gradient } = loss.valueAndGradient(path[i]);
      if (!Number.isFinite(value)) throw new ValueError(`the loss is not finite at image ${i} of the band; start from points where it is.`);
      losses[i] = value;
      const t = tangent(path[i - 1], path[i], path[i + 1], losses[i - 1], value, losses[i + 1]);
      const along = dot(gradient, t);
      let f: Float64Array;
      if (i === climbing) {
        f = gradient.map((g, k) => -g + 2 * along * t[k]);
      } else {
        const stretch = spring * (norm(path[i + 1].map((x, k) => x - path[i][k])) - norm(path[i].map((x, k) => x - path[i - 1][k])));
        f = gradient.map((g, k) => -g + along * t[k] + stretch * t[k]);
      }
      forces.push(f);
      maxForce = Math.max(maxForce, norm(f));
    }
    options.onIteration?.(iteration, maxForce);
    if (maxForce <= tolerance && (climbing !== null || !climb)) {
      converged = true;
      break;
    }
    if (climb && climbing === null && (iteration >= climbAfter || maxForce <= tolerance)) {
      climbing = 1 + argmax(losses.slice(1, images + 1));
      velocity.forEach((v) => v.fill(0));
      continue;
    }
    iteration++;
    // FIRE: mix the velocity towards the force while the power F·v is positive; else stop.
    let power = 0;
    let vv = 0;
    let ff = 0;
    for (let i = 0; i < images; i++) {
      power += dot(forces[i], velocity[i]);
      vv += dot(velocity[i], velocity[i]);
      ff += dot(forces[i], forces[i]);
    }
    if (power > 0) {
      const ratio = ff > 0 ? Math.sqrt(vv / ff) : 0;
      for (let i = 0; i < images; i++) for (let k = 0; k < n; k++) velocity[i][k] = (1 - mixing) * velocity[i][k] + mixing * ratio * forces[i][k];
      if (positiveSteps > 5) {
        dt = Math.min(dt * 1.1, dtMax);
        mixing *= 0.99;
      }
      positiveSteps++;
    } else {
      velocity.forEach((v) => v.fill(0));
      dt *= 0.5;
      mixing = 0.1;
      positiveSteps = 0;
    }
    let moveSquared = 0;
    for (let i = 0; i < images; i++) {
      for (let k = 0; k < n; k++) {
        velocity[i][k] += dt * forces[i][k];
        moveSquared += (dt * velocity[i][k]) ** 2;
      }
    }
    const shrink = Math.min(1, maxStep / Math.sqrt(moveSquared));
    for (let i = 0; i < images; i++) for (let k = 0; k < n; k++) path[i + 1][k] += shrink * dt * velocity[i][k];
  }
  for (let i = 1; i <= images; i++) losses[i] = loss.value(path[i]);
  const highest = climbing ?? 1 + argmax(losses.slice(1, images + 1));
  const message = converged
    ? `converged: every image's force ≤ ${tolerance} after ${iteration} iterations; the highest image is ${highest} of ${images + 1}, L = ${losses[highest].toPrecision(6)}`
    : `not converged after ${maxIterations} iterations (largest force ${maxForce.toExponential(2)}, tolerance ${tolerance}); the highest image is still a fair start for the saddle search`;
  return { path, losses, highest, climbing, iterations: iteration, converged, maxForce, message };
}

function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

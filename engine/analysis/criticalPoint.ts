// Searching for a critical point ∇L(θ) = 0 near a starting θ. Levenberg–Marquardt minimizes
// ½‖∇L‖² (whose gradient is H·∇L, one HVP): Newton's method on ∇L = 0 when the damping μ is
// small, gradient descent on ½‖∇L‖² when it is large, so it converges to saddles, maxima and
// minima alike, quadratically once close. Saddle-free Newton descends L instead, to a minimum.
import { ValueError } from '../errors.js';
import { norm } from '../linalg/index.js';
import { extremeEigenpairs } from './extremeEigenpairs.js';
import { AUTO_DENSE_LIMIT, FULL_HESSIAN_LIMIT } from './fullHessian.js';
import type { LossFunction } from './lossFunction.js';
import { denseLevenbergMarquardt, matrixFreeLevenbergMarquardt, saddleFreeNewton, type LocalModel } from './newtonSteps.js';
import { hessianAt } from './operator.js';

/**
 * 'lm': Levenberg–Marquardt on ½‖∇L‖² with the dense Hessian (P HVPs + one eigh per iteration);
 * 'lm-cg': the same matrix-free, by conjugate gradients; 'saddle-free': saddle-free Newton on L
 * (dense), which ends at a minimum; 'auto': 'lm' up to AUTO_DENSE_LIMIT parameters, else 'lm-cg'.
 */
export type CriticalMethod = 'auto' | 'lm' | 'lm-cg' | 'saddle-free';

export const criticalMethods: readonly CriticalMethod[] = ['auto', 'lm', 'lm-cg', 'saddle-free'];

export interface CriticalSearchOptions {
  method?: CriticalMethod;
  /** Converged when ‖∇L‖ ≤ tolerance; default 1e-8. */
  tolerance?: number;
  /** Most iterations (Hessian evaluations); default 100. */
  maxIterations?: number;
  /** 'lm-cg': most CG iterations per solve; default 200. */
  cgIterations?: number;
  /** Called after every accepted step; may throw to cancel. */
  onIteration?: (record: CriticalIteration) => void;
}

export interface CriticalIteration {
  iteration: number;
  loss: number;
  gradientNorm: number;
  /** The damping of the accepted step, relative to the model's scale (max λ² or max |λ|). */
  damping: number;
  stepNorm: number;
}

export interface CriticalSearchResult {
  theta: Float64Array;
  converged: boolean;
  /** Why the search stopped, in words a user can act on. */
  message: string;
  method: Exclude<CriticalMethod, 'auto'>;
  iterations: number;
  loss: number;
  gradientNorm: number;
  tolerance: number;
  /** Exact HVPs and gradient evaluations spent. */
  hvps: number;
  gradients: number;
  /** The start (iteration 0) and every accepted step. */
  history: CriticalIteration[];
}

/** A point with a small gradient is stationary when a Newton step would change L by less than its rounding: decrement ≤ ε·max(1, |L|). */
const STATIONARY = Number.EPSILON;

/** Where the gradient fell below the tolerance while Newton's decrement said L could still fall. */
interface FlatSlope {
  iteration: number;
  gradientNorm: number;
  decrement: number;
}

/** Relative damping beyond which no step is acceptable any more: the search has stalled. */
const MAX_DAMPING = 1e16;

/** Chooses the concrete method for P parameters. */
function resolveMethod(method: CriticalMethod, size: number): Exclude<CriticalMethod, 'auto'> {
  if (!criticalMethods.includes(method)) throw new ValueError(`unknown method "${method}": use ${criticalMethods.join(', ')}.`);
  if (method === 'auto') return size <= AUTO_DENSE_LIMIT ? 'lm' : 'lm-cg';
  if ((method === 'saddle-free' || method === 'lm') && size > FULL_HESSIAN_LIMIT) {
    throw new ValueError(`${method} needs the full Hessian, too large for P = ${size} (limit ${FULL_HESSIAN_LIMIT}); use lm-cg.`);
  }
  return method;
}

/**
 * Looks for a point with ‖∇L(θ)‖ ≤ tolerance from `start`, with damped Newton-type steps whose
 * damping adapts by the ratio of actual to predicted decrease (Nielsen's rule). Stops with
 * `converged: false` and a message when the iterations run out, no step decreases the merit
 * function any more (e.g. a local minimum of ½‖∇L‖² that is not a critical point), or the loss
 * is not finite. `start` is not modified.
 */
export function findCriticalPoint(loss: LossFunction, start: Float64Array, options: CriticalSearchOptions = {}): CriticalSearchResult {
  const method = resolveMethod(options.method ?? 'auto', loss.size);
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  if (!(tolerance > 0)) throw new ValueError(`the tolerance must be > 0 (got ${tolerance}).`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new ValueError(`maxIterations must be a whole number ≥ 0 (got ${maxIterations}).`);

  let theta = Float64Array.from(start);
  let { value, gradient } = loss.valueAndGradient(theta);
  let gNorm = norm(gradient);
  if (!Number.isFinite(value) || !Number.isFinite(gNorm)) throw new ValueError('the loss or its gradient is not finite at the starting point.');
  const g0 = gNorm;
  let hvps = 0;
  let gradients = 1;
  const history: CriticalIteration[] = [{ iteration: 0, loss: value, gradientNorm: gNorm, damping: NaN, stepNorm: 0 }];
  // The merit function the steps decrease: ½‖∇L‖² (LM) or L itself (saddle-free).
  const merit = (v: number, gn: number) => (method === 'saddle-free' ? v : 0.5 * gn * gn);

  let normEstimate: number | undefined; // ‖H‖ at the start, the scale of the damping for 'lm-cg'
  const modelAt = (g: Float64Array): LocalModel => {
    const op = hessianAt(loss, theta);
    if (method === 'lm') return denseLevenbergMarquardt(op, g);
    if (method === 'saddle-free') return saddleFreeNewton(op, g);
    if (normEstimate === undefined) {
      const extremes = extremeEigenpairs(op, { top: 1, bottom: 1, maxSteps: 20, tolerance: 1e-3 });
      hvps += extremes.steps;
      normEstimate = Math.max(Math.abs(extremes.top[0].value), Math.abs(extremes.bottom[0].value));
    }
    const forcing = Math.max(1e-12, Math.min(0.1, gNorm / g0));
    return matrixFreeLevenbergMarquardt(op, g, { normEstimate, tolerance: forcing, maxIterations: options.cgIterations ?? 200 });
  };

  let damping = 1e-3; // μ relative to the model's scale
  let growth = 2;
  let iteration = 0;
  let message = '';
  let converged = false;
  // Where ‖∇L‖ first fell below the tolerance on a slope too flat to be a critical point.
  let flat: FlatSlope | null = null;
  let model: LocalModel | null = null; // the local model at θ, built once per point
  const discardModel = () => {
    if (model) hvps += model.hvps;
    model = null;
  };
  while (true) {
    if (gNorm <= tolerance) {
      // A small gradient is not enough: on the flat slopes of saturated units ‖∇L‖ is tiny
      // while a Newton step would still lower L (and lead further out). Dense models also
      // ask that Newton's decrement be at rounding level (Boyd & Vandenberghe §9.5.1).
      model = method === 'lm-cg' ? null : modelAt(gradient);
      const decrement = model?.decrement ?? 0;
      if (decrement <= STATIONARY * Math.max(1, Math.abs(value))) {
        converged = true;
        message = `converged: ‖∇L‖ = ${gNorm.toExponential(2)} ≤ ${tolerance} after ${iteration} iterations`;
        break;
      }
      flat ??= { iteration, gradientNorm: gNorm, decrement };
    }
    if (iteration >= maxIterations) {
      message = giveUpMessage(method, history, maxIterations, tolerance, flat);
      break;
    }
    iteration++;
    model ??= modelAt(gradient);
    const scaleOf = model.scale > 0 ? model.scale : 1;
    let accepted = false;
    while (!accepted && damping <= MAX_DAMPING) {
      const { delta, predicted } = model.step(damping * scaleOf);
      const trial = theta.map((t, i) => t + delta[i]);
      const next = loss.valueAndGradient(trial);
      gradients++;
      const nextNorm = norm(next.gradient);
      const actual = merit(value, gNorm) - merit(next.value, nextNorm);
      const rho = predicted > 0 && Number.isFinite(actual) && Number.isFinite(nextNorm) ? actual / predicted : -1;
      // Near a minimum the change of L drops below its rounding (saddle-free): then a step that
      // lowers ‖∇L‖ without raising L beyond rounding is taken too.
      const withinRounding = method === 'saddle-free' && Math.abs(actual) <= 1e-14 * Math.abs(value) && nextNorm < gNorm;
      if (rho > 1e-4 || withinRounding) {
        accepted = true;
        theta = trial;
        value = next.value;
        gradient = next.gradient;
        gNorm = nextNorm;
        discardModel();
        history.push({ iteration, loss: value, gradientNorm: gNorm, damping, stepNorm: norm(delta) });
        options.onIteration?.(history[history.length - 1]);
        damping = Math.max(1e-15, damping * (rho > 1e-4 ? Math.max(1 / 3, 1 - (2 * rho - 1) ** 3) : 1));
        growth = 2;
      } else {
        damping *= growth;
        growth *= 2;
      }
    }
    discardModel();
    if (!accepted) {
      message =
        method === 'saddle-free'
          ? `stalled: no step lowers the loss any more at ‖∇L‖ = ${gNorm.toExponential(2)} (above the tolerance ${tolerance}); the gradient may be too noisy to resolve, try a larger tolerance`
          : `stalled at ‖∇L‖ = ${gNorm.toExponential(2)} after ${iteration} iterations: no step reduces ‖∇L‖ any more, a local minimum of ½‖∇L‖² that is not a critical point; start from another point or use saddle-free to look for a minimum`;
      break;
    }
  }
  discardModel();
  return { theta, converged, message, method, iterations: iteration, loss: value, gradientNorm: gNorm, tolerance, hvps, gradients, history };
}

/** Why the iterations ran out, and what the path suggests. */
function giveUpMessage(method: string, history: CriticalIteration[], maxIterations: number, tolerance: number, flat: FlatSlope | null): string {
  const first = history[0];
  const last = history[history.length - 1];
  const slope = flat
    ? `; at iteration ${flat.iteration} ‖∇L‖ = ${flat.gradientNorm.toExponential(2)} was within the tolerance, but on a slope too flat to be a critical point (a Newton step would still lower L by ${flat.decrement.toExponential(2)})`
    : '';
  const base = `no critical point within ${maxIterations} iterations: ‖∇L‖ went from ${first.gradientNorm.toExponential(2)} to ${last.gradientNorm.toExponential(2)} (tolerance ${tolerance})${slope}`;
  if (method === 'saddle-free' && last.loss < first.loss) {
    return `${base} while the loss kept falling (${first.loss.toPrecision(6)} → ${last.loss.toPrecision(6)}); the loss may have no minimum at finite parameters (separable data, saturating units): allow more iterations or add weight decay`;
  }
  return `${base}; allow more iterations, loosen the tolerance, or start closer to a critical point`;
}

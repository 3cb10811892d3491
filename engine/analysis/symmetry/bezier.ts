// Mode connectivity (Garipov et al. 2018): a quadratic Bezier curve between two optima,
//   θ(t) = (1 − t)²·θ_a + 2t(1 − t)·θ_c + t²·θ_b,
// whose control point θ_c is trained to minimize E_{t ~ U(0, 1)} L(θ(t)): each step draws t,
// takes ∇L at θ(t) and moves θ_c by Adam along ∂L(θ(t))/∂θ_c = 2t(1 − t)·∇L(θ(t)).
// The curve lies in the plane through θ_a spanned by θ_c − θ_a and θ_b − θ_a
// (θ(t) = θ_a + 2t(1 − t)·(θ_c − θ_a) + t²·(θ_b − θ_a)), so one plane evaluator walks it.
import { vjp } from '../../autodiff/transforms.js';
import { ValueError } from '../../errors.js';
import { createPlaneEvaluator, type EvalData } from '../../landscape/evaluator.js';
import { buildLayout, objective, type MlpSpec } from '../../nn/index.js';
import { createRng } from '../../random.js';
import { fromData } from '../../tensor/tensor.js';
import { applyUpdate, initOptimizerState, type OptimizerSpec } from '../../train/optimizers.js';
import { profileOf, unitInterval, type PathProfile } from './paths.js';

export interface BezierOptions {
  /** Adam steps on θ_c (default 300). */
  steps?: number;
  /** Adam's learning rate (default 0.01). */
  lr?: number;
  /** Seed of the t draws and minibatches (default 0). */
  seed?: number;
  /** Samples per step, or 'full' (default). */
  batchSize?: number | 'full';
  /** Points of the loss profile along the fitted curve (default 25). */
  points?: number;
  /** Starting control point (default the midpoint (θ_a + θ_b)/2: the straight line). */
  control?: Float64Array;
  /** Called after every step with the loss at that step's θ(t). */
  onStep?: (step: number, steps: number, loss: number) => void;
}

export interface BezierCurve {
  /** The trained control point θ_c. */
  control: Float64Array;
  /** The loss along the fitted curve. */
  profile: PathProfile;
  /** The loss at each step's sampled θ(t) (on its minibatch). */
  trainingLoss: number[];
}

/** θ(t) = (1 − t)²·θ_a + 2t(1 − t)·θ_c + t²·θ_b. */
export function bezierPoint(thetaA: Float64Array, control: Float64Array, thetaB: Float64Array, t: number): Float64Array {
  const [wa, wc, wb] = [(1 - t) * (1 - t), 2 * t * (1 - t), t * t];
  return thetaA.map((a, i) => wa * a + wc * control[i] + wb * thetaB[i]);
}

/** The loss along a Bezier curve at `points` evenly spaced t, through the plane evaluator. */
export function bezierPath(spec: MlpSpec, thetaA: Float64Array, control: Float64Array, thetaB: Float64Array, data: EvalData, points = 25): PathProfile {
  const layout = buildLayout(spec);
  const toControl = control.map((c, i) => c - thetaA[i]);
  const toB = thetaB.map((b, i) => b - thetaA[i]);
  const evaluator = createPlaneEvaluator(spec, layout, data, thetaA, toControl, toB, { kind: 'batch' });
  const t = unitInterval(points);
  const metrics = t.map((ti) => evaluator.at(2 * ti * (1 - ti), ti * ti));
  return profileOf(t, metrics.map((m) => m.loss), metrics.map((m) => m.accuracy));
}

/** Trains the control point of a quadratic Bezier curve between θ_a and θ_b to low loss. */
export function fitBezierCurve(spec: MlpSpec, thetaA: Float64Array, thetaB: Float64Array, data: EvalData, options: BezierOptions = {}): BezierCurve {
  const layout = buildLayout(spec);
  if (thetaA.length !== layout.size || thetaB.length !== layout.size) {
    throw new ValueError(`both endpoints need ${layout.size} parameters, got ${thetaA.length} and ${thetaB.length}`);
  }
  const steps = options.steps ?? 300;
  if (!Number.isInteger(steps) || steps < 0) throw new ValueError(`the number of steps must be a whole number ≥ 0, got ${steps}`);
  const optimizer: OptimizerSpec = { kind: 'adam', lr: options.lr ?? 0.01 };
  if (!(optimizer.lr > 0)) throw new ValueError(`the learning rate must be > 0, got ${optimizer.lr}`);
  const n = data.n;
  const batchSize = options.batchSize === undefined || options.batchSize === 'full' ? n : Math.min(n, options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ValueError(`the batch size must be a whole number ≥ 1, got ${options.batchSize}`);
  const control = options.control ? options.control.slice() : thetaA.map((a, i) => (a + thetaB[i]) / 2);
  const rng = createRng(options.seed ?? 0, 'symmetry:bezier');
  const state = initOptimizerState(optimizer, layout.size);
  const [d, k] = [spec.inputs, spec.outputs];
  const full = { x: fromData(data.x, [n, d]), targets: fromData(data.targets, [n, k]) };
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batchAt = (step: number) => {
    if (batchSize === n) return full;
    const perEpoch = Math.ceil(n / batchSize);
    const j = step % perEpoch;
    if (j === 0) for (let i = n - 1; i > 0; i--) {
      const r = rng.int(i + 1);
      [order[i], order[r]] = [order[r], order[i]];
    }
    const rows = order.subarray(j * batchSize, Math.min(n, (j + 1) * batchSize));
    const x = new Float64Array(rows.length * d);
    const y = new Float64Array(rows.length * k);
    rows.forEach((r, i) => {
      x.set(data.x.subarray(r * d, (r + 1) * d), i * d);
      y.set(data.targets.subarray(r * k, (r + 1) * k), i * k);
    });
    return { x: fromData(x, [rows.length, d]), targets: fromData(y, [rows.length, k]) };
  };
  const trainingLoss: number[] = [];
  for (let step = 0; step < steps; step++) {
    const t = rng.uniform();
    const batch = batchAt(step);
    const point = bezierPoint(thetaA, control, thetaB, t);
    const [loss, pullback] = vjp((theta) => objective(spec, layout, theta, batch, { kind: 'batch' }).loss, [fromData(point, [layout.size])]);
    const weight = 2 * t * (1 - t);
    const g = pullback(fromData(Float64Array.of(1), []))[0].data.map((v) => weight * v);
    applyUpdate(optimizer, state, control, g, optimizer.lr);
    trainingLoss.push(loss.data[0]);
    options.onStep?.(step + 1, steps, loss.data[0]);
  }
  return { control, profile: bezierPath(spec, thetaA, control, thetaB, data, options.points ?? 25), trainingLoss };
}

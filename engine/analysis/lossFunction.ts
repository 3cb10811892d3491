// The loss as a function of θ alone, L: R^P → R, with its gradient and exact Hessian-vector
// products on plain Float64Arrays: what every analysis (spectra, critical points, paths)
// needs of a model, and what a test needs of a textbook function such as x² − y².
import { ValueError } from '../errors.js';
import { grad, hvp, valueAndGrad, type Fn } from '../autodiff/transforms.js';
import { buildLayout, objective, targetsFor, type MlpSpec, type NormMode } from '../nn/index.js';
import { compileMlp } from '../nn/fast/network.js';
import { createHvpWorkspace, hessianVectorProduct } from '../nn/fast/hvp.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { norm } from '../linalg/index.js';

/** A twice-differentiable scalar function of θ ∈ R^P, with derivatives by autodiff. */
export interface LossFunction {
  /** P, the length of θ. */
  readonly size: number;
  /** The function itself, θ (shape [P]) → a scalar tensor, for the autodiff transforms. */
  readonly f: Fn;
  /** L(θ). */
  value(theta: Float64Array): number;
  /** ∇L(θ), length P (reverse mode). */
  gradient(theta: Float64Array): Float64Array;
  /** L(θ) and ∇L(θ) in one reverse pass. */
  valueAndGradient(theta: Float64Array): { value: number; gradient: Float64Array };
  /** H(θ)·v, exact (forward over reverse), length P; a model's loss computes it on the compiled network. */
  hvp(theta: Float64Array, v: Float64Array): Float64Array;
}

/** What a loss needs of a run: its model and batch-norm running statistics (a RunState will do). */
export interface ModelState {
  spec: MlpSpec;
  buffers: Readonly<Record<string, Float64Array>>;
}

/** One split of a data set: x [n, inputs] row-major and y (class indices or targets). */
export interface SplitSamples {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

function checkLength(theta: Float64Array, size: number, what: string): Float64Array {
  if (!(theta instanceof Float64Array) || theta.length !== size) {
    throw new ValueError(`${what} must be a Float64Array of length P = ${size} (got length ${theta?.length}).`);
  }
  return theta;
}

/** The LossFunction of any f: R^P → R written with the engine's differentiable ops. */
export function lossFunctionOf(f: Fn, size: number): LossFunction {
  if (!Number.isInteger(size) || size < 1) throw new ValueError(`a loss function needs P ≥ 1 parameters (got ${size}).`);
  const asTensor = (theta: Float64Array, what: string): Tensor => fromData(checkLength(theta, size, what), [size]);
  const scalar = (t: Tensor): number => {
    if (t.shape.length !== 0) throw new ValueError(`the loss must be a scalar, but it has shape [${t.shape.join(', ')}].`);
    return t.data[0];
  };
  return {
    size,
    f,
    value: (theta) => scalar(f(asTensor(theta, 'θ'))),
    gradient: (theta) => Float64Array.from(grad(f)(asTensor(theta, 'θ')).data),
    valueAndGradient: (theta) => {
      const [value, gradient] = valueAndGrad(f)(asTensor(theta, 'θ'));
      return { value: scalar(value), gradient: Float64Array.from(gradient.data) };
    },
    hvp: (theta, v) => Float64Array.from(hvp(f, asTensor(theta, 'θ'), asTensor(v, 'the vector v')).data),
  };
}

/**
 * A model's training objective on one split as a function of θ: the loss (plus weight decay)
 * of `run.spec` on all `split.n` samples, batch norm with the split's statistics ('batch',
 * the objective training minimizes) or the run's running statistics ('running').
 */
export function lossFunction(run: ModelState, split: SplitSamples, norm: 'batch' | 'running' = 'batch'): LossFunction {
  const { spec } = run;
  if (split.n < 1) throw new ValueError('the split has no samples; choose a split with data (e.g. train).');
  if (split.x.length !== split.n * spec.inputs) {
    throw new ValueError(`the split has ${split.x.length / split.n} features per sample, the model ${spec.inputs} inputs.`);
  }
  const layout = buildLayout(spec);
  const batch = { x: fromData(split.x, [split.n, spec.inputs]), targets: targetsFor(spec, split.y, split.n) };
  const mode: NormMode = norm === 'batch' ? { kind: 'batch' } : { kind: 'running', buffers: run.buffers };
  const reference = lossFunctionOf((theta) => objective(spec, layout, theta, batch, mode).loss, layout.size);
  // HVPs by the R-operator on the compiled network (tested against reference.hvp): the hot loop of every spectrum.
  const net = compileMlp(spec, layout);
  const workspace = createHvpWorkspace(net, split.n);
  const hvpFast = (theta: Float64Array, v: Float64Array): Float64Array => {
    const out = new Float64Array(layout.size);
    hessianVectorProduct(net, workspace, checkLength(theta, layout.size, 'θ'), checkLength(v, layout.size, 'the vector v'), split.x, split.n, batch.targets.data, mode, out);
    return out;
  };
  return { ...reference, hvp: hvpFast };
}

/** ‖∇L(θ)‖₂, the first thing to look at in a critical point. */
export function gradientNorm(loss: LossFunction, theta: Float64Array): number {
  return norm(loss.gradient(theta));
}

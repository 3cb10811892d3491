// Optimizers with PyTorch's update rules, in place on Float64Arrays: no allocation per step.
// Adam's and AdamW's update runs in WebAssembly (engine/kernels/assembly/adam.ts), its moments
// kept in the kernel's memory: staging θ and g through a small block costs less than copying
// all four arrays in and out each step.
import { ShapeError, ValueError } from '../errors.js';
import { instantiateKernels, type KernelInstance } from '../kernels/kernels.js';

export type OptimizerKind = 'gd' | 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'adamw' | 'rmsprop';

export const optimizerKinds: readonly OptimizerKind[] = ['gd', 'sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'rmsprop'];

export interface OptimizerSpec {
  /** `gd` is full-batch gradient descent; `sgd` the same rule on minibatches. */
  kind: OptimizerKind;
  lr: number;
  /** μ of momentum and Nesterov (default 0.9). */
  momentum?: number;
  /** Adam's β₁ and β₂ (defaults 0.9, 0.999). */
  beta1?: number;
  beta2?: number;
  /** RMSProp's smoothing α (default 0.99). */
  alpha?: number;
  /** ε in Adam's and RMSProp's denominators (default 1e-8). */
  eps?: number;
  /** AdamW's decoupled weight decay (default 0.01). */
  weightDecay?: number;
  /** Rescale the gradient to this global norm when it is longer (off when absent). */
  clipNorm?: number;
}

/** Moving averages an optimizer keeps between steps. */
export interface OptimizerState {
  /** Number of updates applied so far. */
  t: number;
  first: Float64Array | null;
  second: Float64Array | null;
  /** Adam's and AdamW's kernel, whose memory holds `first` and `second` and a block of θ and g. */
  kernel: KernelInstance<AdamArrays, never> | null;
}

type AdamArrays = 'first' | 'second' | 'theta' | 'g';

/** Entries of θ and g copied into the kernel's memory per call: a block that stays in cache. */
const ADAM_BLOCK = 2048;

/** Checks an optimizer spec; returns it. */
export function validateOptimizer(spec: OptimizerSpec): OptimizerSpec {
  if (!optimizerKinds.includes(spec.kind)) {
    throw new ValueError(`unknown optimizer "${spec.kind}"; choose one of ${optimizerKinds.join(', ')}`);
  }
  if (!(spec.lr > 0) || !Number.isFinite(spec.lr)) throw new ValueError(`the learning rate must be a positive number, got ${spec.lr}`);
  if (spec.clipNorm !== undefined && !(spec.clipNorm > 0)) throw new ValueError(`clipNorm must be positive, got ${spec.clipNorm}`);
  return spec;
}

/** Fresh state for P parameters. */
export function initOptimizerState(spec: OptimizerSpec, size: number): OptimizerState {
  const needsFirst = spec.kind === 'momentum' || spec.kind === 'nesterov' || spec.kind === 'adam' || spec.kind === 'adamw';
  const needsSecond = spec.kind === 'adam' || spec.kind === 'adamw' || spec.kind === 'rmsprop';
  if (spec.kind === 'adam' || spec.kind === 'adamw') {
    const kernel = instantiateKernels<AdamArrays, never>({ first: size, second: size, theta: ADAM_BLOCK, g: ADAM_BLOCK }, {});
    return { t: 0, first: kernel.f64.first, second: kernel.f64.second, kernel };
  }
  return { t: 0, first: needsFirst ? new Float64Array(size) : null, second: needsSecond ? new Float64Array(size) : null, kernel: null };
}

/** Scales g in place to norm ≤ maxNorm; returns the norm before clipping. */
export function clipGradient(g: Float64Array, maxNorm: number): number {
  let sq = 0;
  for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const s = maxNorm / norm;
    for (let i = 0; i < g.length; i++) g[i] *= s;
  }
  return norm;
}

/** One update θ ← θ − step(g) with learning rate lr, in place (g may be clipped in place). */
export function applyUpdate(spec: OptimizerSpec, state: OptimizerState, theta: Float64Array, g: Float64Array, lr: number): void {
  if (spec.clipNorm !== undefined) clipGradient(g, spec.clipNorm);
  const t = ++state.t;
  const n = theta.length;
  switch (spec.kind) {
    case 'gd':
    case 'sgd':
      for (let i = 0; i < n; i++) theta[i] -= lr * g[i];
      return;
    case 'momentum':
    case 'nesterov': {
      const mu = spec.momentum ?? 0.9;
      const v = state.first!;
      const nesterov = spec.kind === 'nesterov';
      for (let i = 0; i < n; i++) {
        v[i] = mu * v[i] + g[i];
        theta[i] -= lr * (nesterov ? g[i] + mu * v[i] : v[i]);
      }
      return;
    }
    case 'adam':
    case 'adamw': {
      const b1 = spec.beta1 ?? 0.9;
      const b2 = spec.beta2 ?? 0.999;
      const eps = spec.eps ?? 1e-8;
      const decay = spec.kind === 'adamw' ? lr * (spec.weightDecay ?? 0.01) : 0;
      const c1 = 1 - Math.pow(b1, t);
      const c2 = 1 - Math.pow(b2, t);
      const { exports: wasm, f64, at } = state.kernel!;
      if (n !== f64.first.length || g.length !== n) {
        throw new ShapeError(`Adam's state is for ${f64.first.length} parameters, but θ has ${n} and the gradient ${g.length}; start the optimizer's state for this model`);
      }
      for (let s = 0; s < n; s += ADAM_BLOCK) {
        const e = Math.min(n, s + ADAM_BLOCK);
        f64.theta.set(theta.subarray(s, e));
        f64.g.set(g.subarray(s, e));
        wasm.adamUpdate(at.theta, at.g, at.first + 8 * s, at.second + 8 * s, e - s, lr, b1, b2, eps, Boolean(decay), decay, c1, c2);
        theta.set(f64.theta.subarray(0, e - s), s);
      }
      return;
    }
    case 'rmsprop': {
      const a = spec.alpha ?? 0.99;
      const eps = spec.eps ?? 1e-8;
      const v = state.second!;
      for (let i = 0; i < n; i++) {
        v[i] = a * v[i] + (1 - a) * g[i] * g[i];
        theta[i] -= (lr * g[i]) / (Math.sqrt(v[i]) + eps);
      }
      return;
    }
  }
}

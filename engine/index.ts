// The engine's public API (CONTRACTS.md): float64 tensors, differentiable ops and the
// autodiff transforms. Pure TypeScript: runs in Node, Web Workers and worker_threads.
export { LosscapeError, ShapeError, ValueError } from './errors.js';
export { sizeOf, type Shape } from './tensor/shape.js';
export { tensor, fromData, zeros, ones, full, basis, item, toNested, type Tensor, type Operand } from './tensor/tensor.js';

export { add, sub, mul, div, neg, pow, square, sqrt } from './autodiff/primitives/arithmetic.js';
export { exp, log, sin, cos, tanh, sigmoid, softplus, relu, step } from './autodiff/primitives/unary.js';
export { matmul } from './autodiff/primitives/linalg.js';
export { reshape, transpose, broadcastTo, sumTo, slice, pad } from './autodiff/primitives/structure.js';
export { sum, logsumexp } from './autodiff/primitives/reductions.js';
export { mean, softmax, logSoftmax, softmaxCrossEntropy, sigmoidCrossEntropy } from './autodiff/composite.js';

export { grad, valueAndGrad, jvp, vjp, jacfwd, jacrev, hessian, hvp, type Fn } from './autodiff/transforms.js';
export { checkGrad, type CheckGradOptions, type CheckGradResult } from './autodiff/checkGrad.js';
export { primitiveNames } from './autodiff/primitive.js';
export { createRng, type Rng } from './random.js';

export * from './data/index.js';
export * from './linalg/index.js';

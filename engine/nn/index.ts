// Multilayer perceptrons over a flat parameter vector θ.
export * from './spec.js';
export * from './layout.js';
export { activate, LEAKY_SLOPE, ELU_ALPHA } from './activations.js';
export { BN_EPS, BN_MOMENTUM, updateRunningStats, type BatchStats } from './batchnorm.js';
export { forward, param, type NormMode, type ForwardResult } from './forward.js';
export { objective, targetsFor, dataLoss, accuracy, type Batch, type LossResult } from './objective.js';
export { initTheta, weightInits, type InitSpec, type WeightInit } from './init.js';
export { toStateDict, fromStateDict, type StateDict, type NamedTensor } from './stateDict.js';

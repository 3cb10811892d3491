// Hessian spectra, critical points and paths between minima: exact HVPs (the R-operator on the
// compiled network; autodiff for any other function), the dense Hessian for small models,
// Lanczos, Hutchinson and SLQ for large ones, classification by the second-order test, saddle
// searches, nudged elastic bands, and sharpness along a training run.
export { lossFunction, lossFunctionOf, gradientNorm, type LossFunction, type ModelState, type SplitSamples } from './lossFunction.js';
export { hessianAt, matrixOperator, countingOperator, type SymmetricOperator } from './operator.js';
export {
  fullHessian,
  fullSpectrum,
  columnOf,
  AsymmetricHessianError,
  FULL_HESSIAN_LIMIT,
  AUTO_DENSE_LIMIT,
  type FullHessian,
  type FullHessianOptions,
  type FullSpectrum,
} from './fullHessian.js';
export { lanczos, type LanczosOptions, type LanczosResult, type LanczosState } from './lanczos.js';
export { extremeEigenpairs, type ExtremeEigenOptions, type ExtremeEigenResult, type RitzPair } from './extremeEigenpairs.js';
export { hutchinsonTrace, type HutchinsonOptions, type TraceEstimate } from './hutchinson.js';
export { spectralDensity, trapezoid, type QuadratureRule, type SpectralDensity, type SpectralDensityOptions } from './density.js';
export { rademacher, gaussian } from './probes.js';
export {
  classifySpectrum,
  classifyExtremes,
  CLASSIFY_DEFAULTS,
  type Classification,
  type ClassifyTolerances,
  type CriticalKind,
  type CriticalLabel,
} from './classify.js';
export { conjugateGradient, type ConjugateGradientOptions, type ConjugateGradientResult } from './conjugateGradient.js';
export {
  findCriticalPoint,
  criticalMethods,
  type CriticalMethod,
  type CriticalSearchOptions,
  type CriticalSearchResult,
  type CriticalIteration,
} from './criticalPoint.js';
export { penaltyFloorCount, PENALTY_FLOOR_TOLERANCE } from './penaltyFloor.js';
export { nudgedElasticBand, type ElasticBandOptions, type ElasticBandResult } from './elasticBand.js';
export {
  curvatureDirections,
  directionsFromEigenpairs,
  type CurvatureDirectionOptions,
  type CurvatureDirections,
  type Eigenpair,
} from './curvatureDirections.js';
export { hessianSpectrum, type SpectrumOptions, type SpectrumReport, type SpectrumStage } from './spectrum.js';
export {
  sharpnessOverTraining,
  evenlySpaced,
  type SharpnessOptions,
  type SharpnessPoint,
  type SharpnessSeries,
} from './sharpness.js';
export * from './symmetry/index.js';

// Analysis jobs as a comlink endpoint: the Hessian spectrum at a run's θ*, and weight-space
// symmetries applied and checked. A job runs to its end; the app cancels one by terminating
// the worker (a synchronous eigensolver cannot read messages while it runs).
import { prepareData } from '../engine/data/index.js';
import { fromData } from '../engine/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import { hessianSpectrum, lossFunction, type SpectrumReport, type SpectrumStage } from '../engine/analysis/index.js';
import { applySymmetry, countEquivalentOptima, type SymmetryResult, type SymmetryTransform } from '../engine/analysis/symmetry/index.js';
import { targetsFor } from '../engine/nn/index.js';

export interface SpectrumRequest {
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  top: number;
  bottom: number;
  method: 'auto' | 'full' | 'lanczos';
  density: boolean;
  seed: number;
}

export interface SymmetryReport {
  result: Omit<SymmetryResult, 'state'>;
  /** θ of the image, in the run's layout. */
  theta: Float64Array;
  /** The number of equivalent optima, exactly (decimal digits) and in scientific notation. */
  count: { exact: string; scientific: string; formula: string };
}

function splitOf(run: RunFile, split: 'train' | 'test') {
  const data = prepareData(run.data)[split];
  if (data.n === 0) throw new Error(`this run has no ${split} split; use the train split`);
  return data;
}

export const analysisEndpoint = {
  /** The spectrum, trace, (density) and classification of the Hessian at the run's θ*. */
  spectrum(run: RunFile, request: SpectrumRequest, onProgress?: (stage: SpectrumStage, done: number, total: number) => void): SpectrumReport {
    const state = runStateOf(run);
    const loss = lossFunction(state, splitOf(run, request.split), request.norm);
    return hessianSpectrum(loss, state.theta, {
      top: request.top,
      bottom: request.bottom,
      method: request.method,
      density: request.density ? {} : false,
      seed: request.seed,
      onProgress,
    });
  },
  /** Applies a symmetry to the run's θ*, with the loss and prediction change it causes (or its refusal, thrown). */
  symmetry(run: RunFile, transform: SymmetryTransform, split: 'train' | 'test'): SymmetryReport {
    const state = runStateOf(run);
    const data = splitOf(run, split);
    const batch = { x: fromData(data.x, [data.n, run.spec.inputs]), targets: targetsFor(run.spec, data.y, data.n) };
    const { state: image, ...result } = applySymmetry(run.spec, { theta: state.theta, buffers: state.buffers }, transform, batch);
    const count = countEquivalentOptima(run.spec);
    return { result, theta: image.theta, count: { exact: count.exact.toString(), scientific: count.scientific, formula: count.formula } };
  },
};

/** The endpoint's type, for `wrap<AnalysisEndpoint>()`. */
export type AnalysisEndpoint = typeof analysisEndpoint;

// Analysis jobs as a comlink endpoint: the Hessian spectrum at a run's θ*, weight-space
// symmetries applied and checked, and paths between optima. A job runs to its end; the app
// cancels one by terminating the worker (a synchronous solver cannot read messages while it runs).
import { prepareData } from '../engine/data/index.js';
import { fromData } from '../engine/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import { hessianSpectrum, lossFunction, sharpnessOverTraining, type SharpnessSeries, type SpectrumReport, type SpectrumStage } from '../engine/analysis/index.js';
import { applySymmetry, countEquivalentOptima, type SymmetryResult, type SymmetryTransform } from '../engine/analysis/symmetry/index.js';
import { targetsFor } from '../engine/nn/index.js';
import { connectRuns, type PathsReport, type PathsRequest, type PathsStage } from './paths.js';

export interface SpectrumRequest {
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  top: number;
  bottom: number;
  method: 'auto' | 'full' | 'lanczos';
  density: boolean;
  seed: number;
}

export interface SharpnessRequest {
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  method: 'auto' | 'full' | 'lanczos';
  /** At most this many snapshots, evenly spaced. */
  points: number;
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
  /** λ_max and the Hessian index at the run's trajectory snapshots (sharpness over training). */
  sharpness(run: RunFile, request: SharpnessRequest, onProgress?: (done: number, total: number) => void): SharpnessSeries {
    const state = runStateOf(run);
    const loss = lossFunction(state, splitOf(run, request.split), request.norm);
    return sharpnessOverTraining(loss, state.trajectory ?? { steps: [], params: [] }, { method: request.method, points: request.points, seed: request.seed, onProgress });
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
  /** Paths from the run's θ* to a second optimum: the straight line, aligned by weight matching, and a trained Bezier curve. */
  paths(run: RunFile, request: PathsRequest, onProgress?: (stage: PathsStage, done: number, total: number) => void): PathsReport {
    return connectRuns(run, splitOf(run, request.split), request, onProgress);
  },
};

/** The endpoint's type, for `wrap<AnalysisEndpoint>()`. */
export type AnalysisEndpoint = typeof analysisEndpoint;

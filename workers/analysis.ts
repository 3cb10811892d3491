// Analysis jobs as a comlink endpoint: the Hessian spectrum at a run's θ*, a critical point
// found from it, weight-space symmetries applied and checked, and paths between optima. A job runs to its end; the app
// cancels one by terminating the worker (a synchronous solver cannot read messages while it runs).
import { prepareData } from '../engine/data/index.js';
import { fromData } from '../engine/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import {
  findCriticalPoint,
  hessianSpectrum,
  lossFunction,
  sharpnessOverTraining,
  type ClassifyTolerances,
  type CriticalSearchResult,
  type LossFunction,
  type SharpnessSeries,
  type SpectrumReport,
  type SpectrumStage,
} from '../engine/analysis/index.js';
import { applySymmetry, countEquivalentOptima, type SymmetryResult, type SymmetryTransform } from '../engine/analysis/symmetry/index.js';
import { buildLayout, targetsFor, toStateDict } from '../engine/nn/index.js';
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

/** A critical-point search from θ*, then the spectrum (as `SpectrumRequest` asks) where it ends. */
export interface CriticalRequest extends SpectrumRequest {
  search: 'saddle-free' | 'auto';
  tolerance: number;
  maxIterations: number;
}

export interface CriticalReport {
  search: Omit<CriticalSearchResult, 'theta'>;
  /** The run with θ* replaced by the point the search ended at. */
  run: RunFile;
  /** The Hessian there, classified with the search's gradient tolerance. */
  spectrum: SpectrumReport;
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

type SpectrumProgress = (stage: SpectrumStage, done: number, total: number) => void;

function spectrumAt(loss: LossFunction, theta: Float64Array, request: SpectrumRequest, onProgress?: SpectrumProgress, classify?: ClassifyTolerances): SpectrumReport {
  return hessianSpectrum(loss, theta, {
    top: request.top,
    bottom: request.bottom,
    method: request.method,
    density: request.density ? {} : false,
    classify,
    seed: request.seed,
    onProgress,
  });
}

export const analysisEndpoint = {
  /** The spectrum, trace, (density) and classification of the Hessian at the run's θ*. */
  spectrum(run: RunFile, request: SpectrumRequest, onProgress?: SpectrumProgress): SpectrumReport {
    const state = runStateOf(run);
    return spectrumAt(lossFunction(state, splitOf(run, request.split), request.norm), state.theta, request, onProgress);
  },
  /** Refines the run's θ* to a critical point (saddle-free Newton towards a minimum, or LM to the nearest), then its spectrum. */
  critical(run: RunFile, request: CriticalRequest, onIteration?: (iteration: number, gradientNorm: number) => void): CriticalReport {
    const state = runStateOf(run);
    const loss = lossFunction(state, splitOf(run, request.split), request.norm);
    const { theta, ...search } = findCriticalPoint(loss, state.theta, {
      method: request.search,
      tolerance: request.tolerance,
      maxIterations: request.maxIterations,
      onIteration: (r) => onIteration?.(r.iteration, r.gradientNorm),
    });
    const spectrum = spectrumAt(loss, theta, request, undefined, { gradient: request.tolerance });
    return { search, run: { ...run, params: toStateDict(buildLayout(run.spec), theta, state.buffers) }, spectrum };
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

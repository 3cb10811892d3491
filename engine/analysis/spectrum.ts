// Everything about the Hessian at one point, in one call (what `losscape hessian` and the
// critical-points panel show): extreme eigenvalues (dense or Lanczos), the trace, optionally
// the spectral density, the classification, and curvature directions for a slice.
import { ValueError } from '../errors.js';
import { classifyExtremes, classifySpectrum, type Classification, type ClassifyTolerances } from './classify.js';
import { directionsFromEigenpairs, type CurvatureDirections, type Eigenpair } from './curvatureDirections.js';
import { spectralDensity, type SpectralDensity, type SpectralDensityOptions } from './density.js';
import { extremeEigenpairs } from './extremeEigenpairs.js';
import { AUTO_DENSE_LIMIT, columnOf, fullSpectrum } from './fullHessian.js';
import { hutchinsonTrace, type HutchinsonOptions } from './hutchinson.js';
import type { LossFunction } from './lossFunction.js';
import { countingOperator, hessianAt } from './operator.js';
import { norm } from '../linalg/index.js';

export type SpectrumStage = 'hessian' | 'lanczos' | 'trace' | 'density';

export interface SpectrumOptions {
  /** How many of the largest eigenvalues; default 5. */
  top?: number;
  /** How many of the smallest; default 5. */
  bottom?: number;
  /** 'full' (dense Hessian + eigh), 'lanczos', or 'auto' (default): full up to AUTO_DENSE_LIMIT parameters. */
  method?: 'auto' | 'full' | 'lanczos';
  /** Lanczos: residual tolerance relative to ‖H‖ (default 1e-10) and most steps (default min(P, 300)). */
  lanczos?: { tolerance?: number; maxSteps?: number };
  /** Hutchinson's trace estimate, or false to skip it; default 32 probes. */
  trace?: false | Omit<HutchinsonOptions, 'onProgress'>;
  /** The spectral density by SLQ, or false (default) to skip it. */
  density?: false | Omit<SpectralDensityOptions, 'onProgress'>;
  /** Tolerances of the classification. */
  classify?: ClassifyTolerances;
  /** Seeds Lanczos, the trace probes and the density probes (unless they have their own); default 0. */
  seed?: number;
  /** Progress of each stage, (stage, done, total); may throw to cancel. */
  onProgress?: (stage: SpectrumStage, done: number, total: number) => void;
}

export interface SpectrumReport {
  size: number;
  method: 'full' | 'lanczos';
  loss: number;
  gradientNorm: number;
  /** The largest eigenvalues, largest first. */
  top: number[];
  /** The smallest eigenvalues, smallest first. */
  bottom: number[];
  /** Every eigenvalue, ascending (method 'full' only). */
  eigenvalues?: Float64Array;
  /** Lanczos only: residual norms of the Ritz pairs and whether all met the tolerance. */
  lanczos?: { steps: number; converged: boolean; residualTolerance: number; residuals: { top: number[]; bottom: number[] } };
  trace: { exact?: number; estimate?: number; standardError?: number; probes?: number };
  density?: SpectralDensity;
  classification: Classification;
  /** Slice directions: top two eigenvectors, or most negative and most positive at a saddle. */
  directions: CurvatureDirections;
  /** Exact HVPs spent in all. */
  hvps: number;
}

/** The Hessian's spectrum at θ: extremes, trace, density, classification, curvature directions. */
export function hessianSpectrum(loss: LossFunction, theta: Float64Array, options: SpectrumOptions = {}): SpectrumReport {
  const size = loss.size;
  const top = options.top ?? 5;
  const bottom = options.bottom ?? 5;
  if (!Number.isInteger(top) || !Number.isInteger(bottom) || top < 1 || bottom < 1) {
    throw new ValueError(`ask for at least one largest and one smallest eigenvalue (top ${top}, bottom ${bottom}).`);
  }
  const method = options.method === 'full' || options.method === 'lanczos' ? options.method : size <= AUTO_DENSE_LIMIT ? 'full' : 'lanczos';
  const seed = options.seed ?? 0;
  const progress = options.onProgress;
  const op = countingOperator(hessianAt(loss, theta));
  const { value, gradient } = loss.valueAndGradient(theta);
  const gradientNorm = norm(gradient);

  let report: Pick<SpectrumReport, 'top' | 'bottom' | 'eigenvalues' | 'lanczos' | 'classification' | 'directions'>;
  let exactTrace: number | undefined;
  if (method === 'full') {
    const { values, vectors } = fullSpectrum(op, { onProgress: progress && ((d, t) => progress('hessian', d, t)) });
    const pair = (j: number): Eigenpair => ({ value: values[j], vector: columnOf(vectors, size, j) });
    exactTrace = 0;
    for (const l of values) exactTrace += l;
    report = {
      top: Array.from(values.slice(-Math.min(top, size))).reverse(),
      bottom: Array.from(values.slice(0, Math.min(bottom, size))),
      eigenvalues: values,
      classification: classifySpectrum(values, gradientNorm, options.classify),
      directions: directionsFromEigenpairs(pair(0), pair(size - 1), pair(Math.max(size - 2, 0)), 'auto', options.classify?.zero),
    };
  } else {
    const result = extremeEigenpairs(op, {
      top: Math.max(top, 2),
      bottom,
      seed,
      tolerance: options.lanczos?.tolerance,
      maxSteps: options.lanczos?.maxSteps,
      onProgress: progress && ((d, t) => progress('lanczos', d, t)),
    });
    const tops = result.top.slice(0, top);
    report = {
      top: tops.map((p) => p.value),
      bottom: result.bottom.map((p) => p.value),
      lanczos: {
        steps: result.steps,
        converged: result.converged,
        residualTolerance: result.residualTolerance,
        residuals: { top: tops.map((p) => p.residual), bottom: result.bottom.map((p) => p.residual) },
      },
      classification: classifyExtremes(
        result.bottom.map((p) => p.value),
        result.top.map((p) => p.value),
        size,
        gradientNorm,
        options.classify,
      ),
      directions: directionsFromEigenpairs(result.bottom[0], result.top[0], result.top[1] ?? result.top[0], 'auto', options.classify?.zero),
    };
  }

  const trace: SpectrumReport['trace'] = exactTrace === undefined ? {} : { exact: exactTrace };
  if (options.trace !== false) {
    const t = hutchinsonTrace(op, { seed, ...options.trace, onProgress: progress && ((d, n) => progress('trace', d, n)) });
    Object.assign(trace, { estimate: t.estimate, standardError: t.standardError, probes: t.probes });
  }
  const density = options.density
    ? spectralDensity(op, { seed, ...options.density, onProgress: progress && ((d, n) => progress('density', d, n)) })
    : undefined;
  return { size, method, loss: value, gradientNorm, ...report, trace, ...(density ? { density } : {}), hvps: op.count };
}

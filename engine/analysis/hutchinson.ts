// Hutchinson's estimator of tr(H): the mean of zᵀHz over Rademacher probes z (E[zzᵀ] = I),
// one HVP per probe, with the standard error of that mean (PyHessian's trace).
import { ValueError } from '../errors.js';
import { dot } from '../linalg/index.js';
import { createRng } from '../random.js';
import type { SymmetricOperator } from './operator.js';
import { rademacher } from './probes.js';

export interface HutchinsonOptions {
  /** Number of probes (HVPs); default 32. */
  probes?: number;
  /** Seeds the probes (purpose 'hutchinson'); default 0. */
  seed?: number;
  /** Called after each probe, (done, total); may throw to cancel. */
  onProgress?: (done: number, total: number) => void;
}

export interface TraceEstimate {
  /** The sample mean of zᵀHz, an unbiased estimate of tr(H). */
  estimate: number;
  /** Its standard error, s/√n with s the samples' standard deviation (NaN for one probe). */
  standardError: number;
  probes: number;
  /** zᵀHz for each probe. */
  samples: Float64Array;
}

/** tr(A) ≈ (1/n)·Σ zᵢᵀAzᵢ with Rademacher zᵢ: variance 2·Σ_{i≠j} A_ij² per probe. */
export function hutchinsonTrace(op: SymmetricOperator, options: HutchinsonOptions = {}): TraceEstimate {
  const probes = options.probes ?? 32;
  if (!Number.isInteger(probes) || probes < 1) throw new ValueError(`Hutchinson's estimate needs at least one probe (got ${probes}).`);
  const rng = createRng(options.seed ?? 0, 'hutchinson');
  const samples = new Float64Array(probes);
  for (let k = 0; k < probes; k++) {
    const z = rademacher(op.size, rng);
    samples[k] = dot(z, op.apply(z));
    options.onProgress?.(k + 1, probes);
  }
  let mean = 0;
  for (const s of samples) mean += s;
  mean /= probes;
  let squares = 0;
  for (const s of samples) squares += (s - mean) ** 2;
  const standardError = probes > 1 ? Math.sqrt(squares / (probes - 1) / probes) : NaN;
  return { estimate: mean, standardError, probes, samples };
}

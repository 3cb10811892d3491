// Shared shapes of the benchmark: a case says what is measured and how each contender
// computes it; the runner checks every contender against the case's reference, then times it.
import type { Measurement } from './harness.js';

/** Named outputs of one call (e.g. `C`, or `loss`, `dW1`, `dW2`), for the correctness check. */
export type Outputs = Record<string, ArrayLike<number>>;

/** A prepared contender: `run` is what gets timed; `outputs` reads the results of one call. */
export interface Runner {
  run(): void;
  outputs(): Outputs;
  dispose?(): void;
  /** How many of the case's units one `run()` computes (default 1): the figure is per unit (e.g. one row of grid points per call). */
  unitsPerCall?: number;
}

/**
 * A prepared contender whose call finishes asynchronously (a worker pool), timed with
 * `measureAsync`. It names its own row, e.g. "Losscape (pool, 2 workers)".
 */
export interface AsyncRunner {
  contender: string;
  run(): Promise<void>;
  outputs(): Promise<Outputs>;
  dispose?(): Promise<void>;
  unitsPerCall?: number;
}

export type Precision = 'float64' | 'float32';

/** The tfjs-core module (kept structural so cases need no runtime import of tfjs). */
export type TF = typeof import('@tensorflow/tfjs-core');

/** Work handed to the numpy peer: `kind` selects a routine in peers/numpy_bench.py. */
export interface NumpyTask {
  kind: string;
  inputs: Record<string, { shape: number[]; data: number[] }>;
  /** Plain JSON settings of the routine (e.g. learning rate, batch size). */
  params?: Record<string, unknown>;
  /** The case's units per call of the routine (default 1); the routine ignores it. */
  unitsPerCall?: number;
}

/**
 * One benchmark case. Figures are throughputs (higher is better): `figure` turns the median
 * seconds per call into the case's unit. A contender the case does not implement is skipped.
 */
export interface Case {
  id: string;
  /** Short description for the table, e.g. "matmul 256×256·256×256". */
  title: string;
  unit: string;
  figure(secondsPerCall: number): number;
  /** Plain float64 TypeScript, independent of the engine: what every contender must match. */
  reference(): Outputs;
  losscape(): Runner;
  /** A second Losscape row: the same work on the engine's worker pool (all cores), in float64. */
  losscapePool?(): AsyncRunner;
  tfjs?(tf: TF): Runner;
  numpy?: NumpyTask;
  /** Per-precision tolerances that replace TOLERANCE for this case (e.g. after several training steps). */
  tolerance?: Partial<Record<Precision, number>>;
  /** At least this many seconds of warm-up for every contender (not with --quick): big code paths take longer to JIT. */
  warmupSeconds?: number;
  /** A line for the table's notes: what exactly is timed. */
  note?: string;
}

/** Tolerances on the scaled error max|out − ref| / max|ref|, per output. */
export const TOLERANCE: Record<Precision, number> = { float64: 1e-9, float32: 2e-5 };

export interface ContenderResult {
  contender: string;
  precision: Precision;
  /** Throughput in the case's unit; null when skipped. */
  figure: number | null;
  /** figure ÷ Losscape's figure for the same case (higher = the contender is faster). */
  ratio: number | null;
  /** Largest scaled error over the outputs, against the float64 reference. */
  maxError: number | null;
  measurement: Measurement | null;
  /** The case's units per timed call when not 1 (figure = case.figure(secondsPerCall / unitsPerCall)). */
  unitsPerCall?: number;
  skipped?: string;
}

export interface CaseResult {
  id: string;
  title: string;
  unit: string;
  contenders: ContenderResult[];
}

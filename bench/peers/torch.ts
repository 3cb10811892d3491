// PyTorch peer of the mnist-mlp case: one python subprocess per thread count, JSON in and out
// (peers/torch_bench.py). Optional: when `import torch` fails the case prints a note and skips
// the PyTorch rows. The interpreter is $LOSSCAPE_BENCH_TORCH_PYTHON or /usr/bin/python3
// (Debian's python3-torch).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement, TimingOptions } from '../harness.js';
import { importFails } from './numpy.js';

const SCRIPT = fileURLToPath(new URL('./torch_bench.py', import.meta.url));

export interface TorchRequest {
  /** .npz with X [n, d] and one-hot y [n, c]; .npz of the state_dict. */
  data: string;
  theta: string;
  threads: number;
  timing: TimingOptions;
  grid: number;
  /** Grid points timed (strided over the grid). */
  points: number;
  batch: number;
  lr: number;
  hessian: { iterations: number; tol: number } | null;
}

export interface TorchPrecisionResult {
  loadSeconds: number;
  surface: { secondsPerPoint: number; points: number; centerLoss: number };
  train: Measurement;
  hessian?: { seconds: number; value: number; hvps: number };
}

export interface TorchReply {
  info: { python: string; torch: string; threads: number; blas: string };
  float32: TorchPrecisionResult;
  float64: TorchPrecisionResult;
}

/** The python interpreter with torch. */
export function torchPython(): string {
  return process.env.LOSSCAPE_BENCH_TORCH_PYTHON || '/usr/bin/python3';
}

/** null when torch is importable, else why not. */
export function torchUnavailable(): string | null {
  return importFails(torchPython(), 'torch');
}

/** Runs the peer with every thread pool (OpenMP, OpenBLAS, MKL) pinned to `request.threads`. */
export function runTorch(request: TorchRequest): TorchReply {
  const env = { ...process.env };
  for (const k of ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE']) delete env[k];
  for (const k of ['OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS']) env[k] = String(request.threads);
  const r = spawnSync(torchPython(), [SCRIPT], { input: JSON.stringify(request), env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
  if (r.error) throw new Error(`torch peer: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`torch peer exited with ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as TorchReply;
}

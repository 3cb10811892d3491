// numpy peer: one python3 subprocess per run, all numpy tasks batched, JSON in and out.
// Optional: without python3 + numpy the runner prints a note and skips the numpy rows.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement, TimingOptions } from '../harness.js';
import type { NumpyTask } from '../types.js';

const SCRIPT = fileURLToPath(new URL('./numpy_bench.py', import.meta.url));

export interface NumpyInfo {
  python: string;
  numpy: string;
  blas: { name?: string; version?: string; corename?: string; threads?: number; config?: string; threadpoolctl?: unknown };
}

export interface NumpyResult {
  measurement: Measurement;
  outputs: Record<string, number[]>;
}

export interface NumpyRun {
  info: NumpyInfo;
  results: Map<string, NumpyResult | { error: string }>;
  /** How the subprocess environment was set up, for the table's notes. */
  envNote: string;
}

/**
 * The subprocess's environment: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines,
 * they can force a slow kernel) are removed; `threads` pins the BLAS thread count, or
 * leaves it to numpy's default when null.
 */
function childEnv(threads: number | null): { env: NodeJS.ProcessEnv; note: string } {
  const env = { ...process.env };
  const removed = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'].filter((k) => k in env);
  for (const k of removed) delete env[k];
  if (threads !== null) {
    for (const k of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS']) env[k] = String(threads);
  }
  const parts = [threads === null ? 'BLAS threads: numpy default' : `BLAS threads pinned to ${threads}`];
  if (removed.length) parts.push(`unset ${removed.join(', ')} for the subprocess`);
  return { env, note: parts.join('; ') };
}

/** The python interpreter: $LOSSCAPE_BENCH_PYTHON or python3. */
export function pythonCommand(): string {
  return process.env.LOSSCAPE_BENCH_PYTHON || 'python3';
}

/** null when the interpreter `py` can import `module`, else why not. */
export function importFails(py: string, module: string): string | null {
  const r = spawnSync(py, ['-c', `import ${module}`], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return `${py} not found (${r.error.message})`;
  if (r.status !== 0) return `${py} cannot import ${module}`;
  return null;
}

/** null when numpy is usable, else why not. */
export function numpyUnavailable(): string | null {
  return importFails(pythonCommand(), 'numpy');
}

/** Runs the tasks in one subprocess; a task's own `timing` replaces the run's for it. */
export function runNumpy(tasks: { id: string; task: NumpyTask; timing?: TimingOptions }[], timing: TimingOptions, threads: number | null): NumpyRun {
  const { env, note } = childEnv(threads);
  const request = JSON.stringify({ timing, tasks: tasks.map(({ id, task, timing: own }) => ({ id, ...task, ...(own ? { timing: own } : {}) })) });
  const r = spawnSync(pythonCommand(), [SCRIPT], {
    input: request,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (r.error) throw new Error(`numpy peer: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`numpy peer exited with ${r.status}:\n${r.stderr}`);
  const reply = JSON.parse(r.stdout) as {
    info: NumpyInfo;
    results: ({ id: string; error: string } | ({ id: string; outputs: Record<string, number[]> } & Measurement))[];
  };
  const results = new Map<string, NumpyResult | { error: string }>();
  for (const res of reply.results) {
    if ('error' in res) {
      results.set(res.id, { error: res.error });
      continue;
    }
    const { id, outputs, ...measurement } = res;
    results.set(id, { measurement, outputs });
  }
  return { info: reply.info, results, envNote: note };
}

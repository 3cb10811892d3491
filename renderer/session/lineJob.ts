// Computes a 1D slice of the current run: the landscape worker plans the line, then the pool
// scans it in tiles of points (a grid with one β), and each tile lands in the job as it
// arrives, so the line plot draws itself from left to right; like surfaceJob.ts.
import type { ScanPlan } from '../../engine/landscape/plan.js';
import type { LineRequest } from '../../workers/landscape.js';
import { surfaceRequestOf, type LineSettings, type ProjectState } from '../state/project.js';
import type { ValueStore } from '../state/store.js';
import type { WorkerClients } from './clients.js';
import { streamScan } from './streamScan.js';
import { messageOf, type LineJob, type SessionState } from './types.js';

/** About this many tiles per line, so it streams in visibly without many round trips. */
const TILES_PER_LINE = 20;

export interface LineControls {
  /** Scans the Landscape section's line through the current run. */
  computeLine(project: ProjectState): void;
  cancelLine(): void;
}

/** The worker's request for the project's line; "direction" is the plane's first direction, as the surface would choose it. */
export function lineRequestOf(project: Pick<ProjectState, 'line' | 'landscape'>): LineRequest {
  const { line, landscape } = project;
  return {
    path: line.path === 'interpolation' ? { kind: 'interpolation' } : { kind: 'direction', directions: surfaceRequestOf(landscape).directions },
    t: { ...line.range, count: line.steps },
    split: landscape.split,
    norm: landscape.norm,
    ...(landscape.samples ? { samples: surfaceRequestOf(landscape).samples } : {}),
  };
}

/** A line job waiting for its plan. */
export function newLineJob(id: number, trainingId: number, settings: LineSettings): LineJob {
  const empty = new Float64Array(0);
  return { id, trainingId, settings, status: 'preparing', t: empty, loss: empty, accuracy: empty, done: 0, error: null, revision: 0 };
}

/** Scans a planned line in the pool, reporting every new state; resolves with the final job (ready, cancelled or error). */
export async function scanLine(clients: WorkerClients, job: LineJob, plan: ScanPlan, signal: AbortSignal, onChange: (job: LineJob) => void): Promise<LineJob> {
  const n = plan.alpha.length;
  const subset = plan.samples ? { samples: plan.samples, lossStdError: new Float64Array(n).fill(NaN) } : {};
  const start: LineJob = { ...job, status: 'scanning', t: plan.alpha, loss: new Float64Array(n).fill(NaN), accuracy: new Float64Array(n).fill(NaN), ...subset, revision: job.revision + 1 };
  return streamScan(clients, plan, start, Math.max(1, Math.ceil(n / TILES_PER_LINE)), signal, onChange, (current, tile) => {
    current.loss.set(tile.loss, tile.i0);
    current.accuracy.set(tile.accuracy, tile.i0);
    if (tile.lossStdError) current.lossStdError?.set(tile.lossStdError, tile.i0);
    return { ...current, done: current.done + (tile.i1 - tile.i0) };
  });
}

/** The line jobs of a session: they write `line` into its store. */
export function lineControls(clients: WorkerClients, store: ValueStore<SessionState>, nextId: () => number): LineControls {
  let abort: AbortController | null = null;
  const setLine = (job: LineJob) => store.update((s) => (s.line?.id === job.id ? { ...s, line: job } : s));
  return {
    computeLine(project) {
      const run = store.getState().training;
      if (!run?.run) return;
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const job = newLineJob(nextId(), run.id, project.line);
      store.update((s) => ({ ...s, line: job }));
      clients.prepareLine(run.run, lineRequestOf(project)).then(
        (plan) => {
          if (!controller.signal.aborted) void scanLine(clients, job, plan, controller.signal, setLine);
        },
        (error: unknown) => setLine({ ...job, status: 'error', error: messageOf(error), revision: job.revision + 1 }),
      );
    },
    cancelLine() {
      abort?.abort();
      const job = store.getState().line;
      if (job?.status === 'preparing') setLine({ ...job, status: 'cancelled', revision: job.revision + 1 });
    },
  };
}

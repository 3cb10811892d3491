// The critical-point search: from the current run's θ*, saddle-free Newton (towards a minimum)
// or Levenberg–Marquardt (to the nearest critical point of any kind), in an analysis worker of
// its own, so cancelling it (terminating the worker) leaves a spectrum alone. A search that
// converges makes its point the current run's θ*, with the spectrum there, so the surfaces, the
// marker and the eigen-slices all show the critical point itself.
import { proxy } from 'comlink';
import type { CriticalReport } from '../../workers/analysis.js';
import type { ProjectState } from '../state/project.js';
import type { ValueStore } from '../state/store.js';
import { spectrumRequestOf } from './analysisJob.js';
import { analysisWorkerOf, type AnalysisWorker, type WorkerClients } from './clients.js';
import { trainingJobOf } from './restore.js';
import { messageOf, type CriticalJob, type SessionState, type SpectrumJob, type TrainingJob } from './types.js';

/** Newton-type iterations a search may take (each builds the full Hessian). */
export const CRITICAL_ITERATIONS = 200;

/** The jobs a converged search leaves: the refined run, the spectrum at its θ*, and the search itself. */
export interface RefinedResult {
  training: TrainingJob;
  spectrum: SpectrumJob;
  critical: CriticalJob;
}

export interface CriticalControls {
  /**
   * Refines the current run's θ* with the Critical points section's search; a converged point
   * becomes the current run, and the surface is computed again through it when `rescan` (by
   * default, when the run had a surface).
   */
  refineCritical(project: ProjectState, rescan?: boolean): void;
  cancelCritical(): void;
}

/** How θ* got there, for the Train section: method, iterations and ‖∇L‖. */
function refinedNote({ search }: CriticalReport): string {
  const method = search.method === 'saddle-free' ? 'saddle-free Newton' : 'Levenberg–Marquardt';
  return `refined by ${method} to ‖∇L‖ = ${search.gradientNorm.toExponential(2)} in ${search.iterations} iterations`;
}

/**
 * The critical-point job of a session: it writes `critical` into its store, and hands a
 * converged result to `adopt`, which makes it the current run (and rescans with `project`).
 */
export function criticalControls(
  clients: WorkerClients,
  store: ValueStore<SessionState>,
  nextId: () => number,
  adopt: (result: RefinedResult, rescan: ProjectState | null) => void,
): CriticalControls {
  let worker: AnalysisWorker | null = null;
  const isRunning = (id: number) => store.getState().critical?.id === id && store.getState().critical?.status === 'running';
  const set = (job: CriticalJob) => store.update((s) => (s.critical?.id === job.id ? { ...s, critical: job } : s));

  return {
    refineCritical(project, rescan = store.getState().surface?.status === 'ready') {
      const training = store.getState().training;
      if (!training?.run) return;
      this.cancelCritical();
      const { searchMethod: method, searchTolerance: tolerance } = project.analysis;
      let job: CriticalJob = { id: nextId(), trainingId: training.id, status: 'running', method, iteration: 0, maxIterations: CRITICAL_ITERATIONS, gradientNorm: null, report: null, adopted: false, error: null };
      store.update((s) => ({ ...s, critical: job }));
      const onIteration = (iteration: number, gradientNorm: number) => {
        if (!isRunning(job.id)) return;
        job = { ...job, iteration, gradientNorm };
        set(job);
      };
      try {
        worker = analysisWorkerOf(clients);
      } catch (error) {
        set({ ...job, status: 'error', error: messageOf(error) });
        return;
      }
      const request = { ...spectrumRequestOf(project), search: method, tolerance, maxIterations: CRITICAL_ITERATIONS };
      Promise.race([worker.remote.critical(training.run, request, proxy(onIteration)), worker.failed]).then(
        (report) => {
          if (!isRunning(job.id)) return;
          const done: CriticalJob = { ...job, status: 'ready', report, gradientNorm: report.search.gradientNorm };
          if (!report.search.converged) return set(done);
          const id = nextId();
          const refined = { ...trainingJobOf(id, report.run, training.recipe, training.opened), refined: refinedNote(report) };
          const spectrum: SpectrumJob = { id: nextId(), trainingId: id, status: 'ready', stage: null, done: 0, total: 0, report: report.spectrum, error: null };
          adopt({ training: refined, spectrum, critical: { ...done, trainingId: id, adopted: true } }, rescan ? project : null);
        },
        (error: unknown) => isRunning(job.id) && set({ ...job, status: 'error', error: messageOf(error) }),
      );
    },
    cancelCritical() {
      worker?.terminate();
      worker = null;
      const job = store.getState().critical;
      if (job?.status === 'running') set({ ...job, status: 'cancelled' });
    },
  };
}

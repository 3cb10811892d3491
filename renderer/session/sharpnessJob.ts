// Sharpness over training: λ_max and the Hessian index at the current run's θ snapshots, in an
// analysis worker of its own, so cancelling (terminating it) leaves a spectrum alone.
import { proxy } from 'comlink';
import type { ProjectState } from '../state/project.js';
import type { ValueStore } from '../state/store.js';
import { analysisWorkerOf, type AnalysisWorker, type WorkerClients } from './clients.js';
import { messageOf, type SessionState, type SharpnessJob } from './types.js';

/** Snapshots the app follows at most (evenly spaced): one Hessian each. */
export const SHARPNESS_POINTS = 25;

export interface SharpnessControls {
  /** λ_max and the index at up to SHARPNESS_POINTS of the current run's snapshots. */
  computeSharpness(project: ProjectState): void;
  cancelSharpness(): void;
}

/** The sharpness job of a session: it writes `sharpness` into its store. */
export function sharpnessControls(clients: WorkerClients, store: ValueStore<SessionState>, nextId: () => number): SharpnessControls {
  let worker: AnalysisWorker | null = null;
  const isRunning = (id: number) => store.getState().sharpness?.id === id && store.getState().sharpness?.status === 'running';
  const set = (job: SharpnessJob) => store.update((s) => (s.sharpness?.id === job.id ? { ...s, sharpness: job } : s));

  return {
    computeSharpness(project) {
      const training = store.getState().training;
      if (!training?.run) return;
      this.cancelSharpness();
      let job: SharpnessJob = { id: nextId(), trainingId: training.id, status: 'running', done: 0, total: 0, series: null, error: null };
      store.update((s) => ({ ...s, sharpness: job }));
      const onProgress = (done: number, total: number) => {
        if (!isRunning(job.id)) return;
        job = { ...job, done, total };
        set(job);
      };
      try {
        worker = analysisWorkerOf(clients);
      } catch (error) {
        set({ ...job, status: 'error', error: messageOf(error) });
        return;
      }
      const { split, norm } = project.landscape;
      const request = { split, norm, method: project.analysis.method, points: SHARPNESS_POINTS, seed: 0 };
      Promise.race([worker.remote.sharpness(training.run, request, proxy(onProgress)), worker.failed]).then(
        (series) => isRunning(job.id) && set({ ...job, status: 'ready', series }),
        (error: unknown) => isRunning(job.id) && set({ ...job, status: 'error', error: messageOf(error) }),
      );
    },
    cancelSharpness() {
      worker?.terminate();
      worker = null;
      const job = store.getState().sharpness;
      if (job?.status === 'running') set({ ...job, status: 'cancelled' });
    },
  };
}

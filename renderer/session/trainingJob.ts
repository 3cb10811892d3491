// Runs one recipe in a training worker and turns its progress reports into TrainingJob
// updates. The history arrays grow in place; each report makes a new job object.
import type { RunRecipe } from '../../engine/train/recipe.js';
import type { TrainProgress } from '../../workers/training.js';
import type { TrainingHandle, WorkerClients } from './clients.js';
import { messageOf, type TrainingJob } from './types.js';

/** A started run: its controls and the promise of its final job. */
export interface TrainingRun {
  handle: Pick<TrainingHandle, 'pause' | 'resume' | 'stop'>;
  finished: Promise<TrainingJob>;
}

/** A job for `recipe` before the worker's first report. */
export function newTrainingJob(id: number, recipe: RunRecipe): TrainingJob {
  return {
    id,
    recipe,
    key: JSON.stringify(recipe),
    status: 'running',
    step: 0,
    totalSteps: 0,
    history: [],
    stepLosses: [],
    message: null,
    error: null,
    run: null,
    revision: 0,
  };
}

/** The job after one progress report (a paused job stays paused until resumed). */
export function withProgress(job: TrainingJob, progress: TrainProgress): TrainingJob {
  job.history.push(...progress.history);
  for (const loss of progress.stepLosses) job.stepLosses.push(loss);
  const status = job.status === 'paused' && progress.status === 'running' ? 'paused' : progress.status;
  return {
    ...job,
    status,
    step: progress.step,
    totalSteps: progress.totalSteps,
    message: progress.message ?? job.message,
    ...(progress.regions ? { regions: progress.regions } : {}),
    revision: job.revision + 1,
  };
}

/** Least time between two progress updates the UI sees (the worker reports more often). */
export const PROGRESS_INTERVAL_MS = 150;

/**
 * Trains `recipe` in a new worker; `onChange` gets the job's new states: progress at most
 * every PROGRESS_INTERVAL_MS, changes of status at once.
 */
export function startTrainingRun(clients: WorkerClients, id: number, recipe: RunRecipe, onChange: (job: TrainingJob) => void): TrainingRun {
  let job = newTrainingJob(id, recipe);
  let shown = job;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    shown = job;
    onChange(job);
  };
  const set = (next: TrainingJob) => {
    job = next;
    if (job.status !== shown.status) flush();
    else timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
  };
  onChange(job);
  const handle = clients.startTraining(recipe, (progress) => set(withProgress(job, progress)));
  const finished = handle.result.then(
    (run) => {
      set({ ...job, status: run.status, run, step: run.history.at(-1)?.step ?? job.step, message: run.message ?? job.message, revision: job.revision + 1 });
      flush();
      return job;
    },
    (error: unknown) => {
      set({ ...job, status: 'error', error: messageOf(error), revision: job.revision + 1 });
      flush();
      return job;
    },
  );
  return {
    finished,
    handle: {
      pause() {
        if (job.status !== 'running') return;
        handle.pause();
        set({ ...job, status: 'paused', revision: job.revision + 1 });
      },
      resume() {
        if (job.status !== 'paused') return;
        handle.resume();
        set({ ...job, status: 'running', revision: job.revision + 1 });
      },
      stop() {
        if (job.status !== 'running' && job.status !== 'paused') return;
        handle.stop();
      },
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunFile } from '../../../engine/io/runFile.js';
import { presetRecipe } from '../../../engine/train/presets.js';
import type { TrainProgress } from '../../../workers/training.js';
import type { WorkerClients } from '../../../renderer/session/clients.js';
import { newTrainingJob, PROGRESS_INTERVAL_MS, startTrainingRun, withProgress } from '../../../renderer/session/trainingJob.js';
import type { TrainingJob } from '../../../renderer/session/types.js';

const recipe = presetRecipe('seed-iris');

function progress(step: number, status: TrainProgress['status'] = 'running'): TrainProgress {
  return { step, totalSteps: 300, status, stepLosses: [1 / step], history: [{ step, epoch: step, loss: 1 / step }], theta: new Float64Array(3) };
}

/** Clients whose one training run the test drives by hand. */
function manualClients() {
  let report: (p: TrainProgress) => void = () => undefined;
  let finish: (run: RunFile) => void = () => undefined;
  const controls = { pause: vi.fn(), resume: vi.fn(), stop: vi.fn() };
  const clients = {
    startTraining(_recipe: unknown, onProgress: (p: TrainProgress) => void) {
      report = onProgress;
      return { result: new Promise<RunFile>((resolve) => (finish = resolve)), ...controls };
    },
  } as unknown as WorkerClients;
  return { clients, controls, report: (p: TrainProgress) => report(p), finish: (run: RunFile) => finish(run) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('training jobs', () => {
  it('appends the history of every report and keeps a paused run paused', () => {
    let job = newTrainingJob(1, recipe);
    job = withProgress(job, progress(1));
    job = withProgress({ ...job, status: 'paused' }, progress(2));
    expect(job.status).toBe('paused');
    expect(job.history.map((h) => h.step)).toEqual([1, 2]);
    expect(job.stepLosses).toEqual([1, 0.5]);
    expect(withProgress(job, progress(3, 'diverged')).status).toBe('diverged');
  });

  it('passes progress to the UI at most every interval, and status changes at once', () => {
    vi.useFakeTimers();
    const { clients, controls, report, finish } = manualClients();
    const seen: TrainingJob[] = [];
    const run = startTrainingRun(clients, 7, recipe, (job) => seen.push(job));
    expect(seen.map((j) => j.status)).toEqual(['running']);
    for (let step = 1; step <= 5; step++) report(progress(step));
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(seen).toHaveLength(2);
    expect(seen[1].step).toBe(5);
    expect(seen[1].history).toHaveLength(5);
    run.handle.pause();
    expect(controls.pause).toHaveBeenCalledOnce();
    expect(seen.at(-1)!.status).toBe('paused');
    run.handle.resume();
    expect(seen.at(-1)!.status).toBe('running');
    run.handle.stop();
    expect(controls.stop).toHaveBeenCalledOnce();
    finish({ status: 'stopped', history: [{ step: 5, epoch: 5, loss: 0.2 }] } as RunFile);
    return run.finished.then((job) => {
      expect(job.status).toBe('stopped');
      expect(job.run).not.toBeNull();
      expect(seen.at(-1)).toBe(job);
    });
  });

  it('reports a recipe the worker refuses as an error with its message', async () => {
    const clients = {
      startTraining: () => ({ result: Promise.reject(new Error('the learning rate must be a positive number, got -1')), pause() {}, resume() {}, stop() {} }),
    } as unknown as WorkerClients;
    const job = await startTrainingRun(clients, 1, recipe, () => undefined).finished;
    expect(job.status).toBe('error');
    expect(job.error).toMatch(/learning rate/);
  });
});

// The training endpoint in a worker thread: progress, pause, resume and stop.
import { proxy } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { presetRecipe, startRun } from '../../engine/train/index.js';
import { spawnNodeWorker } from '../../workers/node/spawn.js';
import type { TrainingEndpoint, TrainProgress } from '../../workers/training.js';

const worker = spawnNodeWorker<TrainingEndpoint>(new URL('../../workers/node/training.worker.ts', import.meta.url));
afterAll(() => worker.terminate());

describe('the training worker', { timeout: 60_000 }, () => {
  it('streams progress and returns the same run as the engine in-thread', async () => {
    const recipe = presetRecipe('seed-iris');
    const reports: TrainProgress[] = [];
    const run = await worker.remote.train(recipe, proxy((p: TrainProgress) => void reports.push(p)));
    const { trainer } = startRun(recipe);
    while (trainer.advance(1000));
    expect(run.status).toBe('done');
    expect(run.params['layers.1.weight'].data).toEqual(Array.from(trainer.state.theta.subarray(48)));
    expect(reports.at(-1)!.step).toBe(300);
    expect(reports.flatMap((r) => r.stepLosses)).toEqual(Array.from(trainer.state.stepLosses.values()));
    expect(reports.flatMap((r) => r.history)).toEqual(trainer.state.history);
  });

  it('pauses, resumes and stops between chunks; the stopped run keeps its history', async () => {
    const recipe = presetRecipe('digits-adam');
    recipe.epochs = 50;
    const reports: TrainProgress[] = [];
    let reached: (step: number) => void = () => {};
    const past20 = new Promise<number>((resolve) => (reached = resolve));
    const done = worker.remote.train(
      recipe,
      proxy((p: TrainProgress) => {
        reports.push(p);
        if (p.step > 20) reached(p.step);
      }),
    );
    await past20;
    await worker.remote.pause();
    const whilePaused = reports.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(reports.length, 'no progress while paused').toBe(whilePaused);
    await worker.remote.resume();
    await worker.remote.stop();
    const run = await done;
    expect(run.status).toBe('stopped');
    const last = run.history.at(-1)!;
    expect(last.step).toBeLessThan(50 * 45);
    expect(last.step).toBe(reports.at(-1)!.step);
    expect(run.trajectory.steps.at(-1)).toBe(last.step);
  });
});

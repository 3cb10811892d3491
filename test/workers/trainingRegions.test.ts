// The training worker's decision-region snapshots: two-input classification only, throttled,
// and the last one the trained network's.
import { proxy } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { regionPlane, regionSampler } from '../../engine/analysis/decisionRegions.js';
import { runStateOf } from '../../engine/io/index.js';
import { prepareData } from '../../engine/data/index.js';
import { presetRecipe } from '../../engine/train/index.js';
import { spawnNodeWorker } from '../../workers/node/spawn.js';
import type { TrainingEndpoint, TrainProgress } from '../../workers/training.js';

const worker = spawnNodeWorker<TrainingEndpoint>(new URL('../../workers/node/training.worker.ts', import.meta.url));
afterAll(() => worker.terminate());

describe('decision regions from the training worker', { timeout: 60_000 }, () => {
  it('come with some progress reports on Two moons, the last one from the trained θ', async () => {
    const recipe = { ...presetRecipe('moons-batchnorm'), epochs: 200 };
    const reports: TrainProgress[] = [];
    const run = await worker.remote.train(recipe, proxy((p: TrainProgress) => void reports.push(p)));
    const withRegions = reports.filter((r) => r.regions);
    expect(withRegions.length).toBeGreaterThanOrEqual(2);
    expect(withRegions.length).toBeLessThan(reports.length);
    const last = reports.at(-1)!.regions!;
    expect([last.size, last.classes]).toEqual([64, 2]);
    const state = runStateOf(run);
    const expected = regionSampler(state.spec, regionPlane(prepareData(run.data))!)(state.theta, state.buffers);
    expect(Array.from(last.probabilities)).toEqual(Array.from(expected.probabilities));
  });

  it('are not sent for data with more than two features', async () => {
    const reports: TrainProgress[] = [];
    const recipe = presetRecipe('seed-iris');
    // All four Iris measurements (the preset picks the two petal ones, which would have regions).
    await worker.remote.train({ ...recipe, data: { ...recipe.data, features: [0, 1, 2, 3] }, epochs: 20 }, proxy((p: TrainProgress) => void reports.push(p)));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.some((r) => r.regions)).toBe(false);
  });
});

// The analysis endpoint in a worker thread: the spectrum and a symmetry, as the app asks.
import { proxy } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { hessianSpectrum, lossFunction } from '../../engine/analysis/index.js';
import { runFileOf, runStateOf } from '../../engine/io/index.js';
import { presetRecipe, startRun } from '../../engine/train/index.js';
import { spawnNodeWorker } from '../../workers/node/spawn.js';
import type { AnalysisEndpoint } from '../../workers/analysis.js';

const recipe = presetRecipe('seed-iris');
recipe.epochs = 60;
const { trainer, data } = startRun(recipe);
while (trainer.advance(100));
const run = runFileOf(recipe, trainer);
const worker = spawnNodeWorker<AnalysisEndpoint>(new URL('../../workers/node/analysis.worker.ts', import.meta.url));
afterAll(() => worker.terminate());

describe('the analysis worker', { timeout: 60_000 }, () => {
  it('computes the same spectrum as the engine in-thread, reporting progress', async () => {
    const stages = new Set<string>();
    const request = { split: 'train', norm: 'batch', top: 3, bottom: 3, method: 'full', density: false, seed: 0 } as const;
    const report = await worker.remote.spectrum(run, request, proxy((stage: string) => void stages.add(stage)));
    const state = runStateOf(run);
    const direct = hessianSpectrum(lossFunction(state, data.train), state.theta, { top: 3, bottom: 3, method: 'full', density: false, seed: 0 });
    expect(report.top).toEqual(direct.top);
    expect(report.bottom).toEqual(direct.bottom);
    expect(report.classification.label).toBe(direct.classification.label);
    expect(stages.has('hessian')).toBe(true);
  });

  it('permutes hidden units without changing the loss, and counts the equivalent optima exactly', async () => {
    const permutation = [...Array(16).keys()].reverse();
    const report = await worker.remote.symmetry(run, { kind: 'permute', layer: 0, permutation }, 'train');
    expect(Math.abs(report.result.relativeChange)).toBeLessThan(1e-12);
    expect(report.count.exact).toBe('20922789888000'); // 16!
    expect(report.theta.subarray(0, 3)).toEqual(trainer.state.theta.subarray(45, 48));
  });

  it('refuses a transform that is not a symmetry, saying why', async () => {
    await expect(worker.remote.symmetry(run, { kind: 'rescale', layer: 0, unit: 0, factor: 2 }, 'train')).rejects.toThrow(/layer 0 \(logistic\): σ\(a·q\) ≠ a·σ\(q\)/);
  });
});

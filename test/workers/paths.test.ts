// Paths between optima in the analysis worker, as the app's Symmetry section asks for them:
// θ* of seed-iris to its symmetry image and to a second run (seed 1), with progress.
import { proxy } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { runFileOf, type RunFile } from '../../engine/io/index.js';
import { presetRecipe, startRun } from '../../engine/train/index.js';
import { spawnNodeWorker } from '../../workers/node/spawn.js';
import type { AnalysisEndpoint } from '../../workers/analysis.js';
import type { PathsRequest } from '../../workers/paths.js';

function trained(seed: number, hidden?: number): RunFile {
  const recipe = presetRecipe('seed-iris');
  recipe.epochs = 60;
  recipe.seed = seed;
  if (hidden) recipe.model.hidden = [{ ...recipe.model.hidden[0], width: hidden }];
  const { trainer } = startRun(recipe);
  while (trainer.advance(100));
  return runFileOf(recipe, trainer);
}

const [a, b] = [trained(0), trained(1)];
const reverse = [...Array(16).keys()].reverse();
const request = (end: PathsRequest['end']): PathsRequest => ({ end, split: 'train', points: 25, curveSteps: 300, seed: 0 });
const worker = spawnNodeWorker<AnalysisEndpoint>(new URL('../../workers/node/analysis.worker.ts', import.meta.url));
afterAll(() => worker.terminate());

describe('paths between optima in the analysis worker', { timeout: 60_000 }, () => {
  it('θ* to its symmetry image: a barrier on the line, none after alignment, none on the curve (0.236 / 0 / 0)', async () => {
    const progress: string[] = [];
    const report = await worker.remote.paths(a, request({ kind: 'image', transform: { kind: 'permute', layer: 0, permutation: reverse } }), proxy((stage: string, done: number, total: number) => void progress.push(`${stage} ${done}/${total}`)));
    expect(report.linear.t).toHaveLength(25);
    expect(report.linear.barrier).toBeCloseTo(0.236, 3);
    // Weight matching undoes the permutation: the aligned line stays at θ*.
    expect(report.aligned.barrier).toBeLessThan(1e-12);
    expect(report.aligned.loss.every((l) => Math.abs(l - report.linear.loss[0]) < 1e-12)).toBe(true);
    // The image computes the same function: the ends of every path have the same loss.
    expect(report.linear.loss.at(-1)).toBeCloseTo(report.linear.loss[0], 12);
    expect(report.curve.maxLoss).toBeLessThan(report.linear.maxLoss);
    expect(report.curve.barrier).toBeLessThan(report.linear.barrier / 10);
    // A plane through θ*, the image and the control point; none through the aligned endpoint (it is θ*).
    expect('third' in report.planes.control && report.planes.control.third.beta).toBeGreaterThan(0.5);
    expect(report.planes.aligned).toEqual({ reason: expect.stringMatching(/weight matching mapped it back onto θ\*/) });
    expect(progress.slice(0, 2)).toEqual(['linear 0/1', 'align 0/1']);
    expect(progress.at(-1)).toBe('curve 300/300');
    expect(progress.length).toBeLessThanOrEqual(2 + 51);
  });

  it('θ* to a second run: alignment lowers the barrier (0.057 → 0.011), the curve removes it', async () => {
    const report = await worker.remote.paths(a, request({ kind: 'run', run: b }));
    expect(report.linear.barrier).toBeCloseTo(0.0567, 3);
    expect(report.aligned.barrier).toBeCloseTo(0.0110, 3);
    expect(report.curve.barrier).toBeLessThan(report.aligned.barrier);
    expect(report.matching.converged).toBe(true);
    expect(report.linear.loss.at(-1)).toBeCloseTo(report.aligned.loss.at(-1)!, 12);
    for (const plane of [report.planes.control, report.planes.aligned]) {
      if (!('third' in plane)) throw new Error(plane.reason);
      expect([plane.d1.length, plane.d2.length]).toEqual([96, 96]); // seed-iris has P = 96
      expect(plane.third.beta).toBeGreaterThan(0);
    }
  });

  it('refuses a second run of another model, saying why', async () => {
    await expect(worker.remote.paths(a, request({ kind: 'run', run: trained(1, 8) }))).rejects.toThrow(/different model/);
  });
});

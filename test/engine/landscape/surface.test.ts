import { describe, expect, it } from 'vitest';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import { planSurface, projectTrajectory, type SurfaceRequest } from '../../../engine/landscape/surface.js';

const recipe = presetRecipe('seed-iris');
recipe.epochs = 40;
const { trainer, data } = startRun(recipe);
while (trainer.advance(100));
const run = { spec: trainer.config.spec, theta: trainer.state.theta, buffers: trainer.state.buffers, trajectory: trainer.state.trajectory };
const request: SurfaceRequest = {
  directions: { kind: 'random', normalization: 'filter', seed: 1 },
  alpha: { min: -1, max: 1, count: 11 },
  beta: { min: -1, max: 1, count: 11 },
  split: 'train',
  norm: 'batch',
};

describe('surface plans', () => {
  it('bad input gets a clear error: wrong-length directions, 0 or 10⁶ points, min ≥ max, a missing split', () => {
    const short = new Float64Array(5);
    expect(() => planSurface(run, data, { ...request, directions: { kind: 'given', directions: [short, short], label: 'file' } })).toThrow(
      'direction 1 has 5 entries, but the model has 96 parameters',
    );
    expect(() => planSurface(run, data, { ...request, alpha: { min: -1, max: 1, count: 0 } })).toThrow('α: the number of points must be a whole number from 2 to 1001, got 0');
    expect(() => planSurface(run, data, { ...request, beta: { min: -1, max: 1, count: 1e6 } })).toThrow(/β: the number of points must be a whole number from 2 to 1001, got 1000000/);
    expect(() => planSurface(run, data, { ...request, alpha: { min: 1, max: 1, count: 11 } })).toThrow('α: the range needs min < max, got 1:1');
    expect(() => planSurface(run, data, { ...request, split: 'test' })).toThrow(/no test split/);
  });

  it('projects the path: the final snapshot at (0, 0) on the plane, every snapshot with its true loss', () => {
    const { plan } = planSurface(run, data, request);
    const points = projectTrajectory(plan, run.trajectory);
    const last = points.at(-1)!;
    expect([last.alpha, last.beta, last.distance]).toEqual([0, 0, 0]);
    expect(last.loss).toBeCloseTo(trainer.state.history.at(-1)!.loss, 12);
    expect(points[0].loss).toBeCloseTo(trainer.state.history[0].loss, 12);
    expect(points[0].distance).toBeGreaterThan(0);
  });

  it('PCA directions put the whole path close to the plane', () => {
    const { plan, info } = planSurface(run, data, { ...request, directions: { kind: 'pca' } });
    expect(info.explainedVarianceRatio![0]).toBeGreaterThan(0.5);
    const points = projectTrajectory(plan, run.trajectory);
    const start = points[0];
    // A point on the plane built from the projection reproduces the coordinates.
    expect(Math.hypot(start.alpha, start.beta)).toBeGreaterThan(start.distance);
  });
});

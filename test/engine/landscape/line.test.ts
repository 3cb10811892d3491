import { describe, expect, it } from 'vitest';
import { interpolationLine, lineOf, planLine } from '../../../engine/landscape/line.js';
import { planEvaluator } from '../../../engine/landscape/plan.js';
import { scanTile } from '../../../engine/landscape/scan.js';
import { planSurface } from '../../../engine/landscape/surface.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';

const recipe = presetRecipe('seed-iris');
recipe.epochs = 40;
const { trainer, data } = startRun(recipe);
while (trainer.advance(100));
const run = { spec: trainer.config.spec, theta: trainer.state.theta, buffers: trainer.state.buffers, trajectory: trainer.state.trajectory };
const history = trainer.state.history;

describe('1D slices', () => {
  it('interpolates from θ₀ (t = 0) to θ* (t = 1): the ends have the run’s first and last losses', () => {
    const line = interpolationLine(run);
    expect(line.start).toBe(run.trajectory.params[0]);
    const plan = planLine(run, data, line, { t: { min: -0.5, max: 1.5, count: 9 }, split: 'train', norm: 'batch' });
    expect(Array.from(plan.alpha)).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
    expect(Array.from(plan.beta)).toEqual([0]);
    const tile = scanTile(planEvaluator(plan), plan.alpha, plan.beta, 0, 9);
    expect(tile.loss[2]).toBeCloseTo(history[0].loss, 10);
    expect(tile.loss[6]).toBeCloseTo(history.at(-1)!.loss, 10);
    expect(tile.accuracy[6]).toBeCloseTo(history.at(-1)!.accuracy!, 12);
    // Training lowered the loss: the trained end is below the initial one.
    expect(tile.loss[6]).toBeLessThan(tile.loss[2]);
  });

  it('runs through θ* along the plane’s first direction: the surface’s profile at β = 0', () => {
    const directions = { kind: 'random', normalization: 'filter', seed: 3 } as const;
    const line = lineOf(run, { kind: 'direction', directions });
    expect(line.start).toBe(run.theta);
    const t = { min: -1, max: 1, count: 5 };
    const linePlan = planLine(run, data, line, { t, split: 'train', norm: 'batch' });
    const { plan: surfacePlan } = planSurface(run, data, { directions, alpha: t, beta: { min: -1, max: 1, count: 3 }, split: 'train', norm: 'batch' });
    const onLine = scanTile(planEvaluator(linePlan), linePlan.alpha, linePlan.beta, 0, 5);
    const onPlane = scanTile(planEvaluator(surfacePlan), surfacePlan.alpha, surfacePlan.beta, 0, 5);
    for (let i = 0; i < 5; i++) expect(onLine.loss[i]).toBeCloseTo(onPlane.loss[i * 3 + 1], 12);
  });

  it('says what is wrong: no initial snapshot, a missing split, too few points', () => {
    expect(() => interpolationLine({ ...run, trajectory: { steps: [5], params: [run.theta] } })).toThrow(/no snapshot of its initial parameters/);
    const line = interpolationLine(run);
    expect(() => planLine(run, data, line, { t: { min: 0, max: 1, count: 1 }, split: 'train', norm: 'batch' })).toThrow(/t: the number of points/);
    expect(() => planLine(run, { ...data, test: { ...data.test, n: 0 } }, line, { t: { min: 0, max: 1, count: 3 }, split: 'test', norm: 'batch' })).toThrow(/no test split/);
  });
});

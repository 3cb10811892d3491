// The landscape pool under worker_threads: same numbers whatever the worker count, cancel
// between tiles, and the pool stays usable.
import { afterAll, describe, expect, it } from 'vitest';
import { fromData } from '../../engine/index.js';
import { normalizeDirection, randomDirection } from '../../engine/landscape/directions.js';
import { axisValues } from '../../engine/landscape/grid.js';
import { planEvaluator, type ScanPlan } from '../../engine/landscape/plan.js';
import { scanTile } from '../../engine/landscape/scan.js';
import { projectTrajectory } from '../../engine/landscape/surface.js';
import { objective, targetsFor } from '../../engine/nn/index.js';
import { presetRecipe, startRun } from '../../engine/train/index.js';
import { createNodeLandscapePool } from '../../workers/node/landscapePool.js';
import { ScanCancelled, type LandscapePool } from '../../workers/pool.js';

const recipe = presetRecipe('seed-iris');
recipe.epochs = 50;
const { trainer, data } = startRun(recipe);
while (trainer.advance(100));
const { spec } = trainer.config;
const layout = trainer.layout;
const theta = trainer.state.theta;
const targets = targetsFor(spec, data.train.y, data.train.n);
const direction = (k: number) => normalizeDirection(randomDirection(layout, 1, k), theta, layout, { normalization: 'filter' });
const plan: ScanPlan = {
  spec,
  center: theta,
  d1: direction(0),
  d2: direction(1),
  data: { x: data.train.x, n: data.train.n, targets: targets.data },
  norm: { kind: 'batch' },
  alpha: axisValues({ min: -1, max: 1, count: 21 }, 'α'),
  beta: axisValues({ min: -1, max: 1, count: 17 }, 'β'),
};
const pools: LandscapePool[] = [];
const pool = (size: number) => {
  const p = createNodeLandscapePool(size);
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('the landscape pool', { timeout: 60_000 }, () => {
  const direct = scanTile(planEvaluator(plan), plan.alpha, plan.beta, 0, plan.alpha.length);

  it('1, 2 and 4 workers give exactly the in-thread values', async () => {
    for (const size of [1, 2, 4]) {
      const result = await pool(size).scan(plan, { rowsPerTile: 3 });
      expect(result.loss).toEqual(direct.loss);
      expect(result.accuracy).toEqual(direct.accuracy);
    }
  });

  it('shares the path’s snapshots among the workers: the same projected path as in one thread, bit for bit, whatever the count', async () => {
    const path = trainer.state.trajectory;
    const inThread = projectTrajectory(plan, path);
    for (const size of [1, 3]) {
      const { trajectory } = await pool(size).scan(plan, { rowsPerTile: 4, path });
      expect(trajectory).toEqual(inThread);
    }
    expect(inThread.length).toBe(path.params.length);
    expect(inThread.at(-1)!.distance).toBe(0);
  });

  it('the value at (0, 0) is the run’s loss at θ*, and grid points match the autodiff objective', () => {
    const i0 = 10; // α = 0
    const j0 = 8; // β = 0
    const final = trainer.state.history.at(-1)!;
    expect(direct.loss[i0 * 17 + j0]).toBeCloseTo(final.loss, 12);
    for (const [i, j] of [[0, 0], [3, 12], [20, 16]]) {
      const t = theta.map((c, k) => c + plan.alpha[i] * plan.d1[k] + plan.beta[j] * plan.d2![k]);
      const ref = objective(spec, layout, fromData(t, [layout.size]), { x: fromData(data.train.x, [data.train.n, 3]), targets }, { kind: 'batch' });
      expect(Math.abs(direct.loss[i * 17 + j] - ref.loss.data[0]) / ref.loss.data[0]).toBeLessThan(1e-10);
    }
  });

  it('streams tiles with progress, stops within one tile when cancelled, and then completes a new scan', async () => {
    const p = pool(1);
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = p.scan(plan, {
      rowsPerTile: 1,
      signal: controller.signal,
      onTile: (_, done, total) => {
        seen.push(done);
        expect(total).toBe(21);
        if (done === 3) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(ScanCancelled);
    expect(seen).toEqual([1, 2, 3]);
    const again = await p.scan(plan);
    expect(again.loss).toEqual(direct.loss);
  });
});

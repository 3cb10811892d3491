// A scan plan's large parts (θ*, d₁, d₂, the data) cross to each pool worker once: a recompute of
// the same plane sends only the axes, a new plane only its directions, and every scan still gives
// exactly the values of a fresh evaluator.
import { afterAll, describe, expect, it } from 'vitest';
import { axisValues } from '../../engine/landscape/grid.js';
import { planEvaluator, type ScanPlan } from '../../engine/landscape/plan.js';
import { scanTile } from '../../engine/landscape/scan.js';
import { buildLayout, mlp, targetsFor } from '../../engine/nn/index.js';
import { createRng } from '../../engine/random.js';
import { mergePlan, planSender, type HeavyPart, type HeldPlan, type PlanParts } from '../../workers/heldPlan.js';
import { landscapeEndpoint } from '../../workers/landscape.js';
import { createLandscapePool } from '../../workers/pool.js';
import { createNodeLandscapePool } from '../../workers/node/landscapePool.js';

const spec = mlp(3, [6, 5], 3, { activation: 'relu', loss: 'softmax-ce' });
const P = buildLayout(spec).size;
const rng = createRng(3, 'held-plan');
const vector = (length: number, scale = 1) => Float64Array.from({ length }, () => scale * rng.normal());
const n = 40;
const plan: ScanPlan = {
  spec,
  center: vector(P),
  d1: vector(P, 0.3),
  d2: vector(P, 0.3),
  data: { x: vector(3 * n), n, targets: targetsFor(spec, Float64Array.from({ length: n }, (_, i) => i % 3), n).data },
  norm: { kind: 'batch' },
  alpha: axisValues({ min: -1, max: 1, count: 9 }, 'α'),
  beta: axisValues({ min: -1, max: 1, count: 7 }, 'β'),
};
const direct = (p: ScanPlan) => scanTile(planEvaluator(p), p.alpha, p.beta, 0, p.alpha.length);
const heavy = (parts: object) => ['center', 'd1', 'd2', 'data'].filter((key) => key in parts);

describe('the parts of a plan a pool worker is sent', () => {
  /** A worker that holds plans as the landscape endpoint does and records the large parts of every setup it is sent. */
  function recordingWorker() {
    let held: HeldPlan | null = null;
    const sent: string[][] = [];
    const evaluators: boolean[] = [];
    return {
      sent,
      evaluators,
      held: () => held!,
      setup(parts: PlanParts): HeavyPart[] {
        sent.push(heavy(parts));
        const merged = mergePlan(held, parts);
        if ('missing' in merged) return merged.missing;
        held = merged.held;
        evaluators.push(merged.sameEvaluator);
        return [];
      },
    };
  }

  it('sends each large part once per worker, again only when its values change, and keeps the evaluator when only the axes do', async () => {
    const sender = planSender();
    const [a, b] = [recordingWorker(), recordingWorker()];
    await sender.setup(a, plan);
    await sender.setup(b, plan);
    // The same values in new arrays (a plan cloned back from the planning worker), other axes.
    const again = { ...structuredClone(plan), alpha: axisValues({ min: -2, max: 2, count: 5 }, 'α') };
    await sender.setup(a, again);
    const d2 = plan.d2!.slice();
    d2[P - 1] += 1; // one entry changed: the plane is new
    await sender.setup(a, { ...structuredClone(plan), d2 });
    expect(a.sent).toEqual([['center', 'd1', 'd2', 'data'], [], ['d2']]);
    expect(b.sent).toEqual([['center', 'd1', 'd2', 'data']]);
    expect(a.evaluators).toEqual([false, true, false]);
    expect(a.held().plan.d2).toEqual(d2);
    expect(a.held().plan.center).toBe(plan.center);
    await sender.setup(a, { ...structuredClone(plan), d2, precision: 'float32' });
    expect(a.sent.at(-1)).toEqual([]);
    expect(a.evaluators.at(-1)).toBe(false);
  });

  it('sends a worker the parts it lacks when another pool set it up in between', async () => {
    const [first, second] = [planSender(), planSender()];
    const shared = recordingWorker();
    const other = { ...plan, center: plan.center.map((v) => v + 1) }; // the same directions and data
    await first.setup(shared, plan);
    await second.setup(shared, other);
    await first.setup(shared, structuredClone(plan));
    expect(shared.sent).toEqual([['center', 'd1', 'd2', 'data'], ['center', 'd1', 'd2', 'data'], [], ['center']]);
    expect(shared.held().plan.center).toEqual(plan.center);
  });

  it('names the parts a worker lacks', () => {
    expect(mergePlan(null, { ...plan, ids: { center: 1, d1: 2, d2: 3, data: 4 } })).toMatchObject({ sameEvaluator: false });
    const { center: _c, d1: _1, ...rest } = plan;
    expect(mergePlan(null, { ...rest, ids: { center: 1, d1: 2, d2: 3, data: 4 } })).toEqual({ missing: ['center', 'd1'] });
  });

  describe('in a pool of worker threads', { timeout: 60_000 }, () => {
    const pool = createNodeLandscapePool(2);
    afterAll(() => pool.close());

    it('gives a fresh evaluator’s values for a recompute, new axes and a new plane', async () => {
      const wide = { ...structuredClone(plan), alpha: axisValues({ min: -3, max: 0, count: 6 }, 'α') };
      const turned = { ...structuredClone(plan), d2: plan.d1.map((v, k) => v - plan.d2![k]) };
      for (const p of [plan, structuredClone(plan), wide, turned, plan]) {
        const { loss, accuracy } = await pool.scan(p, { rowsPerTile: 2 });
        const expected = direct(p);
        expect(loss).toEqual(expected.loss);
        expect(accuracy).toEqual(expected.accuracy);
      }
    });
  });

  it('two pools on one in-process endpoint (as the session tests have them) each get their own plan’s values', async () => {
    const remote = { setup: async (parts: PlanParts) => landscapeEndpoint.setup(parts), tile: async (i0: number, i1: number) => landscapeEndpoint.tile(i0, i1) };
    const [one, two] = [0, 1].map(() => createLandscapePool(1, () => ({ remote: remote as never, terminate: () => undefined })));
    const other = { ...structuredClone(plan), center: plan.center.map((v) => v * 0.5) };
    for (const [pool, p] of [[one, plan], [two, other], [one, structuredClone(plan)], [two, other]] as const) {
      expect((await pool.scan(p)).loss).toEqual(direct(p).loss);
    }
  });
});

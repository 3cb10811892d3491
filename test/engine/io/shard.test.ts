// Sharded surfaces: the parts of any split, computed separately and merged, are the very
// file the unsharded scan writes (every value bit for bit), and bad sets of parts are named.
import { describe, expect, it } from 'vitest';
import { mergeSurfaceParts, parseShard, readSurfacePart, shardPlan, shardRows, surfaceFileOf, surfacePartOf, type SurfaceFile, type SurfacePart } from '../../../engine/io/index.js';
import { planEvaluator, type ScanPlan } from '../../../engine/landscape/plan.js';
import { scanTile } from '../../../engine/landscape/scan.js';
import { planSurface, projectTrajectory } from '../../../engine/landscape/surface.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';

const recipe = presetRecipe('seed-iris');
recipe.epochs = 20;
const { trainer, data } = startRun(recipe);
while (trainer.advance(100));
const run = { spec: trainer.config.spec, theta: trainer.state.theta, buffers: trainer.state.buffers, trajectory: trainer.state.trajectory };
const { plan, info } = planSurface(run, data, {
  directions: { kind: 'random', normalization: 'filter', seed: 3 },
  alpha: { min: -1, max: 1, count: 13 },
  beta: { min: -0.5, max: 1.5, count: 9 },
  split: 'train',
  norm: 'batch',
});

/** The surface file of a plan, as `losscape surface` assembles it (without workers). */
function scanFile(p: ScanPlan): SurfaceFile {
  const values = scanTile(planEvaluator(p), p.alpha, p.beta, 0, p.alpha.length);
  return surfaceFileOf({ plan: p, info, split: 'train', norm: 'batch', values, trajectory: projectTrajectory(p, run.trajectory), timing: { seconds: 1, workers: 1, points: p.alpha.length * p.beta.length } });
}

/** The part files of an n-way split, written and read back as text. */
function parts(n: number): SurfacePart[] {
  return Array.from({ length: n }, (_, index) => {
    const shard = { index, count: n };
    const { plan: sub, rows } = shardPlan(plan, shard);
    return readSurfacePart(JSON.stringify(surfacePartOf(scanFile(sub), plan.alpha, shard, rows)));
  });
}

const whole = JSON.stringify(scanFile(plan));

describe('sharded surfaces', () => {
  for (const n of [1, 2, 3, 7]) {
    it(`split in ${n}, computed apart and merged in any order: the unsharded file, bit for bit`, () => {
      const merged = mergeSurfaceParts(parts(n).reverse());
      expect(merged.timing).toEqual({ seconds: n, workers: n, points: 13 * 9 });
      expect(JSON.stringify({ ...merged, timing: { seconds: 1, workers: 1, points: 13 * 9 } })).toBe(whole);
      const full = JSON.parse(whole) as SurfaceFile;
      merged.values.loss.flat().forEach((v, k) => expect(Object.is(v, full.values.loss.flat()[k])).toBe(true));
    });
  }

  it('cover every row once, in contiguous blocks as even as can be', () => {
    for (const rows of [1, 5, 13, 1001]) {
      for (const count of [1, 2, 3, 7, 16]) {
        const blocks = Array.from({ length: count }, (_, index) => shardRows(rows, { index, count }));
        expect(blocks[0][0]).toBe(0);
        expect(blocks.at(-1)![1]).toBe(rows);
        blocks.slice(1).forEach((b, k) => expect(b[0]).toBe(blocks[k][1]));
        const sizes = blocks.map(([a, b]) => b - a);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('read i/n with 0 ≤ i < n, and refuse anything else', () => {
    expect(parseShard('0/7')).toEqual({ index: 0, count: 7 });
    expect(parseShard(' 6 / 7 ')).toEqual({ index: 6, count: 7 });
    for (const bad of ['7/7', '1/0', '-1/3', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/a shard is i\/n with 0 ≤ i < n/);
  });

  it('refuse a set of parts with one missing or twice, from different settings, or mislabelled', () => {
    const three = parts(3);
    expect(() => mergeSurfaceParts([three[0], three[2]], ['a.json', 'c.json'])).toThrow('shard 1/3 is missing');
    expect(() => mergeSurfaceParts([three[0], three[1], three[1], three[2]], ['a', 'b', 'b2', 'c'])).toThrow('shard 1/3 is given twice (b and b2)');
    expect(() => mergeSurfaceParts([three[0], { ...three[1], center: three[1].center.map((c) => c + 1) }, three[2]], ['a', 'b', 'c'])).toThrow('b was not computed with the same settings as a (they differ in center)');
    expect(() => mergeSurfaceParts([three[0], parts(2)[1], three[2]], ['a', 'b', 'c'])).toThrow('b is shard 1/2, but a is one of 3');
    expect(() => mergeSurfaceParts([three[0], { ...three[1], shard: { ...three[1].shard, rows: [4, 9] } }, three[2]], ['a', 'b', 'c'])).toThrow('b holds rows 4–9, but shard 1/3 of 13 rows is 4–8');
    expect(() => readSurfacePart(whole, 'full.json')).toThrow('full.json is a whole surface file, not a part: it needs no merging');
    expect(() => readSurfacePart('{"format": "losscape.surface-part/1"', 'cut.json')).toThrow(/cut\.json is not a surface part: the JSON does not parse/);
  });
});

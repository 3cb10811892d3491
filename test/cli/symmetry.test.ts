// `losscape symmetry`: transforms in command-line order with their loss changes, refusals as
// one line, the transformed run as a run file, alignment barriers and a Bezier curve.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunFile, runFileOf } from '../../engine/io/index.js';
import { fromStateDict, buildLayout } from '../../engine/nn/index.js';
import { presetRecipe, startRun, type RunRecipe } from '../../engine/train/index.js';
import { transformNetwork, type SymmetryTransform } from '../../engine/analysis/symmetry/index.js';
import { losscape } from './losscape.js';

let dir: string;

/** A small tanh model on Iris (with biases, so flips apply), trained with the given seed. */
function tanhRecipe(seed: number, batchNorm = false): RunRecipe {
  const recipe = presetRecipe('seed-iris');
  recipe.model = { hidden: [{ width: 8, activation: 'tanh', batchNorm }], loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 };
  recipe.init = { weights: 'xavier-normal' };
  recipe.optimizer = { kind: 'adam', lr: 0.05 };
  recipe.epochs = 150;
  recipe.snapshotEvery = 50;
  recipe.seed = seed;
  return recipe;
}

async function writeRun(name: string, recipe: RunRecipe): Promise<void> {
  const { trainer } = startRun(recipe);
  while (trainer.advance(1000));
  await fs.writeFile(path.join(dir, name), JSON.stringify(runFileOf(recipe, trainer)));
}

const read = async (name: string) => JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-symmetry-'));
  await writeRun('a.json', tanhRecipe(0));
  await writeRun('b.json', tanhRecipe(1));
  await writeRun('iris.json', presetRecipe('seed-iris'));
  await writeRun('bn.json', tanhRecipe(0, true));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('losscape symmetry', { timeout: 60_000 }, () => {
  it('applies transforms in command-line order, reports Δloss ≈ 0, and writes the transformed run', async () => {
    const result = await losscape(['symmetry', '--run', 'a.json', '--flip', '0:2', '--permute', '0:7,6,5,4,3,2,1,0', '--points', '11', '--out', 's.json', '--out-run', 't.json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const s = await read('s.json');
    expect(s.format).toBe('losscape.symmetry/1');
    expect(s.transforms.map((t: { kind: string }) => t.kind)).toEqual(['flip', 'permute']);
    for (const t of s.transforms) {
      expect(t.exact).toBe(true);
      expect(Math.abs(t.lossChange)).toBeLessThan(1e-12 * t.lossBefore);
    }
    expect(s.count).toMatchObject({ exact: String(40320 * 256), formula: '8! · 2^8', scientific: '1.032e7' });
    expect(s.canonical.maxDifference).toBe(0);
    expect(s.barrier.t).toHaveLength(11);
    expect(s.barrier.barrier).toBeGreaterThan(0.01); // two equivalent minima, a hill between them

    // The same maps through the engine give the same parameters.
    const a = readRunFile(await fs.readFile(path.join(dir, 'a.json'), 'utf8'));
    const layout = buildLayout(a.spec);
    const steps: SymmetryTransform[] = [{ kind: 'flip', layer: 0, unit: 2 }, { kind: 'permute', layer: 0, permutation: [7, 6, 5, 4, 3, 2, 1, 0] }];
    const want = steps.reduce((state, t) => transformNetwork(a.spec, state, t), { theta: a.theta, buffers: a.buffers });
    expect(fromStateDict(layout, s.params).theta).toEqual(want.theta);

    // The transformed run is a run file whose path was mapped along.
    const t = readRunFile(await fs.readFile(path.join(dir, 't.json'), 'utf8'));
    expect(t.theta).toEqual(want.theta);
    expect(t.trajectory.params.at(-1)).toEqual(Array.from(want.theta));
  });

  it('draws a random permutation from --seed', async () => {
    const one = await losscape(['symmetry', '--run', 'a.json', '--permute', '0:random', '--seed', '3'], dir);
    expect(one.code).toBe(0);
    const p = JSON.parse(one.stdout).transforms[0].permutation;
    expect([...p].sort((x: number, y: number) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(p).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses what is no symmetry, in one line with the reason', async () => {
    const rescale = await losscape(['symmetry', '--run', 'a.json', '--rescale', '0:1:2'], dir);
    expect(rescale.code).not.toBe(0);
    expect(rescale.stderr).toMatch(/^losscape: cannot rescale unit 1 of layer 0 by 2: layer 0 \(tanh\): tanh\(a·q\) ≠ a·tanh\(q\)/);
    expect(rescale.stderr.trim().split('\n')).toHaveLength(1);
    const logistic = await losscape(['symmetry', '--run', 'iris.json', '--flip', '0:3'], dir);
    expect(logistic.stderr).toMatch(/cannot flip unit 3 of layer 0: σ\(−q\) = 1 − σ\(q\).*bias: false/);
    const syntax = await losscape(['symmetry', '--run', 'a.json', '--flip', 'x'], dir);
    expect(syntax.stderr).toMatch(/layer:unit/);
  });

  it('--align lowers the linear barrier; --curve fits a Bezier curve below the straight line', async () => {
    const result = await losscape(['symmetry', '--run', 'a.json', '--align', 'b.json', '--curve', '--curve-steps', '120', '--out', 'al.json', '--out-aligned', 'b-aligned.json'], dir);
    expect(result.code).toBe(0);
    const s = await read('al.json');
    expect(s.transforms).toBeUndefined();
    expect(s.align.converged).toBe(true);
    expect(s.align.after.barrier).toBeLessThan(s.align.before.barrier);
    expect(Math.abs(s.align.lossOther.lossChange)).toBeLessThan(1e-12);
    expect(s.curve.to).toBe('other');
    expect(s.curve.trainingLoss).toHaveLength(120);
    expect(s.curve.profile.maxLoss).toBeLessThan(s.curve.line.maxLoss);
    const aligned = readRunFile(await fs.readFile(path.join(dir, 'b-aligned.json'), 'utf8'));
    expect(aligned.trajectory.params.at(-1)).toEqual(Array.from(aligned.theta));
  });

  it('refuses a scaling in front of batch norm by a ≠ ±1 without --approximate, saying why', async () => {
    const result = await losscape(['symmetry', '--run', 'bn.json', '--bn-scale', '0:1:3', '--out', 'bn-refused.json'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/scaling by 3 is no exact symmetry: batch norm's ε = 1e-5/);
    await expect(fs.access(path.join(dir, 'bn-refused.json'))).rejects.toThrow();
  });

  it('says a scaling in front of batch norm by a ≠ ±1 is approximate because of ε, and exact as ε → 0', async () => {
    const result = await losscape(['symmetry', '--run', 'bn.json', '--bn-scale', '0:1:3', '--bn-scale', '0:2:-1', '--approximate', '--out', 'bn-s.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^losscape: symmetry: not an exact symmetry: scale the weights into batch norm of unit 1 of layer 0 by 3 \(approximate because of batch norm's ε = 1e-5: .*exact only without batch norm's ε \(as ε → 0\)\)$/)]);
    const [scaled, flipped] = (await read('bn-s.json')).transforms;
    expect(scaled).toMatchObject({ kind: 'bn-scale', exact: false, note: expect.stringMatching(/^approximate because of batch norm's ε = 1e-5/) });
    expect(scaled.relativeChange).toBeGreaterThan(0);
    expect(scaled.relativeChange).toBeLessThan(1e-3);
    expect(flipped.exact).toBe(true);
    expect(flipped.note).toBeUndefined();
    expect(Math.abs(flipped.relativeChange)).toBeLessThan(1e-12);
  });

  it('--out-plane writes the plane through the run, its image and the curve’s control point for `losscape surface`', async () => {
    const result = await losscape(['symmetry', '--run', 'a.json', '--permute', '0:random', '--curve', 'image', '--curve-steps', '100', '--out', 'p.json', '--out-plane', 'plane.json'], dir);
    expect(result.code).toBe(0);
    const [s, plane] = [await read('p.json'), await read('plane.json')];
    expect(s.plane).toMatchObject({ third: 'control', endpoint: 'image', points: { run: [0, 0], endpoint: [1, 0] } });
    expect(plane.format).toBe('losscape.plane/1');
    const [d1, d2] = plane.directions as number[][];
    const dot = (u: number[], v: number[]) => u.reduce((sum, x, i) => sum + x * v[i], 0);
    expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-12 * dot(d1, d1));
    expect(dot(d2, d2)).toBeCloseTo(dot(d1, d1), 10);
    // The third point is the curve's control point: θ + α·d1 + β·d2.
    const theta = readRunFile(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).theta;
    const [alpha, beta] = plane.points.third;
    expect(beta).toBeGreaterThan(0);
    theta.forEach((v, i) => expect(v + alpha * d1[i] + beta * d2[i]).toBeCloseTo(s.curve.control[i], 10));
    expect(plane.xrange[0]).toBeLessThan(Math.min(0, alpha));
    expect(plane.yrange[1]).toBeGreaterThan(beta);

    // `losscape surface` slices that plane: the run and its image at (0, 0) and (1, 0) have the same loss, the line's barrier between them.
    const surface = await losscape(['surface', '--run', 'a.json', '--directions', 'file:plane.json', '--xrange', '0:1', '--yrange', '0:1', '--grid', '3', '--out', 'plane-surface.json'], dir);
    expect(surface.code).toBe(0);
    const loss = (await read('plane-surface.json')).values.loss as number[][];
    expect(loss[0][0]).toBeCloseTo(s.transforms[0].lossBefore, 10);
    expect(loss[2][0]).toBeCloseTo(s.transforms[0].lossBefore, 10);
    expect(loss[1][0] - loss[0][0]).toBeCloseTo(s.curve.line.loss[12] - s.curve.line.loss[0], 10);
  });

  it('refuses a plane it has no third point for, in one line', async () => {
    const result = await losscape(['symmetry', '--run', 'a.json', '--plane', 'aligned'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^losscape: --plane aligned needs --align other\.json\n$/);
  });
});

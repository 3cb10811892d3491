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
function tanhRecipe(seed: number): RunRecipe {
  const recipe = presetRecipe('seed-iris');
  recipe.model = { hidden: [{ width: 8, activation: 'tanh', batchNorm: false }], loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 };
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
});

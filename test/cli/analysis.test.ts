// `losscape hessian` and `losscape critical`: the JSON they write agrees with the engine, the
// curvature directions feed `losscape surface`, and bad input fails with one line.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../engine/data/index.js';
import { readRunFile, runStateOf } from '../../engine/io/index.js';
import { planSurface } from '../../engine/landscape/surface.js';
import { fullSpectrum, hessianAt, lossFunction, sharpnessOverTraining, trapezoid } from '../../engine/analysis/index.js';
import { losscape } from './losscape.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-analysis-'));
  const run = await losscape(['train', '--preset', 'seed-iris', '--epochs', '60', '--out', 'run.json'], dir);
  expect(run.code).toBe(0);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function readJson(name: string) {
  return JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));
}

/** The full spectrum of the run's final parameters, computed here through the engine. */
async function engineSpectrum() {
  const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
  const state = runStateOf(file);
  const loss = lossFunction(state, prepareData(file.data).train);
  return fullSpectrum(hessianAt(loss, state.theta)).values;
}

describe('losscape hessian and critical', { timeout: 60_000 }, () => {
  it('hessian --over-run: λ_max and the index at the run’s snapshots, as JSON and as CSV', async () => {
    const json = await losscape(['hessian', '--run', 'run.json', '--over-run', '--snapshots', '3', '--out', 's.json'], dir);
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/snapshots 100%/);
    const s = await readJson('s.json');
    expect(s).toMatchObject({ format: 'losscape.sharpness/1', method: 'full', size: 96, split: 'train' });
    const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
    const state = runStateOf(file);
    const expected = sharpnessOverTraining(lossFunction(state, prepareData(file.data).train), state.trajectory!, { points: 3, bottom: 5 });
    expect(s.points).toEqual(expected.points);
    expect(s.points.map((p: { step: number }) => p.step)).toEqual([0, 30, 60]);
    expect(s.timing.hvps).toBe(3 * 96);

    const csv = await losscape(['hessian', '--run', 'run.json', '--over-run', '--snapshots', '3', '--out', 's.csv'], dir);
    expect(csv.code).toBe(0);
    const lines = (await fs.readFile(path.join(dir, 's.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('step,loss,grad_norm,lambda_max,lambda_min,index,index_exact,hvps');
    expect(lines).toHaveLength(4);
    expect(Number(lines[3].split(',')[3])).toBe(expected.points[2].lambdaMax);
  });

  it('hessian: eigenvalues, trace, density and classification; its directions slice a surface', async () => {
    const result = await losscape(['hessian', '--run', 'run.json', '--top', '3', '--bottom', '2', '--density', '--density-probes', '2', '--steps', '20', '--out', 'h.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/hessian 100%/);
    const h = await readJson('h.json');
    expect(h).toMatchObject({ format: 'losscape.hessian/1', point: 'final', size: 96, method: 'full', split: 'train' });
    const values = await engineSpectrum();
    expect(h.eigenvalues.all).toHaveLength(96);
    expect(h.eigenvalues.top).toEqual([values[95], values[94], values[93]]);
    expect(h.eigenvalues.bottom).toEqual([values[0], values[1]]);
    expect(h.trace.exact).toBeCloseTo(values.reduce((s, l) => s + l, 0), 12);
    expect(Math.abs(h.trace.estimate - h.trace.exact)).toBeLessThan(4 * h.trace.standardError);
    const spacing = h.density.grid[1] - h.density.grid[0];
    expect(Math.abs(trapezoid(Float64Array.from(h.density.density), spacing) - 1)).toBeLessThan(1e-12);
    expect(h.classification.nearZero).toBe(16); // the softmax-shift directions
    expect(h.classification.label).toMatch(/^saddle of index \d+$|^minimum$/);
    expect(h.directions).toHaveLength(2);
    expect(h.directions[0]).toHaveLength(96);
    expect(h.timing.hvps).toBe(96 + 32 + 2 * 20);

    // `surface --directions file:h.json` reads exactly this pair: a 'given' direction choice.
    const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
    const directions = h.directions.map((d: number[]) => Float64Array.from(d)) as [Float64Array, Float64Array];
    const { plan } = planSurface(runStateOf(file), prepareData(file.data), {
      directions: { kind: 'given', directions, label: h.directionsInfo.label },
      alpha: { min: -1, max: 1, count: 3 },
      beta: { min: -1, max: 1, count: 3 },
      split: 'train',
      norm: 'batch',
    });
    expect(plan.d1).toEqual(directions[0]);
    expect(h.directionsInfo.mode).toBe(h.classification.kind === 'saddle' ? 'saddle' : 'top');
  });

  it('critical: reports the search (here it gives up), the classification and the point; --neb starts from the band', async () => {
    const result = await losscape(['critical', '--run', 'run.json', '--from', 'init', '--neb', 'final', '--images', '3', '--neb-tol', '1', '--max-iterations', '2', '--out', 'c.json', '--out-run', 'at.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/losscape: critical: no critical point within 2 iterations/);
    const c = await readJson('c.json');
    expect(c).toMatchObject({ format: 'losscape.critical/1', method: 'lm', converged: false, iterations: 2, from: 'init' });
    expect(c.neb.path).toHaveLength(5);
    expect(c.history[0].gradientNorm).toBe(c.start.gradientNorm);
    expect(c.history).toHaveLength(3);
    expect(c.gradientNorm).toBeLessThan(c.start.gradientNorm);
    expect(c.theta).toHaveLength(96);
    expect(c.classification.tolerances.gradient).toBe(1e-8);
    expect(c.directions).toHaveLength(2);
    // The run written with --out-run has the point found as its parameters.
    const moved = runStateOf(readRunFile(await fs.readFile(path.join(dir, 'at.json'), 'utf8')));
    expect(Array.from(moved.theta)).toEqual(c.theta);
  });

  it('critical: seed-iris-wd (weight decay 1e-3) trained and refined by saddle-free Newton is a minimum', async () => {
    const train = await losscape(['train', '--preset', 'seed-iris-wd', '--out', 'wd.json'], dir);
    expect(train.code).toBe(0);
    const result = await losscape(['critical', '--run', 'wd.json', '--method', 'saddle-free', '--tol', '1e-10', '--out', 'wd-c.json'], dir);
    expect(result.code).toBe(0);
    const c = await readJson('wd-c.json');
    expect(c).toMatchObject({ method: 'saddle-free', converged: true });
    expect(c.gradientNorm).toBeLessThanOrEqual(1e-10);
    expect(c.classification).toMatchObject({ label: 'minimum', index: 0, critical: true });
  });

  it('bad input fails with one line', async () => {
    const top = await losscape(['hessian', '--run', 'run.json', '--top', '0'], dir);
    expect(top.code).not.toBe(0);
    expect(top.stderr.trim()).toBe("losscape: option '--top <k>' argument '0' is invalid. expected a whole number ≥ 1, got 0");
    const method = await losscape(['critical', '--run', 'run.json', '--method', 'newton'], dir);
    expect(method.code).not.toBe(0);
    expect(method.stderr).toMatch(/Allowed choices are auto, lm, lm-cg, saddle-free/);
    const missing = await losscape(['hessian', '--run', 'nope.json'], dir);
    expect(missing.stderr.trim()).toBe('losscape: cannot read nope.json: ENOENT');
  });
});

// Project files (losscape.project/1): save → open gives the identical project; truncated,
// corrupt, foreign or newer files are refused with a message saying which.
import { describe, expect, it } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile, runFileOf, type JsonValue } from '../../../engine/io/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import { syntheticSurface } from './syntheticSurface.js';

const recipe = presetRecipe('moons-batchnorm');
recipe.epochs = 1;
const { trainer } = startRun(recipe);
while (trainer.advance(100));
const run = JSON.parse(JSON.stringify(runFileOf(recipe, trainer)));
const state: JsonValue = {
  settings: { theme: 'dark', colormap: 'cividis', grid: 51, range: [-1, 1] },
  comparisons: [{ left: 0, right: 1, sync: true }],
  views: { surface3d: { azimuth: -60, elevation: 30, zoom: 1.25 }, contour: null },
  note: 'Lecture 7 — α, β & L(θ) "quoted"',
};
const project = projectFileOf({ state, runs: [run], surfaces: [syntheticSurface(5, 4), syntheticSurface(3, 3, { trajectory: false })], savedAt: new Date('2025-03-01T09:30:00Z') });

describe('project files (losscape.project/1)', () => {
  it('round-trip: save → open gives the identical project, and saving it again the identical text', () => {
    const text = projectFileText(project);
    const opened = readProjectFile(text);
    expect(opened).toEqual(project);
    expect(projectFileText(opened)).toBe(text);
    expect(opened.savedAt).toBe('2025-03-01T09:30:00.000Z');
  });

  it('refuse an empty, truncated or corrupt file', () => {
    const text = projectFileText(project);
    expect(() => readProjectFile('')).toThrow('this project file is empty');
    for (const cut of [1, 100, text.length / 2, text.length - 3]) {
      expect(() => readProjectFile(text.slice(0, Math.floor(cut)))).toThrow(/this project file is truncated or corrupt: the JSON does not parse/);
    }
    expect(() => readProjectFile(text.replace('"runs":', '"runz":'))).toThrow('the project file is incomplete: "runs" is not a list');
    expect(() => readProjectFile(text.replace('"savedAt":"2025', '"savedAt":"yesterday'))).toThrow('"savedAt" is not a date');
  });

  it('refuse a newer format, asking to update, and other Losscape files, naming them', () => {
    const text = projectFileText(project);
    expect(() => readProjectFile(text.replace('losscape.project/1', 'losscape.project/2'))).toThrow(/saved by a newer Losscape \(losscape\.project\/2.*update Losscape/);
    expect(() => readProjectFile(JSON.stringify(run))).toThrow('this is a run file (losscape.run/1), not a project; open it as a run');
    expect(() => readProjectFile('[1, 2]')).toThrow('this is not a Losscape project file: it has no "format" field');
  });

  it('validate the runs and surfaces inside, naming the damaged one', () => {
    const broken = JSON.parse(projectFileText(project));
    broken.surfaces[1].values.loss.pop();
    expect(() => readProjectFile(JSON.stringify(broken))).toThrow('surface 2 of the project is damaged: the surface file\'s "values.loss" must be a list of 3, got a list of 2');
    const badRun = JSON.parse(projectFileText(project));
    badRun.runs[0].params['layers.0.weight'].shape = [1, 1];
    expect(() => readProjectFile(JSON.stringify(badRun))).toThrow('run 1 of the project is damaged: the run file\'s "params.layers.0.weight" holds 32 numbers, its shape [1, 1] needs 1');
  });

  it('refuse to save state JSON would change: NaN, undefined, typed arrays, cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [{ zoom: NaN }, /state\.zoom is NaN/],
      [{ list: [1, undefined] }, /state\.list\[1\] is undefined/],
      [{ theta: new Float64Array(2) }, /state\.theta is a Float64Array; store plain objects and arrays/],
      [{ when: new Date() }, /state\.when is a Date/],
      [cyclic, /state\.self refers back to itself/],
    ];
    for (const [bad, message] of cases) expect(() => projectFileOf({ state: bad as JsonValue })).toThrow(message);
    const shared = { x: 1 };
    expect(() => projectFileOf({ state: { a: shared, b: shared } })).not.toThrow();
  });
});

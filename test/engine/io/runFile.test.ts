import { describe, expect, it } from 'vitest';
import { readRunFile, recipeOf, runFileOf } from '../../../engine/io/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';

const recipe = presetRecipe('moons-batchnorm');
recipe.epochs = 2;
const { trainer } = startRun(recipe);
while (trainer.advance(100));
const text = JSON.stringify(runFileOf(recipe, trainer));

describe('run files (losscape.run/1)', () => {
  it('hold the final θ and buffers by state_dict name, exactly, and the recipe that reruns them bit for bit', () => {
    const file = readRunFile(text);
    expect(file.format).toBe('losscape.run/1');
    expect(file.theta).toEqual(trainer.state.theta);
    expect(file.buffers).toEqual(trainer.state.buffers);
    expect(Object.keys(file.params)).toContain('layers.0.bn.running_var');
    expect(file.history).toEqual(trainer.state.history);
    const rerun = startRun(recipeOf(file)).trainer;
    while (rerun.advance(100));
    expect(rerun.state.theta).toEqual(trainer.state.theta);
  });

  it('refuse what is not a run file, a newer format, a truncated file and misfit parameters, saying which', () => {
    expect(() => readRunFile(text.slice(0, 200))).toThrow(/this is not a run file: the JSON does not parse/);
    expect(() => readRunFile('{"a": 1}')).toThrow('this is not a run file: it has no "format" field');
    expect(() => readRunFile(text.replace('losscape.run/1', 'losscape.run/7'))).toThrow(/newer than this Losscape reads/);
    const broken = JSON.parse(text);
    broken.params['layers.0.weight'].shape = [2, 16];
    expect(() => readRunFile(JSON.stringify(broken))).toThrow(/parameters do not fit its model: .*layers.0.weight has shape \[2, 16\]/);
    delete broken.history;
    expect(() => readRunFile(JSON.stringify(broken))).toThrow('the run file is incomplete: "history" is missing');
  });
});

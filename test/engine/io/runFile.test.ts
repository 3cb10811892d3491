import { describe, expect, it } from 'vitest';
import { readRunFile, recipeOf, runFileOf } from '../../../engine/io/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';

/** A parsed run file, damaged freely. */
type Json = ReturnType<typeof JSON.parse>;

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

  it('read back a run given in steps that ends mid-epoch (its last epoch a fraction)', () => {
    const steps = presetRecipe('digits-adam');
    steps.steps = 3;
    const { trainer: run, data } = startRun(steps);
    while (run.advance(100));
    const file = readRunFile(JSON.stringify(runFileOf(steps, run)));
    expect(file.history.at(-1)!.epoch).toBeCloseTo(3 / Math.ceil(data.train.n / (steps.batchSize as number)), 12);
    expect(file.theta).toEqual(run.state.theta);
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

  it.each([
    ['hidden layers that are text', (f: Json) => (f.spec.hidden = 'x'), `the run file's "spec" is not a model Losscape can build: the hidden layers must be a list of {width, activation, batchNorm}, got "x"`],
    ['a negative width', (f: Json) => (f.spec.hidden[0].width = -3), `the run file's "spec" is not a model Losscape can build: hidden layer 0's width must be a whole number ≥ 1, got -3`],
    ['an unknown activation', (f: Json) => (f.spec.hidden[1].activation = 'swish'), `the run file's "spec" is not a model Losscape can build: hidden layer 1: unknown activation "swish"; choose one of`],
    ['loss: 0', (f: Json) => (f.spec.loss = 0), `the run file's "spec" is not a model Losscape can build: unknown loss 0; choose one of mse, bce, softmax-ce`],
    ['text in the weights', (f: Json) => (f.params['layers.0.weight'].data[2] = 'x'), `the run file's "params.layers.0.weight.data[2]" must be a number, got "x"`],
    ['1e999 in the weights', (f: Json) => (f.params['layers.1.weight'].data[3] = 'INF'), `the run file's "params.layers.1.weight.data" holds 1 non-finite value (the first, Infinity, at index 3); every number must be finite`],
    ['a path that is not a list', (f: Json) => (f.trajectory.steps = 5), `the run file's "trajectory.steps" must be a list, got 5`],
    ['a snapshot of the wrong length', (f: Json) => f.trajectory.params[1].pop(), `the run file's "trajectory.params[1]" must be a list of`],
    ['a huge model for few numbers', (f: Json) => (f.spec.hidden = [{ width: 2 ** 40, activation: 'tanh', batchNorm: false }]), `the run file's parameters do not fit its model: "params" holds`],
  ])('refuse %s before computing anything, naming the field', (_label, damage, message) => {
    const file = JSON.parse(text);
    damage(file);
    expect(() => readRunFile(JSON.stringify(file).replace('"INF"', '1e999'))).toThrow(message);
  });
});

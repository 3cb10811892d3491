// The float32 training mode (recipe `precision: 'float32'`): its loss trajectory follows
// float64's, float64 stays the default with its own bits, and the run file records the mode.
import { describe, expect, it } from 'vitest';
import { readRunFile, recipeOf, runFileOf } from '../../../engine/io/index.js';
import { presetRecipe, startRun, type RunRecipe } from '../../../engine/train/index.js';

/** digits-adam (64 → 128 ReLU → 10, Adam) for `steps` steps at `batchSize`, in `precision`. */
function digits(steps: number, batchSize: RunRecipe['batchSize'], precision?: 'float32' | 'float64'): RunRecipe {
  const recipe = { ...presetRecipe('digits-adam'), steps, batchSize, ...(precision ? { precision } : {}) };
  delete recipe.epochs;
  return recipe;
}

function finish(recipe: RunRecipe) {
  const { trainer } = startRun(recipe);
  while (trainer.advance(1000));
  expect(trainer.state.status).toBe('done');
  return trainer.state;
}

const worstRelative = (got: Float64Array, want: Float64Array) => Math.max(...want.map((w, k) => Math.abs(got[k] - w) / Math.abs(w)));

describe('float32 training', { timeout: 60_000 }, () => {
  /**
   * Per-step minibatch loss, relative to float64's. Measured: ≤ 3e-7 over 200 steps at batch
   * 32 and ≤ 2e-7 over 40 full-batch steps (the weight gradient in 12 chunks of 128 rows);
   * the gap grows as the trajectories drift apart, so 1e-5 holds with room over these runs
   * yet fails for a float32 mode that gets a product wrong (a dropped term moves the loss by far more).
   */
  const TOLERANCE = 1e-5;

  for (const [steps, batch] of [[200, 32], [40, 'full']] as const) {
    it(`follows float64's loss step by step (${steps} steps, batch ${batch}) to ${TOLERANCE} relative`, () => {
      const f64 = finish(digits(steps, batch));
      const f32 = finish(digits(steps, batch, 'float32'));
      const l64 = f64.stepLosses.values();
      const l32 = f32.stepLosses.values();
      expect(l32.length).toBe(steps);
      expect(worstRelative(l32, l64)).toBeLessThanOrEqual(TOLERANCE);
      // Not float64 by another name: float32 products round differently.
      expect(l32.some((v, k) => v !== l64[k])).toBe(true);
      expect(f32.history.at(-1)!.loss).toBeLessThan(f32.history[0].loss / 2);
    });
  }

  it('absent precision is float64: the same bits as precision float64, and no precision in the run file', () => {
    const absent = startRun(digits(20, 32)).trainer;
    const explicit = startRun(digits(20, 32, 'float64')).trainer;
    while (absent.advance(1000));
    while (explicit.advance(1000));
    expect(absent.state.theta).toEqual(explicit.state.theta);
    expect(Array.from(absent.state.stepLosses.values())).toEqual(Array.from(explicit.state.stepLosses.values()));
    expect('precision' in runFileOf(digits(20, 32), absent).training).toBe(false);
  });

  it('the run file records float32 in its training object, and its recipe reruns the same run', () => {
    // A whole epoch: the reader takes only whole epochs in the history (a run that ends mid-epoch is refused today).
    const recipe: RunRecipe = { ...presetRecipe('digits-adam'), epochs: 1, precision: 'float32' };
    const { trainer } = startRun(recipe);
    while (trainer.advance(1000));
    const file = readRunFile(JSON.stringify(runFileOf(recipe, trainer)));
    expect(file.training.precision).toBe('float32');
    const again = finish(recipeOf(file));
    expect(again.theta).toEqual(trainer.state.theta);
  });

  it('refuses an unknown precision, naming the choices', () => {
    expect(() => startRun({ ...digits(10, 32), precision: 'float16' as 'float32' })).toThrow(/unknown precision "float16"; choose float64 or float32/);
  });
});

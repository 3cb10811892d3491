// Sharpness along a run: λ_max and the Hessian index at each snapshot, on a function whose
// Hessian is known in closed form and on a trained network against its full Hessian.
import { describe, expect, it } from 'vitest';
import { add, fromData, mul, pow, slice, sum, type Tensor } from '../../../engine/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import { evenlySpaced, fullSpectrum, hessianAt, lossFunction, lossFunctionOf, sharpnessOverTraining } from '../../../engine/analysis/index.js';

describe('sharpnessOverTraining', () => {
  it('follows the double well f = x⁴/4 − x²/2 + y²/2, H = diag(3x² − 1, 1), from its saddle to its minimum', () => {
    const f = lossFunctionOf((t: Tensor) => {
      const x = slice(t, 0, 1);
      const y = slice(t, 1, 2);
      return sum(add(add(mul(pow(x, 4), 0.25), mul(pow(x, 2), -0.5)), mul(pow(y, 2), 0.5)));
    }, 2);
    const xs = [0, 0.5, 0.8, 1];
    const trajectory = { steps: [0, 10, 20, 30], params: xs.map((x) => Float64Array.of(x, 0.3)) };
    const series = sharpnessOverTraining(f, trajectory);
    expect(series.method).toBe('full');
    expect(series.points.map((p) => p.step)).toEqual([0, 10, 20, 30]);
    const expected = xs.map((x) => [3 * x * x - 1, 1]);
    series.points.forEach((p, i) => {
      expect(p.lambdaMax).toBeCloseTo(Math.max(...expected[i]), 12);
      expect(p.lambdaMin).toBeCloseTo(Math.min(...expected[i]), 12);
      expect(p.indexExact).toBe(true);
    });
    expect(series.points.map((p) => p.index)).toEqual([1, 1, 0, 0]);
    expect(series.points[3].gradientNorm).toBeCloseTo(0.3, 12);
  });

  it('on a trained seed-iris run: λ_max and the index from the full Hessian at each snapshot, Lanczos agreeing', () => {
    const { trainer, data } = startRun(presetRecipe('seed-iris'));
    while (trainer.advance(1000));
    const loss = lossFunction({ spec: trainer.config.spec, buffers: trainer.state.buffers }, data.train);
    const trajectory = trainer.state.trajectory;
    expect(trajectory.params.length).toBeGreaterThan(20);
    const progress: number[] = [];
    const full = sharpnessOverTraining(loss, trajectory, { points: 5, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const picked = evenlySpaced(trajectory.params.length, 5);
    expect(full.points.map((p) => p.step)).toEqual(picked.map((i) => trajectory.steps[i]));
    full.points.forEach((p, k) => {
      const { values } = fullSpectrum(hessianAt(loss, trajectory.params[picked[k]]));
      expect(p.lambdaMax).toBe(values[values.length - 1]);
      const band = 1e-8 * Math.max(-values[0], values[values.length - 1]);
      expect(p.index).toBe(Array.from(values).filter((l) => l < -band).length);
      expect(p.hvps).toBe(96);
    });
    // Gradient descent flattens this loss as it goes (λ_max 1.47 → 0.79) and leaves negative
    // curvature behind (index 36 → 28, the documented saddle-shaped end point).
    full.points.slice(1).forEach((p, k) => expect(p.lambdaMax).toBeLessThan(full.points[k].lambdaMax));
    expect(full.points[0].lambdaMax).toBeCloseTo(1.4749, 4);
    expect(full.points[4].lambdaMax).toBeCloseTo(0.7873, 4);
    expect(full.points.map((p) => p.index)).toEqual([36, 29, 29, 28, 28]);

    const lanczos = sharpnessOverTraining(loss, trajectory, { points: 5, method: 'lanczos', bottom: 40 });
    expect(lanczos.method).toBe('lanczos');
    lanczos.points.forEach((p, k) => {
      expect(Math.abs(p.lambdaMax - full.points[k].lambdaMax)).toBeLessThan(1e-8 * p.lambdaMax);
      expect(p).toMatchObject({ index: full.points[k].index, indexExact: true });
    });
  });

  it('with Lanczos, an index as large as `bottom` is reported as a lower bound', () => {
    // f = Σ cᵢ·xᵢ²/2 with 6 negative curvatures: Lanczos asked for the 3 smallest sees only negatives.
    const c = [-3, -2.5, -2, -1.5, -1, -0.5, 1, 2, 3, 4];
    const f = lossFunctionOf((t: Tensor) => sum(mul(mul(t, t), fromData(Float64Array.from(c, (v) => v / 2), [10]))), 10);
    const [p] = sharpnessOverTraining(f, { steps: [0], params: [new Float64Array(10).fill(0.1)] }, { method: 'lanczos', bottom: 3 }).points;
    expect(p.lambdaMax).toBeCloseTo(4, 10);
    expect(p.lambdaMin).toBeCloseTo(-3, 10);
    expect(p).toMatchObject({ index: 3, indexExact: false });
  });

  it('picks evenly spaced snapshots and refuses a run without a trajectory', () => {
    expect(evenlySpaced(10, 4)).toEqual([0, 3, 6, 9]);
    expect(evenlySpaced(3, 10)).toEqual([0, 1, 2]);
    expect(evenlySpaced(5, 1)).toEqual([4]);
    const f = lossFunctionOf((t: Tensor) => sum(mul(t, t)), 2);
    expect(() => sharpnessOverTraining(f, { steps: [], params: [] })).toThrow(/no trajectory/);
  });
});

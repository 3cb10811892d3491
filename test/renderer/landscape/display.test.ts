import { describe, expect, it } from 'vitest';
import { LOG_FLOOR, metricLabel, plottedRange, transformFor, unionOf, valueAt } from '../../../renderer/landscape/display.js';
import { linspace, rangeCovering } from '../../../renderer/landscape/autoRange.js';

const alpha = Float64Array.of(-1, 0, 1);
const beta = Float64Array.of(-2, 0, 2);
// f(α, β) = α + 10β, values[i·3 + j].
const values = Float64Array.from({ length: 9 }, (_, k) => alpha[Math.floor(k / 3)] + 10 * beta[k % 3]);

describe('surface display', () => {
  it('interpolates bilinearly between grid points, and is NaN off the grid', () => {
    expect(valueAt({ alpha, beta, values }, 0.5, 1)).toBeCloseTo(10.5, 12);
    expect(valueAt({ alpha, beta, values }, 1, 2)).toBe(21);
    expect(valueAt({ alpha, beta, values }, 1.01, 0)).toBeNaN();
  });

  it('plots log₁₀ of the loss on the log scale, never of the accuracy', () => {
    expect(transformFor('loss', true)(100)).toBe(2);
    expect(transformFor('loss', true)(0)).toBe(Math.log10(LOG_FLOOR));
    expect(transformFor('accuracy', true)(0.5)).toBe(0.5);
    expect(metricLabel('loss', true)).toBe('loss (log)');
  });

  it('takes the plotted range of the known values', () => {
    expect(plottedRange(Float64Array.of(NaN, 10, 1000, Infinity), transformFor('loss', true))).toEqual({ min: 1, max: 3 });
    expect(plottedRange(Float64Array.of(NaN), (v) => v)).toBeNull();
    expect(unionOf([{ min: 0, max: 1 }, null, { min: -1, max: 0.5 }])).toEqual({ min: -1, max: 1 });
  });

  it('frames a trajectory with a margin, always including θ* at 0', () => {
    expect(rangeCovering([0.2, 1, 0.5])).toEqual({ min: -0.15, max: 1.15 });
    expect(rangeCovering([-3, -1])).toEqual({ min: -3.45, max: 0.45 });
    expect(rangeCovering([0, 0])).toEqual({ min: -1, max: 1 });
    expect(Array.from(linspace({ min: -1, max: 1 }, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});

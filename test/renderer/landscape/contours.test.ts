import { describe, expect, it } from 'vitest';
import { contourLevels, contourSegments } from '../../../renderer/landscape/contours.js';

/** f(i, j) on an n × n grid, values[i·n + j]. */
function grid(n: number, f: (i: number, j: number) => number): Float64Array {
  return Float64Array.from({ length: n * n }, (_, k) => f(Math.floor(k / n), k % n));
}

describe('contour segments by marching squares', () => {
  it('puts the level set of a cone on its circle', () => {
    const n = 41;
    const c = 20;
    const values = grid(n, (i, j) => Math.hypot(i - c, j - c));
    const segments = contourSegments(values, n, n, 10);
    expect(segments.length).toBeGreaterThan(4 * 40);
    for (let k = 0; k < segments.length; k += 2) {
      expect(Math.hypot(segments[k] - c, segments[k + 1] - c)).toBeCloseTo(10, 0);
    }
  });

  it('finds a straight line where a plane crosses the level, between the right grid points', () => {
    const values = grid(5, (i) => i);
    const segments = contourSegments(values, 5, 5, 2.5);
    expect(segments.length).toBe(4 * 4);
    for (let k = 0; k < segments.length; k += 2) expect(segments[k]).toBeCloseTo(2.5, 12);
  });

  it('draws two segments through a saddle cell and none through unknown cells', () => {
    // Corners 1, 0, 0, 1 around the cell: the level 0.5 crosses all four edges.
    const saddle = Float64Array.of(1, 0, 0, 1);
    expect(contourSegments(saddle, 2, 2, 0.5).length).toBe(8);
    expect(contourSegments(Float64Array.of(1, NaN, 0, 1), 2, 2, 0.5)).toEqual([]);
  });

  it('chooses round levels strictly inside the range', () => {
    const levels = contourLevels(0.12, 1.3, 10);
    expect(levels[0]).toBeGreaterThan(0.12);
    expect(levels.at(-1)).toBeLessThan(1.3);
    expect(levels).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1.2].map((l) => expect.closeTo(l, 12)));
    expect(contourLevels(1, 1)).toEqual([]);
  });
});

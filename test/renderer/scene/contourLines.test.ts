import { describe, expect, it } from 'vitest';
import { contourLevels } from '../../../renderer/landscape/contours.js';
import { valueAt } from '../../../renderer/landscape/display.js';
import { contourLines } from '../../../renderer/scene/contourLines.js';
import { FLOOR_Y, frameOf, gridX, gridY, worldY } from '../../../renderer/scene/frame.js';

const n = 21;
const alpha = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
// β spans twice α's range: the lines must follow the axis values, not the indices.
const beta = Float64Array.from({ length: n }, (_, j) => -2 + (4 * j) / (n - 1));
// A tilted bowl α² + β²/4 + α/3.
const values = Float64Array.from({ length: n * n }, (_, k) => alpha[Math.floor(k / n)] ** 2 + beta[k % n] ** 2 / 4 + alpha[Math.floor(k / n)] / 3);
const grid = { alpha, beta, values };
const frame = frameOf(alpha, beta, { min: Math.min(...values), max: Math.max(...values) });
const levels = contourLevels(frame.fMin, frame.fMax, 8);

describe('contour lines in 3D', () => {
  it('puts every vertex on the surface at its level’s height', () => {
    const lines = contourLines(grid, frame, levels, { height: (level) => worldY(frame, level), color: () => [1, 1, 1] });
    expect(lines.positions.length).toBeGreaterThan(6 * 100);
    const heights = new Set(levels.map((level) => Math.fround(worldY(frame, level))));
    for (let k = 0; k < lines.positions.length; k += 3) {
      const [X, Y, Z] = lines.positions.subarray(k, k + 3);
      expect(heights.has(Y)).toBe(true);
      // The surface's value under the vertex is the level whose height the vertex has.
      const level = Y / frame.sf + frame.fMin;
      expect(valueAt(grid, gridX(frame, X), gridY(frame, Z))).toBeCloseTo(level, 4);
    }
  });

  it('lays the projection flat on the floor, coloured by level', () => {
    const lines = contourLines(grid, frame, levels, { height: () => FLOOR_Y, color: (level) => [level, 0, 1] });
    expect(lines.colors.length).toBe(lines.positions.length);
    for (let k = 1; k < lines.positions.length; k += 3) expect(lines.positions[k]).toBeCloseTo(FLOOR_Y, 6);
    const reds = new Set(Array.from(lines.colors.filter((_, k) => k % 3 === 0)));
    expect(reds.size).toBe(levels.length);
  });

  it('draws nothing for no levels and skips unknown cells', () => {
    expect(contourLines(grid, frame, [], { height: () => 0, color: () => [0, 0, 0] }).positions.length).toBe(0);
    const unknown = { alpha, beta, values: new Float64Array(n * n).fill(NaN) };
    expect(contourLines(unknown, frame, levels, { height: () => 0, color: () => [0, 0, 0] }).positions.length).toBe(0);
  });
});

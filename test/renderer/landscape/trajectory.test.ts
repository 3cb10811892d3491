import { describe, expect, it } from 'vitest';
import type { TrajectoryPoint } from '../../../engine/landscape/surface.js';
import { pathPolylines, pathSpan, positionAlong } from '../../../renderer/landscape/trajectory.js';

const point = (step: number, alpha: number, beta: number, loss: number): TrajectoryPoint => ({ step, alpha, beta, loss, planeLoss: loss, distance: 0 });
const path = [point(0, -1, -1, 2), point(10, 0, 0, 1), point(20, 1, 0, 0.5)];

describe('the trajectory on the plane', () => {
  it('places the playback marker evenly per snapshot, clamped to the path', () => {
    expect(positionAlong(path, 0)).toMatchObject({ alpha: -1, beta: -1, step: 0, index: 0 });
    expect(positionAlong(path, 0.25)).toMatchObject({ alpha: -0.5, beta: -0.5, step: 5, loss: 1.5, index: 0 });
    expect(positionAlong(path, 1)).toMatchObject({ alpha: 1, beta: 0, step: 20, index: 2 });
    expect(positionAlong(path, 7)).toMatchObject({ step: 20 });
    expect(positionAlong([], 0.5)).toBeNull();
  });

  it('follows the surface between snapshots and breaks where the surface is unknown', () => {
    const lines = pathPolylines(path, (a) => (a > 0.4 && a < 0.6 ? NaN : a * a), 4);
    expect(lines).toHaveLength(2);
    expect(lines[0][0]).toEqual({ alpha: -1, beta: -1, height: 1 });
    expect(lines[0].at(-1)!.alpha).toBeCloseTo(0.25, 12);
    expect(lines[1][0].alpha).toBeCloseTo(0.75, 12);
    expect(lines.flat().every((v) => v.height === v.alpha * v.alpha)).toBe(true);
  });
});

describe('the path’s extent on the plane', () => {
  it('measures the farthest snapshot against the plane’s half-width', () => {
    const axis = Float64Array.of(-2, 0, 2);
    expect(pathSpan(path, axis, axis)).toBe(0.5);
    expect(pathSpan([point(0, 0.01, -0.02, 1)], axis, axis)).toBeCloseTo(0.01, 12);
  });
});

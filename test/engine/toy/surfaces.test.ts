import { describe, expect, it } from 'vitest';
import { evaluateToySurface } from '../../../engine/toy/surfaces.js';

describe('toy surfaces', () => {
  it('the saddle x² − y² and its gradient (2x, −2y) on the grid, exactly', () => {
    const g = evaluateToySurface('saddle', { x: { min: -1, max: 1, count: 5 }, y: { min: -2, max: 2, count: 3 } });
    expect([...g.x]).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect([...g.y]).toEqual([-2, 0, 2]);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) {
      const k = i * 3 + j;
      expect(g.z[k]).toBe(g.x[i] ** 2 - g.y[j] ** 2);
      expect(g.gradX[k]).toBe(2 * g.x[i]);
      expect(g.gradY[k]).toBe(-2 * g.y[j]);
    }
  });

  it('Rosenbrock has its minimum 0 with zero gradient at (1, 1)', () => {
    const g = evaluateToySurface('rosenbrock', { x: { min: 0, max: 1, count: 3 }, y: { min: 0, max: 1, count: 3 } });
    expect(g.z[8]).toBe(0);
    expect(Math.abs(g.gradX[8]) + Math.abs(g.gradY[8])).toBe(0);
    expect(g.gradX[0]).toBe(-2); // ∂/∂x at (0, 0): −2(1 − x) − 400x(y − x²) = −2
  });

  it('refuses an empty range and an unreasonable grid', () => {
    expect(() => evaluateToySurface('bowl', { x: { min: 1, max: 1, count: 5 }, y: { min: 0, max: 1, count: 5 } })).toThrow(/x: the range needs min < max/);
    expect(() => evaluateToySurface('bowl', { x: { min: 0, max: 1, count: 5 }, y: { min: 0, max: 1, count: 1e6 } })).toThrow(/y: the number of points must be a whole number from 2 to 1001/);
  });
});

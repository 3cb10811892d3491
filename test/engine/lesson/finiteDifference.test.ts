// Finite differences against the exact derivative: truncation error falls as ε (forward) or
// ε² (central) until round-off, growing as 1/ε, takes over.
import { describe, expect, it } from 'vitest';
import { UNIT_ROUNDOFF, buildGraph, evaluateGraph, finiteDifferences, parseExpression } from '../../../engine/lesson/index.js';

describe('finite differences of sin at x = 1', () => {
  const graph = buildGraph(parseExpression('sin(x)'));
  const trace = evaluateGraph(graph, { x: 1 });
  const study = finiteDifferences(graph, trace, 'x', 'f');

  it('sweeps ε from 10⁻¹ to 10⁻¹⁶ on a log grid, four steps a decade', () => {
    expect(study.points).toHaveLength(61);
    expect(study.points[0].epsilon).toBe(0.1);
    expect(study.points[60].epsilon).toBeCloseTo(1e-16, 30);
    expect(study.points[4].epsilon).toBeCloseTo(0.01, 17);
    expect([study.exact, study.value, study.second, study.third]).toEqual([Math.cos(1), Math.sin(1), -Math.sin(1), -Math.cos(1)]);
  });

  it('has truncation error ε|f″|/2 (forward) and ε²|f‴|/6 (central) for large ε', () => {
    for (const p of study.points.filter((q) => q.epsilon >= 1e-3)) {
      expect(p.forwardError / ((p.epsilon * Math.sin(1)) / 2)).toBeCloseTo(1, 1);
      expect(p.centralError / ((p.epsilon ** 2 * Math.cos(1)) / 6)).toBeCloseTo(1, 1);
      expect(p.forwardError / p.forwardModel).toBeCloseTo(1, 1);
    }
  });

  it('is best near √u for forward and ∛u for central differences, and useless at ε = 10⁻¹⁶', () => {
    expect(study.best.forward.epsilon).toBeGreaterThan(1e-10);
    expect(study.best.forward.epsilon).toBeLessThan(1e-6);
    expect(study.best.central.epsilon).toBeGreaterThan(1e-7);
    expect(study.best.central.epsilon).toBeLessThan(1e-3);
    expect(study.best.forward.error).toBeLessThan(1e-7);
    expect(study.best.central.error).toBeLessThan(1e-10);
    const last = study.points[60];
    expect(last.forwardError).toBeGreaterThan(1e-2);
    expect(last.centralError).toBeGreaterThan(1e-2);
    expect(UNIT_ROUNDOFF).toBe(2 ** -53);
  });

  it('is never better than autodiff: every step leaves an error, the exact derivative none', () => {
    expect(Math.min(...study.points.map((p) => Math.min(p.forwardError, p.centralError)))).toBeGreaterThan(0);
  });
});

describe('finite differences of one output by one input', () => {
  const graph = buildGraph(parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'), ['w0', 'w1', 'x']);
  const trace = evaluateGraph(graph, { w0: 0.3, w1: -1.2, x: 0.7 });

  it('differentiates the chosen output by the chosen input, on a grid of the caller\'s choice', () => {
    const study = finiteDifferences(graph, trace, 'w1', 'y2', { from: -2, to: -12, perDecade: 2 });
    expect(study.points).toHaveLength(21);
    expect(study.exact).toBe(-0.7 * Math.sin(-1.2 * 0.7 + 0.3));
    expect(study.at).toBe(-1.2);
    expect(study.best.central.error).toBeLessThan(1e-9);
  });

  it('rejects an unknown output or input and an empty grid', () => {
    expect(() => finiteDifferences(graph, trace, 'w1', 'y3')).toThrow('"y3" is not an output');
    expect(() => finiteDifferences(graph, trace, 'v', 'y1')).toThrow('"v" is not an input');
    expect(() => finiteDifferences(graph, trace, 'x', 'y1', { from: -5, to: -2 })).toThrow('from > to');
  });
});

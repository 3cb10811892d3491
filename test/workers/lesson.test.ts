// The lesson worker's endpoint, called directly: the lecture's numbering of the inputs, the
// fallback values, bad expressions answered with their position, and the two studies that
// do not depend on the expression.
import { describe, expect, it } from 'vitest';
import { lectureInputOrder, lessonEndpoint } from '../../workers/lesson.js';

const lecture = 'y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)';

describe('lessonEndpoint.lesson', () => {
  it('numbers the inputs as the lecture does (a₁ = w₀, a₂ = w₁, a₃ = x) and seeds as asked', () => {
    const response = lessonEndpoint.lesson({ source: lecture, values: { w0: 0.5, w1: 2, x: 0.75 }, wrt: 'w1', of: 'y2' });
    if (!response.ok) throw new Error(response.problem.message);
    const { lesson } = response;
    expect(lesson.graph.nodes.slice(0, 3).map((n) => n.formula)).toEqual(['a₁ = w₀', 'a₂ = w₁', 'a₃ = x']);
    expect(lesson.trace.values[4]).toBe(2);
    expect(lesson.forward.input).toBe('w1');
    expect(lesson.reverse.output).toBe('y2');
    expect(lesson.symbolic).toMatchObject({ output: 'y2', input: 'w1', text: '−sin(w₁·x + w₀)·x' });
    expect('derivative' in lesson.symbolic).toBe(false);
    expect(structuredClone(lesson)).toEqual(lesson);
  });

  it('fills missing values with the fallback and ignores seeds the expression lacks', () => {
    const response = lessonEndpoint.lesson({ source: 'x*y', values: { x: 3 }, fallback: 2, wrt: 'w1', of: 'y2' });
    if (!response.ok) throw new Error(response.problem.message);
    expect(response.lesson.values).toEqual({ x: 3, y: 2 });
    expect(response.lesson.forward.input).toBe('x');
    expect(response.lesson.reverse.output).toBe('f');
  });

  it('answers a bad expression with its line, column and message', () => {
    const response = lessonEndpoint.lesson({ source: 'y = sin(w*x +) * 2', values: {} });
    expect(response).toMatchObject({ ok: false, problem: { kind: 'expression', line: 1, column: 14, position: 13, reason: 'unexpected ")"' } });
    const twoLines = lessonEndpoint.lesson({ source: 'a = x\nb = a $ 2', values: {} });
    expect(twoLines).toMatchObject({ ok: false, problem: { kind: 'expression', line: 2, column: 7 } });
  });

  it('answers an expression without inputs with a message', () => {
    expect(lessonEndpoint.lesson({ source: '2 + 3', values: {} })).toMatchObject({ ok: false, problem: { kind: 'value', message: expect.stringContaining('no inputs') } });
  });

  it('lectureInputOrder sorts names, digits by value', () => {
    expect(lectureInputOrder(['x', 'w10', 'w1', 'w0', 'b'])).toEqual(['b', 'w0', 'w1', 'w10', 'x']);
  });
});

describe('the studies beside the expression', () => {
  it('expression swell grows faster for the derivative than for the graph', () => {
    const rows = lessonEndpoint.swell(6);
    expect(rows).toHaveLength(6);
    expect(rows[5].derivativeSize).toBeGreaterThan(rows[5].expressionSize);
    expect(rows[5].graphOperations).toBeLessThan(rows[5].expressionSize);
  });

  it('the lecture network\'s backprop pattern agrees with the engine', () => {
    const { network, pattern } = lessonEndpoint.backprop();
    expect(pattern.weights).toHaveLength(network.theta.length);
    expect(pattern.agrees).toBe(true);
  });
});

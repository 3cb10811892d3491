// The symbolic derivative: the chain rule on the expression tree with light simplification,
// its size against the expression's and the graph's, and expression swell.
import { describe, expect, it } from 'vitest';
import {
  MAX_PRINTED_SIZE,
  buildGraph,
  derivative,
  evaluateExpression,
  evaluateGraph,
  expressionSize,
  expressionSwell,
  formatExpression,
  forwardMode,
  logisticMap,
  parseExpression,
  simplify,
  symbolicDerivative,
} from '../../../engine/lesson/index.js';

const parse = (text: string) => parseExpression(text).outputs[0].expr;
const d = (text: string, name: string) => formatExpression(derivative(parse(text), name), 'pretty');

describe('symbolic derivatives', () => {
  it('follow the table of derivatives', () => {
    const table: [string, string, string][] = [
      ['sin(x)', 'x', 'cos(x)'],
      ['cos(x)', 'x', '−sin(x)'],
      ['tan(x)', 'x', '1/cos(x)²'],
      ['exp(2*x)', 'x', '2·exp(2·x)'],
      ['log(x)', 'x', '1/x'],
      ['sqrt(x)', 'x', '1/(2·sqrt(x))'],
      ['tanh(x)', 'x', '1 − tanh(x)²'],
      ['sigmoid(x)', 'x', 'sigmoid(x)·(1 − sigmoid(x))'],
      ['relu(x)', 'x', 'step(x)'],
      ['x^3', 'x', '3·x²'],
      ['x/y', 'x', '1/y'],
      ['x/y', 'y', '−x/y²'],
      ['2^x', 'x', 'log(2)·2^x'],
      ['x^y', 'x', 'y·x^(y − 1)'],
      ['x^y', 'y', 'log(x)·x^y'],
      ['-x', 'x', '−1'],
      ['cos(-2*x)', 'x', '2·sin(−2·x)'],
      ['-(-2*x)', 'x', '2'],
      ['7', 'x', '0'],
      ['y', 'x', '0'],
    ];
    for (const [f, x, expected] of table) expect(d(f, x), `d(${f})/d${x}`).toBe(expected);
  });

  it('simplify away the zeros and ones of the chain rule', () => {
    expect(d('w*x', 'w')).toBe('x');
    expect(d('0.5*(w*x - y)^2', 'w')).toBe('(w·x − y)·x');
    expect(d('0.5*(w*x - y)^2', 'y')).toBe('−(w·x − y)');
    expect(formatExpression(simplify(parse('0*x + 1*y^1 - (2 - 2)')))).toBe('y');
    expect(formatExpression(simplify(parse('--x * 3')))).toBe('3*x');
  });

  it('report their size beside the expression\'s and the graph\'s', () => {
    const graph = buildGraph(parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'), ['w0', 'w1', 'x']);
    const result = symbolicDerivative(graph, 'y2', 'w1');
    expect(result).toMatchObject({ text: '−sin(w₁·x + w₀)·x', source: '-(sin(w1*x + w0)*x)', expressionSize: 6, derivativeSize: 9, graphOperations: 3 });
    expect(expressionSize(parse('0.5*(w*x - y)^2'))).toBe(9);
  });

  it('count a named statement at every use, where the graph computes it once', () => {
    const parsed = parseExpression('a = x*x; b = a*a; c = b*b; d = c*c');
    const graph = buildGraph(parsed);
    const result = symbolicDerivative(graph, 'd', 'x');
    expect(result.expressionSize).toBe(31);
    expect(result.graphOperations).toBe(4);
    expect(evaluateExpression(result.derivative, { x: 1.1 })).toBeCloseTo(16 * 1.1 ** 15, 10);
  });
});

describe('expression swell on the logistic map lₙ₊₁ = 4·lₙ·(1 − lₙ)', () => {
  const rows = expressionSwell(10);

  it('grows the formula and its derivative exponentially while the graph grows by three operations a step', () => {
    expect(rows.map((r) => r.graphOperations)).toEqual(rows.map((r) => 3 * (r.depth - 1)));
    for (let i = 2; i < rows.length; i++) {
      expect(rows[i].expressionSize).toBeGreaterThan(1.9 * rows[i - 1].expressionSize);
      expect(rows[i].derivativeSize).toBeGreaterThan(2 * rows[i - 1].derivativeSize);
      expect(rows[i].derivativeSize / rows[i].expressionSize).toBeGreaterThan(rows[i - 1].derivativeSize / rows[i - 1].expressionSize);
    }
    expect(rows[9].derivativeSize).toBeGreaterThan(500 * rows[9].graphOperations);
  });

  it('has a derivative equal to forward mode through the graph', () => {
    for (const depth of [2, 5, 9]) {
      const expr = logisticMap(depth);
      const graph = buildGraph({ source: '', outputs: [{ name: 'l', named: true, expr }], inputs: ['x'] });
      const exact = forwardMode(graph, evaluateGraph(graph, { x: 0.3 }), 'x').derivatives[0].value;
      const symbolic = evaluateExpression(derivative(expr, 'x'), { x: 0.3 });
      expect(Math.abs(symbolic - exact)).toBeLessThanOrEqual(1e-12 * Math.abs(exact));
    }
  });

  it('stops printing formulas that no one could read', () => {
    const expr = logisticMap(8);
    const graph = buildGraph({ source: '', outputs: [{ name: 'l', named: true, expr }], inputs: ['x'] });
    const result = symbolicDerivative(graph, 'l', 'x');
    expect(result.derivativeSize).toBeGreaterThan(MAX_PRINTED_SIZE);
    expect([result.text, result.source]).toEqual([null, null]);
    expect(() => expressionSwell(13)).toThrow('depth must be 1 … 12');
  });
});

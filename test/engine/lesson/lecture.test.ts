// Acceptance: the lecture's tables, reproduced exactly — the trace a₁ … a₇, the tangents
// ȧ₁ … ȧ₇ seeded on w₁ and the adjoints ā₇ … ā₁ for y₂ of y₁ = sin(w₁x + w₀),
// y₂ = cos(w₁x + w₀); and the trace of L = ½(wx − y)².
import { describe, expect, it } from 'vitest';
import { buildGraph, evaluateGraph, forwardMode, parseExpression, reverseMode } from '../../../engine/lesson/index.js';

/** Equal to the closed form within 1e-15 of its magnitude (at least 1). */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));

describe('the lecture: y₁ = sin(w₁x + w₀), y₂ = cos(w₁x + w₀)', () => {
  const graph = buildGraph(parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'), ['w0', 'w1', 'x']);

  it('has the lecture\'s seven atomic operations, w₁x + w₀ computed once for both outputs', () => {
    expect(graph.nodes.map((n) => n.formula)).toEqual([
      'a₁ = w₀',
      'a₂ = w₁',
      'a₃ = x',
      'a₄ = a₂ · a₃',
      'a₅ = a₄ + a₁',
      'a₆ = sin(a₅)',
      'a₇ = cos(a₅)',
    ]);
    expect(graph.nodes.map((n) => [n.label, n.op, n.operands])).toEqual([
      ['a₁', 'input', []],
      ['a₂', 'input', []],
      ['a₃', 'input', []],
      ['a₄', 'mul', [1, 2]],
      ['a₅', 'add', [3, 0]],
      ['a₆', 'sin', [4]],
      ['a₇', 'cos', [4]],
    ]);
    expect(graph.outputs.map((o) => [o.name, o.node])).toEqual([
      ['y1', 5],
      ['y2', 6],
    ]);
    expect(graph.operations).toBe(4);
  });

  for (const [w0, w1, x] of [
    [0.3, -1.2, 0.7],
    [-2.1, 0.4, 3.3],
    [1, 2, -0.5],
  ]) {
    const trace = evaluateGraph(graph, { w0, w1, x });
    const s = w1 * x + w0;

    it(`evaluation trace at (w₀, w₁, x) = (${w0}, ${w1}, ${x})`, () => {
      [w0, w1, x, w1 * x, s, Math.sin(s), Math.cos(s)].forEach((v, k) => close(trace.values[k], v));
      expect(trace.outputs.map((o) => o.value)).toEqual([trace.values[5], trace.values[6]]);
    });

    it(`forward mode seeded on w₁ gives ȧ₁ … ȧ₇ and both ∂y/∂w₁ in one pass at (${w0}, ${w1}, ${x})`, () => {
      const pass = forwardMode(graph, trace, 'w1');
      [0, 1, 0, x, x, x * Math.cos(s), -x * Math.sin(s)].forEach((v, k) => close(pass.tangents[k], v));
      expect(pass.steps.map((step) => step.rule)).toEqual([
        'ȧ₁ = 0',
        'ȧ₂ = 1',
        'ȧ₃ = 0',
        'ȧ₄ = a₃·ȧ₂ + a₂·ȧ₃',
        'ȧ₅ = ȧ₄ + ȧ₁',
        'ȧ₆ = cos(a₅)·ȧ₅',
        'ȧ₇ = −sin(a₅)·ȧ₅',
      ]);
      expect(pass.derivatives.map((d) => d.output)).toEqual(['y1', 'y2']);
      close(pass.derivatives[0].value, x * Math.cos(s));
      close(pass.derivatives[1].value, -x * Math.sin(s));
      // Each step's terms hold the numbers of its rule.
      const last = pass.steps[6].terms[0];
      expect(last.operand).toBe(4);
      close(last.partial, -Math.sin(s));
      close(last.factor, x);
    });

    it(`reverse mode for y₂ gives ā₇ … ā₁ and all three ∂y₂/∂· in one pass at (${w0}, ${w1}, ${x})`, () => {
      const pass = reverseMode(graph, trace, 'y2');
      expect(pass.steps.map((step) => step.node)).toEqual([6, 5, 4, 3, 2, 1, 0]);
      const expected = [-Math.sin(s), -x * Math.sin(s), -w1 * Math.sin(s), -Math.sin(s), -Math.sin(s), 0, 1];
      expected.forEach((v, k) => close(pass.adjoints[k], v));
      pass.steps.forEach((step) => close(step.adjoint, expected[step.node]));
      expect(pass.steps.map((step) => step.gathered)).toEqual([
        'ā₇ = 1',
        'ā₆ = 0',
        'ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇',
        'ā₄ = ā₅',
        'ā₃ = a₂·ā₄',
        'ā₂ = a₃·ā₄',
        'ā₁ = ā₅',
      ]);
      expect(pass.steps.flatMap((step) => step.contributions.map((c) => c.rule))).toEqual([
        'ā₅ += −sin(a₅)·ā₇',
        'ā₅ += cos(a₅)·ā₆',
        'ā₄ += ā₅',
        'ā₁ += ā₅',
        'ā₂ += a₃·ā₄',
        'ā₃ += a₂·ā₄',
      ]);
      expect(pass.derivatives.map((d) => d.input)).toEqual(['w0', 'w1', 'x']);
      [-Math.sin(s), -x * Math.sin(s), -w1 * Math.sin(s)].forEach((v, j) => close(pass.derivatives[j].value, v));
    });
  }
});

describe('the lecture: L = ½(wx − y)²', () => {
  const graph = buildGraph(parseExpression('0.5*(w*x - y)^2'));

  it('decomposes into a₁ … a₇ with the constant factor ½ applied last', () => {
    expect(graph.inputs).toEqual(['w', 'x', 'y']);
    expect(graph.nodes.map((n) => n.formula)).toEqual([
      'a₁ = w',
      'a₂ = x',
      'a₃ = y',
      'a₄ = a₁ · a₂',
      'a₅ = a₄ − a₃',
      'a₆ = a₅²',
      'a₇ = ½ · a₆',
    ]);
    expect(graph.nodes.slice(3).map((n) => [n.op, n.args])).toEqual([
      ['mul', [{ node: 0 }, { node: 1 }]],
      ['sub', [{ node: 3 }, { node: 2 }]],
      ['pow', [{ node: 4 }, { constant: 2 }]],
      ['mul', [{ constant: 0.5 }, { node: 5 }]],
    ]);
    expect(graph.outputs).toMatchObject([{ name: 'f', node: 6 }]);
  });

  for (const [w, x, y] of [
    [2, 3, 1],
    [-0.7, 1.9, 0.25],
  ]) {
    it(`trace, tangents and adjoints at (w, x, y) = (${w}, ${x}, ${y})`, () => {
      const trace = evaluateGraph(graph, { w, x, y });
      const r = w * x - y;
      [w, x, y, w * x, r, r * r, 0.5 * r * r].forEach((v, k) => close(trace.values[k], v));
      const forward = forwardMode(graph, trace, 'w');
      expect(forward.steps.map((step) => step.rule).slice(3)).toEqual(['ȧ₄ = a₂·ȧ₁ + a₁·ȧ₂', 'ȧ₅ = ȧ₄ − ȧ₃', 'ȧ₆ = 2·a₅·ȧ₅', 'ȧ₇ = ½·ȧ₆']);
      [1, 0, 0, x, x, 2 * r * x, r * x].forEach((v, k) => close(forward.tangents[k], v));
      const reverse = reverseMode(graph, trace, 'f');
      [r * x, r * w, -r, r, r, 0.5, 1].forEach((v, k) => close(reverse.adjoints[k], v));
      expect(reverse.steps.map((step) => step.gathered)).toEqual(['ā₇ = 1', 'ā₆ = ½·ā₇', 'ā₅ = 2·a₅·ā₆', 'ā₄ = ā₅', 'ā₃ = −ā₅', 'ā₂ = a₁·ā₄', 'ā₁ = a₂·ā₄']);
    });
  }
});

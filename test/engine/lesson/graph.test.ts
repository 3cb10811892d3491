// The computational graph: inputs first in the chosen order, one node per elementary
// operation in evaluation order, shared subexpressions, constants folded into their op.
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/index.js';
import { autodiffLesson, buildGraph, costComparison, evaluateGraph, parseExpression } from '../../../engine/lesson/index.js';

const graphOf = (text: string, order?: string[]) => buildGraph(parseExpression(text), order);
const formulas = (text: string, order?: string[]) => graphOf(text, order).nodes.map((n) => n.formula);

describe('building the graph', () => {
  it('puts the inputs first, in order of first appearance unless an order is given', () => {
    expect(graphOf('sin(w1*x + w0)').inputs).toEqual(['w1', 'x', 'w0']);
    expect(graphOf('sin(w1*x + w0)', ['w0', 'w1', 'x']).inputs).toEqual(['w0', 'w1', 'x']);
    // An input nothing uses may be listed: it gets a node and zero derivatives.
    expect(graphOf('x^2', ['x', 'y']).nodes.map((n) => n.formula)).toEqual(['a₁ = x', 'a₂ = y', 'a₃ = a₁²']);
  });

  it('rejects an input order that misses an input, repeats one or names an output', () => {
    expect(() => graphOf('w*x', ['w'])).toThrow(ValueError);
    expect(() => graphOf('w*x', ['w'])).toThrow('missing x');
    expect(() => graphOf('w*x', ['w', 'x', 'w'])).toThrow('"w" twice');
    expect(() => graphOf('z = w*x; L = z^2', ['w', 'x', 'z'])).toThrow('"z" is an output');
  });

  it('computes a repeated subexpression once, also when a product or sum is written the other way round', () => {
    expect(formulas('sin(w*x) + cos(x*w)')).toEqual(['a₁ = w', 'a₂ = x', 'a₃ = a₁ · a₂', 'a₄ = sin(a₃)', 'a₅ = cos(a₃)', 'a₆ = a₄ + a₅']);
    // Subtraction is not commutative: w − x and x − w are two nodes.
    expect(graphOf('(w - x)*(x - w)').operations).toBe(3);
    // x·x has one operand twice.
    expect(graphOf('x*x').nodes[1].operands).toEqual([0, 0]);
  });

  it('shares a named statement between the outputs that use it', () => {
    const graph = graphOf('z = w*x + b; L = 0.5*(sigmoid(z) - y)^2');
    expect(graph.outputs.map((o) => [o.name, o.node])).toEqual([
      ['z', 5],
      ['L', 9],
    ]);
    expect(graph.nodes.map((n) => n.formula).slice(4)).toEqual(['a₅ = a₁ · a₂', 'a₆ = a₅ + a₃', 'a₇ = sigmoid(a₆)', 'a₈ = a₇ − a₄', 'a₉ = a₈²', 'a₁₀ = ½ · a₉']);
  });

  it('folds constants into the op that uses them, and keeps constant outputs as nodes', () => {
    expect(formulas('2*3*x + sin(0)')).toEqual(['a₁ = x', 'a₂ = 6 · a₁', 'a₃ = a₂ + 0']);
    expect(formulas('y1 = x/2 - 1; y2 = 1/x; y3 = 2^x; y4 = x^-1; y5 = -x; y6 = 4')).toEqual([
      'a₁ = x',
      'a₂ = a₁ / 2',
      'a₃ = a₂ − 1',
      'a₄ = 1 / a₁',
      'a₅ = 2^a₁',
      'a₆ = a₁⁻¹',
      'a₇ = −a₁',
      'a₈ = 4',
    ]);
    expect(graphOf('y = x; z = 4').outputs.map((o) => o.node)).toEqual([0, 1]);
    expect(graphOf('y = x; z = 4').operations).toBe(0);
  });

  it('labels every node with what it computes in the inputs', () => {
    expect(graphOf('0.5*(w*x - y)^2').nodes.map((n) => n.expression)).toEqual(['w', 'x', 'y', 'w·x', 'w·x − y', '(w·x − y)²', '½·(w·x − y)²']);
  });

  it('evaluates the trace and asks for every input value', () => {
    const graph = graphOf('log(x) + y');
    expect(evaluateGraph(graph, { x: Math.E, y: 1 }).values).toEqual([Math.E, 1, 1, 2]);
    expect(() => evaluateGraph(graph, { x: 1 })).toThrow('no value for input "y"');
    // Outside the domain the trace holds NaN where the math is undefined.
    expect(evaluateGraph(graph, { x: -1, y: 1 }).values[2]).toBeNaN();
  });
});

describe('the cost of forward and reverse mode', () => {
  it('counts one forward pass per input and one reverse pass per output', () => {
    const cost = costComparison(graphOf('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'));
    expect(cost).toMatchObject({ inputs: 3, outputs: 2, operations: 4, localDerivatives: 6, forwardPasses: 3, reversePasses: 2, forwardOperations: 12, reverseOperations: 8, cheaper: 'reverse' });
    expect(cost.summary).toBe(
      '3 inputs, 2 outputs, 4 elementary operations per pass: the full 2×3 Jacobian takes 3 forward passes (12 tangent steps) ' +
        'or 2 reverse passes (8 adjoint steps); reverse mode is cheaper.',
    );
  });

  it('favours forward mode with one input and many outputs', () => {
    const cost = costComparison(graphOf('a = sin(t); b = cos(t); c = t^2'));
    expect([cost.forwardPasses, cost.reversePasses, cost.cheaper]).toEqual([1, 3, 'forward']);
    expect(cost.summary).toContain('1 forward pass (3 tangent steps)');
  });

  it('matches the passes the lesson runs: each touches every operation once', () => {
    const lesson = autodiffLesson('0.5*(w*x - y)^2', { values: { w: 1, x: 2, y: 3 } });
    expect(lesson.forward.operations).toBe(lesson.cost.operations);
    expect(lesson.reverse.operations).toBe(lesson.cost.operations);
  });
});

describe('the whole lesson as one object', () => {
  const lesson = autodiffLesson('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)', {
    values: { w0: 0.3, w1: -1.2, x: 0.7 },
    inputOrder: ['w0', 'w1', 'x'],
    wrt: 'w1',
    of: 'y2',
    finiteDifferences: { perDecade: 1 },
  });

  it('is plain data: it survives structured cloning unchanged, and JSON but for the sign of zero', () => {
    expect(structuredClone(lesson)).toEqual(lesson);
    const json = JSON.stringify(lesson);
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
  });

  it('seeds forward mode on the chosen input and reverse mode on the chosen output', () => {
    expect(lesson.forward.input).toBe('w1');
    expect(lesson.reverse.output).toBe('y2');
    expect(lesson.symbolic).toMatchObject({ output: 'y2', input: 'w1', text: '−sin(w₁·x + w₀)·x' });
    expect(lesson.finiteDifferences.points).toHaveLength(16);
  });

  it('defaults to the first input and the first output', () => {
    const l = autodiffLesson('0.5*(w*x - y)^2', { values: { w: 1, x: 2, y: 3 } });
    expect([l.forward.input, l.reverse.output]).toEqual(['w', 'f']);
  });

  it('passes a bad choice back as a typed error', () => {
    expect(() => autodiffLesson('x^2', { values: { x: 1 }, wrt: 'y' })).toThrow('"y" is not an input');
    expect(() => autodiffLesson('x^2', { values: { x: 1 }, of: 'g' })).toThrow('"g" is not an output');
    expect(() => autodiffLesson('2^3', { values: {} })).toThrow('no inputs');
  });
});

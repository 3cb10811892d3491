// The stepper's views of the lecture's passes: which node is current, which tangents and
// adjoints are known or still gathering, and which edges the current step lights up.
import { describe, expect, it } from 'vitest';
import { buildGraph, evaluateGraph, forwardMode, parseExpression, reverseMode } from '../../../engine/lesson/index.js';
import { forwardView, reverseView } from '../../../renderer/lesson/stepper.js';

const graph = buildGraph(parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'), ['w0', 'w1', 'x']);
const [w0, w1, x] = [0.5, 2, 0.75];
const trace = evaluateGraph(graph, { w0, w1, x });
const s = w1 * x + w0;

describe('forwardView', () => {
  const pass = forwardMode(graph, trace, 'w1');

  it('shows nothing before the first step', () => {
    const view = forwardView(graph, pass, 0);
    expect(view).toMatchObject({ position: 0, total: 7, current: null, edges: [], finished: false });
    expect(view.cells.every((c) => c.status === 'pending' && c.value === null)).toBe(true);
  });

  it('fills ȧ₁ … ȧₖ with their rules and values, the k-th current', () => {
    const view = forwardView(graph, pass, 6);
    expect(view.current).toBe(5);
    expect(view.cells.slice(0, 6).map((c) => c.rule)).toEqual(['ȧ₁ = 0', 'ȧ₂ = 1', 'ȧ₃ = 0', 'ȧ₄ = a₃·ȧ₂ + a₂·ȧ₃', 'ȧ₅ = ȧ₄ + ȧ₁', 'ȧ₆ = cos(a₅)·ȧ₅']);
    expect(view.cells[5].value).toBeCloseTo(x * Math.cos(s), 15);
    expect(view.cells[6]).toEqual({ status: 'pending', rule: null, value: null });
    expect(view.edges).toEqual([{ to: 5, index: 0, from: 4, partial: 'cos(a₅)', text: 'cos(a₅)', value: expect.closeTo(x * Math.cos(s), 15) }]);
  });

  it('lights both edges into a₄ = a₂·a₃ with their partials a₃ and a₂', () => {
    const view = forwardView(graph, pass, 4);
    expect(view.edges.map((e) => [e.from, e.to, e.index, e.text])).toEqual([
      [1, 3, 0, 'a₃'],
      [2, 3, 1, 'a₂'],
    ]);
  });

  it('clamps the position and finishes at the last node', () => {
    const view = forwardView(graph, pass, 99);
    expect(view).toMatchObject({ position: 7, current: 6, finished: true });
    expect(forwardView(graph, pass, -3).position).toBe(0);
  });
});

describe('reverseView', () => {
  const pass = reverseMode(graph, trace, 'y2');

  it('starts at the seeded output: ā₇ = 1, its operand a₅ gathering', () => {
    const view = reverseView(graph, pass, 1);
    expect(view.current).toBe(6);
    expect(view.cells[6]).toEqual({ status: 'done', rule: 'ā₇ = 1', value: 1 });
    expect(view.cells[4]).toEqual({ status: 'gathering', rule: null, value: expect.closeTo(-Math.sin(s), 15) });
    expect(view.edges.map((e) => [e.from, e.to, e.text])).toEqual([[4, 6, 'ā₅ += −sin(a₅)·ā₇']]);
  });

  it('completes ā₅ from both uses and sends it to a₄ and a₁', () => {
    const view = reverseView(graph, pass, 3);
    expect(view.current).toBe(4);
    expect(view.cells[4]).toMatchObject({ status: 'done', rule: 'ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇' });
    expect(view.edges.map((e) => [e.from, e.text])).toEqual([
      [3, 'ā₄ += ā₅'],
      [0, 'ā₁ += ā₅'],
    ]);
    expect(view.cells[3].status).toBe('gathering');
    expect(view.cells[0].status).toBe('gathering');
    expect(view.cells[1].status).toBe('pending');
  });

  it('ends with every adjoint complete', () => {
    const view = reverseView(graph, pass, 7);
    expect(view.finished).toBe(true);
    expect(view.cells.every((c) => c.status === 'done')).toBe(true);
    expect(view.cells.map((c) => c.value)).toEqual(pass.adjoints);
  });

  it('marks the nodes above a lower output as unused', () => {
    const view = reverseView(graph, reverseMode(graph, trace, 'y1'), 0);
    expect(view.total).toBe(6);
    expect(view.cells[6]).toEqual({ status: 'unused', rule: null, value: 0 });
  });
});

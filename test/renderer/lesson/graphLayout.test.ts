// The graph layout adapter: the lecture's graph drawn bottom to top (inputs on one row in
// trace order, outputs on the top row), every edge of the graph present under the key the
// stepper highlights, and no two boxes overlapping.
import { describe, expect, it } from 'vitest';
import { buildGraph, parseExpression } from '../../../engine/lesson/index.js';
import { edgePath, layoutGraph, nodeDepths, pointAlong, textWidth, type GraphLayout, type LaidOutNode } from '../../../renderer/lesson/graphLayout.js';
import { edgeKey } from '../../../renderer/lesson/stepper.js';

const lecture = buildGraph(parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)'), ['w0', 'w1', 'x']);

const byKey = (layout: GraphLayout, key: string): LaidOutNode => layout.nodes.find((n) => n.key === key)!;

function overlaps(a: LaidOutNode, b: LaidOutNode): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
}

describe('layoutGraph', () => {
  const layout = layoutGraph(lecture);

  it('puts the inputs a₁ a₂ a₃ on the bottom row, left to right in trace order', () => {
    const inputs = [0, 1, 2].map((id) => byKey(layout, `n${id}`));
    expect(new Set(inputs.map((n) => n.y)).size).toBe(1);
    expect(inputs[0].x).toBeLessThan(inputs[1].x);
    expect(inputs[1].x).toBeLessThan(inputs[2].x);
    expect(Math.max(...layout.nodes.map((n) => n.y))).toBe(inputs[0].y);
    expect(inputs.every((n) => n.kind === 'input')).toBe(true);
  });

  it('puts one tag per output on the top row, y₁ left of y₂', () => {
    const tags = layout.nodes.filter((n) => n.kind === 'output');
    expect(tags.map((n) => [n.output, n.node])).toEqual([
      ['y1', 5],
      ['y2', 6],
    ]);
    expect(tags[0].y).toBe(tags[1].y);
    expect(tags[0].y).toBe(Math.min(...layout.nodes.map((n) => n.y)));
    expect(tags[0].x).toBeLessThan(tags[1].x);
  });

  it('draws every operation above each of its operands', () => {
    for (const node of lecture.nodes) {
      for (const operand of node.operands) expect(byKey(layout, `n${node.id}`).y).toBeLessThan(byKey(layout, `n${operand}`).y);
    }
    expect(nodeDepths(lecture)).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });

  it('has every edge of the graph under the key the stepper uses, from operand to node', () => {
    const expected = lecture.nodes.flatMap((node) => node.operands.map((operand, index) => ({ key: edgeKey({ to: node.id, index }), from: `n${operand}`, to: `n${node.id}` })));
    const drawn = layout.edges.filter((e) => !e.key.startsWith('out:')).map(({ key, from, to }) => ({ key, from, to }));
    expect(drawn.sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    expect(layout.edges.filter((e) => e.key.startsWith('out:')).map((e) => [e.from, e.to])).toEqual(
      expect.arrayContaining([
        ['n5', 'out:y1'],
        ['n6', 'out:y2'],
      ]),
    );
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the boxes apart, inside the drawing, and wide enough for their formula', () => {
    for (const [i, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.key} and ${b.key}`).toBe(false);
      expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width / 2).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height / 2).toBeLessThanOrEqual(layout.height);
      if (a.kind !== 'output') expect(a.width).toBeGreaterThan(textWidth(lecture.nodes[a.node].formula));
    }
  });

  it('bows apart the two edges of a repeated operand (x·x)', () => {
    const square = layoutGraph(buildGraph(parseExpression('x*x')));
    const [first, second] = ['1:0', '1:1'].map((key) => square.edges.find((e) => e.key === key)!);
    expect(first.points[0]).toEqual(second.points[0]);
    expect(first.points.at(-1)).toEqual(second.points.at(-1));
    expect(Math.abs(first.points[1].x - second.points[1].x)).toBeGreaterThan(20);
  });

  it('lays out an expression whose output is an input or a constant', () => {
    expect(layoutGraph(buildGraph(parseExpression('f = x'))).nodes.map((n) => n.kind)).toEqual(['input', 'output']);
    const constant = layoutGraph(buildGraph(parseExpression('f = 2; g = x')));
    expect(constant.nodes.map((n) => n.kind).sort()).toEqual(['const', 'input', 'output', 'output']);
  });
});

describe('edge drawing helpers', () => {
  it('edgePath draws a line through two points and quadratic bends through more', () => {
    expect(edgePath([])).toBe('');
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 20 }])).toBe('M0,0 L10,20');
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }])).toBe('M0,0 Q10,0 10,10');
  });

  it('pointAlong walks the polyline by length', () => {
    const points = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 30 }];
    expect(pointAlong(points, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(points, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAlong(points, 1)).toEqual({ x: 10, y: 30 });
  });

  it('textWidth counts code points, not UTF-16 units or combining marks', () => {
    expect(textWidth('a₁₂', 10)).toBe(30);
    expect(textWidth('a\u0307', 10)).toBe(10);
  });
});

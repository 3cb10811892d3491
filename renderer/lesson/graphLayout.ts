// The computational graph laid out for drawing: dagre places the nodes bottom to top (inputs
// on the bottom row, outputs on the top row, every operation one row above its deepest
// operand) and routes the edges. Node sizes come from the text they hold, estimated for the
// monospace font the SVG uses, so the layout is a pure function that tests can check.
import dagre from '@dagrejs/dagre';
import type { ComputationGraph } from '../../engine/lesson/index.js';
import { prettyName } from '../../engine/lesson/index.js';
import { edgeKey } from './stepper.js';

/** The font size of the node text, and the width of one monospace character in it. */
export const NODE_FONT_SIZE = 16;
export const CHAR_WIDTH = 0.62 * NODE_FONT_SIZE;
/** A node holds three lines: its formula, its value, and its tangent or adjoint. */
export const NODE_LINE_HEIGHT = 20;
const NODE_PADDING_X = 14;
const NODE_PADDING_Y = 7;
/** Room for the longest value line, 'ȧ = −0.909297' (13 characters). */
const MIN_NODE_CHARS = 13;
const OUTPUT_HEIGHT = 34;

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode {
  /** 'n4' for node a₅, 'out:y1' for output y₁'s tag. */
  key: string;
  kind: 'input' | 'op' | 'const' | 'output';
  /** The graph node (for an output tag: the node it reads). */
  node: number;
  /** An output tag's name. */
  output: string | null;
  /** The centre, and the box's size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  /** '4:0' for the edge into node 4 from its first operand (see stepper.edgeKey); 'out:y1' for an output's. */
  key: string;
  from: string;
  to: string;
  points: Point[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** The width of `text` in the node font: one character width per code point, combining marks none. */
export function textWidth(text: string, charWidth = CHAR_WIDTH): number {
  return [...text.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length * charWidth;
}

/** Each node's row: inputs and constants 0, an operation one above its deepest operand. */
export function nodeDepths(graph: ComputationGraph): number[] {
  const depths: number[] = [];
  for (const node of graph.nodes) depths.push(node.operands.length === 0 ? 0 : 1 + Math.max(...node.operands.map((j) => depths[j])));
  return depths;
}

/** Lays out `graph` with its inputs at the bottom and one tag per output on the top row. */
export function layoutGraph(graph: ComputationGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'BT', nodesep: 36, edgesep: 18, ranksep: 50, marginx: 16, marginy: 16 });
  const depths = nodeDepths(graph);
  const top = Math.max(0, ...depths) + 1;
  const nodeKey = (id: number) => `n${id}`;

  for (const node of graph.nodes) {
    const text = Math.max(MIN_NODE_CHARS * CHAR_WIDTH, textWidth(node.formula));
    g.setNode(nodeKey(node.id), { width: text + 2 * NODE_PADDING_X, height: 3 * NODE_LINE_HEIGHT + 2 * NODE_PADDING_Y });
  }
  const links: { from: string; to: string; minlen: number; key: string }[] = [];
  for (const output of graph.outputs) {
    const key = `out:${output.name}`;
    g.setNode(key, { width: Math.max(3 * CHAR_WIDTH, textWidth(prettyName(output.name))) + 2 * NODE_PADDING_X, height: OUTPUT_HEIGHT });
    // minlen = the row difference, so every output lands on the top row and every input on the bottom one.
    links.push({ from: nodeKey(output.node), to: key, minlen: top - depths[output.node], key });
  }
  for (const node of graph.nodes) {
    node.operands.forEach((operand, index) => {
      links.push({ from: nodeKey(operand), to: nodeKey(node.id), minlen: depths[node.id] - depths[operand], key: edgeKey({ to: node.id, index }) });
    });
  }
  // Added last to first, dagre's first ordering tends to keep the outputs left to right as written.
  for (const e of links.reverse()) g.setEdge(e.from, e.to, { minlen: e.minlen }, e.key);
  // The inputs keep their order a₁, a₂, … from left to right along the bottom row, the outputs theirs along the top.
  const inOrder = (keys: string[]) => keys.slice(1).map((right, i) => ({ left: keys[i], right }));
  const constraints = inOrder(graph.inputs.map((_, i) => nodeKey(i)));
  dagre.layout(g, { constraints });

  const nodes = g.nodes().map((key): LaidOutNode => {
    const box = g.node(key) as { x: number; y: number; width: number; height: number };
    const output = key.startsWith('out:') ? graph.outputs.find((o) => `out:${o.name}` === key)! : null;
    const node = output ? output.node : Number(key.slice(1));
    const op = graph.nodes[node].op;
    return { key, kind: output ? 'output' : op === 'input' ? 'input' : op === 'const' ? 'const' : 'op', node, output: output?.name ?? null, x: box.x, y: box.y, width: box.width, height: box.height };
  });
  const edges = g.edges().map((e): LaidOutEdge => ({ key: e.name!, from: e.v, to: e.w, points: (g.edge(e) as { points: Point[] }).points.map((p) => ({ x: p.x, y: p.y })) }));
  separateParallelEdges(edges);
  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number };
  return { width, height, nodes, edges };
}

/** Bows apart edges that join the same two nodes (x·x), which dagre routes on top of each other. */
function separateParallelEdges(edges: LaidOutEdge[]): void {
  const groups = new Map<string, LaidOutEdge[]>();
  for (const e of edges) groups.set(`${e.from}>${e.to}`, [...(groups.get(`${e.from}>${e.to}`) ?? []), e]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const mean = (pick: (e: LaidOutEdge) => Point): Point => ({
      x: group.reduce((s, e) => s + pick(e).x, 0) / group.length,
      y: group.reduce((s, e) => s + pick(e).y, 0) / group.length,
    });
    const start = mean((e) => e.points[0]);
    const end = mean((e) => e.points[e.points.length - 1]);
    group.forEach((e, i) => {
      const shift = (i - (group.length - 1) / 2) * 36;
      e.points = [start, { x: (start.x + end.x) / 2 + shift, y: (start.y + end.y) / 2 }, end];
    });
  }
}

/** A smooth SVG path through an edge's points: straight ends, quadratic curves through the bends. */
export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  if (points.length === 2) return `${d} L${f(points[1].x)},${f(points[1].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = i === points.length - 2 ? points[i + 1] : { x: (p.x + points[i + 1].x) / 2, y: (p.y + points[i + 1].y) / 2 };
    d += ` Q${f(p.x)},${f(p.y)} ${f(next.x)},${f(next.y)}`;
  }
  return d;
}

/** The point a fraction `t` of the way along an edge's polyline (0: its start, at the operand). */
export function pointAlong(points: readonly Point[], t: number): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let remaining = t * lengths.reduce((s, l) => s + l, 0);
  for (let i = 0; i < lengths.length; i++) {
    if (remaining <= lengths[i] || i === lengths.length - 1) {
      const u = lengths[i] > 0 ? Math.min(1, remaining / lengths[i]) : 0;
      return { x: points[i].x + u * (points[i + 1].x - points[i].x), y: points[i].y + u * (points[i + 1].y - points[i].y) };
    }
    remaining -= lengths[i];
  }
  return points[0];
}

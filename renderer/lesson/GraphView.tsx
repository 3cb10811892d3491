// The computational graph as SVG: inputs on the bottom row, each operation a box with its
// formula, value and tangent ȧ or adjoint ā, outputs as tags on top. The current step's
// node is outlined, and its edges carry the chain rule's terms: ×∂aₖ/∂aⱼ flowing up in
// forward mode, āⱼ += … flowing down in reverse mode.
import { useMemo } from 'react';
import { adjointLabel, nodeLabel, prettyName, tangentLabel, type ComputationGraph } from '../../engine/lesson/index.js';
import { formatValue } from './format.js';
import { edgePath, layoutGraph, NODE_FONT_SIZE, NODE_LINE_HEIGHT, pointAlong, textWidth, type LaidOutEdge, type LaidOutNode } from './graphLayout.js';
import type { LessonMode } from './lessonState.js';
import { edgeKey, type PassView, type StepEdge } from './stepper.js';

interface GraphViewProps {
  graph: ComputationGraph;
  /** a_k's value by node id. */
  values: number[];
  mode: LessonMode;
  view: PassView;
  /** The seeded input (forward) or output (reverse). */
  seed: string;
}

const LABEL_FONT_SIZE = 15;

/** The graph of the current expression, with the current step drawn on it. */
export function GraphView({ graph, values, mode, view, seed }: GraphViewProps) {
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const active = new Map(view.edges.map((e) => [edgeKey(e), e]));
  const seedNode = mode === 'forward' ? graph.inputs.indexOf(seed) : -1;
  return (
    <svg
      className="lesson-graph"
      data-mode={mode}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label={`computational graph of ${graph.source}`}
    >
      <defs>
        {(['plain', 'forward', 'reverse'] as const).map((kind) => (
          <marker key={kind} id={`lesson-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={`lesson-arrow lesson-arrow--${kind}`} />
          </marker>
        ))}
      </defs>
      <g className="lesson-edges">
        {layout.edges.map((e) => (
          <path key={e.key} className="lesson-edge" data-edge={e.key} d={edgePath(e.points)} markerEnd="url(#lesson-arrow-plain)" />
        ))}
        {layout.edges
          .filter((e) => active.has(e.key))
          .map((e) => (
            <ActiveEdge key={e.key} edge={e} mode={mode} />
          ))}
      </g>
      <g className="lesson-nodes">
        {layout.nodes.map((n) =>
          n.kind === 'output' ? (
            <OutputTag key={n.key} box={n} seeded={mode === 'reverse' && n.output === seed} done={view.cells[n.node].status === 'done'} />
          ) : (
            <NodeBox key={n.key} box={n} graph={graph} value={values[n.node]} mode={mode} view={view} seeded={n.node === seedNode} />
          ),
        )}
      </g>
      <g className="lesson-edge-labels">
        {layout.edges
          .filter((e) => active.has(e.key))
          .map((e) => (
            <EdgeLabel key={e.key} edge={e} step={active.get(e.key)!} mode={mode} />
          ))}
      </g>
    </svg>
  );
}

/** An edge of the current step, drawn over the plain one in the pass's colour and direction. */
function ActiveEdge({ edge, mode }: { edge: LaidOutEdge; mode: LessonMode }) {
  const points = mode === 'forward' ? edge.points : [...edge.points].reverse();
  return <path className={`lesson-edge lesson-edge--active lesson-edge--${mode}`} data-active-edge={edge.key} d={edgePath(points)} markerEnd={`url(#lesson-arrow-${mode})`} />;
}

/** What an active edge carries, on a dark plate part-way along it. */
function EdgeLabel({ edge, step, mode }: { edge: LaidOutEdge; step: StepEdge; mode: LessonMode }) {
  const text = mode === 'forward' ? `×${step.text}` : step.text;
  const at = pointAlong(edge.points, 0.45);
  const width = textWidth(text, 0.62 * LABEL_FONT_SIZE) + 14;
  const height = LABEL_FONT_SIZE + 10;
  return (
    <g className={`lesson-edge-label lesson-edge-label--${mode}`} data-edge-label={edge.key} transform={`translate(${at.x},${at.y})`}>
      <rect x={-width / 2} y={-height / 2} width={width} height={height} rx={5} />
      <text textAnchor="middle" dominantBaseline="central" fontSize={LABEL_FONT_SIZE}>
        {text}
      </text>
    </g>
  );
}

interface NodeBoxProps {
  box: LaidOutNode;
  graph: ComputationGraph;
  value: number;
  mode: LessonMode;
  view: PassView;
  seeded: boolean;
}

/** One a_k: its formula, its value, and its tangent or adjoint so far. */
function NodeBox({ box, graph, value, mode, view, seeded }: NodeBoxProps) {
  const node = graph.nodes[box.node];
  const cell = view.cells[box.node];
  const state = view.current === box.node ? 'current' : cell.status;
  const symbol = mode === 'forward' ? tangentLabel(box.node + 1) : adjointLabel(box.node + 1);
  const derivative = cell.value === null ? `${symbol} = ?` : `${symbol} = ${formatValue(cell.value)}`;
  const x = box.x - box.width / 2;
  const y = box.y - box.height / 2;
  const line = (k: number) => y + 7 + NODE_LINE_HEIGHT * (k + 0.5);
  return (
    <g className="lesson-node" data-node={box.node} data-kind={box.kind} data-state={state} data-seeded={seeded || undefined}>
      <rect x={x} y={y} width={box.width} height={box.height} rx={box.kind === 'input' ? 18 : 8} />
      <text x={box.x} y={line(0)} textAnchor="middle" dominantBaseline="central" fontSize={NODE_FONT_SIZE} className="lesson-node__formula">
        {node.formula}
      </text>
      <text x={box.x} y={line(1)} textAnchor="middle" dominantBaseline="central" fontSize={NODE_FONT_SIZE} className="lesson-node__value">
        {`${nodeLabel(box.node + 1)} = ${formatValue(value)}`}
      </text>
      <text x={box.x} y={line(2)} textAnchor="middle" dominantBaseline="central" fontSize={NODE_FONT_SIZE} className="lesson-node__derivative" data-status={cell.status}>
        {derivative}
      </text>
    </g>
  );
}

/** An output's name above the node that computes it. */
function OutputTag({ box, seeded, done }: { box: LaidOutNode; seeded: boolean; done: boolean }) {
  return (
    <g className="lesson-output" data-output={box.output} data-seeded={seeded || undefined} data-done={done || undefined}>
      <rect x={box.x - box.width / 2} y={box.y - box.height / 2} width={box.width} height={box.height} rx={box.height / 2} />
      <text x={box.x} y={box.y} textAnchor="middle" dominantBaseline="central" fontSize={NODE_FONT_SIZE + 2}>
        {prettyName(box.output ?? '')}
      </text>
    </g>
  );
}

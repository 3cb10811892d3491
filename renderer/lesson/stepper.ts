// What the lesson shows after `position` steps of a pass: which node is current, which
// tangents ȧ or adjoints ā are known (and which are still gathering), and which edges of
// the graph carry this step's chain-rule terms. Pure functions of the pass and the position.
import type { ComputationGraph, ForwardPass, ReversePass } from '../../engine/lesson/index.js';
import { clampPosition } from './lessonState.js';

/** An edge of the graph: into node `to` from its `index`-th operand (a repeated operand has two). */
export interface EdgeRef {
  to: number;
  index: number;
}

/** The key of an edge in the laid-out graph. */
export const edgeKey = (edge: EdgeRef): string => `${edge.to}:${edge.index}`;

/** A node's entry in the ȧ or ā column. */
export interface StepCell {
  /** done: final; gathering: reverse mode's partial sum so far; pending: nothing yet; unused: above the seeded output. */
  status: 'done' | 'gathering' | 'pending' | 'unused';
  /** The rule ('ȧ₆ = cos(a₅)·ȧ₅', 'ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇'), once the node is done. */
  rule: string | null;
  /** The value: final when done, the running sum while gathering. */
  value: number | null;
}

/** One highlighted edge of the current step, with what it carries. */
export interface StepEdge extends EdgeRef {
  /** The operand's node id. */
  from: number;
  /** ∂a_k/∂a_j as text. */
  partial: string;
  /** Forward: the local partial 'cos(a₅)'; reverse: the contribution 'ā₅ += −sin(a₅)·ā₇'. */
  text: string;
  /** The term's value: ∂a_k/∂a_j · ȧ_j (forward) or ∂a_k/∂a_j · ā_k (reverse). */
  value: number;
}

export interface PassView {
  position: number;
  total: number;
  /** The node of the latest step, or null before the first. */
  current: number | null;
  cells: StepCell[];
  edges: StepEdge[];
  finished: boolean;
}

/** Forward mode after `position` of its steps (one per node, a₁ first). */
export function forwardView(graph: ComputationGraph, pass: ForwardPass, position: number): PassView {
  const total = pass.steps.length;
  const p = clampPosition(position, total);
  const cells = graph.nodes.map((_, id): StepCell => (id < p ? { status: 'done', rule: pass.steps[id].rule, value: pass.steps[id].tangent } : { status: 'pending', rule: null, value: null }));
  const step = p > 0 ? pass.steps[p - 1] : null;
  const edges =
    step?.terms.map((t, index): StepEdge => ({ to: step.node, index, from: t.operand, partial: t.partialText, text: t.partialText, value: t.product })) ?? [];
  return { position: p, total, current: step?.node ?? null, cells, edges, finished: p === total };
}

/** Reverse mode after `position` of its steps (from the seeded output's node down to a₁). */
export function reverseView(graph: ComputationGraph, pass: ReversePass, position: number): PassView {
  const total = pass.steps.length;
  const p = clampPosition(position, total);
  const top = pass.steps[0]?.node ?? -1;
  const cells = graph.nodes.map((_, id): StepCell => (id > top ? { status: 'unused', rule: null, value: 0 } : { status: 'pending', rule: null, value: null }));
  for (const step of pass.steps.slice(0, p)) {
    cells[step.node] = { status: 'done', rule: step.gathered, value: step.adjoint };
    for (const c of step.contributions) {
      if (cells[c.operand].status !== 'done') cells[c.operand] = { status: 'gathering', rule: null, value: c.total };
    }
  }
  const step = p > 0 ? pass.steps[p - 1] : null;
  const edges =
    step?.contributions.map((c, index): StepEdge => ({ to: step.node, index, from: c.operand, partial: c.partialText, text: c.rule, value: c.product })) ?? [];
  return { position: p, total, current: step?.node ?? null, cells, edges, finished: p === total };
}

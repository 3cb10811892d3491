// Reverse mode: seed ā = 1 on one output, then walk the trace backwards from it; each node,
// once its adjoint is complete, adds ∂a_k/∂a_j · ā_k to each operand's adjoint ā_j. One pass
// gives that output's derivative with respect to every input.
import { ValueError } from '../errors.js';
import type { ChainTerm } from './forward.js';
import type { ComputationGraph } from './graph.js';
import { adjointLabel } from './notation.js';
import { chainTerm, joinTerms, localPartials, type EvaluationTrace } from './trace.js';

/** One contribution ā_j += ∂a_k/∂a_j · ā_k; `factor` is ā_k. */
export interface AdjointContribution extends ChainTerm {
  /** 'ā₅ += −sin(a₅)·ā₇'. */
  rule: string;
  /** ā_j after adding this contribution. */
  total: number;
}

export interface ReverseStep {
  node: number;
  /** ā_k, complete when the sweep reaches node k. */
  adjoint: number;
  /** How ā_k was gathered: 'ā₇ = 1' (the seed), 'ā₆ = 0', 'ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇'. */
  gathered: string;
  /** What node k sends to its operands. */
  contributions: AdjointContribution[];
}

export interface ReversePass {
  /** The output seeded with ā = 1. */
  output: string;
  /** One step per node from the output's node down to a₁. */
  steps: ReverseStep[];
  /** ā_k by node id (0 above the output). */
  adjoints: number[];
  /** ∂output/∂x for every input x, from this one pass. */
  derivatives: { input: string; node: number; value: number }[];
  /** Elementary operations the pass went back through. */
  operations: number;
}

/** The adjoint pass seeded on `output`, at the values of `trace`. */
export function reverseMode(graph: ComputationGraph, trace: EvaluationTrace, output: string): ReversePass {
  const out = graph.outputs.find((o) => o.name === output);
  if (!out) throw new ValueError(`reverse mode: "${output}" is not an output; the outputs are ${graph.outputs.map((o) => o.name).join(', ')}`);
  const adjoints = graph.nodes.map((n) => (n.id === out.node ? 1 : 0));
  // What each adjoint gathers from the nodes that use it (written in node order when shown).
  const received: string[][] = graph.nodes.map(() => []);
  const steps: ReverseStep[] = [];
  let operations = 0;
  for (let k = out.node; k >= 0; k--) {
    const node = graph.nodes[k];
    const bar = adjointLabel(k + 1);
    if (node.op !== 'input' && node.op !== 'const') operations++;
    const contributions = localPartials(node, graph.nodes, trace.values).map((p): AdjointContribution => {
      const term = chainTerm(p, bar);
      received[p.operand].push(term);
      const product = p.value * adjoints[k];
      adjoints[p.operand] += product;
      return {
        operand: p.operand,
        partialText: p.text,
        partial: p.value,
        factor: adjoints[k],
        product,
        rule: `${adjointLabel(p.operand + 1)} += ${term}`,
        total: adjoints[p.operand],
      };
    });
    const parts = [...(k === out.node ? ['1'] : []), ...received[k].reverse()];
    const gathered = `${bar} = ${parts.length > 0 ? joinTerms(parts) : '0'}`;
    steps.push({ node: k, adjoint: adjoints[k], gathered, contributions });
  }
  return {
    output,
    steps,
    adjoints,
    derivatives: graph.inputs.map((input, node) => ({ input, node, value: adjoints[node] })),
    operations,
  };
}

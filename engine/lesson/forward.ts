// Forward mode: seed ȧ = 1 on one input and 0 on the others, then push tangents through the
// trace in order, ȧ_k = Σ_j ∂a_k/∂a_j · ȧ_j. One pass gives every output's derivative with
// respect to that input.
import { ValueError } from '../errors.js';
import type { ComputationGraph } from './graph.js';
import { tangentLabel } from './notation.js';
import { chainTerm, joinTerms, localPartials, type EvaluationTrace } from './trace.js';

/** One edge's share of a tangent or adjoint: ∂a_k/∂a_j times the tangent ȧ_j (forward) or adjoint ā_k (reverse). */
export interface ChainTerm {
  /** The operand j. */
  operand: number;
  /** ∂a_k/∂a_j as text ('cos(a₅)') and number. */
  partialText: string;
  partial: number;
  /** The tangent or adjoint it multiplies. */
  factor: number;
  /** partial · factor. */
  product: number;
}

export interface ForwardStep {
  node: number;
  /** 'ȧ₆ = cos(a₅)·ȧ₅'; an input's reads 'ȧ₂ = 1' (the seed) or 'ȧ₁ = 0'. */
  rule: string;
  terms: ChainTerm[];
  tangent: number;
}

export interface ForwardPass {
  /** The input seeded with ȧ = 1. */
  input: string;
  /** One step per node, a₁ first. */
  steps: ForwardStep[];
  /** ȧ_k by node id. */
  tangents: number[];
  /** ∂y/∂input for every output y, from this one pass. */
  derivatives: { output: string; node: number; value: number }[];
  /** Elementary operations whose tangent the pass computed. */
  operations: number;
}

/** The tangent pass seeded on `input`, at the values of `trace`. */
export function forwardMode(graph: ComputationGraph, trace: EvaluationTrace, input: string): ForwardPass {
  const seed = graph.inputs.indexOf(input);
  if (seed < 0) throw new ValueError(`forward mode: "${input}" is not an input; the inputs are ${graph.inputs.join(', ')}`);
  const tangents: number[] = [];
  const steps = graph.nodes.map((node): ForwardStep => {
    const dot = tangentLabel(node.id + 1);
    if (node.op === 'input' || node.op === 'const') {
      const tangent = node.id === seed ? 1 : 0;
      tangents.push(tangent);
      return { node: node.id, rule: `${dot} = ${tangent}`, terms: [], tangent };
    }
    const partials = localPartials(node, graph.nodes, trace.values);
    const terms = partials.map(
      (p): ChainTerm => ({ operand: p.operand, partialText: p.text, partial: p.value, factor: tangents[p.operand], product: p.value * tangents[p.operand] }),
    );
    const tangent = terms.reduce((s, t) => s + t.product, 0);
    tangents.push(tangent);
    const rule = `${dot} = ${joinTerms(partials.map((p) => chainTerm(p, tangentLabel(p.operand + 1))))}`;
    return { node: node.id, rule, terms, tangent };
  });
  return {
    input,
    steps,
    tangents,
    derivatives: graph.outputs.map((o) => ({ output: o.name, node: o.node, value: tangents[o.node] })),
    operations: graph.operations,
  };
}

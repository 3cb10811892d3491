// What a full Jacobian costs each way: forward mode needs one pass per input, reverse mode
// one per output, and each pass touches every elementary operation once.
import type { ComputationGraph } from './graph.js';

export interface CostComparison {
  inputs: number;
  outputs: number;
  /** Elementary operations in the trace: the work of one pass (one tangent or adjoint per op). */
  operations: number;
  /** Local partial derivatives ∂a_k/∂a_j, one per edge: also the same in every pass. */
  localDerivatives: number;
  /** Passes for the whole m×n Jacobian: n seeds forward, m seeds reverse. */
  forwardPasses: number;
  reversePasses: number;
  /** passes × operations. */
  forwardOperations: number;
  reverseOperations: number;
  cheaper: 'forward' | 'reverse' | 'equal';
  /** One sentence with the counts, for the lesson. */
  summary: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;

/** Forward against reverse mode for the Jacobian of this graph's outputs by its inputs. */
export function costComparison(graph: ComputationGraph): CostComparison {
  const inputs = graph.inputs.length;
  const outputs = graph.outputs.length;
  const operations = graph.operations;
  const localDerivatives = graph.nodes.reduce((s, n) => s + (n.op === 'const' ? 0 : n.operands.length), 0);
  const cheaper = inputs < outputs ? 'forward' : outputs < inputs ? 'reverse' : 'equal';
  const verdict = cheaper === 'equal' ? 'both cost the same' : `${cheaper} mode is cheaper`;
  return {
    inputs,
    outputs,
    operations,
    localDerivatives,
    forwardPasses: inputs,
    reversePasses: outputs,
    forwardOperations: inputs * operations,
    reverseOperations: outputs * operations,
    cheaper,
    summary:
      `${plural(inputs, 'input')}, ${plural(outputs, 'output')}, ${plural(operations, 'elementary operation')} per pass: ` +
      `the full ${outputs}×${inputs} Jacobian takes ${plural(inputs, 'forward pass')} (${inputs * operations} tangent steps) ` +
      `or ${plural(outputs, 'reverse pass')} (${outputs * operations} adjoint steps); ${verdict}.`,
  };
}

// The whole autodiff lesson for one expression in one plain object: the graph, the trace,
// a forward pass, a reverse pass, the cost comparison, finite differences and the symbolic
// derivative. What a lesson view shows; serializable (numbers may be NaN or ±∞ where the
// expression is undefined, e.g. log of a negative number).
import { ValueError } from '../errors.js';
import { costComparison, type CostComparison } from './cost.js';
import { finiteDifferences, type FiniteDifferenceOptions, type FiniteDifferenceStudy } from './finiteDifference.js';
import { forwardMode, type ForwardPass } from './forward.js';
import { buildGraph, type ComputationGraph } from './graph.js';
import { parseExpression } from './parser.js';
import { reverseMode, type ReversePass } from './reverse.js';
import { symbolicDerivative, type SymbolicDerivative } from './symbolic.js';
import { evaluateGraph, type EvaluationTrace } from './trace.js';

export interface AutodiffLessonOptions {
  /** Input values by name; every input needs one. */
  values: Readonly<Record<string, number>>;
  /** The order of a₁ … aₘ (default: order of first appearance). */
  inputOrder?: readonly string[];
  /** The input forward mode seeds (default: the first) and the output reverse mode seeds (default: the first). */
  wrt?: string;
  of?: string;
  finiteDifferences?: FiniteDifferenceOptions;
}

export interface AutodiffLesson {
  graph: ComputationGraph;
  trace: EvaluationTrace;
  forward: ForwardPass;
  reverse: ReversePass;
  cost: CostComparison;
  finiteDifferences: FiniteDifferenceStudy;
  /** ∂(of)/∂(wrt) as a formula. */
  symbolic: SymbolicDerivative;
}

/** Everything the lesson shows for `source` at the given values; throws ExpressionError for a bad expression. */
export function autodiffLesson(source: string, options: AutodiffLessonOptions): AutodiffLesson {
  const graph = buildGraph(parseExpression(source), options.inputOrder);
  if (graph.inputs.length === 0) throw new ValueError('the expression has no inputs: use a variable such as x');
  const trace = evaluateGraph(graph, options.values);
  const wrt = options.wrt ?? graph.inputs[0];
  const of = options.of ?? graph.outputs[0].name;
  return {
    graph,
    trace,
    forward: forwardMode(graph, trace, wrt),
    reverse: reverseMode(graph, trace, of),
    cost: costComparison(graph),
    finiteDifferences: finiteDifferences(graph, trace, wrt, of, options.finiteDifferences),
    symbolic: symbolicDerivative(graph, of, wrt),
  };
}

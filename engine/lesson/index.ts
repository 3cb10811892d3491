// The autodiff lesson: expressions, their computational graph a₁ … aₙ, the evaluation
// trace, forward-mode tangents ȧ and reverse-mode adjoints ā step by step, the cost of each
// mode, finite differences, symbolic derivatives, and backprop's "error from above × input
// from below" in a small network. Plain data in, plain data out.
export { functionNames, isFunctionName, expressionSize, variablesOf, type Expr, type BinaryOp, type FunctionName } from './expression.js';
export { parseExpression, ExpressionError, type ParsedExpression, type ParsedOutput } from './parser.js';
export { formatExpression, type FormatStyle } from './format.js';
export { opRules, evaluateExpression, type OpName, type OpRule } from './ops.js';
export { buildGraph, type ComputationGraph, type GraphNode, type GraphOutput, type NodeArg, type NodeOp } from './graph.js';
export { evaluateGraph, localPartials, type EvaluationTrace, type LocalPartial } from './trace.js';
export { forwardMode, type ForwardPass, type ForwardStep, type ChainTerm } from './forward.js';
export { reverseMode, type ReversePass, type ReverseStep, type AdjointContribution } from './reverse.js';
export { costComparison, type CostComparison } from './cost.js';
export {
  finiteDifferences,
  UNIT_ROUNDOFF,
  type FiniteDifferenceOptions,
  type FiniteDifferencePoint,
  type FiniteDifferenceStudy,
} from './finiteDifference.js';
export { derivative, simplify, symbolicDerivative, expressionSwell, logisticMap, MAX_PRINTED_SIZE, type SymbolicDerivative, type SwellRow } from './symbolic.js';
export { backpropPattern, type BackpropPattern, type UnitState, type WeightGradient } from './backprop.js';
export { autodiffLesson, type AutodiffLesson, type AutodiffLessonOptions } from './lesson.js';
export { nodeLabel, tangentLabel, adjointLabel, prettyName, prettyNumber } from './notation.js';

// Symbolic differentiation for comparison: the chain rule applied to the expression tree,
// with the op registry's partials and light simplification. The derivative is a formula
// again, and it can be much larger than the expression (expression swell), where autodiff
// works on the graph and its cost stays a small multiple of the function's.
import { ValueError } from '../errors.js';
import { add, expressionSize, mul, num, variable, type Expr } from './expression.js';
import { formatExpression } from './format.js';
import { buildGraph, type ComputationGraph } from './graph.js';
import { applyOp, argsOf, opOf, opRules } from './ops.js';

/** ∂e/∂name as an expression. Shared subtrees (a named statement used twice) are differentiated once. */
export function derivative(e: Expr, name: string): Expr {
  const memo = new Map<Expr, Expr>();
  const d = (x: Expr): Expr => {
    const known = memo.get(x);
    if (known) return known;
    let result: Expr;
    if (x.kind === 'number') result = num(0);
    else if (x.kind === 'variable') result = num(x.name === name ? 1 : 0);
    else {
      const args = argsOf(x);
      const partials = opRules[opOf(x)!].partials(args, x);
      result = args.reduce<Expr>((sum, arg, i) => add(sum, mul(partials[i], d(arg))), num(0));
    }
    memo.set(x, result);
    return result;
  };
  return d(e);
}

/** Rebuilds an expression through the smart constructors (folds constants, drops 1· and 0+). */
export function simplify(e: Expr): Expr {
  const op = opOf(e);
  return op ? applyOp(op, argsOf(e).map(simplify)) : e;
}

/** Operations the output's node depends on in the graph: the work autodiff does for it. */
function operationsFor(graph: ComputationGraph, node: number): number {
  const seen = new Set<number>();
  const visit = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    graph.nodes[id].operands.forEach(visit);
  };
  visit(node);
  return [...seen].filter((id) => graph.nodes[id].op !== 'input' && graph.nodes[id].op !== 'const').length;
}

/** Formulas larger than this many nodes are not printed. */
export const MAX_PRINTED_SIZE = 2000;

export interface SymbolicDerivative {
  output: string;
  input: string;
  /** ∂output/∂input as a tree. */
  derivative: Expr;
  /** The derivative as the lecture writes it, and as parseable source; null when larger than MAX_PRINTED_SIZE. */
  text: string | null;
  source: string | null;
  /** Tree sizes (numbers, variables and operations, counting repeats). */
  expressionSize: number;
  derivativeSize: number;
  /** Elementary operations of the output in the graph, where shared work is done once. */
  graphOperations: number;
}

/** The symbolic derivative of one output by one input, with its size beside the expression's. */
export function symbolicDerivative(graph: ComputationGraph, output: string, input: string): SymbolicDerivative {
  const out = graph.outputs.find((o) => o.name === output);
  if (!out) throw new ValueError(`"${output}" is not an output; the outputs are ${graph.outputs.map((o) => o.name).join(', ')}`);
  if (!graph.inputs.includes(input)) throw new ValueError(`"${input}" is not an input; the inputs are ${graph.inputs.join(', ')}`);
  const derived = derivative(out.expr, input);
  const derivativeSize = expressionSize(derived);
  const printable = derivativeSize <= MAX_PRINTED_SIZE;
  return {
    output,
    input,
    derivative: derived,
    text: printable ? formatExpression(derived, 'pretty') : null,
    source: printable ? formatExpression(derived, 'source') : null,
    expressionSize: expressionSize(out.expr),
    derivativeSize,
    graphOperations: operationsFor(graph, out.node),
  };
}

export interface SwellRow {
  /** n in lₙ. */
  depth: number;
  expressionSize: number;
  derivativeSize: number;
  graphOperations: number;
}

/** The logistic map l₁ = x, lₙ₊₁ = 4·lₙ·(1 − lₙ), with lₙ shared (a tree of 2ⁿ⁻¹ copies of x). */
export function logisticMap(depth: number): Expr {
  let l: Expr = variable('x');
  for (let n = 1; n < depth; n++) {
    l = { kind: 'binary', op: 'mul', left: { kind: 'binary', op: 'mul', left: num(4), right: l }, right: { kind: 'binary', op: 'sub', left: num(1), right: l } };
  }
  return l;
}

/**
 * Expression swell on the logistic map (the classic example): for n = 1 … maxDepth, the
 * size of lₙ and of dlₙ/dx as formulas, against the operations in lₙ's graph.
 */
export function expressionSwell(maxDepth = 8): SwellRow[] {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 12) throw new ValueError(`expression swell: depth must be 1 … 12, got ${maxDepth}`);
  return Array.from({ length: maxDepth }, (_, i) => {
    const depth = i + 1;
    const expr = logisticMap(depth);
    const graph = buildGraph({ source: `l${depth}`, outputs: [{ name: 'l', named: true, expr }], inputs: ['x'] });
    return {
      depth,
      expressionSize: expressionSize(expr),
      derivativeSize: expressionSize(derivative(expr, 'x')),
      graphOperations: graph.operations,
    };
  });
}

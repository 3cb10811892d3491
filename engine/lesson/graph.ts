// The computational graph as the lecture writes it: inputs a₁ … aₘ first, then one node per
// elementary operation in evaluation order (each output's expression left to right,
// operands before the op), with common subexpressions computed once. Constants are folded
// into the op that uses them, so ½(wx − y)² is a₄ = a₁·a₂, a₅ = a₄ − a₃, a₆ = a₅², a₇ = ½·a₆.
import { ValueError } from '../errors.js';
import { expressionSize, type Expr } from './expression.js';
import { formatExpression } from './format.js';
import { nodeLabel, prettyName, prettyNumber, superscript } from './notation.js';
import { argsOf, opOf, opRules, type OpName } from './ops.js';
import type { ParsedExpression } from './parser.js';

export type NodeOp = 'input' | 'const' | OpName;

/** An argument of an operation: another node, or a constant folded into the op. */
export type NodeArg = { node: number } | { constant: number };

export interface GraphNode {
  /** 0-based position in the trace; the label is a_{id+1}. */
  id: number;
  /** 'a₄'. */
  label: string;
  op: NodeOp;
  /** The op's arguments in order (empty for inputs; one constant for a const node). */
  args: NodeArg[];
  /** The node ids among `args`, in order: the graph's edges into this node. */
  operands: number[];
  /** An input's variable name. */
  name?: string;
  /** 'a₄ = a₂ · a₃'. */
  formula: string;
  /** What the node computes, in the inputs: 'w₁·x' ('…' when longer than 400 tree nodes). */
  expression: string;
}

export interface GraphOutput {
  name: string;
  node: number;
  /** The output's expression as parsed (for the symbolic derivative). */
  expr: Expr;
}

export interface ComputationGraph {
  source: string;
  /** Inputs in trace order: input i is node i. */
  inputs: string[];
  outputs: GraphOutput[];
  nodes: GraphNode[];
  /** The number of elementary operations (nodes that are neither inputs nor constants). */
  operations: number;
}

const BINARY_SYMBOLS: Partial<Record<OpName, string>> = { add: '+', sub: '−', mul: '·', div: '/' };

/** The right-hand side of a node's formula: 'a₂ · a₃', 'a₅²', 'sin(a₅)', '½ · a₆'. */
function rightHandSide(op: OpName, args: NodeArg[], nodes: GraphNode[]): string {
  const text = (a: NodeArg, parenthesizeNegative: boolean) => {
    if ('node' in a) return nodes[a.node].label;
    const t = prettyNumber(a.constant);
    return parenthesizeNegative && t.startsWith('−') ? `(${t})` : t;
  };
  const [a, b] = args;
  if (op === 'pow') {
    if ('constant' in b && Number.isInteger(b.constant) && Math.abs(b.constant) < 100) return text(a, true) + superscript(b.constant);
    return `${text(a, true)}^${text(b, true)}`;
  }
  const symbol = BINARY_SYMBOLS[op];
  if (symbol) return `${text(a, false)} ${symbol} ${text(b, true)}`;
  if (op === 'neg') return `−${text(a, true)}`;
  return `${op}(${text(a, false)})`;
}

/** A node's `expression` is shown up to this many tree nodes ('…' beyond). */
const MAX_EXPRESSION_SIZE = 400;

const constantKey = (v: number) => (Object.is(v, -0) ? 'c-0' : `c${v}`);

/**
 * Builds the graph of a parsed expression. Inputs come first in `inputOrder` if given
 * (it must name every input; extra names become inputs that nothing uses), otherwise in
 * order of first appearance.
 */
export function buildGraph(parsed: ParsedExpression, inputOrder?: readonly string[]): ComputationGraph {
  const inputs = inputOrder ? [...inputOrder] : [...parsed.inputs];
  const missing = parsed.inputs.filter((name) => !inputs.includes(name));
  if (missing.length > 0) throw new ValueError(`the input order must list every input; missing ${missing.join(', ')}`);
  const twice = inputs.find((name, i) => inputs.indexOf(name) !== i);
  if (twice !== undefined) throw new ValueError(`the input order lists "${twice}" twice`);
  const clash = inputs.find((name) => parsed.outputs.some((o) => o.named && o.name === name));
  if (clash !== undefined) throw new ValueError(`"${clash}" is an output; it cannot also be an input`);

  const nodes: GraphNode[] = inputs.map((name, id) => ({
    id,
    label: nodeLabel(id + 1),
    op: 'input',
    args: [],
    operands: [],
    name,
    formula: `${nodeLabel(id + 1)} = ${prettyName(name)}`,
    expression: prettyName(name),
  }));
  const byKey = new Map<string, number>();

  const addNode = (op: NodeOp, args: NodeArg[], key: string, expr: Expr): number => {
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const id = nodes.length;
    const label = nodeLabel(id + 1);
    const rhs = op === 'const' ? prettyNumber((args[0] as { constant: number }).constant) : rightHandSide(op as OpName, args, nodes);
    nodes.push({
      id,
      label,
      op,
      args,
      operands: args.flatMap((a) => ('node' in a ? [a.node] : [])),
      formula: `${label} = ${rhs}`,
      expression: expressionSize(expr) <= MAX_EXPRESSION_SIZE ? formatExpression(expr, 'pretty') : '…',
    });
    byKey.set(key, id);
    return id;
  };

  const lowered = new Map<Expr, NodeArg>(); // a shared subtree is lowered once
  const lower = (e: Expr): NodeArg => {
    const known = lowered.get(e);
    if (known) return known;
    const result = lowerOnce(e);
    lowered.set(e, result);
    return result;
  };
  const lowerOnce = (e: Expr): NodeArg => {
    if (e.kind === 'number') return { constant: e.value };
    if (e.kind === 'variable') return { node: inputs.indexOf(e.name) };
    const op = opOf(e)!;
    const args = argsOf(e).map(lower);
    if (args.every((a) => 'constant' in a)) return { constant: opRules[op].value(args.map((a) => (a as { constant: number }).constant)) };
    const keys = args.map((a) => ('node' in a ? `n${a.node}` : constantKey(a.constant)));
    if (op === 'add' || op === 'mul') keys.sort();
    return { node: addNode(op, args, `${op}(${keys.join(',')})`, e) };
  };

  const outputs = parsed.outputs.map((o): GraphOutput => {
    const result = lower(o.expr);
    const node = 'node' in result ? result.node : addNode('const', [result], `const(${constantKey(result.constant)})`, o.expr);
    return { name: o.name, node, expr: o.expr };
  });
  const operations = nodes.filter((n) => n.op !== 'input' && n.op !== 'const').length;
  return { source: parsed.source, inputs, outputs, nodes, operations };
}

// The evaluation trace: every a_k's value at given input values, in order, and the local
// partial derivatives ∂a_k/∂a_j that forward and reverse mode multiply along the edges.
import { ValueError } from '../errors.js';
import { num, variable, type Expr } from './expression.js';
import { formatExpression } from './format.js';
import type { ComputationGraph, GraphNode, NodeArg } from './graph.js';
import { evaluateExpression, opRules, type OpName } from './ops.js';

export interface EvaluationTrace {
  /** The input values, by name. */
  inputs: Record<string, number>;
  /** a_k's value, by node id (k = id + 1). */
  values: number[];
  outputs: { name: string; node: number; value: number }[];
}

const argValue = (a: NodeArg, values: readonly number[]) => ('node' in a ? values[a.node] : a.constant);

/** Runs the trace a₁ … aₙ at the given input values (every input needs one). */
export function evaluateGraph(graph: ComputationGraph, inputs: Readonly<Record<string, number>>): EvaluationTrace {
  const values: number[] = [];
  for (const node of graph.nodes) {
    if (node.op === 'input') {
      const v = inputs[node.name!];
      if (typeof v !== 'number') throw new ValueError(`no value for input "${node.name}"; give every input a number`);
      values.push(v);
    } else if (node.op === 'const') {
      values.push(argValue(node.args[0], values));
    } else {
      values.push(opRules[node.op].value(node.args.map((a) => argValue(a, values))));
    }
  }
  return {
    inputs: Object.fromEntries(graph.inputs.map((name) => [name, inputs[name]])),
    values,
    outputs: graph.outputs.map((o) => ({ name: o.name, node: o.node, value: values[o.node] })),
  };
}

/** One edge's local derivative ∂a_k/∂a_j, as text and as a number. */
export interface LocalPartial {
  /** j, the operand's node id. */
  operand: number;
  /** 'cos(a₅)', '½', 'a₃'. */
  text: string;
  value: number;
  /** The partial as an expression in the labels. */
  expr: Expr;
}

/** The local partials of a node, one per node argument (a repeated operand appears twice). */
export function localPartials(node: GraphNode, nodes: readonly GraphNode[], values: readonly number[]): LocalPartial[] {
  if (node.op === 'input' || node.op === 'const') return [];
  const args: Expr[] = node.args.map((a) => ('node' in a ? variable(nodes[a.node].label) : num(a.constant)));
  const partials = opRules[node.op as OpName].partials(args, variable(node.label));
  const lookup = (label: string) => values[labelIndex(label)];
  return node.args.flatMap((a, i) =>
    'node' in a ? [{ operand: a.node, text: formatExpression(partials[i], 'pretty'), value: evaluateExpression(partials[i], lookup), expr: partials[i] }] : [],
  );
}

/** The node id of a label: 'a₁₂' → 11. */
function labelIndex(label: string): number {
  return Number([...label.slice(1)].map((d) => '₀₁₂₃₄₅₆₇₈₉'.indexOf(d)).join('')) - 1;
}

/** 'cos(a₅)·ȧ₅' from a partial and the factor's label; 1 and −1 drop out, sums and quotients get parentheses. */
export function chainTerm(partial: LocalPartial, factor: string): string {
  const e = partial.expr;
  if (e.kind === 'number' && e.value === 1) return factor;
  if (e.kind === 'number' && e.value === -1) return `−${factor}`;
  const inner = e.kind === 'neg' ? e.arg : e;
  const sign = e.kind === 'neg' ? '−' : '';
  const text = formatExpression(inner, 'pretty');
  return inner.kind === 'binary' && inner.op !== 'mul' && inner.op !== 'pow' ? `${sign}(${text})·${factor}` : `${sign}${text}·${factor}`;
}

/** Terms joined into a sum: 'a₃·ȧ₂ + a₂·ȧ₃', 'ȧ₄ − ȧ₃'. */
export function joinTerms(terms: string[]): string {
  return terms.reduce((sum, t, i) => (i === 0 ? t : t.startsWith('−') ? `${sum} − ${t.slice(1)}` : `${sum} + ${t}`), '');
}

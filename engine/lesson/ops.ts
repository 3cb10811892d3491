// One registry of the elementary operations: each op's value and its local partial
// derivatives, written once as expressions. The same partials print the lecture's rules
// (ȧ₆ = cos(a₅)·ȧ₅), give their numbers, and drive the symbolic differentiator.
import { ValueError } from '../errors.js';
import { add, call, div, mul, neg, num, pow, sub, type BinaryOp, type Expr, type FunctionName } from './expression.js';

/** The elementary operations: the binary operators, unary minus and the functions. */
export type OpName = BinaryOp | 'neg' | FunctionName;

/** How an elementary operation computes its value and its local partial derivatives. */
export interface OpRule {
  arity: 1 | 2;
  /** The op's value from its arguments' values. */
  value(args: number[]): number;
  /** ∂(op)/∂(argument i), as expressions in the arguments and the op's own result `ans`. */
  partials(args: Expr[], ans: Expr): Expr[];
}

const unary = (value: (x: number) => number, partial: (u: Expr, ans: Expr) => Expr): OpRule => ({
  arity: 1,
  value: ([x]) => value(x),
  partials: ([u], ans) => [partial(u, ans)],
});

const sigmoidValue = (x: number): number => {
  // Two branches so that exp never overflows, as the engine's sigmoid.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/** The registry: every elementary operation's rule, by name. */
export const opRules: Record<OpName, OpRule> = {
  add: { arity: 2, value: ([a, b]) => a + b, partials: () => [num(1), num(1)] },
  sub: { arity: 2, value: ([a, b]) => a - b, partials: () => [num(1), num(-1)] },
  mul: { arity: 2, value: ([a, b]) => a * b, partials: ([u, v]) => [v, u] },
  div: { arity: 2, value: ([a, b]) => a / b, partials: ([u, v]) => [div(num(1), v), neg(div(u, pow(v, num(2))))] },
  // (uᵛ)′: v·uᵛ⁻¹ for the base, log(u)·uᵛ for the exponent.
  pow: {
    arity: 2,
    value: ([a, b]) => Math.pow(a, b),
    partials: ([u, v], ans) => [mul(v, pow(u, sub(v, num(1)))), mul(call('log', u), ans)],
  },
  neg: unary((x) => -x, () => num(-1)),
  sin: unary(Math.sin, (u) => call('cos', u)),
  cos: unary(Math.cos, (u) => neg(call('sin', u))),
  tan: unary(Math.tan, (u) => div(num(1), pow(call('cos', u), num(2)))),
  exp: unary(Math.exp, (_, ans) => ans),
  log: unary(Math.log, (u) => div(num(1), u)),
  sqrt: unary(Math.sqrt, (_, ans) => div(num(1), mul(num(2), ans))),
  tanh: unary(Math.tanh, (_, ans) => sub(num(1), pow(ans, num(2)))),
  sigmoid: unary(sigmoidValue, (_, ans) => mul(ans, sub(num(1), ans))),
  // ReLU′(0) = 0, as in the lecture and the engine.
  relu: unary((x) => (x > 0 ? x : 0), (u) => call('step', u)),
  step: unary((x) => (x > 0 ? 1 : 0), () => num(0)),
};

/** The op an expression node applies, or null for numbers and variables. */
export function opOf(e: Expr): OpName | null {
  switch (e.kind) {
    case 'binary':
      return e.op;
    case 'call':
      return e.fn;
    case 'neg':
      return 'neg';
    default:
      return null;
  }
}

/** The arguments of an operation node, in order. */
export function argsOf(e: Expr): Expr[] {
  if (e.kind === 'binary') return [e.left, e.right];
  if (e.kind === 'neg' || e.kind === 'call') return [e.arg];
  return [];
}

/** Rebuilds an operation from its arguments, simplifying as the smart constructors do. */
export function applyOp(op: OpName, args: Expr[]): Expr {
  switch (op) {
    case 'add':
      return add(args[0], args[1]);
    case 'sub':
      return sub(args[0], args[1]);
    case 'mul':
      return mul(args[0], args[1]);
    case 'div':
      return div(args[0], args[1]);
    case 'pow':
      return pow(args[0], args[1]);
    case 'neg':
      return neg(args[0]);
    default:
      return call(op, args[0]);
  }
}

/** The value of an expression, with variables read from `lookup`; shared subtrees are evaluated once. */
export function evaluateExpression(e: Expr, lookup: Readonly<Record<string, number>> | ((name: string) => number)): number {
  const read = typeof lookup === 'function' ? lookup : (name: string) => (Object.hasOwn(lookup, name) ? lookup[name] : undefined);
  const memo = new Map<Expr, number>();
  const walk = (x: Expr): number => {
    if (x.kind === 'number') return x.value;
    if (x.kind === 'variable') {
      const v = read(x.name);
      if (v === undefined) throw new ValueError(`no value for variable "${x.name}"; give every input a number`);
      return v;
    }
    const known = memo.get(x);
    if (known !== undefined) return known;
    const value = opRules[opOf(x)!].value(argsOf(x).map(walk));
    memo.set(x, value);
    return value;
  };
  return walk(e);
}

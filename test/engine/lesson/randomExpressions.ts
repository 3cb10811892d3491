// Random expressions for property tests: a seeded generator of lesson ASTs, and the same
// expression built from the engine's ops, so the lesson's ȧ and ā can be checked against
// the engine's jvp and vjp.
import * as E from '../../../engine/index.js';
import { evaluateExpression, type Expr, type FunctionName } from '../../../engine/lesson/index.js';

export const VARIABLES = ['u', 'v', 'w'];
const UNARY: (FunctionName | 'neg')[] = ['neg', 'sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'relu'];
const CONSTANT_EXPONENTS = [2, 3, -1, 0.5, 1.5, -2];

/** A random expression tree of at most `depth` levels over VARIABLES. */
export function randomExpr(rng: E.Rng, depth: number): Expr {
  if (depth <= 0 || rng.uniform() < 0.2) {
    if (rng.uniform() < 0.8) return { kind: 'variable', name: VARIABLES[rng.int(VARIABLES.length)] };
    return { kind: 'number', value: Math.round((rng.uniform() * 4 - 2) * 100) / 100 };
  }
  const r = rng.uniform();
  if (r < 0.4) {
    const op = UNARY[rng.int(UNARY.length)];
    const arg = randomExpr(rng, depth - 1);
    return op === 'neg' ? (arg.kind === 'number' ? { kind: 'number', value: -arg.value } : { kind: 'neg', arg }) : { kind: 'call', fn: op, arg };
  }
  if (r < 0.5) {
    // A power: constant exponent, constant base, or both expressions (base kept positive by exp).
    const kind = rng.int(3);
    if (kind === 0) return { kind: 'binary', op: 'pow', left: randomExpr(rng, depth - 1), right: { kind: 'number', value: CONSTANT_EXPONENTS[rng.int(CONSTANT_EXPONENTS.length)] } };
    if (kind === 1) return { kind: 'binary', op: 'pow', left: { kind: 'number', value: 1.5 + rng.uniform() }, right: randomExpr(rng, depth - 1) };
    return { kind: 'binary', op: 'pow', left: { kind: 'call', fn: 'exp', arg: randomExpr(rng, depth - 1) }, right: randomExpr(rng, depth - 1) };
  }
  const op = (['add', 'sub', 'mul', 'div'] as const)[rng.int(4)];
  return { kind: 'binary', op, left: randomExpr(rng, depth - 1), right: randomExpr(rng, depth - 1) };
}

/**
 * Whether an expression is safely inside its domain at a point: every intermediate value
 * finite and moderate, log and sqrt of positive numbers, non-integer powers of positive
 * bases, tan away from its poles and relu away from its kink.
 */
export function wellPosed(e: Expr, values: Record<string, number>): boolean {
  const ok = (x: Expr): boolean => {
    if (x.kind === 'number' || x.kind === 'variable') return true;
    const args = x.kind === 'binary' ? [x.left, x.right] : [x.arg];
    if (!args.every(ok)) return false;
    const a = evaluateExpression(args[0], values);
    if (x.kind === 'call' && (x.fn === 'log' || x.fn === 'sqrt') && !(a > 0.05)) return false;
    if (x.kind === 'call' && x.fn === 'tan' && !(Math.abs(Math.cos(a)) > 0.1)) return false;
    if (x.kind === 'call' && (x.fn === 'relu' || x.fn === 'step') && !(Math.abs(a) > 1e-3)) return false;
    if (x.kind === 'binary' && x.op === 'div' && !(Math.abs(evaluateExpression(args[1], values)) > 0.05)) return false;
    if (x.kind === 'binary' && x.op === 'pow' && !(a > 0.05) && !(x.right.kind === 'number' && Number.isInteger(x.right.value))) return false;
    const v = evaluateExpression(x, values);
    return Number.isFinite(v) && Math.abs(v) < 1e6;
  };
  return ok(e);
}

/** The same expression as an engine function of the variables, in VARIABLES order. */
export function engineFunction(e: Expr, names: readonly string[]): (...xs: E.Tensor[]) => E.Tensor {
  return (...xs) => {
    const build = (x: Expr): E.Tensor => {
      switch (x.kind) {
        case 'number':
          return E.tensor(x.value);
        case 'variable':
          return xs[names.indexOf(x.name)];
        case 'neg':
          return E.neg(build(x.arg));
        case 'call': {
          const a = build(x.arg);
          if (x.fn === 'tan') return E.div(E.sin(a), E.cos(a));
          return E[x.fn](a);
        }
        case 'binary': {
          if (x.op === 'pow') {
            if (x.right.kind === 'number') return E.pow(build(x.left), x.right.value);
            // uᵛ = exp(v·log u) for a variable exponent.
            return E.exp(E.mul(build(x.right), E.log(build(x.left))));
          }
          return E[x.op](build(x.left), build(x.right));
        }
      }
    };
    return build(e);
  };
}

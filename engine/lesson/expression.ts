// Expressions as plain-data trees: what the parser returns and what the symbolic
// differentiator rewrites. Serializable as they are (JSON, structured clone).

/** The functions an expression may call, each of one argument. `step` is 1[x > 0], relu's slope. */
export const functionNames = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'relu', 'step'] as const;

export type FunctionName = (typeof functionNames)[number];

/** The binary operators: + − * / ^. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; arg: Expr };

/** True for a function name the language knows. */
export function isFunctionName(name: string): name is FunctionName {
  return (functionNames as readonly string[]).includes(name);
}

/** A constant. */
export const num = (value: number): Expr => ({ kind: 'number', value });
/** A variable (an input, or an a_k label when showing a rule). */
export const variable = (name: string): Expr => ({ kind: 'variable', name });

/**
 * The number of nodes in the tree (numbers, variables and operations), counting repeats; a
 * subtree shared by reference (a named statement used twice) is measured once.
 */
export function expressionSize(e: Expr, memo = new Map<Expr, number>()): number {
  const known = memo.get(e);
  if (known !== undefined) return known;
  let size = 1;
  if (e.kind === 'binary') size += expressionSize(e.left, memo) + expressionSize(e.right, memo);
  else if (e.kind === 'neg' || e.kind === 'call') size += expressionSize(e.arg, memo);
  memo.set(e, size);
  return size;
}

/** The variables of an expression in order of first appearance. */
export function variablesOf(e: Expr, into: string[] = []): string[] {
  if (e.kind === 'variable') {
    if (!into.includes(e.name)) into.push(e.name);
  } else if (e.kind === 'binary') {
    variablesOf(e.left, into);
    variablesOf(e.right, into);
  } else if (e.kind !== 'number') {
    variablesOf(e.arg, into);
  }
  return into;
}

// Smart constructors with light simplification: constants fold through arithmetic, and the
// identities 0 + u, 1·u, 0·u, u¹, u⁰, −(−u) and u − 0 disappear. Nothing cleverer (no
// common factors, no collecting terms), so the symbolic derivative shows its true growth.

const constantOf = (e: Expr): number | null => (e.kind === 'number' ? e.value : null);

/** −u, folding constants and double negation. */
export function neg(u: Expr): Expr {
  if (u.kind === 'number') return num(-u.value);
  if (u.kind === 'neg') return u.arg;
  return { kind: 'neg', arg: u };
}

/** u + v. */
export function add(u: Expr, v: Expr): Expr {
  const a = constantOf(u), b = constantOf(v);
  if (a !== null && b !== null) return num(a + b);
  if (a === 0) return v;
  if (b === 0) return u;
  if (v.kind === 'neg') return sub(u, v.arg);
  return { kind: 'binary', op: 'add', left: u, right: v };
}

/** u − v. */
export function sub(u: Expr, v: Expr): Expr {
  const a = constantOf(u), b = constantOf(v);
  if (a !== null && b !== null) return num(a - b);
  if (b === 0) return u;
  if (a === 0) return neg(v);
  if (v.kind === 'neg') return add(u, v.arg);
  return { kind: 'binary', op: 'sub', left: u, right: v };
}

/** u · v, with constants moved to the front (x·2 → 2·x) and merged (½·(2·u·x) → u·x). */
export function mul(u: Expr, v: Expr): Expr {
  const a = constantOf(u), b = constantOf(v);
  if (a !== null && b !== null) return num(a * b);
  if (a === 0 || b === 0) return num(0);
  if (a === 1) return v;
  if (b === 1) return u;
  if (a === -1) return neg(v);
  if (b === -1) return neg(u);
  if (b !== null) return mul(v, u);
  if (a !== null && v.kind === 'neg') return mul(num(-a), v.arg);
  if (u.kind === 'neg') return neg(mul(u.arg, v));
  if (v.kind === 'neg') return neg(mul(u, v.arg));
  if (a !== null) {
    const [c, rest] = leadingConstant(v);
    if (c !== 1) return mul(num(a * c), rest);
  }
  return { kind: 'binary', op: 'mul', left: u, right: v };
}

/** A product's constant factor at the front of its left spine, and the rest: 2·u·v → [2, u·v]. */
function leadingConstant(e: Expr): [number, Expr] {
  if (e.kind !== 'binary' || e.op !== 'mul') return [1, e];
  if (e.left.kind === 'number') return [e.left.value, e.right];
  const [c, rest] = leadingConstant(e.left);
  return c === 1 ? [1, e] : [c, { kind: 'binary', op: 'mul', left: rest, right: e.right }];
}

/** u / v. */
export function div(u: Expr, v: Expr): Expr {
  const a = constantOf(u), b = constantOf(v);
  if (a !== null && b !== null && b !== 0) return num(a / b);
  if (a === 0 && b !== 0) return num(0);
  if (b === 1) return u;
  if (u.kind === 'neg') return neg(div(u.arg, v));
  return { kind: 'binary', op: 'div', left: u, right: v };
}

/** uᵛ. */
export function pow(u: Expr, v: Expr): Expr {
  const a = constantOf(u), b = constantOf(v);
  if (a !== null && b !== null) return num(Math.pow(a, b));
  if (b === 0) return num(1);
  if (b === 1) return u;
  return { kind: 'binary', op: 'pow', left: u, right: v };
}

/** fn(u); constants are kept symbolic (log(2) stays log(2)). */
export function call(fn: FunctionName, u: Expr): Expr {
  return { kind: 'call', fn, arg: u };
}

/** The smart constructor of a binary operator. */
export function binary(op: BinaryOp, u: Expr, v: Expr): Expr {
  return { add, sub, mul, div, pow }[op](u, v);
}

// A small recursive-descent parser for the lesson's expressions: one or more outputs,
// `0.5*(w*x - y)^2` or `y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)`. Statements are
// separated by `;` or new lines; a named statement may be used by the ones after it.
//
//   statement := [name '='] sum
//   sum       := product (('+' | '-') product)*
//   product   := unary (('*' | '/') unary)*
//   unary     := '-' unary | '+' unary | power          (so -x^2 = -(x^2))
//   power     := atom [('^' | '**') unary]               (right-associative: a^b^c = a^(b^c))
//   atom      := number | name | function '(' sum ')' | '(' sum ')'
import { LosscapeError } from '../errors.js';
import { functionNames, isFunctionName, num, variablesOf, type BinaryOp, type Expr } from './expression.js';

/** One output of a parsed expression. */
export interface ParsedOutput {
  /** The name on the left of `=`, or f (f1, f2, … for several) when none was given. */
  name: string;
  /** Whether the source named it. */
  named: boolean;
  expr: Expr;
}

/** A parsed expression: its outputs, and its inputs in order of first appearance. */
export interface ParsedExpression {
  source: string;
  outputs: ParsedOutput[];
  inputs: string[];
}

/** A bad expression: `position` is the 0-based offset in the source; the message shows it with a caret. */
export class ExpressionError extends LosscapeError {
  /** 1-based line and column of `position`. */
  readonly line: number;
  readonly column: number;
  constructor(
    /** What is wrong, without the location: 'unexpected ")"'. */
    readonly reason: string,
    readonly source: string,
    readonly position: number,
    /** What to do about it, after the location: 'write * for a product'. */
    readonly hint = '',
  ) {
    const lineStart = source.lastIndexOf('\n', position - 1) + 1;
    const lineEnd = source.indexOf('\n', position) < 0 ? source.length : source.indexOf('\n', position);
    const line = source.slice(0, lineStart).split('\n').length;
    const column = position - lineStart + 1;
    const where = source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
    super(`${reason} at ${where}${hint ? `: ${hint}` : ''}\n${source.slice(lineStart, lineEnd)}\n${' '.repeat(column - 1)}^`);
    this.line = line;
    this.column = column;
  }
}

type TokenKind = 'number' | 'name' | 'op' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
  value?: number;
}

/** Spellings accepted for the operators, mapped to the ASCII ones (− · × from pasted formulas). */
const OPERATOR_ALIASES: Record<string, string> = { '−': '-', '·': '*', '×': '*' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0; // inside parentheses a new line is only white space
  while (i < source.length) {
    const c = source[i];
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (c === '\n' && depth === 0) {
      tokens.push({ kind: 'op', text: ';', pos: i });
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new ExpressionError(`the number ${number[0]} is too large`, source, i);
      tokens.push({ kind: 'number', text: number[0], pos: i, value });
      i += number[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '**') {
      tokens.push({ kind: 'op', text: '^', pos: i });
      i += 2;
      continue;
    }
    if ('+-*/^()=;'.includes(c) || Object.hasOwn(OPERATOR_ALIASES, c)) {
      tokens.push({ kind: 'op', text: OPERATOR_ALIASES[c] ?? c, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}"`, source, i);
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}

const describeToken = (t: Token) => (t.kind === 'end' ? 'end of expression' : t.kind === 'number' ? `number ${t.text}` : `"${t.text}"`);
/** Named constants: pi and π. */
const CONSTANTS = new Map([
  ['pi', Math.PI],
  ['π', Math.PI],
]);

/** Parses an expression of one or more outputs; throws ExpressionError pointing at the first problem. */
export function parseExpression(text: string): ParsedExpression {
  const tokens = tokenize(text);
  let k = 0;
  const peek = () => tokens[k];
  const fail = (reason: string, t: Token = peek(), hint = ''): never => {
    throw new ExpressionError(reason, text, t.pos, hint);
  };
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.text);
  const expectOp = (op: string, context: string) => {
    if (!isOp(peek(), op)) fail(`expected "${op}"`, peek(), `${context}, found ${describeToken(peek())}`);
    k++;
  };

  const bound = new Map<string, Expr>(); // names assigned so far
  const used = new Map<string, Token>(); // names used as inputs, at first use

  const atom = (): Expr => {
    const t = peek();
    if (t.kind === 'number') {
      k++;
      return num(t.value!);
    }
    if (t.kind === 'name') {
      k++;
      if (isFunctionName(t.text)) {
        if (!isOp(peek(), '(')) fail(`"${t.text}" is a function`, t, `write ${t.text}(…)`);
        k++;
        const arg = sum();
        expectOp(')', `to close ${t.text}(`);
        return { kind: 'call', fn: t.text, arg };
      }
      if (isOp(peek(), '(')) fail(`unknown function "${t.text}"`, t, `the functions are ${functionNames.join(', ')}`);
      if (CONSTANTS.has(t.text)) return num(CONSTANTS.get(t.text)!);
      const value = bound.get(t.text);
      if (value) return value;
      if (!used.has(t.text)) used.set(t.text, t);
      return { kind: 'variable', name: t.text };
    }
    if (isOp(t, '(')) {
      k++;
      const inner = sum();
      if (!isOp(peek(), ')')) fail('expected ")"', peek(), `to close the "(" at column ${t.pos - text.lastIndexOf('\n', t.pos - 1)}, found ${describeToken(peek())}`);
      k++;
      return inner;
    }
    return fail(`unexpected ${describeToken(t)}`, t, 'expected a number, a name or "("');
  };

  const power = (): Expr => {
    const base = atom();
    if (!isOp(peek(), '^')) return base;
    k++;
    return { kind: 'binary', op: 'pow', left: base, right: unary() };
  };

  const unary = (): Expr => {
    if (isOp(peek(), '-')) {
      k++;
      const arg = unary();
      return arg.kind === 'number' ? num(-arg.value) : { kind: 'neg', arg };
    }
    if (isOp(peek(), '+')) {
      k++;
      return unary();
    }
    return power();
  };

  const chain = (next: () => Expr, ops: Record<string, BinaryOp>): Expr => {
    let left = next();
    while (peek().kind === 'op' && peek().text in ops) {
      const op = ops[peek().text];
      k++;
      left = { kind: 'binary', op, left, right: next() };
    }
    const t = peek();
    if (t.kind === 'number' || t.kind === 'name' || isOp(t, '(')) fail(`missing operator before ${describeToken(t)}`, t, 'write * for a product');
    return left;
  };
  const product = () => chain(unary, { '*': 'mul', '/': 'div' });
  const sum = (): Expr => chain(product, { '+': 'add', '-': 'sub' });

  const statements: { name: string | null; nameToken: Token | null; expr: Expr }[] = [];
  while (peek().kind !== 'end') {
    if (isOp(peek(), ';')) {
      k++;
      continue;
    }
    let name: Token | null = null;
    if (peek().kind === 'name' && isOp(tokens[k + 1], '=')) {
      name = peek();
      if (isFunctionName(name.text) || CONSTANTS.has(name.text)) fail(`"${name.text}" is a built-in name`, name, 'choose another output name');
      if (used.has(name.text)) fail(`"${name.text}" is assigned after its use as an input`, name, 'define it before using it');
      if (bound.has(name.text)) fail(`"${name.text}" is assigned twice`, name);
      k += 2;
    }
    const expr = sum();
    if (!isOp(peek(), ';') && peek().kind !== 'end') {
      fail(`unexpected ${describeToken(peek())}`, peek(), isOp(peek(), ')') ? 'no "(" is open' : 'expected an operator, ";" or the end');
    }
    if (name && used.has(name.text)) fail(`"${name.text}" is used in its own definition`, used.get(name.text));
    if (name) bound.set(name.text, expr);
    statements.push({ name: name?.text ?? null, nameToken: name, expr });
  }
  if (statements.length === 0) fail('empty expression', peek(), 'type a formula such as 0.5*(w*x - y)^2');

  const inputs: string[] = [];
  for (const s of statements) variablesOf(s.expr, inputs);
  const taken = new Set([...inputs, ...bound.keys()]);
  let unnamed = 0;
  const outputs = statements.map((s): ParsedOutput => {
    if (s.name) return { name: s.name, named: true, expr: s.expr };
    unnamed++;
    let name = statements.length === 1 ? 'f' : `f${unnamed}`;
    while (taken.has(name)) name = `_${name}`;
    taken.add(name);
    return { name, named: false, expr: s.expr };
  });
  return { source: text, outputs, inputs };
}
